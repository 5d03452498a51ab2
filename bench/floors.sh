#!/usr/bin/env bash
# Where assess's time goes against three floors, alternating all four ROUNDS times in one run (absolute times on
# shared machines drift by half within an hour): the parse floor (bench/ParseFloor.java, JavaParser's default
# configuration), the same parse with assess's configuration, the resolution floor (bench/ResolveFloor.java: that
# parse plus every call receiver resolved with assess's own solver) and assess itself. Prints each time and its
# ratio to the parse floor.
# Usage: bench/floors.sh [CORPUS_DIR] [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-${OPTKIT_BENCH_CORPUS:-/work/corpus/spring-framework}}"
rounds="${2:-2}"
[ -d "$corpus" ] || { echo "bench/floors.sh: corpus not found: $corpus" >&2; exit 2; }
[ -f "$here/cli/target/optkit.jar" ] || (cd "$here" && mvn -q -DskipTests package)
jar="$here/cli/target/optkit.jar"
# the launcher's options and heap (bench/floor.sh)
opts=(-XX:-DontCompileHugeMethods -XX:+UseParallelGC -Xms2g -Xmx2g -XX:MetaspaceSize=96m -XX:MaxTenuringThreshold=1 -XX:TieredStopAtLevel=1)
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
for round in $(seq 1 "$rounds"); do
  floor=$(seconds java "${opts[@]}" -cp "$jar" "$here/bench/ParseFloor.java" "$corpus" 2)
  own=$(seconds java "${opts[@]}" -cp "$jar" "$here/bench/ParseFloor.java" "$corpus" 2 --assess-configuration)
  resolve=$(seconds java "${opts[@]}" -cp "$jar" "$here/bench/ResolveFloor.java" "$corpus" 2)
  assess=$(seconds "$here/optkit" assess "$corpus" --include-tests --no-cache --threads 2 --format json -o /dev/null)
  printf 'round %d: parse floor %.1f s; parse as assess does %.1f s (%.2f); every receiver resolved %.1f s (%.2f); assess %.1f s (%.2f)\n' \
    "$round" "$floor" "$own" "$(echo "$own / $floor" | bc -l)" "$resolve" "$(echo "$resolve / $floor" | bc -l)" \
    "$assess" "$(echo "$assess / $floor" | bc -l)"
done
