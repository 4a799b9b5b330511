//! A quiet notice for link parameters that were ignored (malformed or unknown).

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::i18n::{t, Key};

#[component]
pub fn UrlNotices() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let dismissed = RwSignal::new(false);
    let all = move || {
        let mut n = store.notices.get();
        if let Some(r) = derived.resolved.get() {
            n.extend(r.notices);
        }
        n
    };
    view! {
        <Show when=move || !dismissed.get() && !all().is_empty() fallback=|| ()>
            <div class="url-notice" role="status" data-testid="url-notice">
                <span>{move || t(lang.get(), Key::UrlIgnored)}</span>
                " "
                {move || {
                    let l = lang.get();
                    all()
                        .into_iter()
                        .map(|n| format!("{}={} ({})", n.param, n.value, crate::core::i18n::url_reason(l, n.reason)))
                        .collect::<Vec<_>>()
                        .join("; ")
                }}
                " "
                <button class="link" on:click=move |_| dismissed.set(true)>{move || t(lang.get(), Key::Dismiss)}</button>
            </div>
        </Show>
    }
}
