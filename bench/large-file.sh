#!/usr/bin/env bash
# assess on one generated file of each size (bench/LargeFile.java: a client class whose every member
# is a finding the planner judges), timed as a whole process: CPU (user+sys), wall, peak RSS, and the
# largest heap left after a garbage collection (-Xlog:gc), which the fixed-size heap's RSS hides.
# With --base, another checkout's build runs alternately with this one, same file, same round,
# and the two JSON reports are compared byte for byte.
# Usage: bench/large-file.sh [--base OTHER_CHECKOUT] [--rounds N] [--timeout SECONDS] [SIZE_KB...]
#   defaults: 3 rounds, 1800 s per run, sizes 256 1024 4096 (4096 KB is analysis.maxFileKilobytes' default)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base=""
rounds=3
limit=1800
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base="$(cd "$2" && pwd)"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --timeout) limit="$2"; shift 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(256 1024 4096)
if ! /usr/bin/time -f %e true >/dev/null 2>&1; then
  echo "bench/large-file.sh: needs GNU time (/usr/bin/time); on Debian: apt-get install time" >&2
  exit 2
fi
for checkout in "$here" ${base:+"$base"}; do
  if [ ! -f "$checkout/cli/target/optkit.jar" ]; then
    echo "bench/large-file.sh: $checkout is not built: run 'mvn -q -DskipTests package' there" >&2
    exit 2
  fi
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

run() { # run LABEL CHECKOUT SIZE ROUND
  local out="$work/$1-$3-$4.json" status
  status=0
  rm -f "$work/gc.log"
  OPTKIT_JAVA_OPTS="${OPTKIT_JAVA_OPTS:-} -Xlog:gc:file=$work/gc.log" /usr/bin/time -f "%U %S %e %M" -o "$work/time" \
    timeout "$limit" "$2/optkit" assess "$work/gen$3" --no-cache --format json -o "$out" >/dev/null 2>"$work/stderr" \
    || status=$?
  # the last line: after a failure, time's first line says "Command exited with non-zero status"
  read -r user sys wall rss < <(tail -n 1 "$work/time") || true
  # "Pause Young (...) 600M->210M(1180M)": the heap after each collection
  live="$(sed -n 's/.*->\([0-9]*\)M(.*/\1/p' "$work/gc.log" 2>/dev/null | sort -n | tail -1)"
  if [ "$status" -eq 124 ]; then
    printf '%-6s %7s KB  round %s  did not finish in %s s\n' "$1" "$3" "$4" "$limit"
  else
    awk -v l="$1" -v k="$3" -v r="$4" -v u="$user" -v s="$sys" -v w="$wall" -v m="$rss" -v h="${live:-0}" -v x="$status" \
      'BEGIN { printf "%-6s %7s KB  round %s  CPU %7.1f s  wall %7.1f s  peak RSS %5.0f MiB  heap after GC %5d MiB  exit %s\n", l, k, r, u + s, w, m / 1024, h, x }'
    [ "$status" -eq 0 ] || grep -m1 -E "Error|Exception" "$work/stderr" | sed 's/^/        /' || true
  fi
}

for size in "${sizes[@]}"; do
  java "$here/bench/LargeFile.java" "$size" "$work/gen$size" >/dev/null
done
for round in $(seq 1 "$rounds"); do
  for size in "${sizes[@]}"; do
    if [ -n "$base" ]; then
      run base "$base" "$size" "$round"
    fi
    run this "$here" "$size" "$round"
    if [ -n "$base" ] && [ -f "$work/base-$size-$round.json" ] && [ -f "$work/this-$size-$round.json" ]; then
      cmp -s "$work/base-$size-$round.json" "$work/this-$size-$round.json" && echo "        same JSON report" \
        || echo "        JSON reports differ"
    fi
  done
done
