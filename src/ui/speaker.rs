//! The speaker view, a second window: the current slide's notes, the next
//! slide's title and the time since the presentation started, following the
//! main window through a BroadcastChannel.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::store::use_store;
use crate::core::i18n::{t, Key};
use crate::core::wire::{self, SlideShown};

use super::presenter::CHANNEL;

/// The presenter's channel, calling `on` with each typed message (others are ignored); `None`
/// where the browser has no BroadcastChannel. The handler must live as long as the channel.
type Listening = (web_sys::BroadcastChannel, Closure<dyn FnMut(web_sys::MessageEvent)>);

fn listen(mut on: impl FnMut(SlideShown) + 'static) -> Option<Listening> {
    let ch = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
    let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        if let Some(m) = e.data().as_string().and_then(|t| wire::from_json::<SlideShown>(&t)) {
            on(m);
        }
    });
    ch.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // Asks a presenting window for the slide it shows (`wire::SPEAKER_READY`).
    let _ = ch.post_message(&wire::SPEAKER_READY.into());
    Some((ch, handler))
}

#[component]
pub fn SpeakerView() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let slide = RwSignal::new(0usize);
    let started = RwSignal::new(None::<f64>);
    let now = RwSignal::new(js_sys::Date::now());
    // Listens while the view is shown: the channel is closed and its handler dropped on cleanup.
    let channel = StoredValue::new_local(listen(move |m: SlideShown| {
        let SlideShown(n, since) = m;
        slide.set(n);
        started.set(Some(since));
    }));
    on_cleanup(move || {
        if let Some(Some((ch, _handler))) = channel.try_update_value(Option::take) {
            ch.set_onmessage(None);
            ch.close();
        }
    });
    let tick = set_interval_with_handle(move || now.set(js_sys::Date::now()), std::time::Duration::from_secs(1)).ok();
    on_cleanup(move || {
        if let Some(h) = tick {
            h.clear();
        }
    });
    let nth = move |n: usize| store.story.with(|s| s.as_ref().and_then(|s| s.slides.get(n.checked_sub(1)?).cloned()));
    let elapsed = move || {
        let secs = started.get().map_or(0.0, |s| (now.get() - s) / 1000.0).max(0.0) as u64;
        format!("{:02}:{:02}", secs / 60, secs % 60)
    };
    view! {
        <section class="panel speaker" data-testid="speaker">
            <Show when=move || { slide.get() > 0 } fallback=move || view! { <p class="empty">{move || t(lang.get(), Key::SpeakerWaiting)}</p> }>
                <p class="slide-counter">{move || format!("{} {} / {}", t(lang.get(), Key::SlideOf), slide.get(), crate::app::stories::slide_count(store))}</p>
                <h2>{move || nth(slide.get()).map(|s| s.title.get(lang.get()).to_string()).unwrap_or_default()}</h2>
                <div class="speaker-notes" data-testid="speaker-notes">
                    {move || nth(slide.get()).map(|s| s.notes.get(lang.get()).to_string()).filter(|n| !n.is_empty())
                        .unwrap_or_else(|| t(lang.get(), Key::NoNotes).to_string())}
                </div>
                <p><strong>{move || t(lang.get(), Key::NextUp)} ": "</strong>
                    {move || nth(slide.get() + 1).map(|s| s.title.get(lang.get()).to_string()).unwrap_or_else(|| t(lang.get(), Key::EndOfStory).to_string())}
                </p>
            </Show>
            <p class="timer" aria-live="off"><strong>{move || t(lang.get(), Key::Elapsed)} ": "</strong><span data-testid="timer">{elapsed}</span></p>
        </section>
    }
}
