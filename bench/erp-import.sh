#!/usr/bin/env bash
# ERP import: rows/s end to end (file → erp-import process → catalog), against a raw COPY of the same rows.
#   bench/erp-import.sh               100,000 products + 200,000 price entries, then the same files again
#   bench/erp-import.sh --rows 1000000  one products file of a million rows, under -Xmx512m (bounded memory)
# Needs the same PostgreSQL (127.0.0.1:5432, user postgres) and Redis as the tests; uses a throw-away database.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
heap=${BENCH_HEAP:-}
if [ -z "$heap" ]; then
  if [ "${1:-}" = "--rows" ]; then heap=512m; else heap=1g; fi
fi
java -Xmx"$heap" ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.kis.estimator.erp.bench.ErpImportBenchmark "$@"
