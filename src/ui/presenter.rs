//! Presenting a story: the bar over the live dashboard (title, counter,
//! controls), the notes panel, the QR code, and the keys (→/Space/PageDown,
//! ←/PageUp, Home/End, number + Enter, Esc, F, N, L, Q; P starts).
//! The dashboard under the bar stays interactive; "reset" restores the slide.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::store::{use_store, Store};
use crate::app::stories;
use crate::core::data::manifest::Kind;
use crate::core::i18n::{t, Key};
use crate::core::qr;
use crate::core::wire::{self, SlideShown};

/// Announces slide changes to the speaker view (another window).
pub const CHANNEL: &str = "vagas-presenter";

fn typing_in(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
            || el.closest("[contenteditable]").ok().flatten().is_some()
    })
}

fn toggle_fullscreen() {
    let doc = document();
    let (target, method): (wasm_bindgen::JsValue, &str) = if doc.fullscreen_element().is_some() {
        (doc.into(), "exitFullscreen")
    } else {
        match doc.document_element() {
            Some(el) => (el.into(), "requestFullscreen"),
            None => return,
        }
    };
    // The browser may refuse (no user gesture, kiosk policy): the promise's
    // rejection is caught so that it is not an uncaught page error.
    let promise = js_sys::Reflect::get(&target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&target).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(p) = promise {
        let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
        let _ = p.catch(&ignore);
        ignore.forget();
    }
}

/// Where the public address typed in the QR dialog is kept (localStorage).
const PUBLIC_URL_KEY: &str = "vagas.public_url";

/// The page's address, to share or encode in the QR code.
fn current_url() -> String {
    window().location().href().unwrap_or_default()
}

/// Opens the speaker view in a second window.
fn open_speaker(lang: crate::core::data::Lang) {
    let href = current_url();
    let base = href.split('?').next().unwrap_or_default().to_string();
    let _ = window().open_with_url_and_target(&format!("{base}?page=speaker&lang={}", lang.code()), "vagas-speaker");
}

/// Keys for presenting, on the whole window; `digits` collects a slide number.
fn on_key(store: Store, ui: PresenterUi, ev: web_sys::KeyboardEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let presenting = stories::current(store);
    let key = ev.key();
    if typing_in(&ev) && key != "Escape" {
        return;
    }
    let Some(n) = presenting else {
        // Not presenting: P starts, fullscreen (one keystroke from a cold start).
        if (key == "p" || key == "P") && stories::can_present(store) {
            ev.prevent_default();
            stories::present(store);
            if document().fullscreen_element().is_none() {
                toggle_fullscreen();
            }
        }
        return;
    };
    let count = stories::slide_count(store);
    let handled = match key.as_str() {
        "ArrowRight" | " " | "PageDown" => {
            stories::go_to(store, (n + 1).min(count));
            true
        }
        "ArrowLeft" | "PageUp" => {
            stories::go_to(store, n.saturating_sub(1).max(1));
            true
        }
        "Home" => {
            stories::go_to(store, 1);
            true
        }
        "End" => {
            stories::go_to(store, count);
            true
        }
        "Enter" if !ui.digits.get_untracked().is_empty() => {
            if let Ok(k) = ui.digits.get_untracked().parse::<usize>() {
                stories::go_to(store, k);
            }
            ui.digits.set(String::new());
            true
        }
        d if d.len() == 1 && d.as_bytes()[0].is_ascii_digit() => {
            ui.digits.update(|s| {
                if s.len() < 3 {
                    s.push_str(d)
                }
            });
            true
        }
        "Escape" => {
            if ui.qr.get_untracked() {
                ui.qr.set(false);
            } else {
                stories::stop(store);
                store.projector.set(false);
            }
            true
        }
        "f" | "F" => {
            toggle_fullscreen();
            true
        }
        "n" | "N" => {
            ui.notes.update(|x| *x = !*x);
            true
        }
        "l" | "L" => {
            let other = store.lang.get_untracked().other();
            store.set_view(|v| v.lang = Some(other));
            true
        }
        "q" | "Q" => {
            ui.qr.update(|x| *x = !*x);
            true
        }
        _ => false,
    };
    if handled {
        ev.prevent_default();
    }
}

/// What the presenter toggles: notes, QR code, the number being typed.
#[derive(Clone, Copy)]
pub struct PresenterUi {
    pub notes: RwSignal<bool>,
    pub qr: RwSignal<bool>,
    pub digits: RwSignal<String>,
}

/// Installs the keys and, while presenting, shows the bar, notes and QR code: a part of the wasm
/// of its own (`presenter_bar`, ~25 KB gzip with the QR encoder), fetched when presenting starts,
/// or at once by `boot.js` for an address with `slide=` (issue #12).
#[component]
pub fn Presenter() -> impl IntoView {
    let store = use_store();
    let ui =
        PresenterUi { notes: RwSignal::new(false), qr: RwSignal::new(false), digits: RwSignal::new(String::new()) };
    provide_context(ui);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| on_key(store, ui, ev));
    on_cleanup(move || keys.remove());
    // Tell the speaker view which slide is shown, and since when we present.
    // Closed on cleanup, so that no channel outlives the presenter.
    // A speaker view opened meanwhile asks for the slide shown (`wire::SPEAKER_READY`): a
    // presenting window tells it the last message it sent.
    let last = StoredValue::new(None::<String>);
    let channel = StoredValue::new_local(web_sys::BroadcastChannel::new(CHANNEL).ok().map(|ch| {
        let reply = ch.clone();
        let on_ready =
            wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                if e.data().as_string().as_deref() == Some(wire::SPEAKER_READY) {
                    if let Some(Some(msg)) = last.try_get_value() {
                        let _ = reply.post_message(&msg.into());
                    }
                }
            });
        ch.set_onmessage(Some(on_ready.as_ref().unchecked_ref()));
        (ch, on_ready)
    }));
    on_cleanup(move || {
        if let Some(Some((ch, _on_ready))) = channel.try_update_value(Option::take) {
            ch.set_onmessage(None);
            ch.close();
        }
    });
    let post = move |msg: &str| {
        channel.with_value(|ch| {
            if let Some((ch, _)) = ch {
                let _ = ch.post_message(&msg.into());
            }
        })
    };
    let started = StoredValue::new(None::<f64>);
    Effect::new(move |_| {
        let slide = stories::current(store);
        let now = js_sys::Date::now();
        if slide.is_none() {
            started.set_value(None);
        } else if started.get_value().is_none() {
            started.set_value(Some(now));
        }
        let msg = wire::to_json(&SlideShown(slide.unwrap_or(0), started.get_value().unwrap_or(now)));
        post(&msg);
        // Only a presenting window answers (the speaker view's own window has a presenter too).
        last.set_value(slide.is_some().then_some(msg));
    });
    // A presenting window that closes (or reloads) tells the speaker view, which would otherwise
    // go on showing its last slide.
    let gone = window_event_listener(leptos::ev::pagehide, move |_| {
        if last.get_value().is_some() {
            post(&wire::to_json(&SlideShown(0, js_sys::Date::now())));
        }
    });
    on_cleanup(move || gone.remove());
    let presenting = move || stories::current(store).is_some();
    // The slot stands in for the bar while its part is on its way (or did not arrive).
    view! {
        <Show when=presenting fallback=|| ()>
            <div class="presenter-slot">{super::lazy::lazy_view(presenter_bar)}</div>
        </Show>
    }
}

view_part!(
    /// The presenting bar, notes and QR code (`PresenterBar`), as a part.
    presenter_bar,
    view! { <PresenterBar/> }
);

/// The bar over the dashboard while presenting (title, counter, controls), the notes panel and the
/// QR code; `PresenterUi` comes from `Presenter`'s context.
#[component]
fn PresenterBar() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let ui = expect_context::<PresenterUi>();
    let slide = move || {
        let n = stories::current(store)?;
        store.story.with(|s| s.as_ref()?.slides.get(n - 1).cloned())
    };
    let count = move || stories::slide_count(store);
    // No slides because the story could not load (not because it is still loading).
    let story_failed = move || count() == 0 && store.unavailable(Kind::Story);
    // The public address typed in the QR dialog (kept in this browser), else the manifest's.
    let typed_public = RwSignal::new(
        window().local_storage().ok().flatten().and_then(|st| st.get_item(PUBLIC_URL_KEY).ok().flatten()),
    );
    let qr_view = move || {
        let l = lang.get();
        // The address as the audience should open it: without slide=, so
        // phones get the view, not the presentation; never a loopback address
        // when a public one is known.
        let view = store.view.with(|v| crate::core::state::ViewState { slide: None, ..v.clone() });
        let public =
            typed_public.get().or_else(|| store.manifest.with(|m| m.as_ref().and_then(|m| m.public_url.clone())));
        let shared =
            crate::core::share::shared_address(&current_url(), public.as_deref(), &crate::core::url::encode(&view));
        let (address, loopback) = match shared {
            crate::core::share::Shared::Reachable(a) => (a, false),
            crate::core::share::Shared::LoopbackOnly(a) => (a, true),
        };
        let code = qr::encode(&address)?;
        let size = code.size;
        let warning = loopback.then(|| {
            view! {
                <div class="notice" role="alert" data-testid="qr-loopback">
                    <p>{t(l, Key::QrLoopback)}</p>
                    <label class="qr-public">
                        <span>{t(l, Key::QrPublicLabel)}</span>
                        <input
                            type="url"
                            placeholder="https://…/"
                            data-testid="qr-public-url"
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                if let Some(url) = crate::core::share::normalise_public(&value) {
                                    if let Some(st) = window().local_storage().ok().flatten() {
                                        let _ = st.set_item(PUBLIC_URL_KEY, &url);
                                    }
                                    typed_public.set(Some(url));
                                }
                            }
                        />
                    </label>
                </div>
            }
        });
        Some(view! {
            <div class="qr-overlay" role="dialog" aria-modal="false" aria-labelledby="qr-title" data-testid="qr">
                // Closed by touch too: on a phone the panel covers the bar's QR button.
                <button class="qr-close" data-testid="qr-close" on:click=move |_| ui.qr.set(false)>{t(l, Key::Dismiss)}</button>
                <h2 id="qr-title">{t(l, Key::QrCode)}</h2>
                {warning}
                <svg id="svg-qr" viewBox=format!("0 0 {size} {size}") width="360" height="360" role="img"
                    aria-label=t(l, Key::QrCode) shape-rendering="crispEdges">
                    <rect width=size height=size fill="#ffffff"/>
                    <path d=code.path fill="#000000"/>
                </svg>
                <p>{t(l, Key::QrHint)}</p>
                <p class="qr-url" data-testid="qr-url">{address}</p>
            </div>
        })
    };
    view! {
            <div class="presenter-bar" role="region" aria-label=move || t(lang.get(), Key::Present) data-testid="presenter">
                <p class="slide-counter" data-testid="slide-counter" aria-live="polite">
                    // Until the story has loaded there is no count to show; if it cannot load, say so
                    // here (the datasets panel is hidden while presenting), with its retry.
                    {move || {
                        let l = lang.get();
                        match count() {
                            0 if story_failed() => t(l, Key::StoryUnavailable).to_string(),
                            0 => t(l, Key::Loading).to_string(),
                            n => format!("{} {} / {n}", t(l, Key::SlideOf), stories::current(store).unwrap_or(0)),
                        }
                    }}
                    {move || (!ui.digits.get().is_empty()).then(|| format!(" → {}", ui.digits.get()))}
                </p>
                <Show when=story_failed fallback=|| ()>
                    <button class="retry" data-testid="retry-story-presenting"
                        on:click=move |_| crate::app::pipeline::retry(store, crate::core::pipeline::Row::Dataset(Kind::Story))>
                        {move || t(lang.get(), Key::Retry)}
                    </button>
                </Show>
                <h2 class="slide-title" data-testid="slide-title">
                    {move || slide().map(|s| s.title.get(lang.get()).to_string()).unwrap_or_default()}
                </h2>
                <div class="presenter-tools">
                    <button data-testid="prev-slide" on:click=move |_| stories::go_to(store, stories::current(store).unwrap_or(1).saturating_sub(1).max(1))
                        aria-label=move || t(lang.get(), Key::PrevSlide)>"←"</button>
                    <button data-testid="next-slide" on:click=move |_| stories::go_to(store, stories::current(store).unwrap_or(0) + 1)
                        aria-label=move || t(lang.get(), Key::NextSlide)>"→"</button>
                    <button data-testid="reset-slide" on:click=move |_| stories::go_to(store, stories::current(store).unwrap_or(1))>
                        {move || t(lang.get(), Key::ResetSlide)}</button>
                    <button aria-pressed=move || ui.notes.get().to_string() on:click=move |_| ui.notes.update(|x| *x = !*x)>
                        {move || t(lang.get(), Key::Notes)}</button>
                    <button data-testid="qr-button" aria-pressed=move || ui.qr.get().to_string() on:click=move |_| ui.qr.update(|x| *x = !*x)>
                        {move || t(lang.get(), Key::QrCode)}</button>
                    <button on:click=move |_| open_speaker(lang.get_untracked())>{move || t(lang.get(), Key::SpeakerView)}</button>
                    <button on:click=move |_| toggle_fullscreen()>{move || t(lang.get(), Key::Fullscreen)}</button>
                    <button data-testid="presenter-lang" on:click=move |_| store.set_view(|v| v.lang = Some(lang.get_untracked().other()))>
                        <span lang=move || lang.get().other().code()>{move || t(lang.get(), Key::OtherLanguageShort)}</span>
                    </button>
                    <button data-testid="exit-presenting" on:click=move |_| { stories::stop(store); store.projector.set(false); }>
                        {move || t(lang.get(), Key::ExitPresenting)}</button>
                </div>
            </div>
            <Show when=move || ui.notes.get() fallback=|| ()>
                <aside class="notes-panel" data-testid="notes" aria-label=move || t(lang.get(), Key::Notes)>
                    {move || slide().map(|s| s.notes.get(lang.get()).to_string()).filter(|n| !n.is_empty())
                        .unwrap_or_else(|| t(lang.get(), Key::NoNotes).to_string())}
                </aside>
            </Show>
            <Show when=move || ui.qr.get() fallback=|| ()>{qr_view}</Show>
    }
}
