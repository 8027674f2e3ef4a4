# Sourced by the bench scripts that need RabbitMQ and s3rver: `start_servers <run dir>` runs
# `./test.sh --servers` (ports LABCHARTS_TEST_RABBIT_PORT / LABCHARTS_TEST_S3_PORT, its own data folders),
# waits for it and sources its settings (LABCHARTS_TEST_*) into this shell; `stop_servers` stops both.
SERVERS_PID=""

# Every bench host: the load comes from one openid, so the per-caller submission limits (Limits:*,
# docs/api.md) are off; a process with the embedded store outside Development needs a /files key.
export Limits__SubmissionsPerMinute=0 Limits__MaxUnfinishedPerOwner=0
export Storage__Local__SigningKey=${Storage__Local__SigningKey:-labcharts-bench-files-signing-key-0123456789}

start_servers() {
  local run=$1
  ./test.sh --servers >"$run/servers.env" 2>"$run/servers.log" &
  SERVERS_PID=$!
  for _ in $(seq 1 240); do
    grep -q LABCHARTS_TEST_S3_ENDPOINT "$run/servers.env" 2>/dev/null && break
    kill -0 "$SERVERS_PID" 2>/dev/null || { cat "$run/servers.log" >&2; return 1; }
    sleep 0.5
  done
  # shellcheck disable=SC1091
  . "$run/servers.env"
}

# test.sh stops its RabbitMQ node and s3rver in its EXIT trap; bash runs that trap only once its
# foreground child (the "sleep" that keeps it up) has ended, so that child is ended too.
stop_servers() {
  [ -n "$SERVERS_PID" ] || return 0
  kill -INT "$SERVERS_PID" 2>/dev/null || true
  for child in $(pgrep -P "$SERVERS_PID" -x sleep); do kill "$child" 2>/dev/null || true; done
  wait "$SERVERS_PID" 2>/dev/null || true
  SERVERS_PID=""
}
