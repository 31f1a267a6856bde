#!/usr/bin/env bash
# Scoring throughput (see README.md): responses scored per second through the HTTP API (batched calls, 1, 8
# and 32 clients) against the same model's bare forward pass in the same JVM, per architecture, and the
# p50/p99 latency of single 8-response calls. Starts the app on 127.0.0.1 with a throw-away embedded
# database; everything stops by itself.
#   bench/scoring/run.sh                                   all five architectures, 10 s per measurement
#   bench/scoring/run.sh archs=pooled,minilm seconds=20 clients=1,8,32 items=8 responses=8 latency=300
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.ranklab.training.ScoringBenchmark -Dai.djl.offline=true -Dexec.args="$*" 2>&1 |
  grep --line-buffered -E "RESULT|Exception|Caused by" || true
