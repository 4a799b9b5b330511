//! The measured width of an element, kept up to date by a `ResizeObserver`, so charts lay out for the
//! pixels they really have (and text is never scaled down by a `viewBox`).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Keeps `width` equal to the content width of `node` in CSS pixels once it is measured. Widths of 0
/// (the element hidden, e.g. while its table is shown) keep the last width. The observer is disconnected
/// when the owner is cleaned up.
pub fn observe_width(node: NodeRef<Div>, width: RwSignal<f64>) {
    let set_width = width;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>().ok() else { return };
        let w = entry.content_rect().width().floor();
        if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
            set_width.set(w);
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
    let observer = StoredValue::new_local(observer);
    let callback = StoredValue::new_local(Some(callback));
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            observer.with_value(|o| {
                if let Some(o) = o {
                    o.observe(&el);
                }
            });
        }
    });
    on_cleanup(move || {
        observer.with_value(|o| {
            if let Some(o) = o {
                o.disconnect();
            }
        });
        // Dropping the closure after disconnecting: no callback can run any more.
        callback.update_value(|c| *c = None);
    });
}
