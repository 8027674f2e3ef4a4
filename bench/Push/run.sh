#!/usr/bin/env bash
# The push bench (issue 10): one API process (the embedded default: local folder, in-process queue and
# worker), first 1 WebSocket then SOCKETS WebSockets of one user, JOBS jobs each; memory per socket and
# the latency of each job's `running` and `succeeded` messages. Prints the markdown tables.
#
#   bench/Push/run.sh [SOCKETS] [JOBS]      defaults 1000 and 20
set -euo pipefail
cd "$(dirname "$0")/../.."
SOCKETS=${1:-1000}
JOBS=${2:-20}
PORT=${PORT:-18490}
RUN=$(mktemp -d -t labcharts-bench-push.XXXXXX)
log() { printf '== %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

log "build (Release)"
dotnet build LabCharts.slnx -c Release -nologo -v quiet >"$RUN/build.log" 2>&1 || { tail -30 "$RUN/build.log" >&2; exit 1; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

ASPNETCORE_ENVIRONMENT=Production PORT=$PORT Storage__Local__Root="$RUN/data" \
  Storage__Local__SigningKey=labcharts-bench-files-signing-key-0123456789 \
  Push__MaxConnectionsPerUser=$((SOCKETS + 10)) Push__MaxConnections=$((SOCKETS + 100)) \
  Logging__LogLevel__Default=Warning DOTNET_gcServer=0 \
  dotnet src/Api/bin/Release/net10.0/LabCharts.Api.dll >"$RUN/api.log" 2>&1 &
API=$!
trap 'kill $API 2>/dev/null || true; wait $API 2>/dev/null || true; log "logs in $RUN"' EXIT
for i in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/healthz/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
log "API pid $API on :$PORT; load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/Push/bin/Release/net10.0/LabCharts.Bench.Push.dll --url "http://127.0.0.1:$PORT" --pid "$API" \
  --sockets "$SOCKETS" --jobs "$JOBS" 2> >(tee "$RUN/bench.log" >&2) | tee "$RUN/figures.md"
echo
echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'); nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); .NET SDK $(dotnet --version); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RUN/figures.md"
