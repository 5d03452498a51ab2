#!/usr/bin/env bash
# The parse floor, assess built from another commit and assess now, alternated ROUNDS times in one run: whether a
# range of commits changed assess's cost against the floor (issue 26's "stays"). The other commit's jar is built in a
# git worktree (needs its dependencies in ~/.m2 or the network).
# Usage: bench/against-commit.sh CORPUS COMMIT [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$1"; commit="$2"; rounds="${3:-3}"
[ -d "$corpus" ] || { echo "bench/against-commit.sh: corpus not found: $corpus" >&2; exit 2; }
[ -f "$here/cli/target/optkit.jar" ] || (cd "$here" && mvn -q -DskipTests package)
work=$(mktemp -d); trap 'git -C "$here" worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$here" worktree add -q "$work/tree" "$commit"
(cd "$work/tree" && mvn -q -DskipTests package -am -pl cli)
then_jar="$work/tree/cli/target/optkit.jar"; now_jar="$here/cli/target/optkit.jar"
opts=(-XX:-DontCompileHugeMethods -XX:+UseParallelGC -Xms2g -Xmx2g -XX:MetaspaceSize=96m -XX:MaxTenuringThreshold=1 -XX:TieredStopAtLevel=1)
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
for round in $(seq 1 "$rounds"); do
  floor=$(seconds java "${opts[@]}" -cp "$now_jar" "$here/bench/ParseFloor.java" "$corpus" 2)
  before=$(seconds java "${opts[@]}" -jar "$then_jar" assess "$corpus" --include-tests --no-cache --threads 2 --format json -o /dev/null)
  after=$(seconds java "${opts[@]}" -jar "$now_jar" assess "$corpus" --include-tests --no-cache --threads 2 --format json -o /dev/null)
  printf 'round %d: floor %.1f s; %s %.1f s (%.2f); now %.1f s (%.2f); now / then %.2f\n' "$round" "$floor" "$commit" \
    "$before" "$(echo "$before / $floor" | bc -l)" "$after" "$(echo "$after / $floor" | bc -l)" "$(echo "$after / $before" | bc -l)"
done
