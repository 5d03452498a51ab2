#!/usr/bin/env bash
# The verdict on a loaded machine (docs/validating.md, "Measured on the samples"): each bundled sample migrated and
# validated with --quick three times in a row while another validate of the plain sample runs beside
# it the whole time. Prints one line per run; each run's JSON report is kept in the work folder.
#   bench/validate-loaded.sh [WORK_DIR]        (needs `mvn -q -DskipTests package` first)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
# a copy of the built tool: rebuilding the repository meanwhile does not change the runs
mkdir -p "$work/tool/cli/target"
cp "$repo/cli/target/optkit.jar" "$work/tool/cli/target/" && cp "$repo/optkit" "$work/tool/"
optkit="$work/tool/optkit"

checkout() { # $1 sample, $2 folder: the sample in a git repository, migrated and committed
  local dir="$2"
  mkdir -p "$dir/samples"
  cp "$repo/pom.xml" "$dir/" && cp "$repo/samples/pom.xml" "$dir/samples/"
  cp -r "$repo/samples/$1" "$dir/samples/"
  rm -rf "$dir/samples/$1/target" "$dir/samples/$1/.optkit"
  (cd "$dir" && git init -q && git add . && git -c user.email=b@example.org -c user.name=bench commit -qm sample \
    && "$optkit" migrate "samples/$1" --apply --no-maven-repo > /dev/null \
    && git add . && git -c user.email=b@example.org -c user.name=bench commit -qm migrated)
}

samples=(plain-java-service spring-service legacy-java8-service)
for s in "${samples[@]}"; do checkout "$s" "$work/$s"; done
checkout plain-java-service "$work/beside"

rm -f "$work/stop"
( cd "$work/beside" && while [ ! -f "$work/stop" ]; do
    code=0
    "$optkit" validate samples/plain-java-service --baseline HEAD~1 --quick > "$work/beside.log" 2>&1 || code=$?
    echo "beside exit $code" >> "$work/beside.runs"
  done ) &
trap 'touch "$work/stop"' EXIT
sleep 20
for s in "${samples[@]}"; do
  for i in 1 2 3; do
    start=$(date +%s)
    code=0
    (cd "$work/$s" && "$optkit" validate "samples/$s" --baseline HEAD~1 --quick --json "$work/$s-$i.json" \
      > "$work/$s-$i.out" 2>&1) || code=$?
    echo "$s run $i: exit $code, $(( $(date +%s) - start )) s, load $(cut -d' ' -f1 /proc/loadavg)," \
      "$(grep -E '^(PASSED|FAILED|INCONCLUSIVE)' "$work/$s-$i.out" | cut -c1-40 || true)"
    grep -E 'speedup' "$work/$s-$i.out" | sed 's/^/    /' || true
  done
done
touch "$work/stop"
wait
echo "beside: $(sort "$work/beside.runs" | uniq -c | tr '\n' ' ')"
