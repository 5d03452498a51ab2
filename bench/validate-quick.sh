#!/usr/bin/env bash
# validate --quick's wall time on the bundled samples, two builds of optkit alternated in one run (ABBA per round):
# each sample migrated and committed, then `validate --baseline HEAD~1 --quick` timed with each build.
#   bench/validate-quick.sh BEFORE_TOOL AFTER_TOOL [ROUNDS] [WORK_DIR]
# A tool folder holds `optkit` and `cli/target/optkit.jar` (copy them from a checkout after
# `mvn -q -DskipTests package`). Prints one line per run: sample, build, exit code, seconds.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before="$1"; after="$2"; rounds="${3:-2}"; work="${4:-$(mktemp -d)}"

checkout() { # $1 sample: the sample in a git repository, migrated (by the after build) and committed
  local dir="$work/$1"
  rm -rf "$dir" && mkdir -p "$dir/samples"
  cp "$repo/pom.xml" "$dir/" && cp "$repo/samples/pom.xml" "$dir/samples/"
  cp -r "$repo/samples/$1" "$dir/samples/"
  rm -rf "$dir/samples/$1/target" "$dir/samples/$1/.optkit"
  (cd "$dir" && git init -q && git add . && git -c user.email=b@example.org -c user.name=bench commit -qm sample \
    && "$after/optkit" migrate "samples/$1" --apply --no-maven-repo > /dev/null 2>&1 \
    && git add . && git -c user.email=b@example.org -c user.name=bench commit -qm migrated)
}

run() { # $1 sample, $2 label, $3 tool
  local start code=0
  start=$(date +%s)
  (cd "$work/$1" && "$3/optkit" validate "samples/$1" --baseline HEAD~1 --quick > "$work/$1-$2.out" 2>&1) || code=$?
  echo "$1 $2: exit $code, $(( $(date +%s) - start )) s, $(grep -aE '^(PASSED|FAILED|INCONCLUSIVE)' "$work/$1-$2.out" | cut -c1-12)"
}

for s in plain-java-service spring-service; do
  checkout "$s"
  run "$s" warm-up "$after" > /dev/null # builds the sample's dependencies once, for both builds alike
  for i in $(seq 1 "$rounds"); do
    if (( i % 2 )); then run "$s" before "$before"; run "$s" after "$after"
    else run "$s" after "$after"; run "$s" before "$before"; fi
  done
done
