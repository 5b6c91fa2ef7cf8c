#!/usr/bin/env bash
# Runs the benchmark workloads through this library, numpy and PyTorch in the same session,
# interleaved, and prints a markdown table of medians and ratios (see docs/benchmarks.md).
#
#   benchmark/compare.sh [-r RUNS] [-c CHART.png] [w1] [w2] [w3]
#
# (default: 5 runs of each, all three workloads); -c also draws the medians relative to numpy as a
# bar chart (ComparisonChart).
#
# JAVA_OPTS replaces the Java options of every workload (default: the documented ones);
# PYTHON is the interpreter with numpy and torch (default /usr/bin/python3, Debian's).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=5
chart=
while getopts "r:c:" opt; do
  case $opt in
    r) runs=$OPTARG ;;
    c) chart=$OPTARG ;;
    *) echo "usage: $0 [-r RUNS] [-c CHART.png] [w1] [w2] [w3]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
workloads=("$@")
[[ ${#workloads[@]} -gt 0 ]] || workloads=(w1 w2 w3)
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive whole number, got '$runs'" >&2; exit 2; }
for w in "${workloads[@]}"; do
  [[ $w =~ ^w[123]$ ]] || { echo "unknown workload '$w': use w1, w2 or w3" >&2; exit 2; }
done

python=${PYTHON:-/usr/bin/python3}
"$python" -c 'import numpy, torch' 2>/dev/null \
  || { echo "$python cannot import numpy and torch (Debian: apt-get install python3-numpy python3-torch libopenblas0-pthread)" >&2; exit 2; }
# Without an optimised BLAS, Debian's numpy falls back to netlib's reference libblas, 5-10x slower on W3:
# a comparison against that would flatter this library.
blas=$(PYTHONPATH=$here/python "$python" -c 'import numpy, workloads; print(workloads.blas_library())')
[[ $blas == openblas || $blas == mkl ]] \
  || { echo "numpy uses the '$blas' BLAS, not OpenBLAS: install it first (Debian: apt-get install libopenblas0-pthread)" >&2; exit 2; }

jar=$root/benchmark/target/benchmark.jar
if [[ ! -f $jar ]]; then
  (cd "$root" && ./mvnw -q -B -pl benchmark -am package -DskipTests)
fi

# the documented options, the same for every workload (docs/benchmarks.md)
java_opts=${JAVA_OPTS:-"--add-modules jdk.incubator.vector -Xmx700m -XX:+UseParallelGC -Xmn64m -XX:Tier4MinInvocationThreshold=5 -XX:Tier3DelayOn=100000"}

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for w in "${workloads[@]}"; do
  for ((i = 1; i <= runs; i++)); do
    # a run whose check fails still prints its line (final_loss_ok false), which the table reports
    {
      # shellcheck disable=SC2086  # the options are words on purpose
      java $java_opts -jar "$jar" "$w" 2>/dev/null | grep '^{' || true
      "$python" "$here/python/workloads.py" numpy "$w" || true
      OMP_WAIT_POLICY=PASSIVE "$python" "$here/python/workloads.py" torch "$w" || true
    } >> "$results"
  done
done
status=0
"$python" "$here/python/summarise.py" < "$results" || status=$?
if [[ -n $chart ]]; then
  java -Djava.awt.headless=true -cp "$jar" io.github.backprop.bench.ComparisonChart "$chart" < "$results"
  echo "chart: $chart"
fi
exit "$status"
