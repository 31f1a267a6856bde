#!/usr/bin/env bash
# Portable model check (see README.md, "Portable model"): trains a tiny finetuned model, exports it as
# GET /api/v1/reward-models/{id}/artifact?format=hf does, scores 100 prompt/response pairs with RankLab and
# with bench/scoring/hf_check.py (plain PyTorch on the exported files), and prints the largest difference.
#   bench/scoring/hf_check.sh                  files in a temporary directory
#   bench/scoring/hf_check.sh dir=/tmp/hf      files (model-hf.zip, model/, pairs.json) in /tmp/hf
#   python=/path/to/python3                    an interpreter with torch (default /usr/bin/python3)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -ntp test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.ranklab.training.engine.HuggingFaceCheck -Dai.djl.offline=true -Dexec.args="$*" 2>&1 |
  grep --line-buffered -E "RESULT|Exception|Caused by|Error" || true
