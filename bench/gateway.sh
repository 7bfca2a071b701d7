#!/usr/bin/env bash
# Gateway overhead: the same handler bare (/bench/bare) and behind the whole /api/v1 stack (JWT verification, plan
# lookup, Redis rate limit, security headers) in one application, measured side by side in alternating rounds.
# The application (with its local engines) is pinned to core 0, the load generator (wrk) to core 1.
#
#   bench/gateway.sh [seconds-per-round] [rounds] [connections]      defaults: 10 5 16
#
# APP_ARGS adds application arguments: APP_ARGS=--app.rate-limits.max-lease=1 sends every request's rate limit
# decision to Redis (as for budgets under 100 a minute); --app.rate-limits.enabled=false leaves the JWT part alone.
# Run from the checkout root. Needs what the tests need, plus wrk (installed from Debian packages when missing).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
seconds="${1:-10}"; rounds="${2:-5}"; connections="${3:-16}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
port=18181
base="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -q wrk >/dev/null || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q wrk >/dev/null; }
fi

mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
data="$(mktemp -d)"
taskset -c 0 "$java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" bench.GatewayBenchmarkServer \
  --server.port=$port --app.dev-services.data-dir="$data" --app.dev-services.dynamodb.persistent=false \
  --app.rate-limits.plans.free=1000000000 --logging.level.root=warn ${APP_ARGS:-} > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "$base/actuator/health" >/dev/null && break; sleep 1; done

email="bench-$(date +%s)@example.com"; password="benchmark-password-2026"
curl -sf "$base/api/v1/users" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"Bench\"}" >/dev/null
token="$(curl -sf "$base/api/v1/users/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')"
auth="Authorization: Bearer $token"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$base/api/v1/bench/echo")" = 200 ] || { echo "full stack endpoint refused the token" >&2; exit 1; }

load() { # url seconds -> "requests/s p99-ms"
  taskset -c 1 wrk -t1 -c"$connections" -d"$2"s --latency -H "$auth" "$1" | awk '
    /Requests\/sec/ { rps = $2 }
    / 99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } p99 = v }
    / Non-2xx/ { errors = $5 }
    END { if (errors > 0) { print "non-2xx answers: " errors > "/dev/stderr"; exit 1 } printf "%.0f %.2f\n", rps, p99 }'
}

echo "warming up (3 x ${seconds}s per endpoint)..."
for _ in 1 2 3; do load "$base/bench/bare" "$seconds" >/dev/null; load "$base/api/v1/bench/echo" "$seconds" >/dev/null; done

printf '%-6s %-10s %12s %10s\n' round endpoint requests/s p99-ms
bare=(); full=(); bare99=(); full99=()
for round in $(seq 1 "$rounds"); do
  read -r rps p99 < <(load "$base/bench/bare" "$seconds"); bare+=("$rps"); bare99+=("$p99")
  printf '%-6s %-10s %12s %10s\n' "$round" bare "$rps" "$p99"
  read -r rps p99 < <(load "$base/api/v1/bench/echo" "$seconds"); full+=("$rps"); full99+=("$p99")
  printf '%-6s %-10s %12s %10s\n' "$round" full "$rps" "$p99"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mb="$(median "${bare[@]}")"; mf="$(median "${full[@]}")"
echo "median bare: $mb requests/s, p99 $(median "${bare99[@]}") ms"
echo "median full: $mf requests/s, p99 $(median "${full99[@]}") ms"
awk -v b="$mb" -v f="$mf" 'BEGIN { printf "full / bare throughput: %.2f\n", f / b }'
