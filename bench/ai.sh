#!/usr/bin/env bash
# AI: training time (10,000 and 100,000 rows), single-row predict p50/p99 through the service and the served graph
# against a raw DJL predictor on the same SavedModel, batch throughput, resident memory with the model loaded.
# Needs the same PostgreSQL and Redis as the tests, and starts the tests' Keycloak; uses a throw-away database.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
DJL_OFFLINE=true TF_CPP_MIN_LOG_LEVEL=2 java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.kis.estimator.ai.bench.AiBenchmark "$@"
