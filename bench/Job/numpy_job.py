#!/usr/bin/python3
"""The peer of bench/Job: the same pendulum request files done with numpy + matplotlib in one process.

Per job: read the request JSON, mean and type-A uncertainty of the three periods per length, T² and
u(T²) = 2T·u(T), a weighted straight-line fit (numpy.polyfit, weights 1/u, unscaled covariance), g = 4π²/k
and u(g), R², then the same chart as bench/Rendering/matplotlib_chart.py (points with x and y error bars,
fit, 95 % band, legend, annotations, Chinese labels, residual panel; same font files), 1200×900 PNG,
written with a small result JSON. No layout engine by default (the faster matplotlib variant).

  numpy_job.py first <dir> <out>               one job in a fresh process; prints the Unix ms it was written
  numpy_job.py steady <dir> <out> [--rounds 3] a warm-up pass, then every file once per round
"""
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Rendering"))
import numpy as np  # noqa: E402

import matplotlib_chart  # noqa: E402


def job(path, out_dir, tight):
    with open(path, encoding="utf-8") as f:
        request = json.load(f)
    data = request["data"]
    length = np.array(data["L"]["values"], dtype=float)
    length_error = np.full(length.shape, data["L"]["instrumentError"] / math.sqrt(3))
    readings = np.array(data["T"]["values"], dtype=float)
    period = readings.mean(axis=1)
    period_error = readings.std(axis=1, ddof=1) / math.sqrt(readings.shape[1])
    t2 = period ** 2
    t2_error = 2 * period * period_error
    (k, c), cov = np.polyfit(length, t2, 1, w=1 / t2_error, cov="unscaled")
    g = 4 * math.pi ** 2 / k
    g_error = g * math.sqrt(cov[0][0]) / k
    fitted = k * length + c
    r2 = 1 - np.sum((t2 - fitted) ** 2) / np.sum((t2 - t2.mean()) ** 2)
    g_ref = request["constants"]["g_ref"]["value"]
    chart = {
        "x": length.tolist(), "y": t2.tolist(), "xError": length_error.tolist(), "yError": t2_error.tolist(),
        "intercept": c, "slope": k,
        # matplotlib_chart wants [[var(a), cov(a,b)], [cov(a,b), var(b)]] for y = a + b·x; polyfit gives [k, c].
        "covariance": [[cov[1][1], cov[0][1]], [cov[0][1], cov[0][0]]],
        "title": request["title"],
        "annotations": [f"$T^2$ = {k:.3f} $L$ + {c:.1g}", f"$R^2$ = {r2:.5f}", f"$g$ = ({g:.2f} ± {g_error:.2f}) m/s$^2$",
                        f"相对误差 $E$(g) = {100 * abs(g - g_ref) / g_ref:.3f}%"],
    }
    png = matplotlib_chart.draw(chart, tight)
    job_dir = os.path.join(out_dir, os.path.splitext(os.path.basename(path))[0])
    os.makedirs(job_dir, exist_ok=True)
    with open(os.path.join(job_dir, "chart.png"), "wb") as f:
        f.write(png)
    with open(os.path.join(job_dir, "result.json"), "w", encoding="utf-8") as f:
        json.dump({"g": g, "u_g": g_error, "k": k, "c": c, "r2": r2}, f)
    return len(png)


def main():
    mode, folder, out_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    tight = "--layout" in sys.argv
    files = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".json"))
    matplotlib_chart.setup_fonts()
    engine = "numpy " + np.__version__ + " + matplotlib " + matplotlib_chart.matplotlib.__version__ + \
        (" (constrained layout)" if tight else " (no layout engine)")
    if mode == "first":
        job(files[0], out_dir, tight)
        print(json.dumps({"engine": engine, "doneUnixMs": int(time.time() * 1000)}))
        return
    for path in files:
        job(path, out_dir, tight)
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        size = 0
        for path in files:
            size = job(path, out_dir, tight)
        print(json.dumps({"engine": engine, "msPerJob": (time.perf_counter() - start) * 1000 / len(files),
                          "cpuMsPerJob": (time.process_time() - start_cpu) * 1000 / len(files), "jobs": len(files),
                          "pngBytes": size}), flush=True)


if __name__ == "__main__":
    main()
