//! Datasets the user brings (files, dropped or picked, and `data=` URLs):
//! read → checked in the worker → layered over the bundled data → kept in
//! the browser's storage (IndexedDB) until removed. A failure stays on its
//! own row; nothing already loaded is touched.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

use js_sys::{Object, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::data::ingest::{self, Data, Sniffed};
use crate::core::data::manifest::{self, Kind};
use crate::core::data::merge::Mode;

use super::js::{get, now_ms, set};
use super::store::{Failure, Saved, Store, UserData, UserDataset, UserState};

#[wasm_bindgen(module = "/src/js/idb.js")]
extern "C" {
    #[wasm_bindgen(js_name = idbPut, catch)]
    fn idb_put(record: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbAll, catch)]
    fn idb_all() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbDelete, catch)]
    fn idb_delete(id: f64) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbClear, catch)]
    fn idb_clear() -> Result<js_sys::Promise, JsValue>;
}

/// A URL that does not answer within this time is reported as timed out.
const TIMEOUT_S: u32 = 30;

thread_local! {
    /// The bytes of each dataset, kept to re-check (keep the valid records)
    /// and to store; outside the reactive store since they are JS memory.
    static BYTES: RefCell<HashMap<u32, Uint8Array>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
    /// Datasets read before the code lists arrived (id, save): checked as
    /// soon as they arrive, or failed if they cannot.
    static PENDING: RefCell<Vec<(u32, bool)>> = const { RefCell::new(Vec::new()) };
}

/// Ids unique across visits (they key the stored datasets).
fn new_id() -> u32 {
    NEXT_ID.with(|n| {
        let id = n.get().max((js_sys::Date::now() / 1000.0) as u32 % 2_000_000_000) + 1;
        n.set(id);
        id
    })
}

fn row(id: u32, name: &str, from_url: bool, mode: Mode, bytes: usize) -> UserDataset {
    UserDataset {
        id,
        name: name.to_string(),
        from_url,
        mode,
        keep_valid: false,
        state: UserState::Checking { started: now_ms(), bytes },
        saved: Saved::No,
        manifest_meta: None,
    }
}

/// Called once the code lists are loaded: datasets stored on earlier visits
/// come back, then the `data=` address (if any) is loaded.
pub fn codes_ready(store: Store) {
    // Files picked or dropped while the code lists were loading: check them now.
    for (id, save) in PENDING.with(|p| std::mem::take(&mut *p.borrow_mut())) {
        spawn_local(check(store, id, save));
    }
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    spawn_local(async move {
        restore(store).await;
        if let Some(url) = store.view.with_untracked(|v| v.data.clone()) {
            load_url(store, url).await;
        }
    });
}

/// Called when the code lists could not be loaded: the files waiting for
/// them fail with that reason (a retry that succeeds checks new files).
pub fn codes_failed(store: Store) {
    for (id, _) in PENDING.with(|p| std::mem::take(&mut *p.borrow_mut())) {
        store.update_user(id, |d| d.state = UserState::Failed(Failure::NoCodes));
    }
}

/// Loads files picked or dropped by the user, each in `mode`.
pub fn load_files(store: Store, files: Vec<web_sys::File>, mode: Mode) {
    for file in files {
        let id = new_id();
        let name = file.name();
        store.user.update(|u| u.push(row(id, &name, false, mode, file.size() as usize)));
        spawn_local(async move {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buf) => {
                    let bytes = Uint8Array::new(&buf);
                    BYTES.with(|b| b.borrow_mut().insert(id, bytes));
                    check(store, id, true).await;
                }
                Err(e) => {
                    let msg = e.as_string().unwrap_or_else(|| format!("{e:?}"));
                    store.update_user(id, |d| d.state = UserState::Failed(Failure::Read(msg)));
                }
            }
        });
    }
}

/// Checks the bytes of dataset `id` and applies the outcome; `save` keeps an
/// accepted dataset in the browser's storage.
async fn check(store: Store, id: u32, save: bool) {
    let Some(bytes) = BYTES.with(|b| b.borrow().get(&id).cloned()) else { return };
    let (Some(codes), Some(codes_text)) = (store.codes.get_untracked(), store.codes_text.get_untracked()) else {
        // Not loaded yet: queued, and checked by `codes_ready` (or failed by `codes_failed`).
        PENDING.with(|p| p.borrow_mut().push((id, save)));
        return;
    };
    let Some((name, keep_valid)) =
        store.user.with_untracked(|u| u.iter().find(|d| d.id == id).map(|d| (d.name.clone(), d.keep_valid)))
    else {
        return;
    };
    let started = now_ms();
    store.update_user(id, |d| d.state = UserState::Checking { started, bytes: bytes.length() as usize });
    let outcome = super::worker::check(&name, &bytes, &codes_text, &codes, keep_valid).await;
    let ms = now_ms() - started;
    let state = match outcome {
        Ok(i) => {
            let data = match i.data {
                Data::Labour(l) => UserData::Labour(Arc::new(l)),
                Data::Consultations(c) => UserData::Consultations(Arc::new(c)),
                Data::Indicators(x) => UserData::Indicators(Arc::new(x)),
            };
            UserState::Ready { data, report: i.report, ms }
        }
        Err(r) => UserState::Rejected { report: r.report, salvage: r.salvage },
    };
    let ready = matches!(state, UserState::Ready { .. });
    store.update_user(id, |d| d.state = state);
    if ready && save {
        persist(store, id).await;
    }
}

/// The user chose to keep the valid records of a rejected dataset.
pub fn keep_valid(store: Store, id: u32) {
    store.update_user(id, |d| d.keep_valid = true);
    let from_url = store.user.with_untracked(|u| u.iter().any(|d| d.id == id && d.from_url));
    spawn_local(check(store, id, !from_url));
}

/// Switches a dataset between replacing and adding to the data below it.
pub fn set_mode(store: Store, id: u32, mode: Mode) {
    store.update_user(id, |d| d.mode = mode);
    let stored = store.user.with_untracked(|u| u.iter().any(|d| d.id == id && d.saved == Saved::Yes));
    if stored {
        spawn_local(persist(store, id));
    }
}

pub fn remove(store: Store, id: u32) {
    store.user.update(|u| u.retain(|d| d.id != id));
    BYTES.with(|b| b.borrow_mut().remove(&id));
    spawn_local(async move {
        if let Ok(p) = idb_delete(f64::from(id)) {
            let _ = JsFuture::from(p).await;
        }
    });
}

/// Back to the bundled data: every loaded dataset removed, storage cleared.
pub fn clear(store: Store) {
    store.user.set(Vec::new());
    BYTES.with(|b| b.borrow_mut().clear());
    if store.view.with_untracked(|v| v.data.is_some()) {
        store.set_view(|v| v.data = None);
    }
    spawn_local(async move {
        if let Ok(p) = idb_clear() {
            let _ = JsFuture::from(p).await;
        }
    });
}

/// Stores dataset `id`; a refusal (quota, private browsing) is shown on its row.
async fn persist(store: Store, id: u32) {
    let Some(bytes) = BYTES.with(|b| b.borrow().get(&id).cloned()) else { return };
    let Some((name, mode, keep)) =
        store.user.with_untracked(|u| u.iter().find(|d| d.id == id).map(|d| (d.name.clone(), d.mode, d.keep_valid)))
    else {
        return;
    };
    let rec = Object::new();
    set(&rec, "id", id);
    set(&rec, "name", name);
    set(&rec, "mode", if mode == Mode::Add { "add" } else { "replace" });
    set(&rec, "keepValid", keep);
    set(&rec, "bytes", bytes.buffer());
    let result = match idb_put(&rec) {
        Ok(p) => JsFuture::from(p).await.map(|_| ()),
        Err(e) => Err(e),
    };
    let saved = match result {
        Ok(()) => Saved::Yes,
        Err(e) => Saved::Failed(e.as_string().unwrap_or_else(|| format!("{e:?}"))),
    };
    store.update_user(id, |d| d.saved = saved);
}

/// Brings back the datasets stored on earlier visits, in the order loaded.
async fn restore(store: Store) {
    let Ok(p) = idb_all() else { return };
    let records = match JsFuture::from(p).await {
        Ok(v) => js_sys::Array::from(&v),
        Err(e) => {
            web_sys::console::warn_2(&"Stored datasets could not be read:".into(), &e);
            return;
        }
    };
    let mut rows: Vec<(u32, String, Mode, bool, Uint8Array)> = records
        .iter()
        .filter_map(|r| {
            let id = get(&r, "id").as_f64()? as u32;
            let bytes = get(&r, "bytes").dyn_into::<js_sys::ArrayBuffer>().ok()?;
            let mode = if get(&r, "mode").as_string().as_deref() == Some("add") { Mode::Add } else { Mode::Replace };
            let keep = get(&r, "keepValid").as_bool().unwrap_or(false);
            Some((id, get(&r, "name").as_string().unwrap_or_default(), mode, keep, Uint8Array::new(&bytes)))
        })
        .collect();
    rows.sort_by_key(|r| r.0);
    for (id, name, mode, keep, bytes) in rows {
        NEXT_ID.with(|n| n.set(n.get().max(id)));
        BYTES.with(|b| b.borrow_mut().insert(id, bytes.clone()));
        let mut d = row(id, &name, false, mode, bytes.length() as usize);
        d.keep_valid = keep;
        d.saved = Saved::Yes;
        store.user.update(|u| u.push(d));
        check(store, id, false).await;
    }
}

/// Fetches `url` as bytes, with a timeout and a reason for each failure.
async fn fetch_bytes(url: &str) -> Result<Uint8Array, Failure> {
    let controller = web_sys::AbortController::new().map_err(|_| Failure::Network { cross_origin: false })?;
    let signal = controller.signal();
    let timed_out = std::rc::Rc::new(Cell::new(false));
    let flag = timed_out.clone();
    let abort = Closure::once_into_js(move || {
        flag.set(true);
        controller.abort();
    });
    let timer = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), (TIMEOUT_S * 1000) as i32)
        .ok();
    let cross_origin = web_sys::Url::new_with_base(url, &window().location().href().unwrap_or_default())
        .map(|u| u.origin() != window().location().origin().unwrap_or_default())
        .unwrap_or(false);
    let result = async {
        let resp = gloo_net::http::Request::get(url)
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|_| Failure::Network { cross_origin })?;
        match resp.status() {
            200..=299 => {}
            s @ (404 | 410) => return Err(Failure::NotFound(s)),
            s @ (401 | 403) => return Err(Failure::Refused(s)),
            s => return Err(Failure::Status(s)),
        }
        let bytes = resp.binary().await.map_err(|_| Failure::Network { cross_origin })?;
        Ok(Uint8Array::from(bytes.as_slice()))
    }
    .await;
    if let Some(t) = timer {
        window().clear_timeout_with_handle(t);
    }
    match result {
        Err(_) if timed_out.get() => Err(Failure::Timeout(TIMEOUT_S)),
        other => other,
    }
}

/// Loads the dataset or manifest at `url` (the `data=` parameter). Datasets
/// named by a manifest are fetched relative to it and carry its provenance.
pub async fn load_url(store: Store, url: String) {
    // Relative addresses are relative to the page; the manifest's datasets to it.
    let url = web_sys::Url::new_with_base(&url, &window().location().href().unwrap_or_default())
        .map(|u| u.href())
        .unwrap_or(url);
    let id = new_id();
    store.user.update(|u| u.push(row(id, &url, true, Mode::Replace, 0)));
    let bytes = match fetch_bytes(&url).await {
        Ok(b) => b,
        Err(f) => return store.update_user(id, |d| d.state = UserState::Failed(f)),
    };
    let raw = bytes.to_vec();
    let manifest = match ingest::decode(&url, &raw).map(|t| (ingest::sniff(&url, t), t)) {
        Ok((Sniffed::Format(f), text)) if f == manifest::FORMAT => Some(manifest::load_listing(&url, text)),
        _ => None,
    };
    match manifest {
        None => {
            BYTES.with(|b| b.borrow_mut().insert(id, bytes));
            check(store, id, false).await;
        }
        Some(Err(report)) => {
            store.update_user(id, |d| d.state = UserState::Rejected { report, salvage: None });
        }
        Some(Ok((m, _))) => {
            // The manifest's row gives way to one row per dataset it lists.
            store.user.update(|u| u.retain(|d| d.id != id));
            for meta in m.datasets {
                let target = web_sys::Url::new_with_base(&meta.path, &url).map(|u| u.href()).unwrap_or_default();
                let id = new_id();
                let mut d = row(id, &target, true, Mode::Replace, 0);
                if !matches!(meta.kind, Kind::LabourMarket | Kind::Consultations | Kind::Indicators) {
                    // Code lists and boundaries are the app's own reference.
                    d.state = UserState::Failed(Failure::NotLoadable(meta.kind.code().to_string()));
                    store.user.update(|u| u.push(d));
                    continue;
                }
                d.manifest_meta = Some(meta);
                store.user.update(|u| u.push(d));
                match fetch_bytes(&target).await {
                    Ok(b) => {
                        BYTES.with(|x| x.borrow_mut().insert(id, b));
                        check(store, id, false).await;
                    }
                    Err(f) => store.update_user(id, |d| d.state = UserState::Failed(f)),
                }
            }
        }
    }
}
