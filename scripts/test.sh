#!/usr/bin/env bash
# Runs every test layer and ends with one line "N passed, M failed" (N, M = tests).
# A layer that fails, or that runs no test, counts as failed and makes the exit non-zero.
#   native     cargo test (unit, integration, property, CLI, golden)
#   wasm-node  wasm-pack test --node            (the JS boundary under Node)
#   wasm-web   wasm-pack test --headless --chrome (the JS boundary in Chromium)
#   build      the release wasm the page loads (wasm-opt from npm binaryen)
#   determinism native CLI vs wasm on ../shared/data (optional: skipped without the data)
#   js-unit    node --test tests/js/            (www/render.js and other pure page logic)
#   e2e        node --test tests/e2e/           (playwright-core + /usr/bin/chromium, served page)
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
cd "$ROOT"
OUT=$ROOT/out/test
mkdir -p "$OUT"
PASSED=0 FAILED=0
SUMMARY=()
log() { printf '[test] %s\n' "$*"; }

# counts "passed failed" from a layer's log: cargo/wasm-bindgen-test lines or node's TAP summary
count() {
  awk '
    /^test result: / { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed/) p += $(i-1); if ($(i) ~ /^failed/) f += $(i-1) } }
    /^# pass / { p += $3 } /^# fail / { f += $3 }
    END { printf "%d %d\n", p, f }' "$1"
}

layer() { # layer [--no-tests] NAME CMD...   (--no-tests: a build step, judged by its exit code alone)
  local need_tests=1
  if [[ $1 == --no-tests ]]; then need_tests=0; shift; fi
  local name=$1; shift
  local logf="$OUT/$name.log" t0=$SECONDS rc=0 p f
  log "== $name: $*"
  "$@" >"$logf" 2>&1 || rc=$?
  read -r p f < <(count "$logf")
  if ((rc != 0 && f == 0)); then f=1; fi # a layer that failed outside any test still fails
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  local verdict=PASS
  if ((rc != 0 || f > 0)); then verdict=FAIL; elif ((p == 0 && need_tests)); then verdict="FAIL (ran no test)"; FAILED=$((FAILED + 1)); fi
  SUMMARY+=("$(printf '%-10s %-20s %4ss  %s passed, %s failed' "$name" "$verdict" "$((SECONDS - t0))" "$p" "$f")")
  log "${SUMMARY[-1]}"
  if [[ $verdict != PASS ]]; then grep -E 'FAIL|panicked|Error|error|not ok|assert' "$logf" | head -40 | sed 's/^/    /'; fi
}

layer native cargo test --all-targets
layer --no-tests build bash scripts/build.sh
# -- optional layer (reliability): native CLI vs wasm give identical wire JSON on the dev data.
# Needs ../shared/data (or LEDE_SHARED); skipped with a note when absent.
if [[ -d "${LEDE_SHARED:-../shared}/data" ]]; then
  layer determinism node scripts/determinism.mjs
else
  log "determinism: skipped, no ${LEDE_SHARED:-../shared}/data (set LEDE_SHARED)"
fi
# -- end optional layer
layer wasm-node wasm-pack test --mode no-install --node
layer wasm-web wasm-pack test --mode no-install --headless --chrome --chromedriver "$(command -v chromedriver)"
layer js-unit node --test tests/js/
layer e2e node --test --test-concurrency=1 tests/e2e/

log "summary (logs in out/test/):"
printf '  %s\n' "${SUMMARY[@]}"
echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
