# Sourced by the scripts: the environment every build uses.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Never let trunk download wasm-bindgen or wasm-opt: a mismatch is an error.
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true
