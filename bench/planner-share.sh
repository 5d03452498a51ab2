#!/usr/bin/env bash
# What migrate's planner (PlannedFixes, which gives each finding its `fixable` verdict) costs
# `optkit assess`: a cold assess as users run it against the same with the planner switched off
# (-Doptkit.noPlanner=true, a benchmark-only property), alternating the order between rounds
# (ABBA: with, without; without, with; ...), as absolute times on shared machines drift by half
# within an hour. Prints each pair, the ratio with / without, and the peak heap in use: the largest
# heap after a collection in each run's GC log (the launcher sets -Xms to -Xmx, so RSS only shows the
# reserved heap). Then one run with the planner under a 1536 MiB heap (the last -Xmx given wins):
# whether it completes, its time and peak heap.
# Usage: bench/planner-share.sh [CORPUS_DIR] [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-${OPTKIT_BENCH_CORPUS:-/work/corpus/spring-framework}}"
rounds="${2:-3}"
[ -d "$corpus" ] || { echo "bench/planner-share.sh: corpus not found: $corpus" >&2; exit 2; }
(cd "$here" && mvn -o -q -DskipTests package -pl analyzers,rewriters,validation-agent,validation,cli)
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
# one assess; extra JVM options in $1 (the GC log is added); prints "WALL_S CPU_S PEAK_MIB EXIT_CODE", CPU
# the process's user and system time (all its threads: less moved than wall time by other work on the machine)
run() {
  local opts="$1" log="$logs/gc-$RANDOM.log" rc=0 peak wall user sys TIMEFORMAT='%R %U %S'
  { time OPTKIT_JAVA_OPTS="$opts -Xlog:gc:file=$log" "$here/optkit" assess "$corpus" --include-tests --no-cache \
    --threads 2 --format json -o /dev/null >/dev/null 2>"$logs/stderr"; } 2>"$logs/time" || rc=$?
  read -r wall user sys <"$logs/time"
  # unified logging's gc lines: "... Pause Young (Allocation Failure) 812M->640M(2048M) 0.123s"
  peak=$(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+[KMG]->[0-9]+[KMG]\(/) {
           split($i, a, /->|\(/); v = a[2]; u = substr(v, length(v)); n = substr(v, 1, length(v) - 1) + 0;
           if (u == "K") n /= 1024; else if (u == "G") n *= 1024; if (n > max) max = n } }
         END { printf "%d", max }' "$log")
  echo "$wall $(echo "$user + $sys" | bc) $peak $rc"
}
with_planner() { run ""; }
without_planner() { run "-Doptkit.noPlanner=true"; }
ratios=()
cpu_ratios=()
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    read -r with with_cpu with_peak with_rc < <(with_planner)
    read -r without without_cpu without_peak without_rc < <(without_planner)
    order="with first"
  else
    read -r without without_cpu without_peak without_rc < <(without_planner)
    read -r with with_cpu with_peak with_rc < <(with_planner)
    order="without first"
  fi
  ratio=$(echo "$with / $without" | bc -l)
  cpu_ratio=$(echo "$with_cpu / $without_cpu" | bc -l)
  ratios+=("$ratio")
  cpu_ratios+=("$cpu_ratio")
  printf 'round %d (%s): with planner %.1f s wall, %.1f s CPU, peak heap %d MiB, exit %d; without %.1f s wall, %.1f s CPU, peak heap %d MiB, exit %d; ratio wall %.3f, CPU %.3f\n' \
    "$round" "$order" "$with" "$with_cpu" "$with_peak" "$with_rc" "$without" "$without_cpu" "$without_peak" "$without_rc" \
    "$ratio" "$cpu_ratio"
done
sorted() { printf '%s\n' "$@" | sort -n | awk '{ printf "%.3f ", $1 }'; }
printf 'ratios with / without, wall: %s; CPU: %s\n' "$(sorted "${ratios[@]}")" "$(sorted "${cpu_ratios[@]}")"
read -r bounded bounded_cpu bounded_peak bounded_rc < <(run "-Xms1536m -Xmx1536m")
printf 'with planner, -Xms1536m -Xmx1536m: %.1f s wall, %.1f s CPU, peak heap %d MiB, exit %d%s\n' "$bounded" "$bounded_cpu" \
  "$bounded_peak" "$bounded_rc" "$( [ "$bounded_rc" -eq 0 ] || { echo; echo "stderr:"; tail -5 "$logs/stderr"; } )"
