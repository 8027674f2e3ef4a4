#!/usr/bin/env bash
# Compose smoke test (issue #3, "Containers"): runs docker-compose.yml for real on a machine that cannot
# pull images, and proves that a job submitted to the api container is processed by the workers and
# that its chart downloads through the signed URL.
#
#   sudo docker/smoke.sh
#
# What it does, all offline apart from apt, NuGet and npm (which this machine reaches):
#   1. installs docker.io, docker-compose, debootstrap, curl and jq with apt if they are missing;
#   2. uses the engine at DOCKER_HOST (or the default socket) if one answers, else starts a private
#      dockerd (vfs, --iptables=false) whose data root lives in the cache folder;
#   3. builds the stand-in base images (docker/standins/): a debootstrapped Debian bookworm, .NET SDK and
#      ASP.NET runtime from this machine's /usr/share/dotnet, RabbitMQ from Debian, s3rver for MinIO;
#   4. docker-compose -f docker-compose.yml -f docker/compose.smoke.yml up -d --build (the override swaps
#      image names only), waits for every container to be healthy;
#   5. POST /api/jobs?wait=10 (the README's pendulum), polls if it answers 202, downloads the chart
#      through its signed URL and checks it is a 1200x900 PNG;
#   6. prints PASS or FAIL with timings and tears everything down (compose down -v, stops its dockerd).
#
# Settings (environment):
#   LABCHARTS_SMOKE_CACHE   cache folder (default /var/cache/labcharts-smoke): Debian rootfs, NuGet and npm
#                           packages, the private engine's images. Delete it for a cold run.
#   LABCHARTS_SMOKE_KEEP=1  leave the stack (and the private dockerd) running for a look around.
#   LABCHARTS_SMOKE_REF     a git ref (e.g. HEAD) to test that commit instead of the working tree.
#   DEBIAN_MIRROR           debootstrap's mirror (default http://deb.debian.org/debian).
# Exit code 0 on PASS, 1 on FAIL.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache=${LABCHARTS_SMOKE_CACHE:-/var/cache/labcharts-smoke}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
project=labcharts-smoke
compose_files=(-f "$repo/docker-compose.yml" -f "$repo/docker/compose.smoke.yml")
export DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0

started=$SECONDS
phase_name=""
phase_start=$SECONDS
timings=()
phase() {
    if [ -n "$phase_name" ]; then timings+=("$(printf '%-34s %4ds' "$phase_name" $((SECONDS - phase_start)))"); fi
    phase_name=$1
    phase_start=$SECONDS
    [ -z "$1" ] || printf '\n== %s\n' "$1"
}
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

[ "$(id -u)" = 0 ] || fail "run as root (apt, debootstrap and dockerd need it): sudo $0"
mkdir -p "$cache"
exec 9>"$cache/lock"
flock -n 9 || fail "another smoke run holds $cache/lock"
work=$(mktemp -d)
if [ -n "${LABCHARTS_SMOKE_REF:-}" ]; then
    mkdir "$work/tree"
    git -C "$repo" archive "$LABCHARTS_SMOKE_REF" | tar -x -C "$work/tree" || fail "cannot export $LABCHARTS_SMOKE_REF"
    echo "testing $(git -C "$repo" rev-parse --short "$LABCHARTS_SMOKE_REF") ($LABCHARTS_SMOKE_REF), not the working tree"
    repo="$work/tree"
    compose_files=(-f "$repo/docker-compose.yml" -f "$repo/docker/compose.smoke.yml")
fi
own_dockerd=0
stack_up=0
result=FAIL

teardown() {
    local status=$?
    phase "teardown"
    if [ "$stack_up" = 1 ]; then
        if [ "$result" != PASS ]; then
            docker-compose -p "$project" "${compose_files[@]}" ps || true
            docker-compose -p "$project" "${compose_files[@]}" logs --no-color --tail=60 || true
        fi
        if [ "${LABCHARTS_SMOKE_KEEP:-0}" = 1 ]; then
            echo "LABCHARTS_SMOKE_KEEP=1: the stack stays up (DOCKER_HOST=$DOCKER_HOST)"
        else
            docker-compose -p "$project" "${compose_files[@]}" down -v --remove-orphans --timeout 20 >"$work/down.log" 2>&1 \
                || cat "$work/down.log" >&2
            echo "stack removed (containers, network, volumes)"
        fi
    fi
    if [ "$own_dockerd" = 1 ] && [ "${LABCHARTS_SMOKE_KEEP:-0}" != 1 ]; then
        # Dangling images are older builds: with vfs every layer is a full copy, so they go. The current
        # build stages were tagged (labcharts-smoke/*-build) and stay as the next run's cache.
        docker image prune -f >/dev/null 2>&1 || true
        stop_dockerd
        echo "private dockerd stopped"
    fi
    rm -rf "$work"
    phase ""
    echo
    echo "timings:"
    printf '  %s\n' "${timings[@]}"
    printf '  %-34s %4ds\n' total $((SECONDS - started))
    if [ "$result" = PASS ] && [ "$status" = 0 ]; then
        echo "PASS: compose smoke test ($((SECONDS - started)) s)"
    else
        echo "FAIL: compose smoke test ($((SECONDS - started)) s)"
        status=1
    fi
    exit "$status"
}
trap teardown EXIT

# ---------------------------------------------------------------------------------------------- tools
phase "tools"
need=()
command -v dockerd >/dev/null || need+=(docker.io)
command -v docker >/dev/null || need+=(docker.io)
command -v docker-compose >/dev/null || need+=(docker-compose)
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v dotnet >/dev/null || fail "the .NET SDK is needed on this machine (it is copied into the SDK stand-in)"
command -v npm >/dev/null || fail "npm is needed on this machine (s3rver for the MinIO stand-in)"

# ---------------------------------------------------------------------------------------------- engine
phase "docker engine"
dockerd_dir="$cache/dockerd"
stop_dockerd() {
    local pid
    pid=$(cat "$dockerd_dir/dockerd.pid" 2>/dev/null || true)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid"
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then echo "dockerd $pid did not stop in 30 s" >&2; return 0; fi
    # dockerd leaves its network namespace mounted; unmounted, the cache folder can be deleted.
    umount "$dockerd_dir/exec/netns/default" 2>/dev/null || true
}
if docker info >/dev/null 2>&1; then
    echo "using the engine at ${DOCKER_HOST:-the default socket}"
else
    export DOCKER_HOST="unix://$dockerd_dir/docker.sock"
    if docker info >/dev/null 2>&1; then
        echo "re-using the private dockerd left running by an earlier run"
    else
        mkdir -p "$dockerd_dir"
        rm -f "$dockerd_dir/docker.sock" "$dockerd_dir/dockerd.pid"
        # No iptables: containers get no NAT to the outside (none is needed), and published ports are
        # served by docker-proxy.
        dockerd --data-root "$dockerd_dir/data" --exec-root "$dockerd_dir/exec" --pidfile "$dockerd_dir/dockerd.pid" \
            --storage-driver vfs --iptables=false -H "$DOCKER_HOST" >"$dockerd_dir/dockerd.log" 2>&1 &
        for _ in $(seq 120); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
        docker info >/dev/null 2>&1 || { tail -20 "$dockerd_dir/dockerd.log" >&2; fail "dockerd did not start"; }
        echo "started a private dockerd ($DOCKER_HOST)"
    fi
    own_dockerd=1
fi

# ---------------------------------------------------------------------------------------------- stand-ins
# A stand-in is rebuilt when its stamp (its folder's files plus whatever else it is made of) changes.
stamp_of() { cat "$@" | sha256sum | cut -c1-16; }
image_stamp() { docker image inspect -f '{{ index .Config.Labels "org.labcharts.smoke.stamp" }}' "$1" 2>/dev/null || true; }
build_standin() { # tag, name (docker/standins/<name>), context folder, stamp
    local tag=$1 name=$2 context=$3 stamp=$4
    if [ "$(image_stamp "$tag")" = "$stamp" ]; then
        echo "$tag is up to date"
        return
    fi
    cp -a "$repo/docker/standins/$name/." "$context/"
    # --network host: the stand-ins install Debian packages, and this engine gives containers no NAT.
    docker build --network host --label "org.labcharts.smoke.stamp=$stamp" \
        --build-arg BASE_IMAGE=labcharts-smoke/bookworm:latest -t "$tag" "$context" >"$work/build-$name.log" 2>&1 \
        || { tail -40 "$work/build-$name.log" >&2; fail "building $tag failed"; }
    echo "built $tag"
}

phase "stand-in: debian rootfs"
rootfs_tar="$cache/bookworm-minbase.tar"
if ! docker image inspect labcharts-smoke/bookworm:latest >/dev/null 2>&1; then
    if [ ! -s "$rootfs_tar" ]; then
        echo "debootstrap bookworm (minbase) from $mirror"
        debootstrap --variant=minbase --include=ca-certificates bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
            || { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap failed"; }
        rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
        tar -C "$work/rootfs" --numeric-owner -cf "$rootfs_tar.tmp" . && mv "$rootfs_tar.tmp" "$rootfs_tar"
        rm -rf "$work/rootfs"
    fi
    docker import "$rootfs_tar" labcharts-smoke/bookworm:latest >/dev/null
    echo "imported labcharts-smoke/bookworm:latest"
else
    echo "labcharts-smoke/bookworm:latest is present"
fi

phase "stand-in: .NET sdk + runtime"
dotnet_root=${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}
# NuGet inside "docker build": the SDK stand-in carries exactly the packages the two hosts restore, as a
# local feed. Restore a copy of the project files so the working tree's obj/ folders are left alone.
restore="$cache/restore"
rm -rf "$restore" && mkdir -p "$restore/src"
cp "$repo"/global.json "$repo"/Directory.Build.props "$repo"/Directory.Packages.props "$restore/"
for project_file in "$repo"/src/*/*.csproj; do
    mkdir -p "$restore/src/$(basename "$(dirname "$project_file")")"
    cp "$project_file" "$restore/src/$(basename "$(dirname "$project_file")")/"
done
for host in Api Worker; do
    (cd "$restore" && dotnet restore "src/$host/LabCharts.$host.csproj" --packages "$cache/nuget-packages" -nologo -v quiet) \
        || fail "dotnet restore of src/$host on the host failed"
done
dotnet_version=$("$dotnet_root/dotnet" --version)
packages_stamp=$( (echo "$dotnet_version"; cd "$cache/nuget-packages" && ls -d ./*/*/) | stamp_of -)
sdk_stamp=$(stamp_of "$repo"/docker/standins/dotnet-sdk/* <(echo "$packages_stamp"))
if [ "$(image_stamp labcharts-smoke/dotnet-sdk:10.0)" != "$sdk_stamp" ]; then
    context="$work/dotnet-sdk" && mkdir -p "$context/overlay/usr/share" "$context/overlay/root/.nuget"
    cp -al "$dotnet_root" "$context/overlay/usr/share/dotnet" 2>/dev/null || cp -a "$dotnet_root" "$context/overlay/usr/share/dotnet"
    cp -al "$cache/nuget-packages" "$context/overlay/root/.nuget/packages" 2>/dev/null \
        || cp -a "$cache/nuget-packages" "$context/overlay/root/.nuget/packages"
fi
build_standin labcharts-smoke/dotnet-sdk:10.0 dotnet-sdk "$work/dotnet-sdk" "$sdk_stamp"
aspnet_stamp=$(stamp_of "$repo"/docker/standins/dotnet-aspnet/* <(echo "$dotnet_version"))
if [ "$(image_stamp labcharts-smoke/dotnet-aspnet:10.0)" != "$aspnet_stamp" ]; then
    context="$work/dotnet-aspnet" && mkdir -p "$context/overlay/usr/share/dotnet/shared"
    cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$context/overlay/usr/share/dotnet/"
    cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" \
        "$context/overlay/usr/share/dotnet/shared/"
fi
build_standin labcharts-smoke/dotnet-aspnet:10.0 dotnet-aspnet "$work/dotnet-aspnet" "$aspnet_stamp"

phase "stand-in: rabbitmq + minio"
mkdir -p "$work/rabbitmq" "$work/minio"
build_standin labcharts-smoke/rabbitmq:3-management rabbitmq "$work/rabbitmq" "$(stamp_of "$repo"/docker/standins/rabbitmq/*)"
minio_stamp=$(stamp_of "$repo"/docker/standins/minio/* <(echo s3rver@3.7.1))
if [ "$(image_stamp labcharts-smoke/minio:latest)" != "$minio_stamp" ]; then
    if [ ! -d "$cache/s3rver/node_modules/s3rver" ]; then
        mkdir -p "$cache/s3rver"
        (cd "$cache/s3rver" && npm install --no-save --no-package-lock --omit=dev s3rver@3.7.1 >/dev/null) || fail "npm install s3rver failed"
    fi
    cp -a "$cache/s3rver/node_modules" "$work/minio/"
fi
build_standin labcharts-smoke/minio:latest minio "$work/minio" "$minio_stamp"

# ---------------------------------------------------------------------------------------------- stack
# Published ports come from docker-compose.yml's LABCHARTS_*_PORT variables: the defaults when they are
# free on this machine, else free ones (the signed URLs follow LABCHARTS_S3_PORT).
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {
    local port=$1
    while port_taken "$port"; do port=$((port + 1)); done
    echo "$port"
}
export LABCHARTS_API_PORT=${LABCHARTS_API_PORT:-$(pick_port 8080)}
export LABCHARTS_S3_PORT=${LABCHARTS_S3_PORT:-$(pick_port 9000)}
export LABCHARTS_S3_CONSOLE_PORT=${LABCHARTS_S3_CONSOLE_PORT:-$(pick_port 9101)}
export LABCHARTS_AMQP_PORT=${LABCHARTS_AMQP_PORT:-$(pick_port 5672)}
export LABCHARTS_RABBITMQ_UI_PORT=${LABCHARTS_RABBITMQ_UI_PORT:-$(pick_port 15672)}

phase "compose up --build"
docker-compose -p "$project" "${compose_files[@]}" config -q
stack_up=1
if ! docker-compose -p "$project" "${compose_files[@]}" up -d --build >"$work/up.log" 2>&1; then
    tail -60 "$work/up.log" >&2
    fail "docker-compose up failed"
fi
grep -E '^(Successfully tagged|Creating|Starting|Building)|[Ee]rror' "$work/up.log" || true
# Tag the build stages (all cache hits) so that they are not dangling: they are the next run's cache
# of the NuGet restore and the compile.
for host in api worker; do
    docker build --network none --target build -q -f "$repo/Dockerfile.$host" \
        --build-arg SDK_IMAGE=labcharts-smoke/dotnet-sdk:10.0 -t "labcharts-smoke/$host-build:latest" "$repo" >/dev/null 2>&1 \
        || echo "note: could not tag the $host build stage (the next run rebuilds it)"
done

phase "wait for healthy containers"
containers=$(docker-compose -p "$project" "${compose_files[@]}" ps -q api worker)
[ "$(echo "$containers" | wc -w)" = 3 ] || fail "expected 1 api and 2 worker containers, found: $containers"
deadline=$((SECONDS + 240))
while :; do
    states=$(for c in $containers; do docker inspect -f '{{.Name}}={{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$c"; done)
    echo "$states" | grep -qv '=healthy$' || break
    echo "$states" | grep -qE '=(unhealthy|exited|dead)$' && fail "a container is not healthy: ${states//$'\n'/ }"
    [ $SECONDS -lt $deadline ] || fail "containers not healthy after 240 s: ${states//$'\n'/ }"
    sleep 2
done
echo "$states"

# ---------------------------------------------------------------------------------------------- job
phase "submit job + download chart"
api="http://127.0.0.1:$LABCHARTS_API_PORT"
identity=(-H "X-WX-SOURCE: smoke-test" -H "X-WX-APPID: wxsmoketest" -H "X-WX-OPENID: smoke-openid")
cat >"$work/request.json" <<'JSON'
{
  "experiment": "pendulum",
  "title": "单摆测重力加速度",
  "data": {
    "L": { "values": [0.50, 0.60, 0.70, 0.80, 0.90], "unit": "m", "instrumentError": 0.0005 },
    "T": { "values": [[1.419, 1.421, 1.418], [1.553, 1.556, 1.554], [1.679, 1.677, 1.680],
                      [1.794, 1.796, 1.793], [1.903, 1.905, 1.902]], "unit": "s" }
  },
  "constants": { "g_ref": { "value": 9.794, "unit": "m/s^2" } },
  "render": { "formats": ["png"], "width": 1200, "height": 900 }
}
JSON
submitted=$SECONDS
code=$(curl -sS -o "$work/job.json" -w '%{http_code}' -X POST "$api/api/jobs?wait=10" \
    -H 'Content-Type: application/json' "${identity[@]}" --data-binary @"$work/request.json") || fail "POST /api/jobs: no answer"
case "$code" in
    200) ;;
    202)
        id=$(jq -r .id "$work/job.json")
        echo "202 Accepted ($id); polling"
        until jq -e '.status == "succeeded" or .status == "failed"' "$work/job.json" >/dev/null; do
            [ $((SECONDS - submitted)) -lt 120 ] || fail "job $id not finished after 120 s: $(cat "$work/job.json")"
            sleep 1
            curl -sS -o "$work/job.json" "${identity[@]}" "$api/api/jobs/$id" || true
        done
        ;;
    *) fail "POST /api/jobs answered $code: $(cat "$work/job.json")" ;;
esac
job_seconds=$((SECONDS - submitted))
status=$(jq -r .status "$work/job.json")
[ "$status" = succeeded ] || fail "job ended $status: $(jq -c .error "$work/job.json")"
echo "job $(jq -r .id "$work/job.json") succeeded in ${job_seconds} s: $(jq -r '.result.quantities[0].formatted' "$work/job.json")"
url=$(jq -r '[.artifacts[] | select(.format == "png")][0].url' "$work/job.json")
case "$url" in
    "http://localhost:$LABCHARTS_S3_PORT/"*) ;;
    *) fail "the chart URL is not signed for MinIO's public endpoint http://localhost:$LABCHARTS_S3_PORT: $url" ;;
esac
echo "chart URL: ${url%%\?*}?…"
code=$(curl -sS -o "$work/chart.png" -w '%{http_code}' "$url") || fail "GET chart: no answer"
[ "$code" = 200 ] || fail "GET chart answered $code: $(head -c 300 "$work/chart.png")"
hex() { od -An -tx1 -j"$1" -N"$2" "$work/chart.png" | tr -d ' \n'; }
[ "$(hex 0 8)" = 89504e470d0a1a0a ] || fail "the chart is not a PNG"
width=$((16#$(hex 16 4)))
height=$((16#$(hex 20 4)))
{ [ "$width" = 1200 ] && [ "$height" = 900 ]; } || fail "the chart is ${width}x${height}, expected 1200x900"
echo "chart: PNG ${width}x${height}, $(stat -c %s "$work/chart.png") bytes"

# A second job, with everything warm: what a student waits for.
read -r code seconds < <(curl -sS -o "$work/job2.json" -w '%{http_code} %{time_total}\n' -X POST "$api/api/jobs?wait=10" \
    -H 'Content-Type: application/json' "${identity[@]}" --data-binary @"$work/request.json") || fail "POST /api/jobs: no answer"
{ [ "$code" = 200 ] && [ "$(jq -r .status "$work/job2.json")" = succeeded ]; } \
    || fail "second job: $code $(jq -c '{status, error}' "$work/job2.json")"
echo "second job: 200 succeeded in ${seconds} s (API → RabbitMQ → worker → S3 → API)"

# Who did the work: the two worker replicas consume the interactive queue.
docker-compose -p "$project" "${compose_files[@]}" exec -T rabbitmq \
    rabbitmqctl -q list_queues -p labcharts name messages_ready messages_unacknowledged consumers 2>/dev/null | sed 's/^/  queue: /' || true

result=PASS
