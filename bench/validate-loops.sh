#!/usr/bin/env bash
# The loop rewrite's figure (docs/migrate.md, "Loops"): the plain sample migrated (its fetchUnitPrices loop
# starts up to 10 price calls ahead), then validate runs workload-loops.yaml, 100 prices per call
# against the 5 ms loopback downstream, on the original (HEAD~1) and the migrated code, RUNS times.
# The batched N+1 loop's figure: the same for spring-service and its workload-batch.yaml.
#   bench/validate-loops.sh [WORK_DIR] [RUNS] [SAMPLE] [WORKLOAD]     (needs `mvn -q -DskipTests package` first)
#   bench/validate-loops.sh /tmp/batch 3 spring-service workload-batch.yaml
#   LATENCY_MS=20 bench/validate-loops.sh /tmp/loops20 3      (the issue's seed: 20 ms a call)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$(mktemp -d)}"
runs="${2:-3}"
sample="${3:-plain-java-service}"
workload="${4:-workload-loops.yaml}"
mkdir -p "$work/tool/cli/target"
cp "$repo/cli/target/optkit.jar" "$work/tool/cli/target/" && cp "$repo/optkit" "$work/tool/"
optkit="$work/tool/optkit"
dir="$work/$sample"
rm -rf "$dir" && mkdir -p "$dir/samples"
cp "$repo/pom.xml" "$dir/" && cp "$repo/samples/pom.xml" "$dir/samples/"
cp -r "$repo/samples/$sample" "$dir/samples/"
rm -rf "$dir/samples/$sample/target" "$dir/samples/$sample/.optkit"
if [ -n "${LATENCY_MS:-}" ]; then   # the downstream's latency per call (the sample's validation.properties: 5 ms)
  find "$dir/samples/$sample" -name validation.properties \
    -exec sed -i "s/^downstream.latencyMillis=.*/downstream.latencyMillis=$LATENCY_MS/" {} +
fi
(cd "$dir" && git init -q && git add . && git -c user.email=b@example.org -c user.name=bench commit -qm sample \
  && "$optkit" migrate "samples/$sample" --apply --no-maven-repo > "$work/migrate.out" \
  && git add . && git -c user.email=b@example.org -c user.name=bench commit -qm migrated)
grep '^loop:' "$work/migrate.out"
for i in $(seq 1 "$runs"); do
  code=0
  (cd "$dir" && "$optkit" validate "samples/$sample" --baseline HEAD~1 --quick \
    --workload "samples/$sample/$workload" --json "$work/loops-$i.json" > "$work/loops-$i.out" 2>&1) || code=$?
  echo "run $i: exit $code, load $(cut -d' ' -f1 /proc/loadavg), $(grep -E '^(PASSED|FAILED|INCONCLUSIVE)' "$work/loops-$i.out" | cut -c1-60 || true)"
  grep -iE 'speedup|differ' "$work/loops-$i.out" | sed 's/^/    /' || true
done
