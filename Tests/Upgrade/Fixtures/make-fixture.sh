#!/usr/bin/env bash
# Writes timergrid-<release>.db beside this script: the database of a single node of an earlier release, holding one
# of every kind of state, for UpgradeTests. Made once per release, on purpose by hand; the file is committed.
#   git worktree add /tmp/old <release> && dotnet build /tmp/old/Silo -c Release
#   Tests/Upgrade/Fixtures/make-fixture.sh /tmp/old/Silo/bin/Release/net10.0/TimerGrid.Silo.dll <release>
# The admin key it creates is written to timergrid-<release>.key (a test key of a test database).
set -euo pipefail
silo=$1 release=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
data=$work/data
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http=$(free_port) hook=$(free_port)

# A receiver that answers 200 to every webhook.
python3 -c '
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0))); self.send_response(200); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()' "$hook" &
receiver=$!
dotnet "$silo" --urls="http://127.0.0.1:$http" --TimerGrid:DataDir="$data" --TimerGrid:SiloPort="$(free_port)" \
  --TimerGrid:GatewayPort="$(free_port)" --TimerGrid:Delivery:MaxAttempts=1 > "$work/node.log" 2>&1 &
node=$!
trap 'kill $receiver $node 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$http/healthz" > /dev/null; do sleep 0.5; done

api() { curl -sf -X "$1" "http://127.0.0.1:$http$2" -H 'Content-Type: application/json' ${3:+-d "$3"}; echo; }
now=$(($(date +%s) * 1000))
api POST /route/shop '{"id":"hook","type":"REST","webhook_url":"http://127.0.0.1:'"$hook"'/shop"}'
api POST /route/shop '{"id":"dead","type":"REST","webhook_url":"http://127.0.0.1:9/never"}'
api POST /route/default '{"id":"reports","type":"REST","webhook_url":"http://127.0.0.1:'"$hook"'/reports"}'
# pending: far ahead, and due 20 s from now (overdue whenever the test runs: it must fire once, on start)
api POST /job/shop/orders '{"id":"far","trigger_time":'$((now + 3 * 365 * 86400000))',"meta":{"order":1},"route":"hook","name":"order-1"}'
api POST /job/shop/orders '{"id":"overdue","trigger_time":'$((now + 20000))',"meta":{"order":2},"route":"hook"}'
# ended: delivered and failed (with their executions and audit entries)
api POST /job/shop/orders '{"id":"delivered","trigger_time":'"$now"',"meta":{"order":3},"route":"hook"}'
api POST /job/shop/orders '{"id":"failed","trigger_time":'"$now"',"meta":{"order":4},"route":"dead"}'
# recurring
api POST /job/shop/cron '{"id":"nightly","schedule":{"cron":"0 3 * * *","timezone":"Europe/Paris"},"route":"hook"}'
api POST /job/shop/cron '{"id":"tick","schedule":{"interval":5},"route":"hook"}'
api PATCH /job/shop/cron/nightly '{"enabled":false}'
# the scheduler API (seed 003)
api POST /api/v1/jobs '{"job_class_string":"reports","name":"weekly","pub_args":["a"],"trigger":"cron","trigger_params":{"minute":"30","hour":"4"}}'
# the queue API (seed 002): one finished, one taken and running, one queued
for n in 1 2 3; do curl -sf -X POST "http://127.0.0.1:$http/jobs" -H 'Content-Type: application/json' -d '{"queue":"work","params":{"n":'$n'}}' -o /dev/null; done
sleep 1
done_id=$(curl -sf -X POST "http://127.0.0.1:$http/want_job" -H 'X-Accepted-Queue: work' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
api PUT "/jobs/$done_id" '{"status":"done","result":{"ok":true}}'
curl -sf -X POST "http://127.0.0.1:$http/want_job" -H 'X-Accepted-Queue: work' -H 'X-Accepted-Timeout: 86400' > /dev/null
# an API key
dotnet "$silo" keys create --db '*' --role admin --name upgrade --TimerGrid:DataDir="$data" > "$here/timergrid-$release.key"

sleep 3                          # "delivered" and "failed" fire; "overdue" (due in 20 s) stays pending
kill -TERM $node && wait $node || true   # a clean stop folds the WAL into the file
rm -f "$here/timergrid-$release.db"
sqlite3 "$data/timergrid.db" "VACUUM INTO '$here/timergrid-$release.db'"
echo "wrote $here/timergrid-$release.db ($(stat -c %s "$here/timergrid-$release.db") bytes) and timergrid-$release.key"
