//! The hand-over from the static first paint (`index.html`'s `#boot`, `src/js/boot.js`) to the
//! app. On the landing view `index.html` shows the headline figures baked in at build time
//! (`core::headlines::first_view`); the app then keeps that paint up (the `boot-hold` class on
//! `<html>`, set by `boot.js` at mount) until its own figures are ready or cannot be, so the
//! visitor never sees the figures give way to a loading state. `boot.js` also lets go after 10 s
//! whatever happens.
//!
//! And one flag for `boot.js`, in localStorage: whether this browser keeps datasets of the user's
//! (`vagas-own-data`), in which case the landing view's figures will not be the bundled ones and
//! none are shown before the app has its own.

use leptos::prelude::*;

/// The localStorage key `boot.js` reads: `"1"` while the user has datasets kept in this browser.
pub const OWN_DATA_KEY: &str = "vagas-own-data";

/// Removes the static first paint and lets the app show (idempotent).
pub fn release() {
    let doc = document();
    if let Some(el) = doc.document_element() {
        let _ = el.class_list().remove_1("boot-hold");
    }
    if let Some(boot) = doc.get_element_by_id("boot") {
        boot.remove();
    }
}

/// Records whether the user has datasets kept in this browser (storage errors ignored: the flag
/// only decides whether the baked figures may be shown first).
pub fn set_own_data(kept: bool) {
    if let Some(st) = window().local_storage().ok().flatten() {
        let _ = if kept { st.set_item(OWN_DATA_KEY, "1") } else { st.remove_item(OWN_DATA_KEY) };
    }
}
