#!/usr/bin/env python3
"""Turns bench/Batch's JSON lines into the markdown table of docs/benchmarks/batch.md."""
import datetime, json, os, sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
by = {r["phase"]: r for r in rows}
e = os.environ
def f(v, digits=1):
    return "—" if v is None else f"{v:.{digits}f}"

print(f"Run finished {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}; N = {e['N']} stored jobs; "
      f"Worker__Concurrency = {e['CONCURRENCY']}, Batches__WorkerShare = {e['WORKER_SHARE']}, Batches__PublishRate = {e['PUBLISH_RATE']}; "
      f"idle: {e['K']} jobs one at a time; during the batch: one job every {e['INTERVAL_MS']} ms.")
print(f"Machine: nproc {e['NPROC']}, {e['CPU']}; .NET SDK {e['DOTNET']}; load average before the 1-worker phase {e['LOAD_1']}, "
      f"before the 2-worker phase {e['LOAD_2']}, at the end {e['LOAD_END']}.")
if "seed" in by:
    s = by["seed"]
    print(f"Seeding: {s['n']} jobs in {s['seconds']} s with 2 workers ({s['failed']} not succeeded).")
print()
print("| workers | interactive jobs | count | p50 ms | p95 ms | max ms | mean ms | not succeeded |")
print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for w in ("1", "2"):
    for phase, name in ((f"idle-{w}w", "idle, before the batch"), (f"batch-{w}w", "during the batch"), (f"idle-after-{w}w", "idle, after the batch")):
        r = by.get(phase)
        if r:
            print(f"| {w} | {name} | {r['count']} | {f(r['p50'])} | {f(r['p95'])} | {f(r['max'])} | {f(r['mean'])} | {r['notSucceeded']} |")
print()
print("The idle value is the lower of the two idle p95s (before and after the batch), which makes the 2× target the harder to hold.")
print()
print("| workers | p95 during / p95 idle | 2× target | batch jobs | batch state | succeeded / failed / skipped | startedAt → finishedAt | seconds | charts/s | API throughputPerSecond | scan s (POST until the scan was done) |")
print("| ---: | ---: | --- | ---: | --- | --- | --- | ---: | ---: | ---: | ---: |")
for w in ("1", "2"):
    idles = [r for r in (by.get(f"idle-{w}w"), by.get(f"idle-after-{w}w")) if r and r["p95"]]
    b = by.get(f"batch-{w}w")
    if not (idles and b):
        continue
    idle_p95 = min(r["p95"] for r in idles)
    ratio = b["p95"] / idle_p95 if b["p95"] else None
    held = "—" if ratio is None else ("held" if ratio <= 2 else "**missed**")
    print(f"| {w} | {f(ratio, 2)} | {held} | {b['total']} | {b['state']} | {b['succeeded']} / {b['batchFailed']} / {b['skipped']} | "
          f"{b['startedAt']} → {b['finishedAt']} | {b['batchSeconds']} | {b['chartsPerSecond']} | {b['apiThroughput']} | {b['scanSeconds']} |")
