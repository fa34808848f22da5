#!/usr/bin/env bash
# Start-up and test-suite timings, each also as a multiple of a CPU baseline measured in the same run
# (bench/Baseline.java), because the build machines are shared and noisy.
#
#   bench/startup.sh              # start-up of the README run command (3 cases)
#   bench/startup.sh --with-tests # ... and the README test command (needs PostgreSQL and Redis)
#
# Start-up is timed from launching `./mvnw spring-boot:run` until /actuator/health answers UP:
#   first run   - after `./mvnw clean`: compiles, then starts on an empty database (Flyway, Camunda's tables,
#                 demo users, processes/ deployed)
#   cold start  - compiled, empty ./data (what a newcomer waits for after the first build)
#   restart     - compiled, ./data kept (nothing to migrate or deploy)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18080}
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"; stop_app' EXIT
APP_PID=

baseline_ms() { java bench/Baseline.java | cut -d' ' -f1; }

stop_app() {
  if [ -n "${APP_PID:-}" ]; then
    kill -- -"$APP_PID" 2>/dev/null || kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
  fi
}

time_start() { # prints milliseconds from launch to health UP
  local started=$(date +%s%N)
  setsid env PORT="$PORT" KIS_DATA_DIR="$DATA" ./mvnw -B -q spring-boot:run >"$DATA/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      echo $(( ($(date +%s%N) - started) / 1000000 ))
      stop_app
      return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "app died; see log:" >&2; tail -50 "$DATA/app.log" >&2; return 1
    fi
    sleep 0.2
  done
  echo "app did not become healthy in 120 s" >&2; return 1
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
base_before=$(baseline_ms)
./mvnw -B -q clean
first=$(time_start)
rm -rf "$DATA"/*
cold=$(time_start)
warm=$(time_start)
base_after=$(baseline_ms)
base=$(( (base_before + base_after) / 2 ))

echo
echo "| measurement | ms | × baseline |"
echo "|---|---:|---:|"
echo "| baseline (SHA-256 of 4 GiB, before / after: $base_before / $base_after ms) | $base | 1.0 |"
echo "| first run after clean (compile + start, empty database) | $first | $(ratio "$first" "$base") |"
echo "| cold start (compiled, empty database) | $cold | $(ratio "$cold" "$base") |"
echo "| restart (database kept) | $warm | $(ratio "$warm" "$base") |"

if [ "${1:-}" = "--with-tests" ]; then
  started=$(date +%s%N)
  ./mvnw -B -q verify >"$DATA/test.log" 2>&1 || { tail -80 "$DATA/test.log"; exit 1; }
  tests=$(( ($(date +%s%N) - started) / 1000000 ))
  base_tests=$(baseline_ms)
  echo "| test command \`./mvnw verify\` (baseline right after: $base_tests ms) | $tests | $(ratio "$tests" "$base_tests") |"
fi
