//! Datasets the user brings (files, dropped or picked, and `data=` URLs), through the same
//! pipeline as the bundled ones: fetched by `api::fetch` (or read from the file) → checked in the
//! worker → layered over the bundled data → kept in the browser's storage (`idb`) until removed.
//! A failure stays on its own row as an `Error`; nothing already loaded is touched. The bytes and
//! the bookkeeping live in the store (`Store::user_files`).
//!
//! Checking, storing and bringing back datasets is a part of its own ([`user_job`], `ui::lazy`),
//! fetched the first time a visitor has a dataset of their own (picked, dropped, from an address
//! or stored on an earlier visit): a visit with none, most of them, does not download its code
//! (issue #12).

use std::sync::Arc;

use js_sys::Uint8Array;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::core::data::ingest::{self, Data, Sniffed};
use crate::core::data::manifest;
use crate::core::data::merge::Mode;
use crate::core::pipeline;
use crate::core::wire::Stored;

use super::error::{js_message, Error};
use super::js::now_ms;
use super::store::{Saved, Store, UserData, UserDataset, UserState};
use super::{api, idb};

/// A URL that does not answer within this time is reported as timed out.
const TIMEOUT_S: u32 = 30;

/// Ids unique across visits (they key the stored datasets) and growing with time (`idb::new_id`).
fn new_id(store: Store) -> u32 {
    let id = idb::new_id(store.user_files.with_value(|f| f.last_id));
    store.user_files.update_value(|f| f.last_id = id);
    id
}

fn bytes_of(store: Store, id: u32) -> Option<Uint8Array> {
    store.user_files.with_value(|f| f.bytes.get(&id).cloned())
}

fn keep_bytes(store: Store, id: u32, bytes: Uint8Array) {
    store.user_files.update_value(|f| {
        f.bytes.insert(id, bytes);
    });
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
    for (id, save) in store.user_files.try_update_value(|f| std::mem::take(&mut f.pending)).unwrap_or_default() {
        spawn_local(run(store, Job::Check(id, save)));
    }
    if store.user_files.try_update_value(|f| std::mem::replace(&mut f.restored, true)).unwrap_or(true) {
        return;
    }
    spawn_local(async move {
        // Only a browser that kept datasets fetches the part that reads them back.
        if idb::count().await.is_none_or(|n| n > 0) {
            run(store, Job::Restore).await;
        }
        if let Some(url) = store.view.with_untracked(|v| v.data.clone()) {
            load_address(store, url).await;
        }
    });
}

/// Called when the code lists could not be loaded: the files waiting for
/// them fail with that reason (a retry that succeeds checks new files).
pub fn codes_failed(store: Store) {
    for (id, _) in store.user_files.try_update_value(|f| std::mem::take(&mut f.pending)).unwrap_or_default() {
        store.update_user(id, |d| d.state = UserState::Failed(Error::Dependency));
    }
}

/// Loads files picked or dropped by the user, each in `mode`.
pub fn load_files(store: Store, files: Vec<web_sys::File>, mode: Mode) {
    for file in files {
        let id = new_id(store);
        let name = file.name();
        store.user.update(|u| u.push(row(id, &name, false, mode, file.size() as usize)));
        spawn_local(async move {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buf) => {
                    keep_bytes(store, id, Uint8Array::new(&buf));
                    run(store, Job::Check(id, true)).await;
                }
                Err(e) => store.update_user(id, |d| d.state = UserState::Failed(Error::Read(js_message(&e)))),
            }
        });
    }
}

/// What the part of the app that checks and stores a user's datasets ([`user_job`]) is asked to do.
enum Job {
    /// `Check(id, save)`: [`check`] dataset `id`.
    Check(u32, bool),
    /// [`persist`] dataset `id` again (its mode changed).
    Persist(u32),
    /// [`restore`] the datasets stored on earlier visits.
    Restore,
}

part! {
/// `job`, in a part of its own (`ui::lazy`); outer `Err`: the part could not be fetched.
fn user_job(
    store: Store,
    job: Job,
) -> Result<std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>, leptos::wasm_split::SplitLoaderError> {
    Ok(match job {
        Job::Check(id, save) => Box::pin(check(store, id, save)),
        Job::Persist(id) => Box::pin(persist(store, id)),
        Job::Restore => Box::pin(restore(store)),
    })
}
}

/// Runs `job` in its part. If the part cannot be fetched, the dataset's row says so
/// (`Error::PartMissing`, with a retry); for a restore, a row says that the datasets kept in this
/// browser could not be brought back (`Error::RestoreMissing`, with a retry; they stay stored).
/// Once the part is here, whatever failed for want of it goes on as well ([`resume`]).
async fn run(store: Store, job: Job) {
    let id = match job {
        Job::Check(id, _) | Job::Persist(id) => Some(id),
        Job::Restore => None,
    };
    match user_job(store, job).await {
        Ok(work) => {
            resume(store, id);
            work.await
        }
        Err(_) => match id {
            Some(id) => store.update_user(id, |d| d.state = UserState::Failed(Error::PartMissing)),
            None => {
                let mut d = row(new_id(store), "", false, Mode::Replace, 0);
                d.state = UserState::Failed(Error::RestoreMissing);
                store.user.update(|u| u.insert(0, d));
            }
        },
    }
}

/// Retries every row but `except` that failed for want of the part (now here): a file picked
/// while it was missing is checked, and the datasets kept in this browser come back, without a
/// Retry on each row.
fn resume(store: Store, except: Option<u32>) {
    let waiting: Vec<u32> = store.user.with_untracked(|u| {
        u.iter()
            .filter(|d| Some(d.id) != except)
            .filter(|d| matches!(d.state, UserState::Failed(Error::PartMissing | Error::RestoreMissing)))
            .map(|d| d.id)
            .collect()
    });
    for id in waiting {
        retry(store, id);
    }
}

/// Checks the bytes of dataset `id` (in the worker) and stores the outcome; `save` keeps an
/// accepted dataset in the browser's storage.
async fn check(store: Store, id: u32, save: bool) {
    let Some(bytes) = bytes_of(store, id) else { return };
    let (Some(codes), Some(codes_text)) = (store.codes.get_untracked(), store.codes_text.get_untracked()) else {
        // Not loaded yet: queued, and checked by `codes_ready` (or failed by `codes_failed`).
        store.user_files.update_value(|f| f.pending.push((id, save)));
        return;
    };
    let Some((name, keep_valid)) =
        store.user.with_untracked(|u| u.iter().find(|d| d.id == id).map(|d| (d.name.clone(), d.keep_valid)))
    else {
        return;
    };
    let started = now_ms();
    store.update_user(id, |d| d.state = UserState::Checking { started, bytes: bytes.length() as usize });
    let outcome = match super::worker::check_part(name.clone(), bytes, codes_text, codes, keep_valid).await {
        Ok(checking) => checking.await,
        // The part of the app that talks to the checker did not arrive: said as such, with a retry.
        Err(_) => return store.update_user(id, |d| d.state = UserState::Failed(Error::PartMissing)),
    };
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

/// Tries a dataset again after a part of the app it needed could not be fetched
/// (`Error::PartMissing`): its check, if its bytes are here (the row says "checking" at once);
/// else (a `data=` address whose part did not arrive) the address, in place of its row. For the
/// row of datasets kept in this browser that could not be brought back (`Error::RestoreMissing`):
/// the restore, in place of the row.
pub fn retry(store: Store, id: u32) {
    let Some((name, from_url, restore)) = store.user.with_untracked(|u| {
        u.iter()
            .find(|d| d.id == id)
            .map(|d| (d.name.clone(), d.from_url, matches!(d.state, UserState::Failed(Error::RestoreMissing))))
    }) else {
        return;
    };
    if restore {
        store.user.update(|u| u.retain(|d| d.id != id));
        spawn_local(run(store, Job::Restore));
    } else if let Some(bytes) = bytes_of(store, id) {
        store.update_user(id, |d| d.state = UserState::Checking { started: now_ms(), bytes: bytes.length() as usize });
        spawn_local(run(store, Job::Check(id, !from_url)));
    } else if from_url {
        store.user.update(|u| u.retain(|d| d.id != id));
        spawn_local(load_address(store, name));
    }
}

/// The user chose to keep the valid records of a rejected dataset.
pub fn keep_valid(store: Store, id: u32) {
    store.update_user(id, |d| d.keep_valid = true);
    let from_url = store.user.with_untracked(|u| u.iter().any(|d| d.id == id && d.from_url));
    spawn_local(run(store, Job::Check(id, !from_url)));
}

/// Switches a dataset between replacing and adding to the data below it.
pub fn set_mode(store: Store, id: u32, mode: Mode) {
    store.update_user(id, |d| d.mode = mode);
    let stored = store.user.with_untracked(|u| u.iter().any(|d| d.id == id && d.saved == Saved::Yes));
    if stored {
        spawn_local(run(store, Job::Persist(id)));
    }
}

pub fn remove(store: Store, id: u32) {
    store.user.update(|u| u.retain(|d| d.id != id));
    store.user_files.update_value(|f| {
        f.bytes.remove(&id);
    });
    spawn_local(idb::delete(id));
}

/// Back to the bundled data: every loaded dataset removed, storage cleared.
pub fn clear(store: Store) {
    store.user.set(Vec::new());
    store.user_files.update_value(|f| f.bytes.clear());
    if store.view.with_untracked(|v| v.data.is_some()) {
        store.set_view(|v| v.data = None);
    }
    spawn_local(idb::clear());
}

/// Stores dataset `id`; a refusal (quota, private browsing) is shown on its row.
async fn persist(store: Store, id: u32) {
    let Some(bytes) = bytes_of(store, id) else { return };
    let Some(meta) = store.user.with_untracked(|u| {
        u.iter().find(|d| d.id == id).map(|d| Stored {
            id,
            name: d.name.clone(),
            mode: d.mode,
            keep_valid: d.keep_valid,
        })
    }) else {
        return;
    };
    let saved = match idb::put(&meta, &bytes).await {
        Ok(()) => Saved::Yes,
        Err(m) => Saved::Failed(m),
    };
    store.update_user(id, |d| d.saved = saved);
}

/// Brings back the datasets stored on earlier visits, in the order loaded.
async fn restore(store: Store) {
    let mut rows = match idb::all().await {
        Ok(rows) => rows,
        Err(e) => {
            web_sys::console::warn_2(&"Stored datasets could not be read:".into(), &e.into());
            return;
        }
    };
    rows.sort_by_key(|(meta, _)| meta.id);
    for (meta, bytes) in rows {
        let id = meta.id;
        store.user_files.update_value(|f| f.last_id = f.last_id.max(id));
        keep_bytes(store, id, bytes.clone());
        let mut d = row(id, &meta.name, false, meta.mode, bytes.length() as usize);
        d.keep_valid = meta.keep_valid;
        d.saved = Saved::Yes;
        // In the order loaded (ids grow with time), also before a file picked while this ran:
        // the layers, and so the figures, are the same after a reload.
        store.user.update(|u| u.insert(u.partition_point(|x| x.id < id), d));
        check(store, id, false).await;
    }
}

/// Fetches a user's address (with a timeout) as bytes.
async fn fetch_bytes(url: &str) -> Result<Uint8Array, Error> {
    api::fetch(url, Some(TIMEOUT_S)).await
}

/// Loads the dataset or manifest at `url` (the `data=` parameter, or typed on the data page):
/// [`load_url`], in a part of its own (`ui::lazy`). If the part cannot be fetched, the address
/// gets a row that says so (and nothing else changes).
pub async fn load_address(store: Store, url: String) {
    match load_url_part(store, url.clone()).await {
        Ok(loading) => loading.await,
        Err(_) => {
            let id = new_id(store);
            let mut d = row(id, &url, true, Mode::Replace, 0);
            d.state = UserState::Failed(Error::PartMissing);
            store.user.update(|u| u.push(d));
        }
    }
}

part! {
fn load_url_part(
    store: Store,
    url: String,
) -> Result<std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>, leptos::wasm_split::SplitLoaderError> {
    Ok(Box::pin(load_url(store, url)))
}
}

/// Loads the dataset or manifest at `url` (the `data=` parameter). Datasets
/// named by a manifest are fetched relative to it and carry its provenance.
async fn load_url(store: Store, url: String) {
    // Relative addresses are relative to the page; the manifest's datasets to it.
    let url = web_sys::Url::new_with_base(&url, &window().location().href().unwrap_or_default())
        .map(|u| u.href())
        .unwrap_or(url);
    let id = new_id(store);
    store.user.update(|u| u.push(row(id, &url, true, Mode::Replace, 0)));
    let bytes = match fetch_bytes(&url).await {
        Ok(b) => b,
        Err(e) => return store.update_user(id, |d| d.state = UserState::Failed(e)),
    };
    let raw = bytes.to_vec();
    let manifest = match ingest::decode(&url, &raw).map(|t| (ingest::sniff(&url, t), t)) {
        Ok((Sniffed::Format(f), text)) if f == manifest::FORMAT => Some(manifest::load_listing(&url, text)),
        _ => None,
    };
    match manifest {
        None => {
            keep_bytes(store, id, bytes);
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
                let id = new_id(store);
                let mut d = row(id, &target, true, Mode::Replace, 0);
                if !pipeline::user_loadable(meta.kind) {
                    // Code lists and boundaries are the app's own reference.
                    d.state = UserState::Failed(Error::NotLoadable(meta.kind));
                    store.user.update(|u| u.push(d));
                    continue;
                }
                d.manifest_meta = Some(meta);
                store.user.update(|u| u.push(d));
                match fetch_bytes(&target).await {
                    Ok(b) => {
                        keep_bytes(store, id, b);
                        check(store, id, false).await;
                    }
                    Err(e) => store.update_user(id, |d| d.state = UserState::Failed(e)),
                }
            }
        }
    }
}
