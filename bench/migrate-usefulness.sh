#!/usr/bin/env bash
# Re-measure optkit migrate (dry run) on the 4 baseline projects, unbuilt and built.
# Usage: bench/migrate-usefulness.sh /path/to/optkit-launcher OUTDIR   (issue 23's figures; about 2 minutes)
# The real projects are cloned from /work/.mirror and never committed; their builds take dependencies from
# ~/.m2 or Maven Central.
# The hand lists to compare with (written before optkit ran) are in bench/migrate-usefulness/.
# For each project: fresh copy of the never-touched clone /tmp/i23/<name>-pristine into
# $WORK/<name> (git clone --local: no target/, no .optkit/), dry run -> OUTDIR/<name>-unbuilt.txt,
# then the recorded build command, dry run -> OUTDIR/<name>-built.txt,
# plus OUTDIR/<name>-diff.txt (unbuilt vs built) and OUTDIR/summary.txt (cached/refused counts).
# The pristine clones are never written to. Set KEEP=1 to keep the work copies.
set -u
OPTKIT=${1:?usage: measure.sh OPTKIT_LAUNCHER OUTDIR}
OUT=${2:?usage: measure.sh OPTKIT_LAUNCHER OUTDIR}
OPTKIT=$(readlink -f "$OPTKIT")
mkdir -p "$OUT"; OUT=$(readlink -f "$OUT")
HERE=${MIGRATE_TRIAL_DIR:-/tmp/i23}
mkdir -p "$HERE"
# pristine clones from the stored mirrors (fetch github:<owner>/<name> first); never written to after
for pair in spring-petclinic-rest:spring-petclinic+spring-petclinic-rest spring-petclinic:spring-projects+spring-petclinic \
    jpetstore-6:mybatis+jpetstore-6 eladmin:elunez+eladmin; do
  name=${pair%%:*}; mirror=/work/.mirror/${pair#*:}/repo
  [ -d "$HERE/$name-pristine/.git" ] || git clone -q "$mirror" "$HERE/$name-pristine"
done
WORK=$(mktemp -d "$HERE/measure-work.XXXXXX")
JDK25=/usr/lib/jvm/temurin-25-jdk-amd64

build() {  # $1 = name; run inside the copy
  case "$1" in
    spring-petclinic-rest|spring-petclinic|eladmin)
      mvn -q -B -DskipTests -Denforcer.skip=true -Dcheckstyle.skip -Dspring-javaformat.skip=true package ;;
    jpetstore-6)
      # full lifecycle impossible: enforcer needs JDK 21+/Maven 3.9.16, and test deps
      # selenium-devtools-latest/-v149:4.47.0 do not exist on Maven Central. Compile only.
      JAVA_HOME=$JDK25 ./mvnw -q -B -Denforcer.skip=true resources:resources compiler:compile ;;
  esac
}

for n in spring-petclinic-rest spring-petclinic jpetstore-6 eladmin; do
  src=$HERE/$n-pristine
  [ -d "$src/.git" ] || { echo "missing $src" >&2; continue; }
  rm -rf "$WORK/$n"
  git clone -q --local "$src" "$WORK/$n"
  ( cd "$WORK/$n" && "$OPTKIT" migrate . ) > "$OUT/$n-unbuilt.txt" 2>&1
  echo "$n unbuilt rc=$?" >> "$OUT/rc.txt"
  ( cd "$WORK/$n" && build "$n" ) > "$OUT/$n-build.log" 2>&1
  brc=$?; echo "$n build rc=$brc" >> "$OUT/rc.txt"
  # drop optkit's own state from the unbuilt run so the built run starts equally cold
  rm -rf "$WORK/$n/.optkit"
  ( cd "$WORK/$n" && "$OPTKIT" migrate . ) > "$OUT/$n-built.txt" 2>&1
  echo "$n built rc=$?" >> "$OUT/rc.txt"
  diff "$OUT/$n-unbuilt.txt" "$OUT/$n-built.txt" > "$OUT/$n-diff.txt"
  echo "$n: $(grep -c '^[<>]' "$OUT/$n-diff.txt") differing lines (unbuilt vs built)" >> "$OUT/rc.txt"
done
for f in "$OUT"/*-unbuilt.txt "$OUT"/*-built.txt; do
  echo "$(basename "$f"): $(grep -c '^cache:' "$f") cached, $(grep -c '^refused' "$f") refused"
done > "$OUT/summary.txt"
cat "$OUT/rc.txt" "$OUT/summary.txt"
[ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"
