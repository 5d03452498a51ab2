#!/usr/bin/env bash
# What a warm `optkit assess` costs after one edit, on a copy of a corpus, against a run without the cache, and
# what keeping each file's declaration surface costs a first run. Rounds alternate, in one script:
#   1. a first run with an empty cache, with this build and (if given) a base jar that keeps no surfaces;
#   2. an edit inside one method's body, then a warm run (the other files' facts are reused), and the base jar's;
#   3. an edit of that file's declarations (a field added), then a warm run (every cached file is read again);
#   4. --no-cache on the edited tree; its JSON must equal the warm runs'.
# Usage: bench/warm-edits.sh CORPUS_DIR [ROUNDS] [BASE_JAR] [FILE_IN_CORPUS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:?usage: bench/warm-edits.sh CORPUS_DIR [ROUNDS] [BASE_JAR] [FILE_IN_CORPUS]}"
rounds="${2:-2}"
base="${3:-}"
jar="$here/cli/target/optkit.jar"
[ -f "$jar" ] || (cd "$here" && mvn -q -DskipTests package -pl analyzers,rewriters,validation-agent,validation,cli)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$corpus" "$work/tree"
file="${4:-$(cd "$work/tree" && find . -path '*/src/main/java/*.java' -size +4k | sort | head -1)}"
target="$work/tree/$file"
grep -q 'class ' "$target" || { echo "bench/warm-edits.sh: no class in $file" >&2; exit 2; }
cp "$target" "$work/original.java"
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null 2>&1; t1=$(date +%s.%N); printf "%.1f" "$(echo "$t1 - $t0" | bc)"; }
assess() { java -jar "$1" assess "$work/tree" --threads 2 --format json -o "$2" "${@:3}"; }
# the edits: a statement at the start of the first method's body; a field at the start of the first class
cat > "$work/edit.py" <<'PY'
import sys
path, kind = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().split("\n")
skip = ("if", "for", "while", "switch", "try", "catch", "synchronized", "else", "do", "return")
for i, line in enumerate(lines):
    stripped = line.strip()
    if kind == "body" and stripped.endswith(") {") and not stripped.startswith(skip) and "class " not in stripped \
            and "new " not in stripped and "->" not in stripped and "=" not in stripped:
        lines.insert(i + 1, "\t\tint optkitBenchEdit = 1;")
        break
    if kind == "field" and "class " in stripped and stripped.endswith("{"):
        lines.insert(i + 1, "\tint optkitBenchField = 1;")
        break
else:
    sys.exit("no place for the edit")
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
echo "corpus $corpus, edited file $file"
for round in $(seq 1 "$rounds"); do
  cp "$work/original.java" "$target"
  rm -rf "$work/cache" "$work/base-cache"
  if [ -n "$base" ]; then
    echo "round $round: first run, base jar:       $(seconds assess "$base" "$work/base.json" --cache-dir "$work/base-cache") s"
  fi
  echo "round $round: first run, this build:     $(seconds assess "$jar" "$work/first.json" --cache-dir "$work/cache") s"
  python3 "$work/edit.py" "$target" body
  echo "round $round: warm, a body edited:       $(seconds assess "$jar" "$work/body.json" --cache-dir "$work/cache") s"
  if [ -n "$base" ]; then
    echo "round $round: warm, a body edited, base: $(seconds assess "$base" "$work/base-body.json" --cache-dir "$work/base-cache") s"
  fi
  echo "round $round: --no-cache, body edited:   $(seconds assess "$jar" "$work/body-fresh.json" --no-cache) s"
  cmp -s "$work/body.json" "$work/body-fresh.json" && echo "  same JSON as --no-cache" || echo "  JSON DIFFERS from --no-cache"
  python3 "$work/edit.py" "$target" field
  echo "round $round: warm, a declaration added: $(seconds assess "$jar" "$work/field.json" --cache-dir "$work/cache") s"
  echo "round $round: --no-cache, both edits:    $(seconds assess "$jar" "$work/field-fresh.json" --no-cache) s"
  cmp -s "$work/field.json" "$work/field-fresh.json" && echo "  same JSON as --no-cache" || echo "  JSON DIFFERS from --no-cache"
done
