//! Writes `build/first-view.json`: the landing view's headline figures computed from the bundled
//! data (`core::headlines::first_view`), with the SHA-256 of the files they come from, for
//! `scripts/post-build.mjs` to bake into `index.html`. Run after changing the bundled code lists
//! or labour-market data: `cargo run --example first_view`. `tests/first_view.rs` fails until then.

// SHA-256 comes from a native-only dev-dependency: nothing of this example exists in a wasm32
// build (where `cargo clippy --all-targets` also compiles examples).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    match vagas_first_view::compute(root) {
        Ok(text) => {
            let out = root.join("build/first-view.json");
            if let Err(e) = std::fs::write(&out, text) {
                eprintln!("first_view: cannot write {}: {e}", out.display());
                std::process::exit(1);
            }
            println!("first_view: wrote {}", out.display());
        }
        Err(e) => {
            eprintln!("first_view: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/common/first_view.rs"]
mod vagas_first_view;
