//! Fetch → validate → store, for the manifest and each dataset it lists.
//! A failure is recorded on its own row; data already loaded is kept.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::data::manifest::{self, DatasetMeta, Kind};
use crate::core::data::{codes, consultations, indicators, labour, regions, Report};
use crate::core::story;

use super::api::fetch_text;
use super::store::{LoadError, Status, Store};

pub const MANIFEST_URL: &str = "data/manifest.json";

/// Dataset paths are relative to the manifest's folder.
fn resolve(path: &str) -> String {
    match MANIFEST_URL.rfind('/') {
        Some(i) => format!("{}{path}", &MANIFEST_URL[..=i]),
        None => path.to_string(),
    }
}

/// Starts loading everything: the manifest, then the code lists, then the rest.
pub fn load_all(store: Store) {
    spawn_local(load_manifest(store));
}

/// Re-runs the load of one row of the datasets panel.
pub fn retry(store: Store, key: &'static str) {
    if key == "manifest" {
        return load_all(store);
    }
    let meta = store
        .manifest
        .with_untracked(|m| m.as_ref().and_then(|m| m.datasets.iter().find(|d| d.kind.code() == key).cloned()));
    match meta {
        Some(meta) => spawn_local(load_dataset(store, meta)),
        None => load_all(store),
    }
}

async fn load_manifest(store: Store) {
    store.set_status("manifest", MANIFEST_URL, None, Status::Loading);
    let text = match fetch_text(MANIFEST_URL).await {
        Ok(t) => t,
        Err(e) => {
            super::user_data::codes_failed(store);
            return store.set_status("manifest", MANIFEST_URL, None, Status::Failed(LoadError::Fetch(e)));
        }
    };
    match manifest::load(MANIFEST_URL, &text) {
        Err(report) => {
            super::user_data::codes_failed(store);
            store.set_status("manifest", MANIFEST_URL, None, Status::Failed(LoadError::Invalid(report)))
        }
        Ok((m, warnings)) => {
            let records = m.datasets.len();
            for d in &m.datasets {
                let status = if d.kind == Kind::Codes { Status::Loading } else { Status::Waiting };
                store.set_status(d.kind.code(), &resolve(&d.path), Some(d.clone()), status);
            }
            store.set_status("manifest", MANIFEST_URL, None, Status::Loaded { records, warnings });
            let codes = m.find(Kind::Codes).cloned();
            store.manifest.set(Some(Arc::new(m)));
            match codes {
                Some(codes) => load_dataset(store, codes).await,
                None => super::user_data::codes_failed(store),
            }
        }
    }
}

/// What a successful parse gives: the record count and the warnings.
type Parsed = Result<(usize, Report), Report>;

async fn load_dataset(store: Store, meta: DatasetMeta) {
    let key = meta.kind.code();
    let url = resolve(&meta.path);
    let codes = store.codes.get_untracked();
    if meta.kind != Kind::Codes && codes.is_none() {
        return store.set_status(key, &url, Some(meta), Status::Failed(LoadError::Dependency));
    }
    store.set_status(key, &url, Some(meta.clone()), Status::Loading);
    let text = match fetch_text(&url).await {
        Ok(t) => t,
        Err(e) => {
            if meta.kind == Kind::Codes {
                super::user_data::codes_failed(store);
            }
            return store.set_status(key, &url, Some(meta), Status::Failed(LoadError::Fetch(e)));
        }
    };
    let parsed: Parsed = match (meta.kind, codes) {
        (Kind::Codes, _) => codes::load(&url, &text).map(|(c, w)| {
            store.codes_text.set(Some(Arc::from(text.as_str())));
            store.codes.set(Some(Arc::new(c)));
            (store.codes.with_untracked(|c| c.as_ref().map_or(0, |c| c.occupations().len())), w)
        }),
        (Kind::LabourMarket, Some(c)) => labour::load(&url, &text, &c).map(|(l, w)| {
            let n = l.len();
            store.bundled_labour.set(Some(Arc::new(l)));
            (n, w)
        }),
        (Kind::Consultations, Some(c)) => consultations::load(&url, &text, &c).map(|(x, w)| {
            let n = x.outcomes().len();
            store.bundled_consultations.set(Some(Arc::new(x)));
            (n, w)
        }),
        (Kind::Indicators, Some(c)) => indicators::load(&url, &text, &c).map(|(x, w)| {
            let n = x.len();
            store.bundled_indicators.set(Some(Arc::new(x)));
            (n, w)
        }),
        (Kind::Story, Some(_)) => story::load(&url, &text).map(|(s, w)| {
            let n = s.slides.len();
            super::stories::bundled_loaded(store, s);
            (n, w)
        }),
        (Kind::Regions, Some(c)) => regions::load(&url, &text, &c).map(|(r, w)| {
            let n = r.shapes.len();
            store.regions.set(Some(Arc::new(r)));
            (n, w)
        }),
        (_, None) => return store.set_status(key, &url, Some(meta), Status::Failed(LoadError::Dependency)),
    };
    match parsed {
        Ok((records, warnings)) => {
            store.set_status(key, &url, Some(meta.clone()), Status::Loaded { records, warnings });
            if meta.kind == Kind::Codes {
                load_dependents(store);
                super::user_data::codes_ready(store);
            }
        }
        Err(report) => {
            store.set_status(key, &url, Some(meta.clone()), Status::Failed(LoadError::Invalid(report)));
            if meta.kind == Kind::Codes {
                mark_dependents_failed(store);
                super::user_data::codes_failed(store);
            }
        }
    }
}

fn dependents(store: Store) -> Vec<DatasetMeta> {
    store.manifest.with_untracked(|m| {
        m.as_ref().map(|m| m.datasets.iter().filter(|d| d.kind != Kind::Codes).cloned().collect()).unwrap_or_default()
    })
}

fn load_dependents(store: Store) {
    // Started together: each reports on its own row as it finishes.
    for meta in dependents(store) {
        spawn_local(load_dataset(store, meta));
    }
}

fn mark_dependents_failed(store: Store) {
    for meta in dependents(store) {
        let url = resolve(&meta.path);
        store.set_status(meta.kind.code(), &url, Some(meta), Status::Failed(LoadError::Dependency));
    }
}
