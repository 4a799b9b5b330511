//! Title bar with the language switch.

use leptos::prelude::*;

use crate::app::store::use_store;
use crate::i18n::{t, Key};

#[component]
pub fn Header() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    view! {
        <header class="app-header">
            <div>
                <h1>{move || t(lang.get(), Key::AppTitle)}</h1>
                <p class="subtitle">{move || t(lang.get(), Key::AppSubtitle)}</p>
            </div>
            <button
                class="lang-switch"
                data-testid="lang-switch"
                title=move || t(lang.get(), Key::SwitchLanguage)
                on:click=move |_| store.set_view(|v| v.lang = Some(lang.get_untracked().other()))
            >
                // The other language's name, in that language (no aria-label:
                // the visible text is the accessible name).
                <span lang=move || lang.get().other().code()>{move || t(lang.get(), Key::OtherLanguageShort)}</span>
            </button>
        </header>
    }
}
