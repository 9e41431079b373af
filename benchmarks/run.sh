#!/usr/bin/env bash
# Runs one benchmark harness. Builds the benchmarks module and what it depends on first (from this
# checkout's reactor; never installs anything), then starts a plain JVM on the run-time class path.
#
#   benchmarks/run.sh serializer   [JMH options]      # JMH with -prof gc, prints the serializer table
#   benchmarks/run.sh serializer-cpu [options]        # CPU time per record, interleaved (robust on a busy machine)
#   benchmarks/run.sh throughput   [options]          # backlog through the pipeline to the simulator
#   benchmarks/run.sh coalescing   [options]
#   benchmarks/run.sh txcost       [options]
#   benchmarks/run.sh latency      [options]
#   benchmarks/run.sh backfill     [options]
#   benchmarks/run.sh soak         [options]          # two instances, restarts, SIGKILL, faults; exit 0 = passed
#
# Each harness prints its options with --help. SKIP_BUILD=1 reuses the last build; JAVA_OPTS adds JVM options.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -lt 1 ]; then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
harness=$1
shift
case "$harness" in
  serializer) main=dev.ometriasync.benchmarks.serializer.SerializerBenchmarkMain ;;
  serializer-cpu) main=dev.ometriasync.benchmarks.serializer.SerializerCpuTimeMain ;;
  throughput) main=dev.ometriasync.benchmarks.throughput.ThroughputHarness ;;
  coalescing) main=dev.ometriasync.benchmarks.coalescing.CoalescingHarness ;;
  txcost)     main=dev.ometriasync.benchmarks.txcost.TransactionCostHarness ;;
  latency)    main=dev.ometriasync.benchmarks.latency.LatencyHarness ;;
  backfill)   main=dev.ometriasync.benchmarks.backfill.BackfillHarness ;;
  soak)       main=dev.ometriasync.benchmarks.soak.SoakMain ;;
  *) echo "run.sh: unknown harness '$harness'" >&2; exit 2 ;;
esac
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi
cp="$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/benchmarks.classpath")"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$cp" "$main" "$@"
