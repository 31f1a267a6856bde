#!/usr/bin/env bash
# Active learning benchmark (see README.md). Run from anywhere; needs ../shared/data beside the repository.
#   bench/active/run.sh hh [seeds=3 step=100 max=800 noise=0 test=0.2 full=true]   HH pairs
#   bench/active/run.sh oasst [seeds=3 step=20 max=160 ...]                          OpenAssistant ranked groups
#   bench/active/run.sh plot                                                         only redraws accuracy.png
# Writes bench/active/results-<dataset>.csv, prints the Markdown table, redraws accuracy.png from all
# results-*.csv (with Debian's python3-matplotlib: apt-get install -y python3-matplotlib).
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${RANKLAB_DATA:-$(pwd)/../shared/data}"
[ -d "$DATA" ] || DATA=/work/shared/data

plot() {
  /usr/bin/python3 bench/active/plot.py bench/active/accuracy.png bench/active/results-*.csv
}

dataset="${1:-hh}"
if [ "$dataset" = plot ]; then
  plot
  exit
fi
shift || true
# the machine is shared: low priority, one intra-op thread (the training default on 2 cores)
nice -n 15 ./mvnw -q -ntp test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.ranklab.training.engine.ActiveLearningBenchmark \
  -Dranklab.data="$DATA" -Dai.djl.offline=true \
  -Dexec.args="$dataset out=bench/active/results-$dataset.csv $*" 2>&1 | grep -v -E " (INFO|WARN) "
plot
