#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already
# present at the right version, so a warm machine passes through in seconds.
#   scripts/setup.sh          everything (build + tests)
#   scripts/setup.sh --serve  only what building and serving need (no browser)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-all}
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# 1. Rust toolchain and wasm target (rust-toolchain.toml pins both; rustup may
#    be set not to install a pinned toolchain by itself, so do it here).
TOOLCHAIN=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
if ! rustup toolchain list | grep -q "^$TOOLCHAIN"; then
    log "installing the Rust $TOOLCHAIN toolchain"
    rustup toolchain install "$TOOLCHAIN" --profile minimal --component rustfmt,clippy --target wasm32-unknown-unknown
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

# 1b. The release wasm's toolchain (scripts/env.sh, `trunk`): a pinned nightly with the standard
#     library's sources, so the release build recompiles std for size (build-std), and std's own
#     crates fetched for trunk's offline cargo. About 15 s of downloads.
. scripts/release-toolchain.sh
std_src() { echo "$(rustup run "$VAGAS_RELEASE_TOOLCHAIN" rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library"; }
if ! rustup target list --toolchain "$VAGAS_RELEASE_TOOLCHAIN" --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ||
   [ ! -f "$(std_src)/Cargo.lock" ]; then
    log "installing the release build's toolchain $VAGAS_RELEASE_TOOLCHAIN (with rust-src)"
    rustup toolchain install "$VAGAS_RELEASE_TOOLCHAIN" --profile minimal --component rust-src --target wasm32-unknown-unknown
fi
cargo "+$VAGAS_RELEASE_TOOLCHAIN" fetch -q --manifest-path "$(std_src)/Cargo.toml"

# 2. trunk and wasm-bindgen-cli, built from crates.io (never downloaded as
#    binaries), in parallel. Release LTO off: twice as fast, same tools.
TRUNK_VERSION=0.21.14
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
fast_install() {
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"
}
pids=()
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (about 8-16 minutes on 2 cores)"
    fast_install --locked trunk --version "$TRUNK_VERSION" &
    pids+=($!)
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ] ||
   ! command -v wasm-bindgen-test-runner >/dev/null; then
    # Without --locked: its own lock pins a webpki-roots the registry here lacks.
    log "installing wasm-bindgen-cli $WBG_VERSION (about 10 minutes)"
    fast_install --force wasm-bindgen-cli --version "$WBG_VERSION" &
    pids+=($!)
fi

# 2b. wasm-split-cli (crates.io wasm_split_cli_support, the tool behind Leptos's lazy loading):
#     scripts/wasm-split.mjs splits the page's wasm into parts with it after each build.
WSPLIT_VERSION=0.2.4
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WSPLIT_VERSION:"; then
    log "installing wasm-split-cli $WSPLIT_VERSION (about 2 minutes)"
    fast_install --locked wasm_split_cli_support --version "$WSPLIT_VERSION" --features build-binary &
    pids+=($!)
fi

# 3. npm tools: wasm-opt (binaryen), esbuild (minifies release JS), playwright-core, axe-core — from the lock.
stamp=node_modules/.package-lock.sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
fi

# 4. Chromium and its driver from Debian (tests only).
if [ "$mode" != "--serve" ]; then
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
        log "installing chromium and chromium-driver from Debian"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver
    fi
fi

# 5. Crates for offline builds (trunk runs cargo with --offline).
cargo fetch --locked -q

for pid in "${pids[@]}"; do
    wait "$pid" || { log "a tool install failed (see above)"; exit 1; }
done
log "ready: $(trunk --version), $(wasm-bindgen --version), wasm_split_cli_support $WSPLIT_VERSION, wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}')"
