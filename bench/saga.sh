#!/usr/bin/env bash
# Load harness of the content saga on the local engines: saga latency without generation time, and one event hop in
# process against the same hop as an HTTP call to a second local process, all in one run.
#
#   bench/saga.sh [generations] [users] [hops]      defaults: 300 8 1000
#
# Run from the checkout root. Needs what the tests need (Node.js for dynalite, redis-server). Uses JAVA_HOME when set.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec "$java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" bench.ContentSagaBenchmark "$@"
