#!/usr/bin/env bash
# Regenerates docs/gallery/ (every chart kind, both themes; PNG plus the typical chart as SVG and PDF).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build bench/Rendering -c Release -nologo -v quiet
dotnet bench/Rendering/bin/Release/net10.0/LabCharts.Rendering.Bench.dll gallery docs/gallery
