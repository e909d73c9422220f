#!/usr/bin/env bash
# Builds Release, then runs every scenario on TimerGrid's default single node (SQLite) at full size: about
# 30 min on 2 cores, most of it creating the million pending jobs. The machine and the results table go to
# stdout, progress to stderr; each scenario also writes bench/results/<scenario>-<target>-<time>.json.
# The comparison with Hangfire and Quartz.NET is bench/compare.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build TimerGrid.sln -c Release >&2
dotnet run --no-build -c Release --project bench/TimerGrid.Bench -- all "$@"
