#!/usr/bin/env bash
# Whole-process benchmark of `optkit assess` on a large real corpus: wall time, files/s, lines/s
# and peak RSS. The corpus is not part of this repository; check one out first, e.g.
#   git clone https://github.com/spring-projects/spring-framework /tmp/spring-framework
# Usage: bench/assess.sh [CORPUS_DIR] [extra optkit assess options...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-${OPTKIT_BENCH_CORPUS:-/work/corpus/spring-framework}}"
shift || true
if [ ! -d "$corpus" ]; then
  echo "bench/assess.sh: corpus not found: $corpus (pass a checkout of a large Java project)" >&2
  exit 2
fi
if [ ! -f "$here/cli/target/optkit.jar" ]; then
  (cd "$here" && mvn -q -DskipTests package)
fi
if ! command -v /usr/bin/time >/dev/null 2>&1 || ! /usr/bin/time -v true >/dev/null 2>&1; then
  echo "bench/assess.sh: needs GNU time (/usr/bin/time -v); on Debian: apt-get install time" >&2
  exit 2
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
/usr/bin/time -v "$here/optkit" assess "$corpus" --include-tests --no-cache --format json -o "$out/report.json" "$@" 2>"$out/time.txt" || {
  cat "$out/time.txt" >&2
  exit 1
}
python3 - "$out/report.json" "$out/time.txt" "$corpus" <<'PY'
import json, re, sys
report = json.load(open(sys.argv[1]))
timing = open(sys.argv[2]).read()
wall = timing.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].split("\n")[0]
parts = [float(p) for p in wall.split(":")]
seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) == 3 else 0)
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1))
cpu = re.search(r"Percent of CPU this job got: (\d+)%", timing).group(1)
s = report["summary"]
print(f"corpus:        {sys.argv[3]}")
print(f"files:         {s['filesScanned']:,} ({s['filesFailed']} not parsed)")
print(f"lines:         {s['linesScanned']:,}")
print(f"findings:      {s['findings']:,}  {s['findingsByCategory']}")
print(f"wall time:     {seconds:.1f} s  (CPU {cpu}%)")
print(f"files/s:       {s['filesScanned'] / seconds:,.0f}")
print(f"lines/s:       {s['linesScanned'] / seconds:,.0f}")
print(f"peak RSS:      {rss_kb / 1024:,.0f} MiB")
PY
