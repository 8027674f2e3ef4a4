#!/usr/bin/python3
"""The typical lab chart drawn with matplotlib (Debian's python3-matplotlib), for bench/Rendering/run.sh.

Same data (JSON written by the C# bench), same elements as LabCharts' version: 30 points with x and y
error bars, fitted line, 95 % confidence band, legend (loc="best"), Chinese title and axis labels with
superscripts, annotation box, minor ticks, grid, residual panel with a zero line, a layout engine
(constrained layout: like LabCharts' measured layout, nothing clips); 1200x900 PNG at
100 dpi; fonts loaded from the repository's fonts/ folder (Noto Sans CJK, Noto Sans for italics).
Prints one JSON line: median ms per chart over several rounds, after warm-up.
"""
import argparse
import io
import json
import logging
import os
import statistics
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib import font_manager  # noqa: E402

FONTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fonts")
PX = 72 / 100  # LabCharts sizes are pixels at 1200x900; matplotlib wants points at 100 dpi


def setup_fonts():
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    for name in ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc", "NotoSans-Regular.ttf", "NotoSans-Italic.ttf"):
        font_manager.fontManager.addfont(os.path.join(FONTS, name))
    cjk = font_manager.FontProperties(fname=os.path.join(FONTS, "NotoSansCJK-Regular.ttc")).get_name()
    plt.rcParams.update({
        "font.family": [cjk, "Noto Sans"],
        "mathtext.fontset": "custom",
        "mathtext.rm": cjk,
        "mathtext.it": "Noto Sans:italic",
        "mathtext.bf": cjk + ":bold",
        "axes.unicode_minus": True,
    })
    return cjk


def draw(d, tight):
    x, y = np.array(d["x"]), np.array(d["y"])
    xerr, yerr = np.array(d["xError"]), np.array(d["yError"])
    a, b, cov = d["intercept"], d["slope"], np.array(d["covariance"])
    fig, (ax, res) = plt.subplots(2, 1, sharex=True, figsize=(12, 9), dpi=100, layout="constrained" if tight else None,
                                  gridspec_kw={"height_ratios": [1, 0.35]})

    span = x.max() - x.min()
    xs = np.linspace(x.min() - 0.05 * span, x.max() + 0.05 * span, 200)
    fit = a + b * xs
    half = 1.96 * np.sqrt(cov[0][0] + 2 * xs * cov[0][1] + xs * xs * cov[1][1])
    ax.fill_between(xs, fit - half, fit + half, color="#D55E00", alpha=0.22, lw=0, label="95% 置信带")
    ax.errorbar(x, y, xerr=xerr, yerr=yerr, fmt="o", color="#0072B2", ms=11 * PX, capsize=4.5, elinewidth=1.5, label="测量值")
    ax.plot(xs, fit, color="#D55E00", lw=2.25 * PX / 0.72, label="拟合直线")
    ax.set_title(d["title"], fontsize=27 * PX, fontweight="bold")
    ax.set_ylabel("$T^2$ / s$^2$", fontsize=21 * PX)
    ax.legend(loc="best", fontsize=17.5 * PX)
    ax.text(0.98, 0.04, "\n".join(d["annotations"]), transform=ax.transAxes, ha="right", va="bottom", fontsize=18.5 * PX,
            bbox=dict(boxstyle="round", fc="white", ec="#CCCCCC", alpha=0.85))
    ax.grid(True, color="#E6E6E6")
    ax.minorticks_on()
    ax.tick_params(labelsize=17.5 * PX, labelbottom=False)

    res.axhline(0, ls="--", color="#666666", lw=1.25)
    res.errorbar(x, y - (a + b * x), yerr=yerr, fmt="o", color="#0072B2", ms=11 * PX, capsize=4.5, elinewidth=1.5)
    res.set_xlabel("摆长 $L$ / m", fontsize=21 * PX)
    res.set_ylabel("残差 / s$^2$", fontsize=21 * PX)
    res.grid(True, color="#E6E6E6")
    res.minorticks_on()
    res.tick_params(labelsize=17.5 * PX)
    fig.align_ylabels([ax, res])

    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=100, facecolor="white")
    plt.close(fig)
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--out")
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-layout", action="store_true")
    args = parser.parse_args()
    with open(args.data, encoding="utf-8") as f:
        data = json.load(f)
    setup_fonts()
    tight = not args.no_layout
    for _ in range(3):
        png = draw(data, tight)
    wall, cpu = [], []
    for _ in range(args.rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(args.iterations):
            png = draw(data, tight)
        wall.append((time.perf_counter() - start) * 1000 / args.iterations)
        cpu.append((time.process_time() - start_cpu) * 1000 / args.iterations)
    if args.out:
        with open(args.out, "wb") as f:
            f.write(png)
    print(json.dumps({
        "engine": "matplotlib " + matplotlib.__version__ + (" (constrained layout)" if tight else " (no layout engine)"),
        "msPerChart": statistics.median(wall),
        "msPerChartMin": min(wall),
        "cpuMsPerChart": statistics.median(cpu),
        "pngBytes": len(png),
        "iterations": args.iterations * args.rounds,
    }))


if __name__ == "__main__":
    main()
