#!/usr/bin/env bash
# OCR: ms per page and pages per minute of the engine pool (1 and 2 workers) against the tesseract command line on
# the same pages, and line-item extraction accuracy on clean and on crooked, dusty pages.
#   bench/ocr.sh        8 generated RFQ pages per set
#   bench/ocr.sh 20     20 per set
# Needs tesseract-ocr with -kor and -eng (apt-get install tesseract-ocr tesseract-ocr-kor tesseract-ocr-eng).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# The engine pool sets OMP_THREAD_LIMIT=1 itself when unset; the CLI runs are given it explicitly.
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.kis.estimator.ocr.bench.OcrBenchmark "$@"
