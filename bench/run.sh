#!/usr/bin/env bash
# Builds the Release node and the bench, then runs every scenario with its defaults (about 30 min on 2 cores,
# most of it creating the million pending jobs). The results table goes to stdout, progress to stderr;
# each scenario also writes bench/results/<scenario>-<time>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Silo -c Release >&2
dotnet build bench/TimerGrid.Bench -c Release >&2
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), \
$(free -h | awk '/^Mem:/ {print $2}') RAM, .NET SDK $(dotnet --version)"
echo
dotnet run --no-build -c Release --project bench/TimerGrid.Bench -- all "$@"
