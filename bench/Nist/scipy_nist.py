#!/usr/bin/env python3
"""The NIST StRD one-predictor nonlinear problems through scipy.optimize.curve_fit (MINPACK
lmdif via method='lm': forward-difference Jacobian), from both certified starts, printed like the
LabCharts table. Times curve_fit only (the model function is made once per problem), as the median
of NIST_ROUNDS (default 30) rounds after a warm-up pass.

Usage: python3 scipy_nist.py [nist folder]  (default: $LABCHARTS_NIST_DIR or ../shared/data/nist)
"""
import json
import math
import os
import statistics
import sys
import time
import warnings

import numpy as np
from scipy.optimize import curve_fit

PROBLEMS = [
    "Misra1a", "Chwirut2", "Chwirut1", "Lanczos3", "Gauss1", "Gauss2", "DanWood", "Misra1b",
    "Kirby2", "Hahn1", "MGH17", "Lanczos1", "Lanczos2", "Gauss3", "Misra1c", "Misra1d",
    "Roszman1", "ENSO", "MGH09", "Thurber", "BoxBOD", "Rat42", "MGH10", "Eckerle4", "Rat43", "Bennett5",
]


def model_function(expression, names):
    # The NIST formulas are trusted files, not user input: eval with numpy's functions only.
    body = expression.replace("arctan", "np.arctan").replace("exp", "np.exp") \
        .replace("cos", "np.cos").replace("sin", "np.sin").replace("pi", "np.pi")
    source = "lambda x, {}: {}".format(", ".join(names), body)
    return eval(source, {"np": np})  # noqa: S307


def digits(estimate, certified):
    if not np.isfinite(estimate):
        return 0.0
    error = abs(estimate) if certified == 0 else abs(estimate - certified) / abs(certified)
    return 15.0 if error == 0 else min(15.0, -math.log10(error))


def fit(f, x, y, p0):
    """curve_fit as a SciPy user calls it; the parameters and MINPACK's function count, or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            popt, _, info, _, _ = curve_fit(f, x, y, p0=p0, method="lm", maxfev=100000, full_output=True)
        return popt, info["nfev"]
    except Exception:  # noqa: BLE001  (RuntimeError when MINPACK gives up)
        return None, 0


def timed(f, x, y, p0):
    began = time.perf_counter()
    result = fit(f, x, y, p0)
    return (time.perf_counter() - began) * 1000, result


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("LABCHARTS_NIST_DIR", os.path.join("..", "shared", "data", "nist"))
    rounds = int(os.environ.get("NIST_ROUNDS", "30"))
    problems = []
    for name in PROBLEMS:
        with open(os.path.join(folder, name + ".json"), encoding="utf-8") as f:
            p = json.load(f)
        expression = p["model"].split("=", 1)[1].strip()
        problems.append((name, p, np.array(p["x"], dtype=float), np.array(p["y"], dtype=float), model_function(expression, p["parameter_names"])))

    # A warm-up pass (its times are printed as "first ms"), then the rounds, of which the median.
    first = {(name, start): timed(f, x, y, p["start%d" % start])[0] for name, p, x, y, f in problems for start in (1, 2)}
    times = {key: [] for key in first}
    for _ in range(rounds):
        for name, p, x, y, f in problems:
            for start in (1, 2):
                times[(name, start)].append(timed(f, x, y, p["start%d" % start])[0])

    print("SciPy {} curve_fit (method='lm', maxfev=100000) — nonlinear, min digits over parameters; ms = median of {} rounds of curve_fit".format(__import__("scipy").__version__, rounds))
    print("{:<10} {:>5} {:>3} {:>6} {:>5} {:>8} {:>8}".format("problem", "start", "ok", "digits", "nfev", "ms", "first ms"))
    failures = {1: 0, 2: 0}
    for name, p, x, y, f in problems:
        for start in (1, 2):
            popt, nfev = fit(f, x, y, p["start%d" % start])
            d = 0.0 if popt is None else min(digits(e, c) for e, c in zip(popt, p["certified_values"]))
            ok = d >= 4
            if not ok:
                failures[start] += 1
            print("{:<10} {:>5} {:>3} {:>6.1f} {:>5} {:>8.3f} {:>8.3f}".format(
                name, start, "yes" if ok else "NO", d, nfev, statistics.median(times[(name, start)]), first[(name, start)]))
    print("failures (< 4 digits): start 1 = {}, start 2 = {}".format(failures[1], failures[2]))


if __name__ == "__main__":
    main()
