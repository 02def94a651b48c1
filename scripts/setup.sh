#!/usr/bin/env bash
# Installs what lede needs, from the package registries only, skipping whatever is already
# present at the right version. `setup.sh build` = what `make serve` needs; `setup.sh test` adds
# the browser and test tools.
#   rustup target   wasm32-unknown-unknown
#   cargo install   wasm-pack, wasm-bindgen-cli (exactly the wasm-bindgen version in Cargo.lock)
#   npm (tools/)    binaryen (wasm-opt), playwright-core, axe-core
#   apt (test)      chromium, chromium-driver
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WHAT=${1:-build}
WASM_PACK_VERSION=0.15.1
export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

log() { printf '[setup] %s\n' "$*"; }

lock_version() { # the version of crate $1 recorded in Cargo.lock
  awk -v n="$1" '$0 == "name = \"" n "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

rust_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "rust target wasm32-unknown-unknown: present"
  else
    log "rust target wasm32-unknown-unknown: installing"
    rustup target add wasm32-unknown-unknown
  fi
}

cargo_tool() { # cargo_tool BIN CRATE VERSION
  local bin=$1 crate=$2 version=$3 have
  have=$("$bin" --version 2>/dev/null | awk '{print $2}') || true
  if [[ $have == "$version" ]]; then
    log "$crate $version: present"
    return
  fi
  log "$crate $version: installing with cargo (had: ${have:-none}); this takes several minutes on 2 cores"
  if ! cargo install "$crate" --version "$version" --locked --force; then
    log "--locked install of $crate failed; retrying with a fresh resolution"
    cargo install "$crate" --version "$version" --force
  fi
}

npm_tools() {
  local dir=$ROOT/tools ok=1 pkg want got
  for pkg in binaryen playwright-core axe-core; do
    want=$(node -p "require('$dir/package.json').devDependencies['$pkg']")
    got=$(node -p "require('$dir/node_modules/$pkg/package.json').version" 2>/dev/null) || got=
    [[ $got == "$want" ]] || ok=0
  done
  if ((ok)); then
    log "npm tools: present ($(wasm-opt --version))"
  else
    log "npm tools: installing binaryen, playwright-core, axe-core from the npm registry"
    npm ci --prefix "$dir" --no-audit --no-fund
  fi
}

apt_browser() {
  local missing=() p
  for p in chromium chromium-driver; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    log "chromium + driver: present ($(chromium --version 2>/dev/null))"
    return
  fi
  log "apt: installing ${missing[*]}"
  local SUDO=; [[ $(id -u) == 0 ]] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

t0=$SECONDS
command -v node >/dev/null || { log "node is required (it ships with this machine image)"; exit 1; }
# the Node test glue loads the result decoder (src/unpack.js, an ES module) with require()
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a >= 23 || a == 22 && b >= 12 || a == 20 && b >= 19 ? 0 : 1)' || { log "node 20.19+ or 22.12+ is required (found $(node --version))"; exit 1; }
rust_target
WB=$(lock_version wasm-bindgen)
[[ -n $WB ]] || { log "cannot read the wasm-bindgen version from Cargo.lock"; exit 1; }
cargo_tool wasm-bindgen wasm-bindgen-cli "$WB"
cargo_tool wasm-pack wasm-pack "$WASM_PACK_VERSION"
npm_tools
if [[ $WHAT == test ]]; then
  apt_browser
fi
if [[ $(command -v wasm-opt) != "$ROOT/tools/node_modules/.bin/wasm-opt" ]]; then
  log "wasm-opt on PATH is not npm binaryen's; refusing (Debian's old wasm-opt corrupts modules)"
  exit 1
fi
log "ready in $((SECONDS - t0))s"
