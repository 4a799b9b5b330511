# Sourced by scripts/setup.sh and scripts/env.sh: how the release wasm is compiled (issue #12).
#
# A release build (`trunk build --release`, with scripts/env.sh sourced) compiles with a pinned
# nightly toolchain that rebuilds the standard library for size. Measured on the build of
# 4f35626 (gzip -9): the first visit's files 374,536 → 335,042 B (−10.5 %), the worker's
# module 174,138 → 152,070 B, every wasm, JS and CSS file in dist/ 1,020,575 → 920,638 B.
#  - build-std (std, panic_abort) with std's `optimize_for_size` feature: std's generic code,
#    sorting above all, built for size;
#  - `-Cpanic=immediate-abort`: a panic traps at once, without formatting its message (with
#    `panic = "abort"` the app died on a panic anyway; the message in the console is what is
#    lost: debug builds, `trunk serve`, keep it);
#  - `-Zlocation-detail=none`: no file names and line numbers for panics.
# Debug builds, tests and clippy use the stable toolchain of rust-toolchain.toml. A newer
# nightly may be tried by changing the date: scripts/setup.sh installs what this names.
VAGAS_RELEASE_TOOLCHAIN=nightly-2026-05-20
# `--cfg=erase_components` repeats .cargo/config.toml's, on purpose: the debug and release builds
# must compile the same views whether cargo joins these flags with the config's (it does now) or not.
VAGAS_RELEASE_RUSTFLAGS="--cfg=erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
