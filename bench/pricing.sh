#!/usr/bin/env bash
# JMH: pricing throughput for 20- and 500-line estimates against a multiply-and-sum baseline in the same run.
#   bench/pricing.sh            # default: 1 fork, 3 × 2 s warm-up, 5 × 2 s measurement
#   bench/pricing.sh -i 10      # any further JMH options
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  'com.kis.estimator.pricing.bench.PricingBenchmark' -rf json -rff target/jmh-pricing.json "$@"
