#!/usr/bin/env bash
# The batch bench (issue 9, "Students first"): interactive latency idle and while an admin re-render
# batch of N stored jobs runs, and the batch's throughput, with 1 and then 2 separate workers.
#
#   bench/Batch/run.sh [N]          N stored jobs to re-render (default 10000)
#
# Environment: K (idle probes, 40), INTERVAL_MS (one probe every …, 250), CONCURRENCY (Worker__Concurrency, 2),
# WORKER_SHARE (Batches__WorkerShare, unset = the product default 0.5), PUBLISH_RATE (Batches__PublishRate, 1000),
# LABCHARTS_TEST_RABBIT_PORT / LABCHARTS_TEST_S3_PORT (5674 / 4570: not the test suite's 5673 / 4569),
# Prints the table (markdown) at the end; the raw JSON lines, the table and every process log stay in the run folder it names.
# Starts its own RabbitMQ and s3rver (./test.sh --servers), builds Release, starts the API and workers
# as separate processes, and stops everything at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/servers.sh
N=${1:-10000}
K=${K:-40}
INTERVAL_MS=${INTERVAL_MS:-250}
CONCURRENCY=${CONCURRENCY:-2}
PUBLISH_RATE=${PUBLISH_RATE:-1000}
export LABCHARTS_TEST_RABBIT_PORT=${LABCHARTS_TEST_RABBIT_PORT:-5674}
export LABCHARTS_TEST_S3_PORT=${LABCHARTS_TEST_S3_PORT:-4570}
RUN=$(mktemp -d -t labcharts-bench-batch.XXXXXX)
TOKEN=bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
PORT=${PORT:-18480}
PIDS=()

log() { printf '== %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_servers
  log "stopped; logs and raw figures in $RUN"
}
trap cleanup EXIT

log "servers: RabbitMQ 127.0.0.1:$LABCHARTS_TEST_RABBIT_PORT, s3rver 127.0.0.1:$LABCHARTS_TEST_S3_PORT (bucket labcharts)"
start_servers "$RUN"

log "build (Release)"
dotnet build LabCharts.slnx -c Release -nologo -v quiet >"$RUN/build.log" 2>&1 || { tail -30 "$RUN/build.log" >&2; exit 1; }
BENCH="dotnet bench/Batch/bin/Release/net10.0/LabCharts.Bench.Batch.dll"

export Queue__RabbitMq__Uri=$LABCHARTS_TEST_RABBITMQ_URI
export Storage__S3__Endpoint=$LABCHARTS_TEST_S3_ENDPOINT Storage__S3__Bucket=labcharts
export Storage__S3__AccessKey=S3RVER Storage__S3__SecretKey=S3RVER
export Worker__Embedded=false Admin__Token=$TOKEN Batches__PublishRate=$PUBLISH_RATE
[ -n "${WORKER_SHARE:-}" ] && export Batches__WorkerShare=$WORKER_SHARE
export DOTNET_gcServer=0

start_api() {
  PORT=$PORT dotnet src/Api/bin/Release/net10.0/LabCharts.Api.dll >"$RUN/api.log" 2>&1 &
  PIDS+=($!)
  for i in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/healthz/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "API not ready" >&2; tail -30 "$RUN/api.log" >&2; exit 1
}
start_worker() { # $1 = name
  Worker__Concurrency=$CONCURRENCY dotnet src/Worker/bin/Release/net10.0/LabCharts.Worker.dll >"$RUN/$1.log" 2>&1 &
  PIDS+=($!)
  eval "${1//-/_}_PID=$!"
  sleep 3
}

URL=http://127.0.0.1:$PORT
log "API on $URL; worker-1 and worker-2 (Worker__Concurrency=$CONCURRENCY) for seeding"
start_api
start_worker worker-1
start_worker worker-2

log "seed: $N jobs"
$BENCH seed --url "$URL" --n "$N" --parallel 32 | tee -a "$RUN/figures.jsonl"

log "worker-2 stopped: 1 worker from here on"
kill "$worker_2_PID"; wait "$worker_2_PID" 2>/dev/null || true
sleep 2
# One phase: idle probes, the batch with its probes, idle probes again; $1 = workers ("1" or "2").
phase() {
  log "idle, $1 worker(s): $K jobs one at a time"
  $BENCH idle --url "$URL" --k "$K" --label "idle-${1}w" | tee -a "$RUN/figures.jsonl"
  log "batch, $1 worker(s): probes every $INTERVAL_MS ms"
  $BENCH batch --url "$URL" --token "$TOKEN" --label "batch-${1}w" --interval-ms "$INTERVAL_MS" | tee -a "$RUN/figures.jsonl"
  sleep 2
  log "idle again after the batch, $1 worker(s): $K jobs one at a time"
  $BENCH idle --url "$URL" --k "$K" --label "idle-after-${1}w" | tee -a "$RUN/figures.jsonl"
}

load_1=$(cut -d' ' -f1-3 /proc/loadavg)
phase 1

log "worker-2 started again: 2 workers"
start_worker worker-2
load_2=$(cut -d' ' -f1-3 /proc/loadavg)
phase 2
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

N="$N" K="$K" INTERVAL_MS="$INTERVAL_MS" CONCURRENCY="$CONCURRENCY" PUBLISH_RATE="$PUBLISH_RATE" \
WORKER_SHARE="${WORKER_SHARE:-0.5 (default)}" LOAD_1="$load_1" LOAD_2="$load_2" LOAD_END="$load_end" \
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') NPROC=$(nproc) DOTNET=$(dotnet --version) \
python3 bench/Batch/report.py "$RUN/figures.jsonl" | tee "$RUN/figures.md"
log "figures: $RUN/figures.md"
