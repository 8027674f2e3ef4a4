#!/usr/bin/env bash
# The cold-start benchmark (issue 12, part 5): process start → first `/api/ping` answer and → first finished
# job, for the API (embedded default, and distributed) and for a worker, with the container's publish as it
# was (JIT) and with ReadyToRun, and ReadyToRun with tiered PGO off. Writes docs/benchmarks/coldstart.md.
#
#   bench/ColdStart/run.sh          REPS (launches per case, 7)
#
# Every launch is a new process with the published output the Dockerfiles make (`dotnet publish -c Release`,
# framework-dependent, `UseAppHost=false`); "start" is the shell's clock just before exec. The first job is the
# README's pendulum request (1200×900 PNG): for the API it is posted the moment /api/ping answers, with
# ?wait=10; for a worker it is queued before the worker starts (the API and RabbitMQ and s3rver already up) and
# polled every 10 ms until it succeeded. Starts its own RabbitMQ and s3rver (./test.sh --servers) and stops
# everything at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/servers.sh
REPS=${REPS:-7}
export LABCHARTS_TEST_RABBIT_PORT=${LABCHARTS_TEST_RABBIT_PORT:-5676}
export LABCHARTS_TEST_S3_PORT=${LABCHARTS_TEST_S3_PORT:-4572}
RUN=$(mktemp -d -t labcharts-bench-coldstart.XXXXXX)
PORT=18680
WARM_PORT=18681
PIDS=()
log() { printf '== %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  stop_servers
  log "stopped; logs and raw figures in $RUN"
}
trap cleanup EXIT

log "publish: jit (as the Dockerfiles did) and ReadyToRun (linux-x64, framework-dependent)"
for app in Api Worker; do
  dotnet publish "src/$app/LabCharts.$app.csproj" -c Release -o "$RUN/pub/jit/$app" /p:UseAppHost=false -nologo -v quiet >>"$RUN/publish.log" 2>&1
  dotnet publish "src/$app/LabCharts.$app.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$RUN/pub/r2r/$app" /p:UseAppHost=false -nologo -v quiet >>"$RUN/publish.log" 2>&1
done

REQUEST=$(cat bench/requests/readme-pendulum.json)
now_ms() { date +%s%3N; }
identity=(-H 'X-WX-SOURCE: wx_client' -H 'X-WX-OPENID: coldstart' -H 'X-WX-APPID: wx-bench')

log "servers for the distributed cases"
start_servers "$RUN"
distributed_env=(Queue__RabbitMq__Uri="$LABCHARTS_TEST_RABBITMQ_URI" Storage__S3__Endpoint="$LABCHARTS_TEST_S3_ENDPOINT"
  Storage__S3__Bucket=labcharts Storage__S3__AccessKey=S3RVER Storage__S3__SecretKey=S3RVER Worker__Embedded=false)
export MALLOC_ARENA_MAX=2 DOTNET_gcServer=0 Logging__LogLevel__Default=Warning

# A warm API (JIT publish) for the worker cases, and a warm worker for the distributed API's first job.
env "${distributed_env[@]}" PORT=$WARM_PORT dotnet "$RUN/pub/jit/Api/LabCharts.Api.dll" >"$RUN/warm-api.log" 2>&1 &
PIDS+=($!)
until curl -sf "http://127.0.0.1:$WARM_PORT/healthz/ready" >/dev/null 2>&1; do sleep 0.2; done

# $1 variant (jit | r2r | r2r-nopgo) → the published folder and the environment of the launch.
variant_env() { if [ "$1" = r2r-nopgo ]; then echo DOTNET_TieredPGO=0; else echo DOTNET_TieredPGO=1; fi; }
variant_dir() { if [ "$1" = jit ]; then echo "$RUN/pub/jit"; else echo "$RUN/pub/r2r"; fi; }

api_case() { # $1 case name, $2 variant, rest: extra environment
  local name=$1 variant=$2; shift 2
  local data; data=$(mktemp -d -p "$RUN")
  local start; start=$(now_ms)
  env "$@" "$(variant_env "$variant")" PORT=$PORT Storage__Local__Root="$data" \
    dotnet "$(variant_dir "$variant")/Api/LabCharts.Api.dll" >"$RUN/$name-$variant.log" 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/ping"; do sleep 0.01; done
  local ping; ping=$(now_ms)
  local status; status=$(curl -s -X POST "http://127.0.0.1:$PORT/api/jobs?wait=10" "${identity[@]}" -H 'Content-Type: application/json' \
    -d "$REQUEST" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  local job; job=$(now_ms)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "{\"case\": \"$name\", \"variant\": \"$variant\", \"pingMs\": $((ping - start)), \"firstJobMs\": $((job - start)), \"status\": \"$status\"}"
}

worker_case() { # $1 variant
  local variant=$1
  local id; id=$(curl -s -X POST "http://127.0.0.1:$WARM_PORT/api/jobs" "${identity[@]}" -H 'Content-Type: application/json' -d "$REQUEST" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  local start; start=$(now_ms)
  env "${distributed_env[@]}" "$(variant_env "$variant")" Worker__Concurrency=2 \
    dotnet "$(variant_dir "$variant")/Worker/LabCharts.Worker.dll" >"$RUN/worker-$variant.log" 2>&1 &
  local pid=$!
  local status=queued
  while [ "$status" = queued ] || [ "$status" = running ]; do
    sleep 0.01
    status=$(curl -s "http://127.0.0.1:$WARM_PORT/api/jobs/$id" "${identity[@]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  done
  local job; job=$(now_ms)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "{\"case\": \"worker\", \"variant\": \"$variant\", \"firstJobMs\": $((job - start)), \"status\": \"$status\"}"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for rep in $(seq 1 "$REPS"); do
  log "round $rep of $REPS"
  for variant in jit r2r r2r-nopgo; do
    api_case api-embedded "$variant" Worker__Embedded=true >>"$RUN/figures.jsonl"
    worker_case "$variant" >>"$RUN/figures.jsonl"
  done
done
# The distributed API needs a worker for its first job: one warm worker (JIT) stays up from here.
env "${distributed_env[@]}" Worker__Concurrency=2 dotnet "$RUN/pub/jit/Worker/LabCharts.Worker.dll" >"$RUN/warm-worker.log" 2>&1 &
PIDS+=($!)
sleep 5
for rep in $(seq 1 "$REPS"); do
  for variant in jit r2r r2r-nopgo; do
    api_case api-distributed "$variant" "${distributed_env[@]}" >>"$RUN/figures.jsonl"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

mkdir -p docs/benchmarks
RUN="$RUN" REPS="$REPS" CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') NPROC=$(nproc) DOTNET=$(dotnet --version) \
COMMIT=$(git rev-parse --short HEAD) LOAD_BEFORE="$load_before" LOAD_AFTER="$load_after" \
SIZE_JIT=$(du -sm "$RUN/pub/jit/Api" | cut -f1) SIZE_R2R=$(du -sm "$RUN/pub/r2r/Api" | cut -f1) \
python3 - <<'PYEOF' > "$RUN/coldstart.md"
import datetime, json, os, statistics
e = os.environ
rows = [json.loads(l) for l in open(os.path.join(e["RUN"], "figures.jsonl")) if l.strip()]
print("# Cold start: process start → first answer and → first finished job\n")
print("Generated by `bench/ColdStart/run.sh` on", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), f"at `{e['COMMIT']}`.")
print(f"Machine: `nproc` = {e['NPROC']}, CPU: {e['CPU']}; load average before {e['LOAD_BEFORE']}, after {e['LOAD_AFTER']}. .NET SDK {e['DOTNET']}.\n")
print("Each case is a new process of the published output (framework-dependent, as the images run it), launched")
print(f"{e['REPS']} times per variant, variants interleaved; \"start\" is the shell's clock just before the launch. First job = the")
print("README's pendulum request (1200×900 PNG): the API's is posted with `?wait=10` the moment `/api/ping` answers (embedded:")
print("the API runs it itself, fonts and all; distributed: a warm worker runs it); the worker's is queued before it starts and")
print("read every 10 ms through a warm API until it succeeded. Median (min … max) in ms.\n")
print(f"Variants: **jit** = `dotnet publish -c Release` (as the Dockerfiles did; tiered PGO is on by default), **r2r** = the same with")
print(f"`-r linux-x64 -p:PublishReadyToRun=true` (API folder {e['SIZE_JIT']} MB → {e['SIZE_R2R']} MB), **r2r-nopgo** = r2r with `DOTNET_TieredPGO=0`.\n")
print("| case | variant | → `/api/ping` | → first job succeeded |")
print("| --- | --- | ---: | ---: |")
def fmt(values): return f"{statistics.median(values):.0f} ({min(values)} … {max(values)})" if values else "—"
best = {}
for case in ("api-embedded", "api-distributed", "worker"):
    for variant in ("jit", "r2r", "r2r-nopgo"):
        rs = [r for r in rows if r["case"] == case and r["variant"] == variant]
        bad = [r for r in rs if r["status"] != "succeeded"]
        ping = [r["pingMs"] for r in rs if "pingMs" in r]
        job = [r["firstJobMs"] for r in rs]
        print(f"| {case} | {variant} | {fmt(ping)} | {fmt(job)}{' (' + str(len(bad)) + ' not succeeded)' if bad else ''} |")
        if job:
            best.setdefault(case, []).append((statistics.median(job), variant))
print()
for case, results in best.items():
    ms, variant = min(results)
    print(f"- {case}: fastest first job with **{variant}**, {ms:.0f} ms (target ≤ 1,500 ms: {'met' if ms <= 1500 else f'missed by {ms - 1500:.0f} ms'}).")
PYEOF
python3 bench/keep_notes.py "$RUN/coldstart.md" docs/benchmarks/coldstart.md
