#!/usr/bin/env python3
"""Scores with a RankLab reward model exported as GET /api/v1/reward-models/{id}/artifact?format=hf,
in plain PyTorch: no transformers, no tokenizers (only Debian's python3-torch).

    hf_check.py MODEL_DIR PAIRS.json

MODEL_DIR is the unzipped export (config.json, model.safetensors, tokenizer.json). PAIRS.json is a list
of {"prompt", "response"} objects, optionally with "score" (RankLab's score of the pair): the script prints
its own score of each pair and, where RankLab's is given, the largest absolute difference.
The computation is the one the export's README.md describes.
"""
import json
import math
import re
import struct
import sys
import unicodedata

import torch


# --- safetensors -------------------------------------------------------------------------------

def read_safetensors(path):
    """{name: float32 tensor}: 8-byte little-endian header length, JSON header, raw data."""
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length].decode("utf-8"))
    base = 8 + length
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        if entry["dtype"] != "F32":
            raise ValueError(f"{name}: dtype {entry['dtype']}, expected F32")
        start, end = entry["data_offsets"]
        count = math.prod(entry["shape"])
        if end - start != 4 * count:
            raise ValueError(f"{name}: {end - start} bytes for shape {entry['shape']}")
        buffer = bytearray(data[base + start:base + end])
        tensors[name] = torch.frombuffer(buffer, dtype=torch.float32).reshape(entry["shape"])
    return tensors


# --- WordPiece (BertNormalizer, BertPreTokenizer, WordPiece as in tokenizer.json) -----------------

def is_control(c):
    return c not in "\t\n\r" and unicodedata.category(c).startswith("C")


def is_whitespace(c):
    return c in " \t\n\r" or unicodedata.category(c) == "Zs"


def is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def is_punctuation(c):
    cp = ord(c)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(c).startswith("P")


class WordPiece:

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            spec = json.load(f)
        model = spec["model"]
        self.vocab = model["vocab"]
        self.unk = model["unk_token"]
        self.prefix = model["continuing_subword_prefix"]
        self.max_chars = model["max_input_chars_per_word"]
        normalizer = spec["normalizer"]
        self.lowercase = normalizer.get("lowercase", True)
        strip = normalizer.get("strip_accents")
        self.strip_accents = self.lowercase if strip is None else strip
        # special tokens are matched in the raw text, before normalisation
        added = sorted((t["content"] for t in spec.get("added_tokens", [])), key=len, reverse=True)
        self.added = re.compile("(" + "|".join(re.escape(t) for t in added) + ")") if added else None

    def normalize(self, text):
        out = []
        for c in text:
            if c == "\0" or c == "\ufffd" or is_control(c):
                continue
            if is_whitespace(c):
                out.append(" ")
            elif is_cjk(ord(c)):
                out.append(" " + c + " ")
            else:
                out.append(c)
        text = "".join(out)
        if self.strip_accents:
            text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
        if self.lowercase:
            text = text.lower()
        return text

    @staticmethod
    def pre_tokenize(text):
        words, word = [], []
        for c in text:
            if c.isspace():
                if word:
                    words.append("".join(word))
                    word = []
            elif is_punctuation(c):
                if word:
                    words.append("".join(word))
                    word = []
                words.append(c)
            else:
                word.append(c)
        if word:
            words.append("".join(word))
        return words

    def word_pieces(self, word):
        if len(word) > self.max_chars:
            return [self.unk]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            piece = None
            while start < end:
                candidate = word[start:end] if start == 0 else self.prefix + word[start:end]
                if candidate in self.vocab:
                    piece = candidate
                    break
                end -= 1
            if piece is None:
                return [self.unk]
            pieces.append(piece)
            start = end
        return pieces

    def tokens(self, text):
        """Word pieces of text, without special tokens around it."""
        parts = self.added.split(text) if self.added else [text]
        tokens = []
        for i, part in enumerate(parts):
            if i % 2 == 1:
                tokens.append(part)
                continue
            for word in self.pre_tokenize(self.normalize(part)):
                tokens.extend(self.word_pieces(word))
        return tokens


# --- RankLab's text handling (Java strings count UTF-16 units) --------------------------------------

def utf16_length(text):
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def cut_utf16(text, keep, from_end):
    units = text.encode("utf-16-le", "surrogatepass")
    if len(units) // 2 <= keep:
        return text
    units = units[len(units) - 2 * keep:] if from_end else units[:2 * keep]
    return units.decode("utf-16-le", "surrogatepass")


def java_whitespace(c):
    if c in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f":
        return True
    return unicodedata.category(c) in ("Zs", "Zl", "Zp") and c not in "\u00a0\u2007\u202f"


def non_blank_lines(text):
    return sum(1 for line in re.split(r"\r\n|\r|\n", text) if any(not java_whitespace(c) for c in line))


def f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


# --- the model ---------------------------------------------------------------------------------

class RewardModel:

    def __init__(self, directory):
        with open(f"{directory}/config.json", encoding="utf-8") as f:
            self.config = json.load(f)
        self.weights = read_safetensors(f"{directory}/model.safetensors")
        self.tokenizer = WordPiece(f"{directory}/tokenizer.json")
        self.cls = self.tokenizer.vocab["[CLS]"]
        self.sep = self.tokenizer.vocab["[SEP]"]

    def inputs(self, prompt, response):
        """Ids, token types and the 5 features of one pair."""
        max_prompt = self.config["max_prompt_tokens"]
        max_response = self.config["max_response_tokens"]
        p = self.tokenizer.tokens(cut_utf16(prompt, 8 * max_prompt, True))
        r = self.tokenizer.tokens(cut_utf16(response, 8 * max_response, False))
        vocab = self.tokenizer.vocab
        p_ids = [vocab[t] for t in p][max(0, len(p) - max_prompt):]
        r_ids = [vocab[t] for t in r][:max_response]
        ids = [self.cls] + p_ids + [self.sep] + r_ids + [self.sep]
        types = [0] * (len(p_ids) + 2) + [1] * (len(r_ids) + 1)
        distinct = set(p)
        shared = sum(1 for t in r if t in distinct)
        features = [
            f32(f32(math.log1p(len(r))) / f32(5)),
            f32(f32(math.log1p(utf16_length(response))) / f32(8)),
            f32(f32(math.log1p(non_blank_lines(response))) / f32(3)),
            0.0 if not r else f32(f32(shared) / f32(len(r))),
            f32(f32(math.log1p(len(p))) / f32(5)),
        ]
        return ids, types, features

    def encode(self, ids, types):
        """The encoder's output states [L, hidden] of one unpadded row."""
        w = self.weights
        c = self.config
        hidden = c["hidden_size"]
        heads = c["num_attention_heads"]
        eps = c["layer_norm_eps"]
        ids = torch.tensor(ids)
        x = (w["bert.embeddings.word_embeddings.weight"][ids]
             + w["bert.embeddings.position_embeddings.weight"][torch.arange(len(ids))]
             + w["bert.embeddings.token_type_embeddings.weight"][torch.tensor(types)])
        x = torch.nn.functional.layer_norm(x, (hidden,), w["bert.embeddings.LayerNorm.weight"],
                                           w["bert.embeddings.LayerNorm.bias"], eps)

        def linear(name, v):
            return torch.nn.functional.linear(v, w[name + ".weight"], w[name + ".bias"])

        size = hidden // heads
        for i in range(c["num_hidden_layers"]):
            p = f"bert.encoder.layer.{i}."
            q, k, v = (linear(p + "attention.self." + n, x).reshape(-1, heads, size).transpose(0, 1)
                       for n in ("query", "key", "value"))
            attention = torch.softmax(q @ k.transpose(1, 2) / math.sqrt(size), dim=-1)
            mixed = (attention @ v).transpose(0, 1).reshape(-1, hidden)
            x = torch.nn.functional.layer_norm(x + linear(p + "attention.output.dense", mixed), (hidden,),
                                               w[p + "attention.output.LayerNorm.weight"],
                                               w[p + "attention.output.LayerNorm.bias"], eps)
            up = torch.nn.functional.gelu(linear(p + "intermediate.dense", x))
            x = torch.nn.functional.layer_norm(x + linear(p + "output.dense", up), (hidden,),
                                               w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps)
        return x

    def score(self, prompt, response):
        ids, types, features = self.inputs(prompt, response)
        with torch.no_grad():
            pooled = self.encode(ids, types).mean(0)
            head_input = torch.cat([pooled, torch.tensor(features, dtype=torch.float32)])
            raw = (self.weights["score.weight"] @ head_input + self.weights["score.bias"]).item()
        std = self.config["reward_std"] if self.config["reward_std"] > 1e-9 else 1.0
        return (raw - self.config["reward_mean"]) / std


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    torch.set_num_threads(1)
    model = RewardModel(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        pairs = json.load(f)
    worst = None
    for pair in pairs:
        ours = model.score(pair["prompt"], pair["response"])
        expected = pair.get("score")
        if expected is None:
            print(f"{ours:.6f}")
            continue
        difference = abs(ours - expected)
        worst = difference if worst is None else max(worst, difference)
        print(f"{ours:.6f}  ranklab {expected:.6f}  diff {difference:.2e}")
    if worst is not None:
        print(f"MAX_ABS_DIFF {worst:.3e} over {len(pairs)} pairs")


if __name__ == "__main__":
    main()
