#!/usr/bin/env bash
# What `optkit assess --check-hints` costs on a code base, and what the planner said: rounds alternate a plain
# `assess --no-cache --offline` with the same plus --check-hints (a throwaway PostgreSQL with HypoPG, started and
# deleted by optkit), and print each pair's wall time, then the last checked run's hints by verdict.
# Needs PostgreSQL and HypoPG installed (.ci/run installs them; docs/db-hints.md).
# Usage: bench/check-hints.sh CORPUS_DIR [ROUNDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:?usage: bench/check-hints.sh CORPUS_DIR [ROUNDS]}"
rounds="${2:-2}"
jar="$here/cli/target/optkit.jar"
[ -f "$jar" ] || (cd "$here" && mvn -q -DskipTests package -pl analyzers,rewriters,validation-agent,validation,cli)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; t1=$(date +%s.%N); printf "%.1f" "$(echo "$t1 - $t0" | bc)"; }
assess() { java -jar "$jar" assess "$corpus" --no-cache --offline --format json -o "$1" "${@:2}"; }
echo "corpus $corpus"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    plain=$(seconds assess "$work/plain.json"); checked=$(seconds assess "$work/checked.json" --check-hints)
  else
    checked=$(seconds assess "$work/checked.json" --check-hints); plain=$(seconds assess "$work/plain.json")
  fi
  echo "round $round: assess ${plain} s, with --check-hints ${checked} s"
done
python3 - "$work/plain.json" "$work/checked.json" <<'PY'
import json, sys
plain, checked = (json.load(open(f)) for f in sys.argv[1:3])
hints = lambda d: [f for f in d["findings"] if f["category"] == "db-hint" and f["ruleId"] != "UnboundedRead"]
verdicts = {}
for f in hints(checked):
    v = f["details"].get("plannerCheck", {}).get("verdict", "not asked")
    verdicts[v] = verdicts.get(v, 0) + 1
dropped = sum(1 for w in checked.get("warnings", []) if "index hint dropped" in w["message"])
print(f"index hints without the check: {len(hints(plain))}; with it: {verdicts}, dropped {dropped}")
PY
