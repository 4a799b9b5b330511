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
/// together, as one entry if any of them would have started one. A quick change back to the
/// address of the entry before (a control set and reset within a second, `core::url::coalesce`)
/// steps back to that entry instead of leaving two equal ones.
pub fn sync(view: RwSignal<ViewState>, notices: RwSignal<Vec<Notice>>) {
    let mut first = true;
    // The state last written, the parameters its change touched, and when.
    let mut last: Option<(ViewState, Vec<String>, f64)> = None;
    // The write waiting for the next frame: the URL, and whether it replaces the current entry.
    let pending = StoredValue::new(None::<(String, bool)>);
    // The address of the entry under the current one, when this code pushed the current one.
    let below = StoredValue::new(None::<String>);
    // A step back taken here, whose popstate has not arrived yet.
    let stepping = StoredValue::new(false);
    let flush = move || {
        let Some((url, replace)) = pending.try_update_value(Option::take).flatten() else { return };
        let Ok(h) = window().history() else { return };
        let here = match current_query() {
            q if q.is_empty() => window().location().pathname().unwrap_or_default(),
            q => q,
        };
        if replace && below.with_value(|b| b.as_deref() == Some(url.as_str())) {
            // A quick change back to where the entry before was (a control set and reset within
            // a second): step back to that entry rather than leave two equal ones.
            below.set_value(None);
            stepping.set_value(h.back().is_ok());
        } else if replace {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        } else {
            below.set_value(Some(here));
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
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
        // Our own step back: the view is already that entry's, and a change made since is
        // written next (it must not be undone by the address it left).
        if stepping.try_update_value(std::mem::take).unwrap_or(false) && pending.with_value(Option::is_some) {
            return;
        }
        // The address bar is the truth now: a write still waiting is dropped, and what is under
        // this entry is not known.
        pending.set_value(None);
        below.set_value(None);
        let (v, n) = decode(&current_query());
        notices.set(n);
        view.set(v);
    });
    on_cleanup(move || handle.remove());
}
