//! Parts of the interface that live in wasm modules of their own, fetched the first time they
//! are shown (issue #12: the landing view needs none of them, so the first visit downloads and
//! compiles less). A part is a function declared with the crate's `part!` macro returning
//! [`Part`]; `scripts/wasm-split.mjs` cuts the module at those functions after `cargo build`.
//!
//! Native builds (tests) call the function directly, as does a part already loaded: it is then
//! drawn in the same frame. While a part is on its way nothing is drawn in its place (it is one
//! request, started as soon as the part is wanted); if it cannot be fetched (offline before the
//! service worker has it, a server error), [`lazy_view`] says so in the user's language, keeps
//! everything already on screen and loaded, and retries on request.

use std::future::Future;

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::prelude::*;

use crate::app::store::use_store;
use crate::core::i18n::{t, Key};

/// What a split function returns: its view, or why its module could not be loaded.
pub type Part = Result<AnyView, leptos::wasm_split::SplitLoaderError>;

/// Shows the view of the split function `load` (called again on each retry).
pub fn lazy_view<F>(load: impl Fn() -> F + Clone + Send + Sync + 'static) -> AnyView
where
    F: Future<Output = Part> + 'static,
{
    let attempt = RwSignal::new(0u32);
    (move || {
        attempt.track();
        let load = load.clone();
        Suspend::new(SendWrapper::new(async move {
            match load().await {
                Ok(view) => view,
                Err(_) => failed(attempt),
            }
        }))
    })
    .into_any()
}

fn failed(attempt: RwSignal<u32>) -> AnyView {
    let lang = use_store().lang;
    view! {
        <div class="failure" role="alert" data-testid="part-failed">
            <p>{move || t(lang.get(), Key::PartFailed)}</p>
            <button class="retry" data-testid="part-retry" on:click=move |_| attempt.update(|n| *n += 1)>
                {move || t(lang.get(), Key::Retry)}
            </button>
        </div>
    }
    .into_any()
}
