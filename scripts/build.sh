#!/usr/bin/env bash
# Builds the core to wasm (release, wasm-opt from npm binaryen) into www/pkg.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
cd "$ROOT"
# the page's first load is size-bound: `s` (native release builds use opt-level 3, see Cargo.toml;
# `z` is 9% smaller and 1.6x slower)
CARGO_PROFILE_RELEASE_OPT_LEVEL=s wasm-pack build --mode no-install --release --target web --no-typescript --no-pack --out-dir www/pkg
rm -f www/pkg/.gitignore
wasm=www/pkg/lede_bg.wasm
echo "[build] $wasm: $(stat -c %s $wasm) bytes, gzip -9: $(gzip -9c $wasm | wc -c) bytes"
cp "$ROOT/seeds/000_d91da279460ebc95.txt" www/seed.txt
