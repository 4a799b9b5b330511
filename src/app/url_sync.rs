//! Keeps the URL query string and the view state in step: every change is a
//! history entry, back/forward restore the state, and a shared link opens
//! exactly the same view. Malformed parameters become quiet notices.

use leptos::prelude::*;

use crate::core::state::{Notice, ViewState};
use crate::core::url::{changed_params, coalesce, decode, encode};

fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// The state in the address bar when the app starts, with notices for what was ignored.
pub fn initial() -> (ViewState, Vec<Notice>) {
    decode(&current_query())
}

/// Mirrors `view` into the URL and listens to back/forward. `notices` gets
/// the parameters ignored when the URL changes under us.
pub fn sync(view: RwSignal<ViewState>, notices: RwSignal<Vec<Notice>>) {
    let mut first = true;
    // The state last written, the parameters its change touched, and when.
    let mut last: Option<(ViewState, Vec<String>, f64)> = None;
    Effect::new(move |_| {
        let state = view.get();
        let query = encode(&state);
        if query != current_query() {
            let url = if query.is_empty() { window().location().pathname().unwrap_or_default() } else { query };
            let now = super::js::now_ms();
            let keys = last.as_ref().map(|(prev, _, _)| changed_params(prev, &state)).unwrap_or_default();
            // Rapid changes of the same control (arrow keys in a select) replace one entry.
            let merge = last.as_ref().is_some_and(|(_, prev_keys, at)| coalesce(prev_keys, &keys, now - at));
            if let Ok(h) = window().history() {
                // The first write cleans up a hand-edited URL without a new entry.
                let _ = if first || merge {
                    h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                } else {
                    h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                };
            }
            last = Some((state, keys, now));
        } else {
            // Back/forward or the first run: the next change starts a new entry.
            last = Some((state, Vec::new(), super::js::now_ms()));
        }
        first = false;
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let (v, n) = decode(&current_query());
        notices.set(n);
        view.set(v);
    });
    on_cleanup(move || handle.remove());
}
