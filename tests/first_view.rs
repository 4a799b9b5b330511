//! The figures `index.html` shows before the wasm arrives (`build/first-view.json`, baked in by
//! `scripts/post-build.mjs`) are the ones the app computes for its landing view from the bundled
//! data: the file must equal what `core::headlines::first_view` gives for `data/` today.

#![cfg(not(target_arch = "wasm32"))]

#[path = "common/first_view.rs"]
mod first_view;

#[test]
fn the_baked_first_view_is_computed_from_the_bundled_data() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let want = first_view::compute(root).unwrap();
    let have = std::fs::read_to_string(root.join("build/first-view.json")).unwrap_or_default();
    assert!(
        have == want,
        "build/first-view.json is not the landing view of the bundled data: run `cargo run --example first_view`\nexpected:\n{want}\nfound:\n{have}"
    );
}
