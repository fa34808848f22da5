#!/usr/bin/env bash
# Approvals: submissions/s through the API and one-level approvals/s, against the bare engine in the same run.
#   bench/approvals-load.sh [seconds per run, default 15]
# Needs the same PostgreSQL (127.0.0.1:5432, user postgres) and Redis as the tests; uses a throw-away database.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx1g -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 ${BENCH_JAVA_OPTS:-} -cp "${BENCH_CLASSPATH:+$BENCH_CLASSPATH:}target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.kis.estimator.approval.bench.ApprovalLoadBenchmark "${1:-15}"
