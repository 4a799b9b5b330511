//! Small helpers for JS objects, the clock and the timings benchmarks read, shared by the worker
//! bridge, the user's datasets, the pipeline and the derived memos.

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

/// Exposes the last duration of a step as `window.__vagas_timings[name]`
/// (read by scripts/bench-browser.mjs; speed is measured, not asserted).
pub fn record_timing(name: &str, ms: f64) {
    let w = leptos::prelude::window();
    let key = wasm_bindgen::JsValue::from_str("__vagas_timings");
    let obj =
        js_sys::Reflect::get(&w, &key).ok().filter(|v| v.is_object()).unwrap_or_else(|| js_sys::Object::new().into());
    let _ = js_sys::Reflect::set(&obj, &wasm_bindgen::JsValue::from_str(name), &wasm_bindgen::JsValue::from_f64(ms));
    let _ = js_sys::Reflect::set(&w, &key, &obj);
}

/// Runs `f` as a User Timing measure named `name` (`performance.measure`: in the browser's
/// profiler, and read by benchmarks; speed is measured, never asserted).
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let perf = leptos::prelude::window().performance();
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    if let Some(p) = &perf {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &perf {
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
    out
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
