#!/usr/bin/env bash
# The end-to-end system benchmark (issue 12, part 4): jobs through POST /api/jobs to `succeeded`,
# open-loop arrivals, on this machine, in two deployments:
#   distributed — the API, 2 separate workers, RabbitMQ and s3rver, all on loopback;
#   embedded    — the API alone with its in-process queue, worker and local folder (the default).
# For each: a rate ladder up to the first rate not kept up (throughput, p50/p95/p99 latency, CPU ms per job per process), then a long run
# of LONG_JOBS jobs with every process' resident memory every 1,000 jobs. Writes docs/benchmarks/e2e.md.
#
#   bench/E2e/run.sh
# Environment: RATES_DISTRIBUTED ("10 20 30 40 50 75 100"), RATES_EMBEDDED ("10 50 75 100 125 150"), SECONDS_PER_RATE (30),
# WARMUP (5 s of each rate not counted), LONG_JOBS (20000), LONG_RATE (80 % of the highest rate kept up, at most 100),
# CONCURRENCY (Worker__Concurrency, 2),
# DEPLOYMENTS ("distributed embedded"), LABCHARTS_TEST_RABBIT_PORT / LABCHARTS_TEST_S3_PORT (5675 / 4571).
# Starts its own RabbitMQ and s3rver (./test.sh --servers), builds Release, stops everything at the end;
# raw JSON lines and every process log stay in the run folder it names.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/servers.sh
RATES_DISTRIBUTED=${RATES_DISTRIBUTED:-"10 20 30 40 50 75 100"}
RATES_EMBEDDED=${RATES_EMBEDDED:-"10 50 75 100 125 150"}
SECONDS_PER_RATE=${SECONDS_PER_RATE:-30}
WARMUP=${WARMUP:-5}
LONG_JOBS=${LONG_JOBS:-20000}
CONCURRENCY=${CONCURRENCY:-2}
DEPLOYMENTS=${DEPLOYMENTS:-"distributed embedded"}
export LABCHARTS_TEST_RABBIT_PORT=${LABCHARTS_TEST_RABBIT_PORT:-5675}
export LABCHARTS_TEST_S3_PORT=${LABCHARTS_TEST_S3_PORT:-4571}
RUN=$(mktemp -d -t labcharts-bench-e2e.XXXXXX)
PORT=${PORT:-18580}
URL=http://127.0.0.1:$PORT
PIDS=()
CLK=$(getconf CLK_TCK)

log() { printf '== %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
stop_hosts() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
cleanup() {
  stop_hosts
  stop_servers
  log "stopped; logs and raw figures in $RUN"
}
trap cleanup EXIT

log "build (Release)"
dotnet build LabCharts.slnx -c Release -nologo -v quiet >"$RUN/build.log" 2>&1 || { tail -30 "$RUN/build.log" >&2; exit 1; }
LOAD="dotnet bench/E2e/bin/Release/net10.0/LabCharts.Bench.E2e.dll load --url $URL --request bench/requests/readme-pendulum.json --clock-ticks $CLK"
export DOTNET_gcServer=0 MALLOC_ARENA_MAX=2 Logging__LogLevel__Default=Warning

start_api() { # $1 = log name
  PORT=$PORT dotnet src/Api/bin/Release/net10.0/LabCharts.Api.dll >"$RUN/$1.log" 2>&1 &
  API_PID=$!
  PIDS+=("$API_PID")
  for _ in $(seq 1 120); do
    curl -sf "$URL/healthz/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "API not ready" >&2; tail -30 "$RUN/$1.log" >&2; exit 1
}
start_worker() { # $1 = name; sets WORKER_PID
  Worker__Concurrency=$CONCURRENCY dotnet src/Worker/bin/Release/net10.0/LabCharts.Worker.dll >"$RUN/$1.log" 2>&1 &
  WORKER_PID=$!
  PIDS+=("$WORKER_PID")
}

# The rate ladder, then the long run at the highest rate that kept up (at most 100/s); $1 = deployment.
measure() {
  local deployment=$1 cpu=$2 rss=$3 rates=$4 best=0
  log "$deployment: warm-up, 10 jobs/s for 15 s (not reported)"
  $LOAD --rate 10 --seconds 15 --warmup-seconds 0 --label warmup >>"$RUN/$deployment-warmup.jsonl"
  for rate in $rates; do
    log "$deployment: $rate jobs/s for ${SECONDS_PER_RATE} s"
    $LOAD --rate "$rate" --seconds "$SECONDS_PER_RATE" --warmup-seconds "$WARMUP" --label "$deployment" --cpu "$cpu" \
      | tee -a "$RUN/$deployment.jsonl" >&2
    # Kept up: every job succeeded, the achieved rate within 5 % of the arrivals, and the backlog gone within 5 s.
    if tail -1 "$RUN/$deployment.jsonl" | python3 -c 'import json,sys; r=json.load(sys.stdin); sys.exit(0 if r["failed"]==0 and r["achievedPerSecond"]>=0.95*r["arrivedPerSecond"] and r["drainSeconds"]<5 else 1)'; then
      best=$rate
    else
      break # saturated: a higher rate only queues more
    fi
    sleep 3
  done
  local long_rate=${LONG_RATE:-$(( best * 8 / 10 < 100 ? best * 8 / 10 : 100 ))}
  [ "$long_rate" -gt 0 ] || long_rate=10
  log "$deployment: long run, $LONG_JOBS jobs at $long_rate jobs/s"
  $LOAD --rate "$long_rate" --jobs "$LONG_JOBS" --warmup-seconds "$WARMUP" --label "$deployment-long" --cpu "$cpu" --rss "$rss" \
    | tee -a "$RUN/$deployment-long.jsonl" >&2
}

log "per-stage time of one job in one thread, before the load (bench/Job split on the same request)"
mkdir -p "$RUN/request"
cp bench/requests/readme-pendulum.json "$RUN/request/"
dotnet bench/Job/bin/Release/net10.0/LabCharts.Bench.Job.dll split "$RUN/request" --rounds 300 > "$RUN/split.json"


load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for deployment in $DEPLOYMENTS; do
  case $deployment in
    distributed)
      log "servers: RabbitMQ 127.0.0.1:$LABCHARTS_TEST_RABBIT_PORT, s3rver 127.0.0.1:$LABCHARTS_TEST_S3_PORT"
      start_servers "$RUN"
      (
        trap stop_hosts EXIT
        export Queue__RabbitMq__Uri=$LABCHARTS_TEST_RABBITMQ_URI
        export Storage__S3__Endpoint=$LABCHARTS_TEST_S3_ENDPOINT Storage__S3__Bucket=labcharts
        export Storage__S3__AccessKey=S3RVER Storage__S3__SecretKey=S3RVER Worker__Embedded=false
        start_api api-distributed
        start_worker worker-1; W1=$WORKER_PID
        start_worker worker-2; W2=$WORKER_PID
        sleep 3
        RABBIT=$(cat "$(dirname "$LABCHARTS_TEST_RABBITMQCTL")/rabbit/node.pid")
        S3=$(pgrep -f "s3rver.*-p $LABCHARTS_TEST_S3_PORT " | head -1)
        [ -n "$RABBIT" ] && [ -n "$S3" ] || { echo "RabbitMQ or s3rver process not found" >&2; exit 1; }
        measure distributed "api=$API_PID,worker-1=$W1,worker-2=$W2,rabbitmq=$RABBIT,s3rver=$S3" \
          "api=$API_PID,worker-1=$W1,worker-2=$W2,rabbitmq=$RABBIT,s3rver=$S3" "$RATES_DISTRIBUTED"
        stop_hosts
      )
      stop_servers
      ;;
    embedded)
      (
        trap stop_hosts EXIT
        export Storage__Local__Root=$RUN/embedded-data
        start_api api-embedded
        sleep 2
        measure embedded "api=$API_PID" "api=$API_PID" "$RATES_EMBEDDED"
        stop_hosts
      )
      ;;
  esac
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

mkdir -p docs/benchmarks
RUN="$RUN" SECONDS_PER_RATE="$SECONDS_PER_RATE" WARMUP="$WARMUP" LONG_JOBS="$LONG_JOBS" CONCURRENCY="$CONCURRENCY" \
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') NPROC=$(nproc) DOTNET=$(dotnet --version) \
COMMIT=$(git rev-parse --short HEAD) COMMAND="RATES_DISTRIBUTED='$RATES_DISTRIBUTED' RATES_EMBEDDED='$RATES_EMBEDDED' SECONDS_PER_RATE=$SECONDS_PER_RATE LONG_JOBS=$LONG_JOBS bench/E2e/run.sh" LOAD_BEFORE="$load_before" LOAD_AFTER="$load_after" \
python3 bench/E2e/report.py > "$RUN/e2e.md"
python3 bench/keep_notes.py "$RUN/e2e.md" docs/benchmarks/e2e.md
