//! The page's module (`vagas` on wasm32) is linked with its relocations kept: the split into parts
//! loaded when needed (`scripts/wasm-split.mjs`, wasm_split_cli_support) reads them, and drops them
//! from what it writes. Only that binary: the dataset worker and the tests are not split.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=vagas=--emit-relocs");
    }
}
