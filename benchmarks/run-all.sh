#!/usr/bin/env bash
# Runs every harness once, in the order BENCHMARKS.md lists them, and keeps each one's full output in
# benchmarks/target/results/<harness>.txt (the last lines of each are the markdown table). About 35 minutes.
# Options go through to no harness; edit the lines below (or run benchmarks/run.sh yourself) to change sizes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/target/results"
(cd "$here/.." && mvn -B -q -pl benchmarks -am package -DskipTests)
mkdir -p "$out"
run() {
  local name=$1
  shift
  echo "== $name $* ($(uptime))"
  SKIP_BUILD=1 "$here/run.sh" "$name" "$@" 2>&1 | tee "$out/$name.txt"
}
run serializer
run serializer-cpu
run throughput --records 30000 --rates 4,8 --rounds 5
run coalescing --updates 10000 --hot 100 --seconds 10 --rate 4
run txcost --db h2,postgresql --rounds 3
run latency --db h2 --modes direct,outbox --changes 120
run backfill --rows 1000000
echo "== done ($(uptime)); tables in $out"
