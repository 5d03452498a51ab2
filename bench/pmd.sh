#!/usr/bin/env bash
# bench/pmd.sh - wall-clock time and peak RSS of `optkit assess` vs PMD on one code base.
#
# Usage: bench/pmd.sh CORPUS [ROUNDS]      (ROUNDS defaults to 3)
#
# Runs PMD, then optkit, ROUNDS times in alternation (so machine-load drift hits
# both tools alike) and prints each pair (wall and CPU seconds, peak RSS), the
# wall-clock ratio optkit/PMD, and its median.
# Both tools: cold JVM, no analysis cache, same heap bound, same thread count.
#   PMD:    `pmd check` with the stock rulesets/java/quickstart.xml ruleset,
#           plain source analysis (no --aux-classpath).
#   optkit: `assess` with its default settings (JSON report), run with the JVM options of the
#           ./optkit launcher.
#
# Environment:
#   OPTKIT_JAR   optkit jar (default: <script dir>/../cli/target/optkit.jar)
#   PMD_LIB      directory with PMD's jars; if unset, PMD $PMD_VERSION is fetched
#                once with Maven into ${XDG_CACHE_HOME:-~/.cache}/optkit-pmd-bench
#   PMD_VERSION  PMD version to fetch (default 7.27.0)
#   HEAP         -Xmx for both JVMs (default 1280m)
#   THREADS      analysis threads for both tools (default 2)
set -euo pipefail

CORPUS=${1:?usage: bench/pmd.sh CORPUS [ROUNDS]}
ROUNDS=${2:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
OPTKIT_JAR=${OPTKIT_JAR:-$HERE/../cli/target/optkit.jar}
PMD_VERSION=${PMD_VERSION:-7.27.0}
HEAP=${HEAP:-1280m}
THREADS=${THREADS:-2}
[ -d "$CORPUS" ] || { echo "no such directory: $CORPUS" >&2; exit 2; }
[ -f "$OPTKIT_JAR" ] || { echo "optkit jar not found: $OPTKIT_JAR (set OPTKIT_JAR)" >&2; exit 2; }

# --- PMD class path: fetch once with Maven unless PMD_LIB is given ----------
if [ -z "${PMD_LIB:-}" ]; then
  PMD_LIB=${XDG_CACHE_HOME:-$HOME/.cache}/optkit-pmd-bench/pmd-$PMD_VERSION
  if [ ! -f "$PMD_LIB/pmd-java-$PMD_VERSION.jar" ]; then
    echo "Fetching PMD $PMD_VERSION into $PMD_LIB ..." >&2
    pom=$(mktemp -d)
    cat > "$pom/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>pmd-fetch</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>net.sourceforge.pmd</groupId><artifactId>pmd-cli</artifactId><version>$PMD_VERSION</version></dependency>
    <dependency><groupId>net.sourceforge.pmd</groupId><artifactId>pmd-java</artifactId><version>$PMD_VERSION</version></dependency>
  </dependencies></project>
EOF
    mvn -q -B -Dstyle.color=never -f "$pom/pom.xml" dependency:copy-dependencies -DoutputDirectory="$PMD_LIB"
    rm -rf "$pom"
  fi
fi

# --- timing helper: /usr/bin/time -v if present, else bash's clock (no RSS) ---
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
measure() {  # measure NAME CMD... ; sets SECS (wall), CPU (user+sys) and RSS_MB; exit code in RC
  local log=$TMP/$1.time
  if [ -x /usr/bin/time ]; then
    RC=0; /usr/bin/time -f '%e %U %S %M' -o "$log" "${@:2}" >"$TMP/$1.out" 2>"$TMP/$1.err" || RC=$?
    read -r SECS usr sys rss < <(tail -1 "$log"); RSS_MB=$((rss / 1024))
    CPU=$(awk -v u="$usr" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  else
    local t0=$(date +%s.%N); RC=0
    "${@:2}" >"$TMP/$1.out" 2>"$TMP/$1.err" || RC=$?
    SECS=$(awk -v a="$(date +%s.%N)" -v b="$t0" 'BEGIN { printf "%.2f", a - b }'); RSS_MB='?' CPU='?'
  fi
}

PMD_CMD=(java -XX:+UseParallelGC -Xmx"$HEAP" -cp "$PMD_LIB/*" net.sourceforge.pmd.cli.PmdCli
         check -d "$CORPUS" -R rulesets/java/quickstart.xml -f text -r "$TMP/pmd.txt"
         --no-cache --no-progress -t "$THREADS")
# the launcher's JVM options (./optkit), the same heap bound as PMD's
OPT_CMD=(java -XX:-DontCompileHugeMethods -XX:+UseParallelGC -Xmx"$HEAP" -XX:MaxTenuringThreshold=1 -XX:TieredStopAtLevel=1 -jar "$OPTKIT_JAR"
         assess "$CORPUS" --no-cache --threads "$THREADS" --format json -o "$TMP/optkit.json")

echo "corpus: $CORPUS ($(find "$CORPUS" -name '*.java' | wc -l) .java files," \
     "$(find "$CORPUS" -name '*.java' -exec cat {} + | wc -l) lines)"
echo "PMD:    ${PMD_CMD[*]}"
echo "optkit: ${OPT_CMD[*]}"
printf '\n%-6s %8s %9s %6s %10s %11s %8s %10s\n' \
  round PMD_s optkit_s ratio PMD_cpu_s optkit_cpu_s PMD_MB optkit_MB
ratios=()
for r in $(seq 1 "$ROUNDS"); do
  measure pmd "${PMD_CMD[@]}"
  # PMD exit codes: 0 clean, 4 violations found, 5 processing errors (still a full run)
  [ "$RC" = 0 ] || [ "$RC" = 4 ] || [ "$RC" = 5 ] || { echo "PMD failed ($RC):" >&2; tail "$TMP/pmd.err" >&2; exit 1; }
  p_s=$SECS p_cpu=$CPU p_mb=$RSS_MB
  measure optkit "${OPT_CMD[@]}"
  [ "$RC" = 0 ] || [ "$RC" = 1 ] || { echo "optkit failed ($RC):" >&2; tail "$TMP/optkit.err" >&2; exit 1; }
  ratio=$(awk -v a="$SECS" -v b="$p_s" 'BEGIN { printf "%.2f", a / b }')
  ratios+=("$ratio")
  printf '%-6s %8s %9s %6s %10s %11s %8s %10s\n' \
    "$r" "$p_s" "$SECS" "$ratio" "$p_cpu" "$CPU" "$p_mb" "$RSS_MB"
done

median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
echo
echo "median wall-clock ratio optkit/PMD: $median  (PMD_MB/optkit_MB = peak RSS)"
echo "PMD (last run): $(grep -c $'^[^\t]*:[0-9]*:\t' "$TMP/pmd.txt" || true) violations," \
     "$(grep -c $'^[^\t]*\t-\t' "$TMP/pmd.txt" || true) files with processing errors"
echo "optkit (last run): $(grep -oE '"(filesScanned|filesFailed|findings)" : [0-9]+' "$TMP/optkit.json" | tr -d '"' | paste -sd, -)"
