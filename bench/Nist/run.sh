#!/usr/bin/env bash
# NIST StRD bench: LabCharts' fitters and SciPy's curve_fit on the same problems, in one run; writes
# docs/benchmarks/nist.md (machine, per-problem digits and times on both sides, the ratio ours/SciPy and
# the summary against issue 12's targets: median ratio ≤ 1, none above 3×). Notes written by hand below
# the line "Notes (written by hand" in an existing nist.md are kept.
# Usage: bench/Nist/run.sh [nist folder]   (default: $LABCHARTS_NIST_DIR or <repo>/../shared/data/nist)
# NIST_ROUNDS (default 30): timed rounds on each side after a warm-up pass; times are medians (fewer rounds
# leave much of ours in the JIT's first, unoptimised tier: 7 rounds measured 2–7× our warm times).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
folder="${1:-${LABCHARTS_NIST_DIR:-$repo/../shared/data/nist}}"
folder="$(cd "$folder" && pwd)"
export NIST_ROUNDS="${NIST_ROUNDS:-30}"

if ! /usr/bin/python3 -c 'import scipy' 2>/dev/null; then
  echo "installing python3-scipy (Debian) ..."
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq python3-scipy >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq python3-scipy >/dev/null; fi
fi

dotnet build "$repo/bench/Nist/LabCharts.Bench.Nist.csproj" -c Release -nologo -v quiet >/dev/null
ours=$(mktemp); theirs=$(mktemp)
trap 'rm -f "$ours" "$theirs"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
dotnet "$repo/bench/Nist/bin/Release/net10.0/LabCharts.Bench.Nist.dll" "$folder" | tee "$ours"
echo
/usr/bin/python3 "$repo/bench/Nist/scipy_nist.py" "$folder" | tee "$theirs"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') NPROC=$(nproc) \
COMMIT=$(git -C "$repo" rev-parse --short HEAD) DIRTY=$(git -C "$repo" status --porcelain -- src/Analysis bench/Nist | wc -l) \
LOAD_BEFORE="$load_before" LOAD_AFTER="$load_after" DOTNET=$(dotnet --version) \
SCIPY=$(/usr/bin/python3 -c 'import scipy; print(scipy.__version__)') \
/usr/bin/python3 "$repo/bench/Nist/report.py" "$ours" "$theirs" "$repo/docs/benchmarks/nist.md"
