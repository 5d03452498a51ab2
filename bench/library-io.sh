#!/usr/bin/env bash
# The library I/O summaries for a list of jars (one path a line), cold (empty cache) then cached, in a
# fresh JVM each, ROUNDS times, with the launcher's JVM options; prints each run's line from
# bench/LibraryIoSummaries.java and its peak RSS.
# Usage: bench/library-io.sh JAR_LIST_FILE [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
list="$1"
rounds="${2:-3}"
[ -f "$here/cli/target/optkit.jar" ] || (cd "$here" && mvn -q -o -DskipTests package -pl cli -am)
opts=(-XX:-DontCompileHugeMethods -XX:+UseParallelGC -Xms1280m -Xmx1280m -XX:MetaspaceSize=96m -XX:MaxTenuringThreshold=1 -XX:TieredStopAtLevel=1)
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
run() { /usr/bin/time -f 'peak RSS %M KB' java "${opts[@]}" -cp "$here/cli/target/optkit.jar" "$here/bench/LibraryIoSummaries.java" "$list" "$cache" 2>&1 | tr '\n' ' '; echo; }
for round in $(seq 1 "$rounds"); do
  rm -rf "$cache"/*
  printf 'round %d cold:   ' "$round"; run
  printf 'round %d cached: ' "$round"; run
done
