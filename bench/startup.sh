#!/usr/bin/env bash
# Starts the packaged application (default profile, dev services included) with a fresh data folder, waits until
# /actuator/health answers UP, prints the milliseconds from launch to UP, then stops it with SIGTERM.
#
#   bench/startup.sh [extra JVM options...]      e.g. bench/startup.sh -XX:AOTCache=target/fast-start/app.aot
#   JAR=target/fast-start/content-platform.jar bench/startup.sh ...   to start another layout of the same jar
#
# Run from the checkout root after `mvn -DskipTests package`. Uses JAVA_HOME when set.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
port="${PORT:-18080}"
work="$(mktemp -d)"
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

start=$(date +%s%N)
"$java" "$@" -jar "${JAR:-$root/target/content-platform.jar}" --server.port="$port" \
  --app.dev-services.data-dir="$work/.data" --app.dev-services.engines-dir="$root/dev" >"$work/app.log" 2>&1 &
pid=$!
until curl -sf "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$pid" 2>/dev/null || { tail -20 "$work/app.log" >&2; exit 1; }
  sleep 0.05
done
echo "up_ms=$(( ($(date +%s%N) - start) / 1000000 ))"
