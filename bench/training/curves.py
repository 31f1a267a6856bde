"""Learning curves of the protocol (bench/training/README.md, "Why the goals are not reached").

Reads curves.csv (dataset, prior, fraction, mean, sd: held-out accuracy over 5 folds when the inner
training part keeps that fraction of its pairs) and draws curves.png beside it:
    /usr/bin/python3 bench/training/curves.py        (Debian's python3-matplotlib)
"""
import csv
import pathlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = pathlib.Path(__file__).parent
LENGTH = {"hh": 0.446, "oasst": 0.698}
GOAL = {"hh": 0.65, "oasst": 0.70}
TITLE = {"hh": "HH-harmless (1,480 inner training pairs at 1.0)", "oasst": "OpenAssistant (about 480 at 1.0)"}

rows = list(csv.DictReader(open(HERE / "curves.csv")))
fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True)
for ax, dataset in zip(axes, ["hh", "oasst"]):
    for prior, style in [("1", "o-"), ("0", "s--")]:
        points = sorted((float(r["fraction"]), float(r["mean"]), float(r["sd"]))
                        for r in rows if r["dataset"] == dataset and r["prior"] == prior)
        if points:
            x, y, e = zip(*points)
            ax.errorbar(x, y, yerr=e, fmt=style, capsize=3,
                        label="pooled, length prior" if prior == "1" else "pooled, no prior")
    ax.axhline(LENGTH[dataset], color="grey", linestyle=":", label="longer wins")
    ax.axhline(1 - LENGTH[dataset], color="lightgrey", linestyle=":", label="shorter wins")
    ax.axhline(GOAL[dataset], color="red", linestyle="-.", label="goal")
    ax.set_title(TITLE[dataset], fontsize=10)
    ax.set_xlabel("share of the inner training pairs")
    ax.set_xticks([0.25, 0.5, 0.75, 1.0])
    ax.set_ylim(0.4, 0.75)
axes[0].set_ylabel("held-out pairwise accuracy (mean, sd over 5 folds)")
axes[1].legend(fontsize=8, loc="lower right")
fig.tight_layout()
fig.savefig(HERE / "curves.png", dpi=100)
