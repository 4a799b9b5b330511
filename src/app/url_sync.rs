//! Keeps the URL query string and the view state in step: every change is a
//! history entry, back/forward restore the state, and a shared link opens
//! exactly the same view. Malformed parameters become quiet notices.

use leptos::prelude::*;

use crate::view_state::{decode, encode, Notice, ViewState};

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
    Effect::new(move |_| {
        let query = view.with(encode);
        if query != current_query() {
            let url = if query.is_empty() { window().location().pathname().unwrap_or_default() } else { query };
            let history = window().history();
            if let Ok(h) = history {
                // The first write cleans up a hand-edited URL without a new entry.
                let _ = if first {
                    h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                } else {
                    h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                };
            }
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
