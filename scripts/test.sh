#!/usr/bin/env bash
# Installs what is missing, then runs every check and test:
# formatting, lints (native + wasm), native tests, the sample-data check,
# browser component tests, the release build, and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
start=$(date +%s)

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native and wasm32), warnings are errors"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings

step "native tests (data core, formatting, i18n, geometry, URL state; the bundled sample equals the generator's output)"
cargo test --locked

step "browser component tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test browser

step "release build (trunk, offline)"
trunk build --release
# Two modules: the page's (vagas-<hash>_bg.wasm) and the dataset worker's (vagas-worker-<hash>_bg.wasm).
for wasm in dist/*.wasm; do
    printf '%s: %s bytes raw, %s bytes gzip -9\n' "$wasm" "$(stat -c %s "$wasm")" "$(gzip -9c "$wasm" | wc -c)"
done

step "end-to-end tests can fail: every test must fail with sabotaged expectations"
sabotage_log=$(mktemp)
VAGAS_E2E_SABOTAGE=1 node --test --test-timeout=180000 --test-reporter=tap tests/e2e/ > "$sabotage_log" 2>&1 || true
total=$(grep -cE '^# Subtest: ' "$sabotage_log" || true)
failed=$(grep -cE '^not ok ' "$sabotage_log" || true)
if [ "$total" -eq 0 ] || [ "$failed" -ne "$total" ]; then
    echo "expected all $total e2e tests to fail under sabotage, $failed did:"
    cat "$sabotage_log"
    exit 1
fi
echo "all $total e2e tests failed under sabotage, as they must"

step "end-to-end tests (release dist/ on loopback, headless Chromium)"
node --test --test-timeout=180000 tests/e2e/
echo "test.sh: everything green in $(( $(date +%s) - start ))s (after set-up)"
