#!/usr/bin/env bash
# LabCharts' test command (README, "Quick start"). It installs what the tests need (native chart
# libraries, RabbitMQ from Debian, poppler's pdftotext, the s3rver S3 stand-in from npm), starts a private RabbitMQ node
# and s3rver on loopback ports with their own temporary data folders, builds, runs every test
# project, stops the servers, and prints one plain "N passed, N failed, N skipped" line.
# Exits non-zero on any failure.
#
#   ./test.sh                      every test project
#   ./test.sh tests/Api.Tests ...  only these test projects (same servers, same summary line)
#   ./test.sh --servers            start the servers, print their settings, and keep them up until Ctrl-C
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

log() { printf '\n== %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

RABBIT_PORT=${LABCHARTS_TEST_RABBIT_PORT:-5673}
S3_PORT=${LABCHARTS_TEST_S3_PORT:-4569}
WORK=$(mktemp -d -t labcharts-test.XXXXXX)
S3_PID=""

install_packages() {
  local need=()
  ldconfig -p | grep -q 'libpangocairo-1.0.so.0' || need+=(libpangocairo-1.0-0)
  ldconfig -p | grep -q 'libfontconfig.so.1' || need+=(libfontconfig1)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
  command -v npm >/dev/null || need+=(npm)
  command -v pdftotext >/dev/null || need+=(poppler-utils)
  command -v python3 >/dev/null || need+=(python3)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  if [ ! -d clients/miniprogram/node_modules/ws ]; then
    log "installing the mini-program client's test dependencies (npm ci)"
    (cd clients/miniprogram && npm ci --silent --no-audit --no-fund >/dev/null)
  fi
  if [ ! -d tests/Console/node_modules/playwright-core ]; then
    log "installing the console's browser-test dependencies (npm ci: playwright-core)"
    (cd tests/Console && npm ci --silent --no-audit --no-fund >/dev/null)
  fi
  if [ ! -x .tmp/s3rver/node_modules/.bin/s3rver ]; then
    log "installing s3rver (npm)"
    mkdir -p .tmp/s3rver
    (cd .tmp/s3rver && npm install --silent --no-audit --no-fund s3rver@3.7.1 >/dev/null)
  fi
}

rabbit_env() {
  export HOME=$WORK/rabbit PATH=/usr/lib/rabbitmq/bin:$PATH RABBITMQ_NODENAME=labcharts-test-$RABBIT_PORT@localhost \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$RABBIT_PORT RABBITMQ_DIST_PORT=$((RABBIT_PORT + 20000)) \
    RABBITMQ_MNESIA_BASE=$WORK/rabbit/mnesia RABBITMQ_LOG_BASE=$WORK/rabbit/log RABBITMQ_PID_FILE=$WORK/rabbit/node.pid \
    RABBITMQ_ENABLED_PLUGINS_FILE=$WORK/rabbit/enabled_plugins RABBITMQ_CONFIG_FILE=$WORK/rabbit/rabbitmq \
    ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=4370
}

start_services() {
  log "starting RabbitMQ on 127.0.0.1:$RABBIT_PORT and s3rver on 127.0.0.1:$S3_PORT"
  mkdir -p "$WORK/rabbit/log" "$WORK/s3"
  echo "listeners.tcp.default = 127.0.0.1:$RABBIT_PORT" > "$WORK/rabbit/rabbitmq.conf"
  # A control script for the fault tests (stop_app/start_app) with this node's environment.
  cat > "$WORK/rabbitmqctl" <<CTL
#!/usr/bin/env bash
$(declare -f rabbit_env)
WORK=$WORK RABBIT_PORT=$RABBIT_PORT
rabbit_env
exec rabbitmqctl "\$@"
CTL
  chmod +x "$WORK/rabbitmqctl"
  (rabbit_env; rabbitmq-server -detached >/dev/null 2>&1)
  if ! (rabbit_env; rabbitmqctl -q wait --timeout 90 "$RABBITMQ_PID_FILE" >/dev/null); then
    echo "RabbitMQ did not start:" >&2; tail -n 30 "$WORK"/rabbit/log/*.log >&2 || true; exit 1
  fi

  # s3rver with whole-object writes, as S3 and COS have them (tests/Shared/s3rver-atomic.js says why).
  # s3rver 3.7 can die on a race of its own (a PUT into a folder a concurrent DELETE is removing:
  # ENOENT, unhandled); the stand-in is then started again on the same data, as a real store stays up.
  (
    trap 'kill "$child" 2>/dev/null; exit 0' TERM
    while :; do
      NODE_OPTIONS=--openssl-legacy-provider node tests/Shared/s3rver-atomic.js \
        -d "$WORK/s3" -a 127.0.0.1 -p "$S3_PORT" -s --configure-bucket labcharts >>"$WORK/s3rver.log" 2>&1 &
      child=$!
      wait "$child" || true
      echo "== s3rver exited; starting it again" >>"$WORK/s3rver.log"
      sleep 0.2
    done
  ) &
  S3_PID=$!
  for i in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$S3_PORT") 2>/dev/null; then break; fi
    if [ "$i" = 50 ]; then echo "s3rver did not start:" >&2; cat "$WORK/s3rver.log" >&2; exit 1; fi
    sleep 0.2
  done

  export LABCHARTS_TEST_RABBITMQ_URI="amqp://guest:guest@127.0.0.1:$RABBIT_PORT/"
  export LABCHARTS_TEST_RABBITMQCTL="$WORK/rabbitmqctl"
  export LABCHARTS_TEST_S3_ENDPOINT="http://127.0.0.1:$S3_PORT"
}

stop_services() {
  [ -n "$S3_PID" ] && kill "$S3_PID" 2>/dev/null || true
  if [ -f "$WORK/rabbit/node.pid" ]; then
    kill -9 "$(cat "$WORK/rabbit/node.pid")" 2>/dev/null || true
  fi
  (rabbit_env; epmd -kill >/dev/null 2>&1) || true
  rm -rf "$WORK"
}
trap stop_services EXIT

install_packages
start_services

if [ "${1:-}" = "--servers" ]; then
  env | grep '^LABCHARTS_TEST_' | sed 's/^/export /'
  echo "servers are up; Ctrl-C stops them" >&2
  # Waiting on a background sleep lets a signal reach the EXIT trap at once.
  trap 'exit 130' INT TERM
  sleep infinity & wait $!
fi

log "build"
dotnet build LabCharts.slnx -c Release -nologo -v quiet

log "test"
results=$WORK/results
status=0
mkdir -p "$results"
projects=()
# Node test suites (node's test runner): the mini-program client, and the web console in chromium.
node_suites=()
if [ $# -gt 0 ]; then
  for dir in "$@"; do
    case "${dir%/}" in
      clients/miniprogram|tests/Console) node_suites+=("${dir%/}") ;;
      *) projects+=("$(ls "${dir%/}"/*.Tests.csproj)") ;;
    esac
  done
else
  projects=(tests/*/*.Tests.csproj)
  node_suites=(clients/miniprogram tests/Console)
fi
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?
done
for suite in "${node_suites[@]}"; do
  # Against the real API: the client embedded and over RabbitMQ + S3; the console in headless chromium.
  log "test $suite (node --test)"
  (cd "$suite" && node --test --test-reporter=tap --test-reporter-destination="$results/$(basename "$suite").tap" \
    --test-reporter=spec --test-reporter-destination=stdout test/*.test.js) || status=$?
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  # Skipped tests are neither executed nor counted as notExecuted in the trx counters.
  skipped=$((skipped + $(get total) - $(get executed)))
done

for suite in "${node_suites[@]}"; do
  file="$results/$(basename "$suite").tap"
  if [ ! -f "$file" ]; then
    echo "$suite left no results" >&2
    failed=$((failed + 1))
    continue
  fi
  tap() { sed -n "s/^# $1 \([0-9]*\)$/\1/p" "$file" | tail -n1; }
  passed=$((passed + $(tap pass)))
  failed=$((failed + $(tap fail) + $(tap cancelled)))
  skipped=$((skipped + $(tap skipped) + $(tap todo)))
done

if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "no test results were found" >&2
  status=1
fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || status=1
exit $status
