//! The dataset worker's WebAssembly module: trunk builds it beside the app's (`index.html`,
//! `data-type="worker"`), and `src/js/worker.js` loads it in a Web Worker. It exports one function,
//! `vagas_worker(message, bytes) -> Array`, which is `app::checker::handle`: the checks of a user's
//! file (CSV reader, decoding, located problems) live here and not in the page's module.

#[cfg(target_arch = "wasm32")]
mod export {
    use wasm_bindgen::prelude::*;

    /// One message from the page (`core::wire::ToWorker`, as a JS value; `bytes`: the file of a
    /// check) → the reply to post: a `core::wire::Checked` and its binary parts, or an empty array.
    #[wasm_bindgen]
    pub fn vagas_worker(message: JsValue, bytes: &[u8]) -> js_sys::Array {
        vagas::app::checker::handle(message, bytes)
    }
}

/// Nothing to start: the worker calls `vagas_worker` for each message.
fn main() {}
