#!/usr/bin/env bash
# Live push channels on one instance: how many open connections the server's heap holds, and the fan-out rate and
# delivery latency with many subscribers, per channel, in one run. The application runs in its own process with a
# 2 GB heap and raised connection limits (pinned to core 0 with its local engines), the load client in another
# (core 1), so the heap figures are the server's alone.
#
#   bench/push.sh [channels] [subscribers] [deliveries-per-second] [seconds]
#       defaults: sse=10000,stomp=5000 1000 20000 10
#
# Run from the checkout root. Needs what the tests need (Node.js for dynalite, redis-server). Uses JAVA_HOME when set.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
channels="${1:-sse=10000,stomp=5000}"; subscribers="${2:-1000}"; rate="${3:-20000}"; seconds="${4:-10}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
port=18182
base="http://127.0.0.1:$port"

mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench.classpath)"
data="$(mktemp -d)"
taskset -c 0 "$java" -Xmx2g -cp "$classpath" bench.PushBenchmarkServer \
  --server.port=$port --app.dev-services.data-dir="$data" --app.dev-services.dynamodb.persistent=false \
  --server.tomcat.max-connections=20000 --server.tomcat.accept-count=2000 --app.push.heartbeat=5s \
  --app.rate-limits.plans.free=1000000000 --logging.level.root=warn > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "$base/actuator/health" >/dev/null && break; sleep 1; done

taskset -c 1 "$java" -Xmx4g -cp "$classpath" bench.PushBenchmark "$base" "$channels" "$subscribers" "$rate" "$seconds"
