//! The measured width of an element, kept up to date by a `ResizeObserver`, so charts lay out for the
//! pixels they really have (and text is never scaled down by a `viewBox`); and whether it is on
//! screen, by an `IntersectionObserver`.

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
    keep_observing(node, callback, observer, |o, el| o.observe(el), |o| o.disconnect());
}

/// Keeps `on_screen` true while `node` is within 200 CSS pixels of the viewport, by an
/// `IntersectionObserver` (false while it is far off screen or hidden). It starts true, so a chart is
/// drawn in full until the first observation says otherwise. Charts use it to draw a filter change
/// where the user is looking first ([`crate::ui::frame::ChartSize::follow`], issue #12). Disconnected
/// when the owner is cleaned up; a browser without the observer leaves it true.
pub fn observe_on_screen(node: NodeRef<Div>, on_screen: RwSignal<bool>) {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The last entry is the newest state of the one element observed.
        let last = entries.length().checked_sub(1).map(|i| entries.get(i));
        let Some(entry) = last.and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok()) else { return };
        let now = entry.is_intersecting();
        if now != on_screen.get_untracked() {
            on_screen.set(now);
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("200px 0px");
    let observer = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok();
    keep_observing(node, callback, observer, |o, el| o.observe(el), |o| o.disconnect());
}

/// The lifecycle both observers share: `observer` (built with `callback`) observes `node` once it is
/// mounted, and is disconnected when the owner is cleaned up, after which `callback` is dropped, so
/// no callback can run any more. A browser without the observer (`None`) leaves the signal as it is.
fn keep_observing<O: 'static>(
    node: NodeRef<Div>,
    callback: Closure<dyn FnMut(js_sys::Array)>,
    observer: Option<O>,
    observe: fn(&O, &web_sys::Element),
    disconnect: fn(&O),
) {
    let observer = StoredValue::new_local(observer);
    let callback = StoredValue::new_local(Some(callback));
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            observer.with_value(|o| {
                if let Some(o) = o {
                    observe(o, &el);
                }
            });
        }
    });
    on_cleanup(move || {
        observer.with_value(|o| {
            if let Some(o) = o {
                disconnect(o);
            }
        });
        callback.update_value(|c| *c = None);
    });
}
