# Sourced by the scripts: the environment every build uses.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Never let trunk download wasm-bindgen or wasm-opt: a mismatch is an error.
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true
# `trunk build --release` compiles with the release toolchain and flags of
# scripts/release-toolchain.sh (installed by scripts/setup.sh); other trunk commands as they are.
. "$(dirname "${BASH_SOURCE[0]}")/release-toolchain.sh"
trunk() {
    local a release=0
    for a in "$@"; do [ "$a" = --release ] && release=1; done
    if [ "$release" = 1 ]; then
        RUSTUP_TOOLCHAIN=$VAGAS_RELEASE_TOOLCHAIN \
            CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
            CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
            CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=$VAGAS_RELEASE_RUSTFLAGS \
            command trunk "$@"
    else
        command trunk "$@"
    fi
}
