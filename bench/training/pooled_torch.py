#!/usr/bin/env python3
"""The pooled reward network and its training loop in plain PyTorch, mirroring
src/main/java/org/ranklab/training/engine/PooledRewardNet.java and the engine's Member.java, RankingDataset.java and
WarmUpLinearTracker.java
(same inputs, layers, initialisation, InstructGPT pair loss, AdamW, warm-up and decay, batch size).

Reads the encoded data that `RewardBenchmark speed` writes, so both sides train on exactly the same
token ids, and prints training pairs per second.

usage: pooled_torch.py DATA_FILE EPOCHS BATCH LR WEIGHT_DECAY DIM HIDDEN DROPOUT TOKEN_DROPOUT THREADS SEED
"""
import math
import random
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_data(path):
    with open(path, "rb") as f:
        raw = f.read()
    ints = np.frombuffer(raw, dtype=">i4")
    at = 0

    def take(n):
        nonlocal at
        out = ints[at:at + n]
        at += n
        return out

    rows, examples, vocab, features = take(4)
    table = []
    for _ in range(rows):
        lp, lr = take(2)
        p = take(lp).astype(np.int64)
        r = take(lr).astype(np.int64)
        f = take(features).view(">f4").astype(np.float32)
        table.append((p, r, f))
    data = []
    for _ in range(examples):
        n = int(take(1)[0])
        idx = take(n).astype(np.int64)
        pairs = int(take(1)[0])
        pr = take(2 * pairs).reshape(pairs, 2).astype(np.int64)
        data.append((idx, pr))
    return table, data, int(vocab), int(features)


class PooledRewardNet(nn.Module):
    def __init__(self, vocab, dim, hidden, features, dropout):
        super().__init__()
        self.embedding = nn.Parameter(torch.randn(vocab, dim) * 0.1)
        self.hidden = nn.Linear(4 * dim + features, hidden)
        self.output = nn.Linear(hidden, 1)
        for layer in (self.hidden, self.output):
            nn.init.xavier_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)
        self.dropout = dropout

    def forward(self, prompt, response, features):
        pm = (prompt != 0).float().unsqueeze(2)
        rm = (response != 0).float().unsqueeze(2)
        pe = F.embedding(prompt, self.embedding)
        re = F.embedding(response, self.embedding)
        p_mean = (pe * pm).sum(1) / pm.sum(1).clamp(min=1)
        r_mean = (re * rm).sum(1) / rm.sum(1).clamp(min=1)
        r_max = (re + (rm - 1) * 1e4).max(1).values * rm.max(1).values
        x = torch.cat([r_mean, r_max, p_mean, r_mean * p_mean, features], 1)
        x = F.dropout(x, self.dropout, self.training)
        h = F.dropout(F.relu(self.hidden(x)), self.dropout, self.training)
        return self.output(h).reshape(-1)


def batch_tensors(table, examples, token_dropout, rng):
    rows = [table[i] for ex in examples for i in ex[0]]
    if token_dropout > 0:
        rows = [(p[rng.random(len(p)) >= token_dropout], r[rng.random(len(r)) >= token_dropout], f)
                for p, r, f in rows]
    lp = max(1, max(len(r[0]) for r in rows))
    lr = max(1, max(len(r[1]) for r in rows))
    p = np.zeros((len(rows), lp), dtype=np.int64)
    r = np.zeros((len(rows), lr), dtype=np.int64)
    for i, row in enumerate(rows):
        p[i, :len(row[0])] = row[0]
        r[i, :len(row[1])] = row[1]
    f = np.stack([row[2] for row in rows])
    win, lose, weight = [], [], []
    base = 0
    for idx, pairs in examples:
        w = 1.0 / (len(pairs) * len(examples))
        win.extend(base + pairs[:, 0])
        lose.extend(base + pairs[:, 1])
        weight.extend([w] * len(pairs))
        base += len(idx)
    return (torch.from_numpy(p), torch.from_numpy(r), torch.from_numpy(f),
            torch.tensor(win), torch.tensor(lose), torch.tensor(weight, dtype=torch.float32))


def main():
    path, epochs, batch, lr, wd, dim, hidden, dropout, token_dropout, threads, seed = sys.argv[1:12]
    epochs, batch, dim, hidden, threads, seed = map(int, (epochs, batch, dim, hidden, threads, seed))
    lr, wd, dropout, token_dropout = float(lr), float(wd), float(dropout), float(token_dropout)
    drop_rng = np.random.default_rng(seed)
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    table, data, vocab, features = read_data(path)
    model = PooledRewardNet(vocab, dim, hidden, features, dropout)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=wd)
    steps = math.ceil(len(data) / batch) * epochs
    warm = max(1, round(steps * 0.1))
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: (s + 1) / warm if s + 1 <= warm else
                                                 0.1 + 0.9 * max(0.0, (steps - s - 1) / max(1, steps - warm)))
    pairs_per_epoch = sum(len(p) for _, p in data)
    rng = random.Random(seed)
    model.train()
    started = time.perf_counter()
    for epoch in range(epochs):
        order = list(data)
        rng.shuffle(order)
        total = 0.0
        for i in range(0, len(order), batch):
            examples = order[i:i + batch]
            p, r, f, win, lose, weight = batch_tensors(table, examples, token_dropout, drop_rng)
            rewards = model(p, r, f)
            loss = (F.softplus(rewards[lose] - rewards[win]) * weight).sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            total += loss.item() * len(examples)
        print(f"epoch {epoch + 1}: train loss {total / len(order):.4f}", flush=True)
    seconds = time.perf_counter() - started
    pairs = pairs_per_epoch * epochs
    print(f"RESULT pytorch {torch.__version__} threads={threads}: {pairs} pairs in {seconds:.2f} s = "
          f"{pairs / seconds:.0f} pairs/s")


if __name__ == "__main__":
    main()
