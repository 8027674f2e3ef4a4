#!/bin/sh
# HEALTHCHECK of the worker container (Dockerfile.worker). The worker has no HTTP endpoint of its own
# yet, so "healthy" means what can be seen from outside the process:
#   - if PORT is set, the worker serves health there: GET /healthz/ready must answer 2xx;
#   - else, with Queue__RabbitMq__Uri set, the process holds an ESTABLISHED TCP connection to the
#     broker's port (RabbitMQ.Client keeps one open and recovers it after a broker restart);
#   - else (embedded queue: nothing to consume from) the process being alive is all there is.
set -eu

if [ -n "${PORT:-}" ]; then
    exec curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:${PORT}/healthz/ready"
fi

uri="${Queue__RabbitMq__Uri:-}"
[ -n "$uri" ] || exit 0

case "$uri" in
    amqps://*) default_port=5671 ;;
    *) default_port=5672 ;;
esac
authority="${uri#*://}"          # user:pass@host:5672/vhost
authority="${authority%%/*}"     # user:pass@host:5672
hostport="${authority##*@}"      # host:5672
case "$hostport" in
    *\]:*|[!\[]*:*) port="${hostport##*:}" ;;
    *) port="$default_port" ;;
esac
hexport=$(printf '%04X' "$port")

# /proc/net/tcp{,6}: "sl local rem st ..."; rem is HEXIP:HEXPORT, st 01 is ESTABLISHED.
for table in /proc/net/tcp /proc/net/tcp6; do
    [ -r "$table" ] || continue
    if awk -v p=":$hexport" 'NR > 1 && $4 == "01" && substr($3, length($3) - 4) == p { found = 1 } END { exit !found }' "$table"; then
        exit 0
    fi
done
echo "no connection to the broker on port $port" >&2
exit 1
