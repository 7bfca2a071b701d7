#!/usr/bin/env bash
# What platform request threads cost against virtual ones (ADR 0017): two instances of the application, one with
# each kind of thread, serve the same signed-in requests in alternating rounds: the gateway alone
# (/api/v1/bench/echo: JWT, plan lookup, Redis rate limit) and a read that also waits for DynamoDB
# (/api/v1/users/me). Both instances (with their local engines) are pinned to core 0, the load generator (wrk) to
# core 1; only one instance is loaded at a time.
#
#   bench/request-threads.sh [seconds-per-round] [rounds] [connections...]      defaults: 10 5 16 256
#
# Run from the checkout root. Needs what the tests need, plus wrk (installed from Debian packages when missing).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${1:-10}"; rounds="${2:-5}"
connection_counts=("${@:3}"); [ ${#connection_counts[@]} -eq 0 ] && connection_counts=(16 256)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
declare -A port=([platform]=18191 [virtual]=18192)

if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -q wrk >/dev/null || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q wrk >/dev/null; }
fi

mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
data="$(mktemp -d)"
apps=()
trap 'kill "${apps[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$data"' EXIT

# One after the other: each instance's dev services pick free ports for their engines when it starts.
declare -A auth
for kind in platform virtual; do
  mkdir -p "$data/$kind"
  taskset -c 0 "$java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" bench.GatewayBenchmarkServer \
    --server.port="${port[$kind]}" --app.dev-services.data-dir="$data/$kind" --app.dev-services.dynamodb.persistent=false \
    --app.rate-limits.plans.free=1000000000 --logging.level.root=warn \
    --spring.threads.virtual.enabled="$([ "$kind" = virtual ] && echo true || echo false)" > "$data/$kind/app.log" 2>&1 &
  apps+=($!)
  base="http://127.0.0.1:${port[$kind]}"
  for _ in $(seq 1 300); do curl -sf "$base/actuator/health" >/dev/null && break; sleep 1; done
  curl -sf "$base/actuator/health" >/dev/null || { echo "the $kind instance did not start; its log:" >&2; tail -20 "$data/$kind/app.log" >&2; exit 1; }
  email="bench-$kind-$(date +%s)@example.com"; password="benchmark-password-2026"
  curl -sf "$base/api/v1/users" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"Bench\"}" >/dev/null
  token="$(curl -sf "$base/api/v1/users/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')"
  auth[$kind]="Authorization: Bearer $token"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "${auth[$kind]}" "$base/api/v1/users/me")" = 200 ] \
    || { echo "the $kind instance refused the token" >&2; exit 1; }
done

load() { # kind path connections seconds -> "requests/s p99-ms"
  taskset -c 1 wrk -t1 -c"$3" -d"$4"s --latency -H "${auth[$1]}" "http://127.0.0.1:${port[$1]}$2" | awk '
    /Requests\/sec/ { rps = $2 }
    / 99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } p99 = v }
    / Non-2xx/ { errors = $5 }
    END { if (errors > 0) { print "non-2xx answers: " errors > "/dev/stderr"; exit 1 } printf "%.0f %.2f\n", rps, p99 }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

paths=(/api/v1/bench/echo /api/v1/users/me)
echo "warming up (3 x ${seconds}s per instance and path)..."
for _ in 1 2 3; do
  for path in "${paths[@]}"; do for kind in platform virtual; do load "$kind" "$path" 16 "$seconds" >/dev/null; done; done
done

printf '%-20s %-6s %-9s %12s %10s\n' path conns threads requests/s p99-ms
summary=()
for path in "${paths[@]}"; do
  for connections in "${connection_counts[@]}"; do
    declare -A rps=() p99=()
    for round in $(seq 1 "$rounds"); do
      for kind in platform virtual; do
        read -r r p < <(load "$kind" "$path" "$connections" "$seconds")
        rps[$kind]+="$r "; p99[$kind]+="$p "
        printf '%-20s %-6s %-9s %12s %10s\n' "$path" "$connections" "$kind" "$r" "$p"
      done
    done
    # shellcheck disable=SC2086
    pr="$(median ${rps[platform]})"; vr="$(median ${rps[virtual]})"; pp="$(median ${p99[platform]})"; vp="$(median ${p99[virtual]})"
    summary+=("$(awk -v path="$path" -v c="$connections" -v pr="$pr" -v vr="$vr" -v pp="$pp" -v vp="$vp" \
      'BEGIN { printf "%-20s %-6s platform %6.0f/s p99 %7.2f ms | virtual %6.0f/s p99 %7.2f ms | platform / virtual throughput %.2f", path, c, pr, pp, vr, vp, pr / vr }')")
  done
done
echo "medians of $rounds rounds:"
printf '%s\n' "${summary[@]}"
