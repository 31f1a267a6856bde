#!/usr/bin/env python3
"""Test data for the import benchmark (standard library only).

  generate.py ndjson N CANDIDATES OUT.jsonl [SOURCE.jsonl]
      N records of CANDIDATES candidates each (about 500 bytes per candidate), texts drawn from the
      OpenAssistant trees in SOURCE when given (real prose, some non-ASCII), otherwise synthetic.
      With CONVERSATIONS=1 in the environment, each record gives "messages" (system, user, assistant,
      user: 60 characters each, as much text as the single prompt) instead of "prompt".
  generate.py tsv IN.jsonl PROJECT_ID FIRST_PROMPT_ID READY_AT PROMPTS.tsv CANDIDATES.tsv
      The same rows in PostgreSQL's COPY text format, for psql \\copy into prompts and candidates.
"""
import json
import os
import random
import sys

CANDIDATE_CHARS = 480
PROMPT_CHARS = 240
ROLES = ("system", "user", "assistant", "user")
MARKERS = {"system": "System", "user": "User", "assistant": "Assistant"}

WORDS = ("reward model preference ranking candidate answer prompt label human feedback policy gradient "
         "token context window café naïve résumé 数据 модель ünïcödé quote \" backslash \\ tab\t").split(" ")


def texts_from(source):
    pool = []
    if source:
        def walk(message):
            text = message.get("text")
            if text and len(text) > 40:
                pool.append(text)
            for reply in message.get("replies", []):
                walk(reply)
        with open(source, encoding="utf-8") as lines:
            for line in lines:
                walk(json.loads(line)["prompt"])
    return pool


def sized(rng, pool, chars):
    parts, length = [], 0
    while length < chars:
        piece = rng.choice(pool) if pool else " ".join(rng.choice(WORDS) for _ in range(12))
        parts.append(piece)
        length += len(piece) + 1
    return " ".join(parts)[:chars]


def ndjson(count, candidates, out, source=None):
    rng = random.Random(42)
    pool = texts_from(source)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            record = {"external_id": "bench-%d" % i}
            if os.environ.get("CONVERSATIONS") == "1":
                record["messages"] = [{"role": role, "content": sized(rng, pool, PROMPT_CHARS // len(ROLES))}
                                      for role in ROLES]
            else:
                record["prompt"] = sized(rng, pool, PROMPT_CHARS)
            record.update({
                "candidates": [{"text": "%d. %s" % (c + 1, sized(rng, pool, CANDIDATE_CHARS)), "model": "bench-7b"}
                               for c in range(candidates)],
                "meta": {"source": "bench", "i": i},
            })
            f.write(json.dumps(record, ensure_ascii=False))
            f.write("\n")


def copy_text(value):
    if value is None:
        return "\\N"
    return (value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"))


def tsv(source, project, first_id, ready_at, prompts_out, candidates_out):
    prompt_id = int(first_id)
    with open(source, encoding="utf-8") as lines, \
            open(prompts_out, "w", encoding="utf-8") as prompts, \
            open(candidates_out, "w", encoding="utf-8") as candidates:
        for line in lines:
            record = json.loads(line)
            meta = json.dumps(record["meta"], ensure_ascii=False, separators=(",", ":"))
            messages = record.get("messages")
            text = ("\n\n".join("%s: %s" % (MARKERS[m["role"]], m["content"]) for m in messages) if messages
                    else record["prompt"])
            messages_json = json.dumps(messages, ensure_ascii=False, separators=(",", ":")) if messages else None
            prompts.write("\t".join([str(prompt_id), project, copy_text(record["external_id"]),
                                     copy_text(text), copy_text(meta), ready_at, copy_text(messages_json)]) + "\n")
            for position, candidate in enumerate(record["candidates"]):
                candidates.write("\t".join([str(prompt_id), str(position), copy_text(candidate["text"]),
                                            copy_text(candidate.get("model")), "\\N"]) + "\n")
            prompt_id += 1


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "ndjson":
        ndjson(int(args[0]), int(args[1]), args[2], args[3] if len(args) > 3 else None)
    elif mode == "tsv":
        tsv(*args)
    else:
        sys.exit(__doc__)
