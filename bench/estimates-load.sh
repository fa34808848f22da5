#!/usr/bin/env bash
# Load: POST /api/v1/estimates (20 lines) at a fixed rate on PostgreSQL + Redis, against a JPA-insert baseline.
#   bench/estimates-load.sh [rate per second, default 300] [seconds, default 20]
# Needs the same PostgreSQL (127.0.0.1:5432, user postgres) and Redis as the tests; uses a throw-away database.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx1g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 ${BENCH_JAVA_OPTS:-} -cp "${BENCH_CLASSPATH:+$BENCH_CLASSPATH:}target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.kis.estimator.estimate.bench.EstimateLoadBenchmark "${1:-300}" "${2:-20}"
