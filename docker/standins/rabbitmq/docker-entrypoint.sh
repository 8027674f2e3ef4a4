#!/bin/sh
# Writes rabbitmq.conf from the official image's variables, then runs the command (rabbitmq-server).
set -eu
conf=/etc/rabbitmq/rabbitmq.conf
{
    echo "listeners.tcp.default = 5672"
    echo "management.tcp.port = 15672"
    echo "loopback_users = none"
    [ -z "${RABBITMQ_DEFAULT_USER:-}" ] || echo "default_user = ${RABBITMQ_DEFAULT_USER}"
    [ -z "${RABBITMQ_DEFAULT_PASS:-}" ] || echo "default_pass = ${RABBITMQ_DEFAULT_PASS}"
    [ -z "${RABBITMQ_DEFAULT_VHOST:-}" ] || echo "default_vhost = ${RABBITMQ_DEFAULT_VHOST}"
} > "$conf"
exec "$@"
