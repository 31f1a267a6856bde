"""Draws held-out accuracy against rankings collected, per hand-out order (mean and range over seeds)."""
import csv
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ORDERS = [("completion", "completion order (today's)", "tab:blue"),
          ("random", "random order", "tab:orange"),
          ("uncertainty", "uncertainty order (smallest margin first)", "tab:green")]
NAMES = {"hh": "Anthropic HH harmless (pairs)", "oasst": "OpenAssistant (ranked groups)"}


def main(out, files):
    fig, axes = plt.subplots(1, len(files), figsize=(6.5 * len(files), 4.6), squeeze=False)
    for ax, name in zip(axes[0], files):
        rows = list(csv.DictReader(open(name)))
        dataset = name.rsplit("results-", 1)[-1].removesuffix(".csv")
        seeds = sorted({r["seed"] for r in rows})
        for order, label, colour in ORDERS:
            by_budget = defaultdict(list)
            for r in rows:
                if r["order"] == order:
                    by_budget[int(r["rankings"])].append(float(r["accuracy"]))
            budgets = sorted(by_budget)
            means = [sum(by_budget[b]) / len(by_budget[b]) for b in budgets]
            ax.plot(budgets, means, marker="o", color=colour, label=label)
            ax.fill_between(budgets, [min(by_budget[b]) for b in budgets], [max(by_budget[b]) for b in budgets],
                            color=colour, alpha=0.12)
        full = [float(r["accuracy"]) for r in rows if r["order"] == "all"]
        if full:
            ax.axhline(sum(full) / len(full), color="grey", linestyle="--",
                       label="all rankings of the pool (mean)")
        ax.set_title(f"{NAMES.get(dataset, dataset)}, {len(seeds)} seeds")
        ax.set_xlabel("rankings collected")
        ax.set_ylabel("held-out pairwise accuracy")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="lower right")
    fig.suptitle("pooled reward model, retrained every step; lines: mean over seeds, bands: min to max", fontsize=10)
    fig.tight_layout()
    fig.savefig(out, dpi=110)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
