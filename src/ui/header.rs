//! Title bar: language switch, presentation controls (save the view as a
//! slide, present, projector theme) and the offline indicator.

use leptos::prelude::*;

use crate::app::store::{use_store, Status};
use crate::app::stories;
use crate::core::data::manifest::Kind;
use crate::core::data::{Lang, Text};
use crate::core::i18n::{t, tf, Key};
use crate::core::pipeline::Row;

/// The bundled story's row in the datasets panel.
const STORY: Row = Row::Dataset(Kind::Story);

/// "offline — showing data from 2025-12" while the network is down.
#[component]
pub fn OfflineIndicator() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let online = RwSignal::new(window().navigator().on_line());
    let up = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let down = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        up.remove();
        down.remove();
    });
    // The latest date of the figures shown (the manifest's dates).
    let date = move || {
        store
            .manifest
            .with(|m| m.as_ref().and_then(|m| m.datasets.iter().map(|d| d.date.clone()).max()))
            .unwrap_or_default()
    };
    view! {
        <Show when=move || !online.get() fallback=|| ()>
            <p class="offline" role="status" data-testid="offline">{move || format!("{} {}", t(lang.get(), Key::Offline), date())}</p>
        </Show>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let saved = RwSignal::new(None::<String>);
    // Until the bundled story has arrived (or failed), a saved slide would be lost.
    let story_pending = move || {
        store.story.with(Option::is_none)
            && store.files.with(|f| {
                f.iter().any(|f| f.row == STORY && matches!(f.status, Status::Loading | Status::Waiting))
                    || !f.iter().any(|f| f.row == STORY)
            })
    };
    view! {
        <header class="app-header">
            <div>
                <h1>{move || t(lang.get(), Key::AppTitle)}</h1>
                <p class="subtitle">{move || t(lang.get(), Key::AppSubtitle)}</p>
            </div>
            <div class="header-tools">
                <button class="tool" data-testid="save-slide" disabled=story_pending on:click=move |_| {
                    let n = stories::slide_count(store) + 1;
                    let n = n.to_string();
                    let title = Text::new(
                        &tf(Lang::Pt, Key::SlideNumbered, &[("number", &n)]),
                        &tf(Lang::En, Key::SlideNumbered, &[("number", &n)]),
                    );
                    let msg = match stories::add_current_view(store, title) {
                        Ok(n) => format!("{} ({n})", t(lang.get_untracked(), Key::SlideSaved)),
                        Err(e) => format!("{}: {e}", t(lang.get_untracked(), Key::StorageFailed)),
                    };
                    saved.set(Some(msg));
                }>"+ " {move || t(lang.get(), Key::SaveSlide)}</button>
                <button class="tool" data-testid="present-header" disabled=move || !stories::can_present(store)
                    on:click=move |_| stories::present(store)>"▶ " {move || t(lang.get(), Key::Present)}</button>
                <label class="tool projector-toggle">
                    <input type="checkbox" data-testid="projector-toggle" prop:checked=move || store.projector.get()
                        on:change=move |ev| store.projector.set(event_target_checked(&ev))/>
                    " " {move || t(lang.get(), Key::ProjectorTheme)}
                </label>
                <span class="muted" role="status" data-testid="slide-saved">{move || saved.get()}</span>
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
