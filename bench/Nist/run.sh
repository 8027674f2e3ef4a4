#!/usr/bin/env bash
# NIST StRD bench: LabCharts' fitters and SciPy's curve_fit on the same problems, in one run.
# Usage: bench/Nist/run.sh [nist folder]   (default: $LABCHARTS_NIST_DIR or <repo>/../shared/data/nist)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
folder="${1:-${LABCHARTS_NIST_DIR:-$repo/../shared/data/nist}}"
folder="$(cd "$folder" && pwd)"

if ! /usr/bin/python3 -c 'import scipy' 2>/dev/null; then
  echo "installing python3-scipy (Debian) ..."
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq python3-scipy >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq python3-scipy >/dev/null; fi
fi

dotnet build "$repo/bench/Nist/LabCharts.Bench.Nist.csproj" -c Release -nologo -v quiet >/dev/null
ours=$(mktemp); theirs=$(mktemp)
trap 'rm -f "$ours" "$theirs"' EXIT
dotnet "$repo/bench/Nist/bin/Release/net10.0/LabCharts.Bench.Nist.dll" "$folder" | tee "$ours"
echo
/usr/bin/python3 "$repo/bench/Nist/scipy_nist.py" "$folder" | tee "$theirs"

echo
echo "Side by side (nonlinear): problem, start, ours ok/digits, scipy ok/digits, ours ms, scipy ms"
printf '%-10s %5s %12s %12s %9s %9s\n' problem start ours scipy "ours ms" "scipy ms"
join -j1 <(awk 'NF==6 && $2 ~ /^[12]$/ {print $1"_"$2, $3, $4, $6}' "$ours" | sort) \
         <(awk 'NF==6 && $2 ~ /^[12]$/ {print $1"_"$2, $3, $4, $6}' "$theirs" | sort) \
  | awk '{split($1, k, "_"); printf "%-10s %5s %5s/%6s %5s/%6s %9s %9s\n", k[1], k[2], $2, $3, $5, $6, $4, $7}' | sort -k1,1 -k2,2n
