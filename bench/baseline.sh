#!/usr/bin/env bash
# This build and another commit's, side by side in one bench run: builds <commit>'s silo in Release into
# /tmp/timergrid-baseline-<sha>/ (a `git archive` of the commit; kept, so a second run reuses it), builds this
# tree in Release, then runs one scenario (capacity unless named) on `timergrid-sqlite` (this build) and
# `timergrid-sqlite-baseline` (that build's TimerGrid.Silo.dll, given only the settings every build knows:
# data dir and ports), one after the other, and prints their tables and the ratio this build ÷ baseline.
#   bench/baseline.sh 4ade6c7                          # capacity, full size (~10 min a target on 2 cores)
#   bench/baseline.sh 4ade6c7 spread --rate 900        # another scenario; extra arguments go to the bench
# The baseline runs over REST on SQLite only (an older build's grain interfaces differ from this client's).
# Set BENCH_NO_BUILD=1 to skip building this tree (the baseline is built when its silo is missing).
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] || { echo "usage: bench/baseline.sh <commit> [scenario] [bench args]" >&2; exit 2; }
sha=$(git rev-parse --verify "$1^{commit}") || { echo "baseline.sh: no commit '$1'" >&2; exit 2; }
shift
scenario=capacity
if [ $# -gt 0 ] && [[ $1 != --* ]]; then scenario=$1; shift; fi

dir=/tmp/timergrid-baseline-$sha
dll=$dir/Silo/bin/Release/net10.0/TimerGrid.Silo.dll
if [ ! -f "$dll" ]; then
  echo "baseline.sh: building ${sha:0:7}'s silo in $dir" >&2
  rm -rf "$dir"
  mkdir -p "$dir"
  git archive "$sha" | tar -x -C "$dir"
  dotnet build "$dir/Silo" -c Release >&2
fi
echo "baseline.sh: baseline ${sha:0:7} ($(git log -1 --format=%s "$sha")) from $dll" >&2

[ -n "${BENCH_NO_BUILD:-}" ] || dotnet build TimerGrid.sln -c Release >&2
dotnet run --no-build -c Release --project bench/TimerGrid.Bench -- "$scenario" \
  --targets timergrid-sqlite,timergrid-sqlite-baseline --baseline-silo "$dll" "$@"
