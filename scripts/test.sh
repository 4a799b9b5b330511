#!/usr/bin/env bash
# Installs what is missing, then runs every check and test:
# formatting, lints (native + wasm), native tests, the sample-data check,
# browser component tests, the release build, and end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
# A CI run builds once from a clean clone: incremental caches would only take disk space.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi

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
# Without the `parts` feature: each part of the page's wasm (src/lib.rs part!) is an exported
# function whose loader only the split page provides; the components are the same.
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test browser --no-default-features

step "release build (trunk, offline)"
trunk build --release
# Two modules: the page's (vagas-<hash>_bg.wasm) and the dataset worker's (vagas-worker-<hash>_bg.wasm).
for wasm in dist/*.wasm; do
    printf '%s: %s bytes raw, %s bytes gzip -9\n' "$wasm" "$(stat -c %s "$wasm")" "$(gzip -9c "$wasm" | wc -c)"
done

step "size check: the app shell (the page's main wasm module, its JS glue and parts loader, the CSS; each gzip -9)"
# Issue #12's goal is 250 KB; the shell is not there yet (see README, "Speed"). This ceiling is the
# size measured when it was set (396,169 B), plus ~2 %: a change that grows the shell past it must
# say so here. The parts (scripts/wasm-split.mjs: each page but the landing one, the checks of
# files the landing view does not need) are fetched when needed and are counted apart.
# Raised from 372,000 (2026-11-30): +5.4 KB for the datasets panel's and the parts' retry attempts,
# the phone tab strip's scrolling, the speaker view's catch-up and end, the per-slide series
# colours, the chart downloads disabled without data and the region select's keyboard browsing
# (374,742 B).
# Lowered from 376,000 (2026-12-01) after the release build moved to a nightly that rebuilds the
# standard library for size (scripts/release-toolchain.sh) and the official indicators' checks
# left the main module for a part: 326,590 B measured.
# Lowered from 330,000 (2026-12-01, second round) after checking, storing and restoring a user's
# datasets left the main module for a part fetched only by a visitor with datasets of their own,
# the wasm's imports got short names and the JS was minified (scripts/wasm-split.mjs): 312,927 B.
# What the landing view fetches in all (this shell, the parts it loads at start and their chunks,
# boot.js) is checked by tests/e2e/parts.test.mjs.
SHELL_CEILING=316000
shell=0
for f in $(ls dist/*.css; ls dist/ | grep -E '^vagas-([0-9a-f]{16}(_bg\.wasm|\.js)|split-[0-9a-f]{16}\.js)$' | sed 's|^|dist/|'); do
    shell=$((shell + $(gzip -9c "$f" | wc -c)))
done
parts=0
for f in $(ls dist/ | grep -E '^vagas-((chunk|split)_[A-Za-z0-9_]+|chunks)-[0-9a-f]{16}\.wasm$' | sed 's|^|dist/|'); do
    parts=$((parts + $(gzip -9c "$f" | wc -c)))
done
echo "app shell: $shell bytes gzip -9 (ceiling $SHELL_CEILING; goal 250000); parts loaded when needed: $parts bytes"
if [ "$shell" -lt 100000 ] || [ "$parts" -eq 0 ]; then
    echo "the shell or the parts are missing from dist/ (shell $shell, parts $parts bytes)"
    exit 1
fi
if [ "$shell" -gt "$SHELL_CEILING" ]; then
    echo "the app shell grew past its ceiling: $shell > $SHELL_CEILING bytes"
    exit 1
fi
# Every wasm, JS and CSS file in dist/ (the shell, every part, the dataset worker's module, the
# service worker): what a visit that precaches everything for offline use downloads of code.
# 861,925 B measured (2026-12-01, third round: the JSON path of a failure found after it, issue
# #12), plus ~1 %: a change that adds code anywhere must say so here.
TOTAL_CEILING=870000
total=0
for f in dist/*.wasm dist/*.js dist/*.css; do
    total=$((total + $(gzip -9c "$f" | wc -c)))
done
echo "every wasm, JS and CSS file in dist/: $total bytes gzip -9 (ceiling $TOTAL_CEILING; issue #12's budget for the shell: 250000)"
if [ "$total" -gt "$TOTAL_CEILING" ]; then
    echo "the wasm, JS and CSS in dist/ grew past their ceiling: $total > $TOTAL_CEILING bytes"
    exit 1
fi

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
