//! Parts of the interface that live in wasm modules of their own, fetched the first time they
//! are shown (issue #12: the landing view needs none of them, so the first visit downloads and
//! compiles less). A part is a function declared with the crate's `part!` macro returning
//! [`Part`]; `scripts/wasm-split.mjs` cuts the module at those functions after `cargo build`.
//!
//! Native builds (tests) call the function directly, as does a part already loaded: it is then
//! drawn in the same frame. While a part is on its way, "Loading…" appears after 0.4 s (`style/
//! app.css`, `.part-loading`); if it cannot be fetched (offline before the service worker has it,
//! a server error, a newer version deployed since the page opened), or has not arrived after
//! [`PATIENCE`], [`lazy_view`] says so in the user's language, keeps everything already on screen
//! and loaded, and offers to try again or to reload the page (the view is in the address).

use std::future::Future;
use std::time::Duration;

use leptos::__reexports::send_wrapper::SendWrapper;
use leptos::prelude::*;

use crate::app::store::use_store;
use crate::core::i18n::{t, Key};

/// What a split function returns: its view, or why its module could not be loaded.
pub type Part = Result<AnyView, leptos::wasm_split::SplitLoaderError>;

/// How long a part may take before the user is told it has not arrived (a request that never
/// answers would otherwise leave the page empty). Slow links fetch a page's part in ~1–3 s.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// Shows the view of the split function `load` (called again on each retry).
pub fn lazy_view<F>(load: impl Fn() -> F + Clone + Send + Sync + 'static) -> AnyView
where
    F: Future<Output = Part> + 'static,
{
    let attempt = RwSignal::new(0u32);
    // Whether the current attempt has an answer (the part, or its failure), and whether it has
    // taken longer than PATIENCE.
    let arrived = RwSignal::new(false);
    let stuck = RwSignal::new(false);
    let part = move || {
        attempt.track();
        arrived.set(false);
        stuck.set(false);
        set_timeout(
            move || {
                let _ = stuck.try_set(true);
            },
            PATIENCE,
        );
        let load = load.clone();
        // A part already here is drawn at once: the future is ready on its first poll.
        Suspend::new(SendWrapper::new(async move {
            let answer = load().await;
            let _ = arrived.try_set(true);
            match answer {
                Ok(view) => view,
                Err(_) => failed(attempt),
            }
        }))
    };
    let waiting = move || (!arrived.get()).then(|| if stuck.get() { failed(attempt) } else { loading() });
    view! { {part} {waiting} }.into_any()
}

fn loading() -> AnyView {
    let lang = use_store().lang;
    view! {
        <p class="part-loading" role="status" aria-busy="true" data-testid="part-loading">
            {move || t(lang.get(), Key::PartLoading)}
        </p>
    }
    .into_any()
}

fn failed(attempt: RwSignal<u32>) -> AnyView {
    let lang = use_store().lang;
    // The button goes with the message: the keyboard focus goes to the page's main region, so
    // that the next Tab is in what arrives.
    let retry = move |_| {
        if let Some(main) = document().get_element_by_id("main") {
            use wasm_bindgen::JsCast;
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
        attempt.update(|n| *n += 1);
    };
    // After a retry that failed too: which attempt it was, and the focus back on Retry (it went to
    // the main region, for what was expected to arrive).
    let retries = attempt.get_untracked();
    let again = (retries > 0).then_some(move || {
        crate::core::i18n::fill(t(lang.get(), Key::RetryFailedAgain), &[("n", &(retries + 1).to_string())])
    });
    if retries > 0 {
        Effect::new(move |_| super::labels::focus_back("[data-testid=\"part-retry\"]"));
    }
    view! {
        <div class="failure" role="alert" data-testid="part-failed">
            <p>{move || t(lang.get(), Key::PartFailed)}</p>
            {again.map(|again| view! { <p data-testid="part-attempt">{again}</p> })}
            <button class="retry" data-testid="part-retry" on:click=retry>
                {move || t(lang.get(), Key::Retry)}
            </button>
            " "
            <button class="retry" data-testid="part-reload" on:click=move |_| drop(window().location().reload())>
                {move || t(lang.get(), Key::ReloadPage)}
            </button>
        </div>
    }
    .into_any()
}
