//! The browser's storage for the user's datasets (IndexedDB, through `idb.js`), so they survive
//! a reload until removed. Each record is a typed `wire::Stored` (as JSON) and the dataset's
//! bytes; every failure comes back as the browser's message (quota errors by name).

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::wire::{self, Stored};

use super::error::js_message;

#[wasm_bindgen(module = "/src/js/idb.js")]
extern "C" {
    #[wasm_bindgen(js_name = idbPut, catch)]
    fn idb_put(meta: &str, bytes: &ArrayBuffer) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbAll, catch)]
    fn idb_all() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbCount, catch)]
    fn idb_count() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbDelete, catch)]
    fn idb_delete(id: f64) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbClear, catch)]
    fn idb_clear() -> Result<js_sys::Promise, JsValue>;
}

async fn run(p: Result<js_sys::Promise, JsValue>) -> Result<JsValue, String> {
    JsFuture::from(p.map_err(|e| js_message(&e))?).await.map_err(|e| js_message(&e))
}

/// Stores (or replaces) a dataset's record and bytes.
pub async fn put(meta: &Stored, bytes: &Uint8Array) -> Result<(), String> {
    run(idb_put(&wire::to_json(meta), &bytes.buffer())).await.map(|_| ())
}

/// Every stored dataset with its bytes, in no particular order. Records that do not read as a
/// dataset (another version's, damaged) are left out.
pub async fn all() -> Result<Vec<(Stored, Uint8Array)>, String> {
    let records = js_sys::Array::from(&run(idb_all()).await?);
    Ok(records
        .iter()
        .filter_map(|pair| {
            let pair = pair.dyn_into::<js_sys::Array>().ok()?;
            let meta: Stored = wire::from_json(&pair.get(0).as_string()?)?;
            let bytes = pair.get(1).dyn_into::<ArrayBuffer>().ok()?;
            Some((meta, Uint8Array::new(&bytes)))
        })
        .collect())
}

/// How many datasets are stored; `None` if the storage cannot be read (its message is then given
/// by [`all`]).
pub async fn count() -> Option<u32> {
    run(idb_count()).await.ok()?.as_f64().map(|n| n as u32)
}

/// Where the last dataset id given is kept (localStorage, read and written at once).
const LAST_ID_KEY: &str = "vagas.lastDatasetId";

/// A new id for a user's dataset, above `after` (the last this page gave), the current second and
/// the last id any page of this browser gave: a file picked before the stored datasets are read
/// back never takes the id of one of them (it would overwrite it in storage, and its row would
/// never leave "checking"). Without localStorage, above `after` and the current second.
pub fn new_id(after: u32) -> u32 {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let kept = storage.as_ref().and_then(|s| s.get_item(LAST_ID_KEY).ok().flatten()).and_then(|t| t.parse().ok());
    let id = after.max(kept.unwrap_or(0)).max((js_sys::Date::now() / 1000.0) as u32 % 2_000_000_000) + 1;
    if let Some(s) = storage {
        let _ = s.set_item(LAST_ID_KEY, &id.to_string());
    }
    id
}

/// Removes the dataset `id` (a failure leaves it for the next visit to show).
pub async fn delete(id: u32) {
    let _ = run(idb_delete(f64::from(id))).await;
}

/// Removes every stored dataset.
pub async fn clear() {
    let _ = run(idb_clear()).await;
}
