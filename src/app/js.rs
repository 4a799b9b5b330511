//! Small helpers for JS objects and the clock, shared by the worker bridge,
//! the user's datasets and the timings.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// Sets `o[k] = v` (a failure is impossible on a plain object and ignored).
pub fn set(o: &Object, k: &str, v: impl Into<JsValue>) {
    let _ = Reflect::set(o, &JsValue::from_str(k), &v.into());
}

/// `o[k]`, or `undefined`.
pub fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

/// Milliseconds since the page loaded (0 where there is no clock).
pub fn now_ms() -> f64 {
    leptos::prelude::window().performance().map_or(0.0, |p| p.now())
}

/// Resolves in a new task (`setTimeout(0)`), so that the browser can paint and answer input
/// before the caller goes on: between validating a dataset and rendering what it changes, the
/// main thread is free instead of busy for both at once.
pub async fn next_task() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}
