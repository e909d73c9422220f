#!/usr/bin/env bash
# Runs the sample against a fresh local single node: starts TimerGrid (its own data dir and ports), starts the game
# server, which prints each "end match" timer as it fires and exits once all have, then stops the node.
# Arguments go to the game server, e.g. samples/GameServer/run.sh --GameServer:Matches=10
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build Silo -v q -nologo >/dev/null
dotnet build samples/GameServer -v q -nologo >/dev/null
data=$(mktemp -d)
dotnet run --project Silo --no-build -- --urls http://127.0.0.1:5080 --TimerGrid:DataDir="$data" \
  --TimerGrid:SiloPort=11181 --TimerGrid:GatewayPort=30081 >"$data/node.log" 2>&1 &
node=$!
trap 'kill $node 2>/dev/null; wait $node 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf http://127.0.0.1:5080/healthz >/dev/null; do
  kill -0 $node 2>/dev/null || { cat "$data/node.log"; exit 1; }
  sleep 0.5
done
echo "TimerGrid node up on http://127.0.0.1:5080 (silo port 11181)"
dotnet run --project samples/GameServer --no-build -- --GameServer:TimerGridSiloPort=11181 "$@"
