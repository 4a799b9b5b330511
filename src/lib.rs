//! Vagas: a dashboard of labour shortages and stakeholder consultations in
//! Portugal's regions.
//!
//! Three layers, imports pointing down only (checked by `tests/architecture.rs`;
//! see `docs/architecture.md`):
//! - [`core`]: pure Rust, no browser APIs, tested natively: the data model and its
//!   checks, the view state and its URL codec, chart models, translations, formatting;
//! - [`app`]: the browser side without views: the store and its derived memos, the
//!   dataset pipeline, network/worker/storage adapters, URL sync, downloads;
//! - [`ui`]: the Leptos views, which render what `app` and `core` computed.

/// A function of the page in a wasm module of its own, fetched the first time it is called
/// (issue #12; `ui::lazy`, `scripts/wasm-split.mjs`): `part! { fn name(args) -> Result<T,
/// SplitLoaderError> { body } }` becomes `async fn name(args) -> Result<T, SplitLoaderError>`,
/// `Err` when the module could not be fetched. With the `parts` feature (the default, and the
/// page's build) it is a split point (`wasm_split`, whose export every binary of the crate links);
/// without it (the dataset worker's build, `index.html`) a plain `async fn` that never fails,
/// which the worker, calling none, leaves out.
macro_rules! part {
    ($(#[$m:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(feature = "parts")]
        $(#[$m])*
        #[::leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(feature = "parts"))]
        $(#[$m])*
        #[allow(clippy::unused_async)]
        $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}

/// A view in a part of its own: `view_part!(name, view! { … })` is `part! { fn name() ->
/// ui::lazy::Part { Ok(view.into_any()) } }`, shown with `ui::lazy::lazy_view(name)`.
macro_rules! view_part {
    ($(#[$m:meta])* $name:ident, $view:expr) => {
        part! {
            $(#[$m])*
            fn $name() -> $crate::ui::lazy::Part {
                Ok($view.into_any())
            }
        }
    };
}

pub mod core;

pub mod app;
pub mod ui;
