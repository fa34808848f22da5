#!/usr/bin/env bash
# Soak: one prod-profile instance at a share of its measured capacity; a row a minute (p99, heap after a full GC,
# threads, connections) in target/soak.csv. Figures, not a pass or fail: see docs/benchmarks.md.
#   bench/soak.sh [minutes, default 30] [share of capacity, default 0.5]
# Needs the same PostgreSQL (127.0.0.1:5432, user postgres) and Redis as the tests; uses a throw-away database.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx512m ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.kis.estimator.platform.bench.SoakRun "${1:-30}" "${2:-0.5}"
