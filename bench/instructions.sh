#!/usr/bin/env bash
# Instructions one annotate costs in the page's wasm, counted by callgrind: unlike a time, the
# figure does not swing with the machine's load, so two builds compare to a fraction of a
# percent (this 2-core VM's times swing 20 %). V8 runs TurboFan only (--no-liftoff) on one
# thread (--single-threaded), so what is counted is the optimised code a long annotate runs
# in; loading, compiling and the first run are cancelled out by subtracting a process that
# annotates the text once from one that annotates it twice. About two minutes for 100 KB.
# Usage: bench/instructions.sh [PKG_DIR (www/pkg)] [TEXT (out/bench/text_100k.txt, from make bench)]
#        bench/instructions.sh --ready [PKG_DIR]: the instructions of loading the wasm and the
#        first annotate of a tiny text (what "ready" times), in the tiers V8 really uses (Liftoff
#        first, TurboFan for what runs hot; one thread), less those of a bare Node process.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "${1:-}" = --ready ]; then
  PKG=${2:-$ROOT/www/pkg}
  command -v valgrind >/dev/null || { echo "bench/instructions.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
  ready() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null node --single-threaded --predictable --hash-seed=1 --random-seed=1 "$@" 2>&1 | sed -n 's/.*refs: *//p' | tr -d ,
  }
  loaded=$(ready "$ROOT/bench/instructions.mjs" "$PKG" /dev/null 0)
  bare=$(ready -e 0)
  echo "wasm.ready_instructions $(( (loaded - bare) / 100000 ))e5 to load $PKG/lede_bg.wasm and annotate a tiny text (one thread, Liftoff and TurboFan)"
  exit 0
fi
PKG=${1:-$ROOT/www/pkg}
TEXT=${2:-$ROOT/out/bench/text_100k.txt}
command -v valgrind >/dev/null || { echo "bench/instructions.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
[ -f "$PKG/lede_bg.wasm" ] || { echo "bench/instructions.sh: no $PKG/lede_bg.wasm (make build)" >&2; exit 2; }
[ -f "$TEXT" ] || { echo "bench/instructions.sh: no $TEXT (make bench writes the bench texts)" >&2; exit 2; }
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null node --no-liftoff --single-threaded --predictable --hash-seed=1 --random-seed=1 \
    "$ROOT/bench/instructions.mjs" "$PKG" "$TEXT" "$1" 2>&1 | sed -n 's/.*refs: *//p' | tr -d ,
}
once=$(count 1)
twice=$(count 2)
echo "wasm.instructions $(( (twice - once) / 100000 ))e5 per annotate of $(basename "$TEXT") ($(stat -c %s "$TEXT") bytes), $PKG/lede_bg.wasm"
