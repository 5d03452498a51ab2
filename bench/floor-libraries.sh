#!/usr/bin/env bash
# The parse floor (bench/ParseFloor.java) against a cold assess (no facts, no answer cached) whose
# library I/O summaries are cached, with the jars of JAR_LIST_FILE (one path a line) on --classpath;
# against the same with the jars but no summaries (-Doptkit.noLibraryIo=true); and against a cold
# assess with no jars at all; alternating, ROUNDS times. The first, unmeasured run
# fills the summaries' cache. Prints each round and the ratios to the floor.
# Usage: bench/floor-libraries.sh CORPUS_DIR JAR_LIST_FILE [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$1"
list="$2"
rounds="${3:-2}"
[ -f "$here/cli/target/optkit.jar" ] || (cd "$here" && mvn -q -o -DskipTests package -pl cli -am)
jar="$here/cli/target/optkit.jar"
opts=(-XX:-DontCompileHugeMethods -XX:+UseParallelGC -Xms1280m -Xmx1280m -XX:MetaspaceSize=96m -XX:MaxTenuringThreshold=1 -XX:TieredStopAtLevel=1)
classpath="$(paste -sd: "$list")"
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
assess_jars() { "$here/optkit" assess "$corpus" --include-tests --threads 2 --no-maven-repo --classpath "$classpath" --cache-dir "$cache" --format json -o /dev/null; }
# everything but the summaries forgotten: the facts, the whole answer, the file hashes
forget() { find "$cache" -mindepth 1 -maxdepth 1 ! -name bytecode -exec rm -rf {} +; }
first=$(seconds assess_jars)
printf 'first run (summaries computed): %.1f s, cache bytecode/ %s\n' "$first" "$(du -sh "$cache/bytecode" | cut -f1)"
for round in $(seq 1 "$rounds"); do
  floor=$(seconds java "${opts[@]}" -cp "$jar" "$here/bench/ParseFloor.java" "$corpus" 2)
  forget
  cached=$(seconds assess_jars)
  forget
  unsummarised=$(OPTKIT_JAVA_OPTS=-Doptkit.noLibraryIo=true seconds assess_jars)
  plain=$(seconds "$here/optkit" assess "$corpus" --include-tests --no-cache --threads 2 --no-maven-repo --format json -o /dev/null)
  printf 'round %d: floor %.1f s; assess with jars, summaries cached %.1f s (%.2f); with jars, no summaries %.1f s (%.2f); no jars %.1f s (%.2f)\n' \
    "$round" "$floor" "$cached" "$(echo "$cached / $floor" | bc -l)" "$unsummarised" "$(echo "$unsummarised / $floor" | bc -l)" \
    "$plain" "$(echo "$plain / $floor" | bc -l)"
done
