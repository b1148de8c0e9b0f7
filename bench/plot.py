#!/usr/bin/python3
"""Plots of bench/compare.sh's CSV (time and peak memory per case and
solver, log scale) as SVG files for docs/performance.md.

    /usr/bin/python3 bench/plot.py build-bench/compare.csv docs/perf
"""
import csv
import os
import sys

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402

SOLVERS = ["libmatch", "lemon-networksimplex", "lemon-costscaling", "scipy-lsa", "networkx"]


def load(path):
    rows = {}
    order = []
    with open(path) as f:
        for r in csv.DictReader(f):
            if not r["time_s"]:
                continue
            if r["case"] not in rows:
                rows[r["case"]] = {}
                order.append(r["case"])
            rows[r["case"]][r["solver"]] = (float(r["time_s"]), float(r["rss_mib"] or 0))
    return order, rows


def plot(order, rows, index, label, out):
    fig, ax = plt.subplots(figsize=(11, 4.8))
    width = 0.8 / len(SOLVERS)
    for i, s in enumerate(SOLVERS):
        xs, ys = [], []
        for j, c in enumerate(order):
            if s in rows[c]:
                xs.append(j + i * width)
                ys.append(max(rows[c][s][index], 1e-3))
        if xs:
            ax.bar(xs, ys, width, label=s)
    ax.set_yscale("log")
    ax.set_ylabel(label)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(order))])
    ax.set_xticklabels([c.replace(":", "\n", 1) for c in order], fontsize=7)
    ax.legend(fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(out, metadata={"Date": None})
    plt.close(fig)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    order, rows = load(sys.argv[1])
    os.makedirs(sys.argv[2], exist_ok=True)
    plot(order, rows, 0, "solve time, s (log)", os.path.join(sys.argv[2], "time.svg"))
    plot(order, rows, 1, "peak RSS, MiB (log)", os.path.join(sys.argv[2], "memory.svg"))


if __name__ == "__main__":
    main()
