#!/usr/bin/env bash
# An assessment in N shards and a merge against one process, on the same project, cold (--no-cache),
# alternating the order between rounds (shards first, then one process; then the reverse), as absolute
# times on shared machines drift. The shards run one after another here, each on the machine's threads as
# a CI job of its own would: what a sharded run waits for is its slowest shard, then the merge. Prints
# each round's times, the ratio (slowest shard + merge) / one process, and checks the merged JSON is the
# one process's, byte for byte. Each merge records the shards' per-file times (--weights-out), and each
# round after the first also runs the shards planned by the previous round's times (--shard-weights),
# printing their slowest shard beside the size-planned one's.
# Usage: bench/shards.sh [PROJECT] [SHARDS] [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="${1:-${OPTKIT_BENCH_CORPUS:-/work/corpus/spring-framework}}"
shards="${2:-4}"
rounds="${3:-2}"
[ -d "$project" ] || { echo "bench/shards.sh: project not found: $project" >&2; exit 2; }
(cd "$here" && mvn -o -q -DskipTests package -pl analyzers,rewriters,validation-agent,validation,cli)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
options=(--include-tests --no-cache --offline --threads 2)
# runs a command, prints its wall time in seconds
timed() {
  local TIMEFORMAT='%R'
  { time "$@" >/dev/null 2>"$work/stderr"; } 2>"$work/time" || { echo "bench/shards.sh: failed: $*" >&2; tail -5 "$work/stderr" >&2; exit 3; }
  cat "$work/time"
}
one_process() {
  timed "$here/optkit" assess "$project" "${options[@]}" --format json -o "$work/single.json"
}
# shards planned by size, or by the times in $1 when given; prints the slowest shard's time and the merge's
sharded() {
  local slowest=0 wall files=() planned=()
  [ -n "${1:-}" ] && planned=(--shard-weights "$1")
  for i in $(seq 1 "$shards"); do
    wall=$(timed "$here/optkit" assess "$project" "${options[@]}" --shard "$i/$shards" --shard-out "$work/shard-$i" "${planned[@]}")
    slowest=$(echo "if ($wall > $slowest) $wall else $slowest" | bc -l)
    files+=(--shard-file "$work/shard-$i")
  done
  wall=$(timed "$here/optkit" merge "$project" "${options[@]}" "${files[@]}" --format json -o "$work/merged.json" \
    --weights-out "$work/weights-next.json")
  echo "$slowest $wall"
}
ratios=()
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    read -r slowest merge < <(sharded); single=$(one_process); order="shards first"
  else
    single=$(one_process); read -r slowest merge < <(sharded); order="one process first"
  fi
  cmp -s "$work/single.json" "$work/merged.json" || { echo "bench/shards.sh: the merged JSON differs from one process's" >&2; exit 1; }
  ratio=$(echo "($slowest + $merge) / $single" | bc -l)
  ratios+=("$ratio")
  printf 'round %d (%s): one process %.1f s; %d shards: slowest %.1f s, merge %.1f s; (slowest + merge) / one process %.3f; merged JSON identical\n' \
    "$round" "$order" "$single" "$shards" "$slowest" "$merge" "$ratio"
  if [ -f "$work/weights.json" ]; then
    read -r timed_slowest timed_merge < <(sharded "$work/weights.json")
    cmp -s "$work/single.json" "$work/merged.json" || { echo "bench/shards.sh: the merged JSON (by times) differs from one process's" >&2; exit 1; }
    printf '  planned by the last round'"'"'s times: slowest shard %.1f s (by size %.1f s), merge %.1f s; merged JSON identical\n' \
      "$timed_slowest" "$slowest" "$timed_merge"
  fi
  mv "$work/weights-next.json" "$work/weights.json"
done
printf 'ratios: %s\n' "$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ printf "%.3f ", $1 }')"
