#!/usr/bin/env bash
# Builds the fast-start layout of the packaged application: the jar extracted to target/fast-start/ (plain class
# path instead of nested jars) plus a JDK 25 AOT cache recorded by one training run that stops after the context
# has refreshed. Start it with
#
#   java -XX:AOTCache=target/fast-start/app.aot -jar target/fast-start/content-platform.jar
#
# Run from the checkout root after `mvn -DskipTests package`. The cache is only valid for the same JDK and the same
# jars: rebuild it after every package. Uses JAVA_HOME when set.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
out="$root/target/fast-start"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

rm -rf "$out"
"$java" -Djarmode=tools -jar "$root/target/content-platform.jar" extract --destination "$out"
# The training run uses throw-away engines (in-memory DynamoDB) so it neither needs nor touches .data/.
(cd "$work" && "$java" -XX:AOTCacheOutput="$out/app.aot" -Dspring.context.exit=onRefresh \
  -jar "$out/content-platform.jar" --server.port=0 --app.dev-services.engines-dir="$root/dev" \
  --app.dev-services.dynamodb.persistent=false >"$work/training.log" 2>&1) \
  || { tail -30 "$work/training.log" >&2; exit 1; }
echo "AOT cache: $out/app.aot"
echo "start:     java -XX:AOTCache=$out/app.aot -jar $out/content-platform.jar"
