//! The story being edited and presented: the bundled one until the user
//! changes it, then kept in the browser (localStorage) until reset; slides
//! added from the current view, imported and exported as `vagas.story` files;
//! and moving through the slides while presenting.

use leptos::prelude::*;

use crate::core::data::{Report, Text};
use crate::core::state::ViewState;
use crate::core::story::{self, Slide, Story};

use super::store::Store;

const KEY: &str = "vagas.story";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The bundled story arrived: use it unless the user has one of their own.
pub fn bundled_loaded(store: Store, bundled: Story) {
    // The saved copy was checked when it was made; it may have no slides yet.
    let saved = storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|t| serde_json::from_str::<Story>(&t).ok())
        .filter(|s| s.format == story::FORMAT && s.slides.len() <= story::MAX_SLIDES);
    store.bundled_story.set(Some(bundled.clone()));
    store.story.set(Some(saved.unwrap_or(bundled)));
    // Opened as "?slide=3" (a bookmark, a clicker's start page): show that
    // slide's saved view. A full address keeps what it says.
    let bare = store.view.with_untracked(|v| v.slide.filter(|_| v.as_slide() == ViewState::default()));
    if let Some(n) = bare {
        go_to(store, n);
    }
}

/// Changes the story and keeps the result in the browser. An error (storage
/// full or disabled) is returned for the caller to show.
pub fn edit(store: Store, f: impl FnOnce(&mut Story)) -> Result<(), String> {
    let mut s = store.story.get_untracked().unwrap_or_else(|| {
        Story::new(Text::new(
            crate::core::i18n::t(crate::core::data::Lang::Pt, crate::core::i18n::Key::MyPresentation),
            crate::core::i18n::t(crate::core::data::Lang::En, crate::core::i18n::Key::MyPresentation),
        ))
    });
    f(&mut s);
    let text = s.to_json();
    store.story.set(Some(s));
    match storage() {
        Some(st) => st.set_item(KEY, &text).map_err(|e| format!("{e:?}")),
        None => Err("no local storage in this browser".into()),
    }
}

/// Adds the current view as a slide at the end; returns its number.
pub fn add_current_view(store: Store, title: Text) -> Result<usize, String> {
    let view = store.view.get_untracked();
    let mut n = 0;
    edit(store, |s| {
        s.slides.push(Slide::from_view(title, &view));
        n = s.slides.len();
    })?;
    Ok(n)
}

/// Back to the bundled story.
pub fn reset(store: Store) {
    if let Some(st) = storage() {
        let _ = st.remove_item(KEY);
    }
    store.story.set(store.bundled_story.get_untracked());
}

/// Replaces the story with an imported file, if it is valid.
pub fn import(store: Store, name: &str, text: &str) -> Result<(), Report> {
    let (s, _) = story::load(name, text)?;
    edit(store, |x| *x = s).map_err(|e| {
        let mut r = Report::new(name);
        r.push(crate::core::data::Problem::error(
            crate::core::data::path::JsonPath::root(),
            crate::core::data::ProblemKind::Missing { what: format!("room in the browser's storage ({e})") },
        ));
        r
    })
}

pub fn slide_count(store: Store) -> usize {
    store.story.with(|s| s.as_ref().map_or(0, |s| s.slides.len()))
}

/// Shows slide `n` (1-based, clamped): its saved view, in the current language.
pub fn go_to(store: Store, n: usize) {
    let count = slide_count(store);
    if count == 0 {
        return;
    }
    let n = n.clamp(1, count);
    let Some(saved) = store.story.with_untracked(|s| s.as_ref().and_then(|s| s.slides.get(n - 1)).map(Slide::state))
    else {
        return;
    };
    let lang = store.view.with_untracked(|v| v.lang);
    store.set_view(|v| *v = ViewState::for_slide(&saved, lang, n));
}

/// Starts presenting at the first slide. A story that could not load is presented all the same:
/// the bar says so, with a retry, and slide 1's view follows once it arrives (`bundled_loaded`).
pub fn present(store: Store) {
    store.projector.set(true);
    if slide_count(store) == 0 {
        store.set_view(|v| *v = ViewState { slide: Some(1), lang: v.lang, ..ViewState::default() });
        return;
    }
    go_to(store, 1);
}

/// Whether presenting can start: the story has slides, or could not load (presenting then says
/// so, with a retry). While it is loading, not yet.
pub fn can_present(store: Store) -> bool {
    slide_count(store) > 0 || store.unavailable(crate::core::data::manifest::Kind::Story)
}

/// Leaves presenting, staying on the current view.
pub fn stop(store: Store) {
    store.set_view(|v| v.slide = None);
}

/// The current slide, 1-based, while presenting.
pub fn current(store: Store) -> Option<usize> {
    store.view.with(|v| v.slide)
}
