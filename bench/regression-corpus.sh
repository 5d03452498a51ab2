#!/usr/bin/env bash
# The regression corpus: optkit migrate's dry-run plan (JSON: caches, loops, every refusal and its reason) on every
# real project stored in /work/.mirror (fetch them first) and on the samples, by two builds of optkit; prints the
# projects whose plans differ. A change that should keep every verdict must print "0 differ".
# Usage: bench/regression-corpus.sh BEFORE.jar AFTER.jar [WORKDIR]   (about 20 minutes a jar on 2 cores)
# The projects are cloned into WORKDIR/src (never committed); .optkit/ is removed before and after each run.
set -u
before=$(readlink -f "${1:?usage: regression-corpus.sh BEFORE.jar AFTER.jar [WORKDIR]}")
after=$(readlink -f "${2:?usage: regression-corpus.sh BEFORE.jar AFTER.jar [WORKDIR]}")
work=$(readlink -f "${3:-/tmp/optkit-corpus}")
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$work/src"
for mirror in /work/.mirror/*/; do
  name=$(basename "$mirror")
  [ "$name" = spring-projects+spring-framework ] && continue  # assess's corpus, too large for a migrate plan
  [ -d "$work/src/$name" ] || git clone -q "$mirror/repo" "$work/src/$name" 2>/dev/null || continue
done
plan() {  # $1 = jar, $2 = output folder
  mkdir -p "$2"
  for project in "$work"/src/* "$here"/samples/*/; do
    name=$(basename "$project")
    rm -rf "$project/.optkit"
    timeout 300 java -Xmx2g -jar "$1" migrate "$project" --format json --offline -o - > "$2/$name.json" 2> "$2/$name.err"
    rm -rf "$project/.optkit"
  done
}
plan "$before" "$work/before"
plan "$after" "$work/after"
python3 - "$work/before" "$work/after" <<'PY'
import json, os, sys
b, a = sys.argv[1], sys.argv[2]
names = sorted(n[:-5] for n in os.listdir(b) if n.endswith('.json'))
def load(path):
    try:
        return json.load(open(path))
    except Exception:
        return None
differ = [n for n in names if load(os.path.join(b, n + '.json')) != load(os.path.join(a, n + '.json'))]
for n in differ:
    print('differs:', n)
print(f'{len(names)} projects, {len(differ)} differ')
PY
