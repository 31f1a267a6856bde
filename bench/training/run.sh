#!/usr/bin/env bash
# Reward model benchmarks (see README.md). Run from anywhere; needs ../shared/data beside the repository.
#   bench/training/run.sh quality hh pooled 5 [key=value ...]   held-out pairwise accuracy over 5 random 80/20 splits
#   bench/training/run.sh quality oasst pooled 5
#   bench/training/run.sh quality hh minilm 3 tune               tune mode: validation carved from the 80% training part
#                                                                (MiniLM embeddings cached in $TMPDIR/ranklab-minilm-*.bin)
#   bench/training/run.sh speed                                  DJL vs PyTorch (Python) on the same data, twice
#   bench/training/run.sh scaling 10000 20000 50000 100000       one epoch at each size
#   bench/training/run.sh protocol hh 5 [folds=1,2] [archs=pooled,finetuned] [grid=finetuned:frozen=3|frozen=5]
#                                                                the evaluation protocol: 5 folds by cluster, settings
#                                                                chosen on inner validation, paired statistics
#   bench/training/run.sh objectives 3 [plot.png]                rank against direct-score objective with simulated
#                                                                labelers of uneven calibration, 3 seeds per level
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${RANKLAB_DATA:-$(pwd)/../shared/data}"
[ -d "$DATA" ] || DATA=/work/shared/data

java_bench() {
  ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass="org.ranklab.training.engine.${MAIN:-RewardBenchmark}" \
    -Dranklab.data="$DATA" -Dai.djl.offline=true -Dexec.args="$*" 2>&1 | grep -v -E " (INFO|WARN) "
}

case "${1:-quality}" in
  speed)
    shift
    THREADS="${THREADS:-1}"
    EPOCHS="${EPOCHS:-3}"
    if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
      echo "PyTorch for Python is missing: apt-get install -y python3-torch" >&2
      exit 1
    fi
    file=$(mktemp /tmp/ranklab-speed.XXXXXX)
    trap 'rm -f "$file"' EXIT
    # Back to back twice, alternating, because other processes share the machine's cores.
    for round in 1 2; do
      echo "== round $round"
      out=$(java_bench speed "$file" epochs="$EPOCHS" threads="$THREADS" "$@")
      echo "$out" | grep RESULT
      # the same settings, as the Java side printed them
      /usr/bin/python3 bench/training/pooled_torch.py "$file" $(echo "$out" | grep TORCH_ARGS | cut -d' ' -f2-) | grep RESULT
    done
    ;;
  protocol)
    shift
    MAIN=ProtocolBenchmark java_bench "$@"
    ;;
  objectives)
    shift
    MAIN=ObjectiveBenchmark java_bench "$@"
    ;;
  *)
    java_bench "$@"
    ;;
esac
