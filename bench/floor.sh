#!/usr/bin/env bash
# optkit assess against the parse floor (bench/ParseFloor.java: every file parsed once by JavaParser
# on two threads, nothing else), alternating the two ROUNDS times in one run, as absolute times on
# shared machines drift by half within an hour. Prints each pair and the ratio assess / floor.
# Usage: bench/floor.sh [CORPUS_DIR] [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-${OPTKIT_BENCH_CORPUS:-/work/corpus/spring-framework}}"
rounds="${2:-2}"
[ -d "$corpus" ] || { echo "bench/floor.sh: corpus not found: $corpus" >&2; exit 2; }
[ -f "$here/cli/target/optkit.jar" ] || (cd "$here" && mvn -q -DskipTests package)
jar="$here/cli/target/optkit.jar"
# the floor gets the launcher's options too (C1 or C2 makes no difference to it: 31.0 s and 30.8 s)
opts=(-XX:-DontCompileHugeMethods -XX:+UseParallelGC -Xms1280m -Xmx1280m -XX:MetaspaceSize=96m -XX:MaxTenuringThreshold=1 -XX:TieredStopAtLevel=1)
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
for round in $(seq 1 "$rounds"); do
  floor=$(seconds java "${opts[@]}" -cp "$jar" "$here/bench/ParseFloor.java" "$corpus" 2)
  # assess as users run it: through the launcher, with its JVM options
  assess=$(seconds "$here/optkit" assess "$corpus" --include-tests --no-cache --threads 2 --format json -o /dev/null)
  printf 'round %d: floor %.1f s, assess %.1f s, ratio %.2f\n' "$round" "$floor" "$assess" "$(echo "$assess / $floor" | bc -l)"
done
