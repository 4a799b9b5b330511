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
///
/// The history entry is written after the next frame, not in the change's own task: a
/// `pushState`/`replaceState` costs ~4 ms per change here (Chromium), which the frame that shows
/// the change would otherwise wait for (issue #12). Changes made before the write are written
/// together, as one entry if any of them would have started one.
pub fn sync(view: RwSignal<ViewState>, notices: RwSignal<Vec<Notice>>) {
    let mut first = true;
    // The state last written, the parameters its change touched, and when.
    let mut last: Option<(ViewState, Vec<String>, f64)> = None;
    // The write waiting for the next frame: the URL, and whether it replaces the current entry.
    let pending = StoredValue::new(None::<(String, bool)>);
    let flush = move || {
        let Some((url, replace)) = pending.try_update_value(Option::take).flatten() else { return };
        if let Ok(h) = window().history() {
            let _ = if replace {
                h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
    };
    Effect::new(move |_| {
        let state = view.get();
        let query = encode(&state);
        if query != current_query() {
            let url = if query.is_empty() { window().location().pathname().unwrap_or_default() } else { query };
            let now = super::js::now_ms();
            let keys = last.as_ref().map(|(prev, _, _)| changed_params(prev, &state)).unwrap_or_default();
            // Rapid changes of the same control (arrow keys in a select) replace one entry.
            let merge = last.as_ref().is_some_and(|(_, prev_keys, at)| coalesce(prev_keys, &keys, now - at));
            // The first write cleans up a hand-edited URL without a new entry.
            let replace = first || merge;
            let scheduled = pending.with_value(Option::is_some);
            // A write still waiting makes one entry with this one (a new entry if either starts one).
            pending.update_value(|p| {
                let replace = replace && p.as_ref().is_none_or(|(_, r)| *r);
                *p = Some((url, replace));
            });
            if !scheduled {
                request_animation_frame(move || set_timeout(flush, std::time::Duration::ZERO));
            }
            last = Some((state, keys, now));
        } else {
            // Back/forward, the first run, or back where the address bar is before a write.
            pending.set_value(None);
            last = Some((state, Vec::new(), super::js::now_ms()));
        }
        first = false;
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        // The address bar is the truth now: a write still waiting is dropped.
        pending.set_value(None);
        let (v, n) = decode(&current_query());
        notices.set(n);
        view.set(v);
    });
    on_cleanup(move || handle.remove());
}
