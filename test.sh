#!/usr/bin/env bash
# LabCharts' test command (README, "Quick start"): installs what the tests need, builds, runs every
# test project, and prints one plain "N passed, N failed, N skipped" line. Exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

need_apt=()
ldconfig -p | grep -q 'libpangocairo-1.0.so.0' || need_apt+=(libpangocairo-1.0-0)
ldconfig -p | grep -q 'libfontconfig.so.1' || need_apt+=(libfontconfig1)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null; fi
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

log "build"
dotnet build LabCharts.slnx -c Release -nologo -v quiet

log "test"
status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "no test results were found" >&2
  status=1
fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || status=1
exit $status
