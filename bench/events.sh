#!/usr/bin/env bash
# Load harness of the event backbone on the local engine: raw PutItem rate, publish->complete throughput and
# latency, and latency with 1k / 10k / 100k incomplete publications in the registry, the staleness sweep's cost at
# each size, and how fast the retrier drains a backlog of retriable publications (100k), all in one run.
#
#   bench/events.sh [events] [concurrency] [drained]      defaults: 3000 16 100000
#
# Run from the checkout root. Needs what the tests need (Node.js for dynalite, redis-server). Uses JAVA_HOME when set.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec "$java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" bench.EventBackboneBenchmark "$@"
