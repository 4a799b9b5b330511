//! The one dataset pipeline, fetch → validate → store, for the bundled datasets (here: the
//! manifest, then the code lists, then the rest at once) and for the user's (`user_data`, which
//! runs the same steps with the check in the worker). Every fetch goes through `api::fetch`,
//! every failure is an `Error` recorded on its own row, and data already loaded is kept.
//! The pure steps (rows, paths, validation by kind) are `core::pipeline`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::data::ingest::Data;
use crate::core::data::manifest::{self, DatasetMeta, Kind};
use crate::core::data::parse::Plain;
use crate::core::pipeline::{self, Row, Validated};

use super::api;
use super::error::Error;
use super::store::{Status, Store};

pub const MANIFEST_URL: &str = "data/manifest.json";

/// Fetches a bundled file as text. (Bundled files are UTF-8; a stray byte is replaced, as the
/// browser's own text decoding does, and the format checks report what follows.)
async fn fetch_text(url: &str) -> Result<String, Error> {
    let bytes = api::fetch(url, None).await?.to_vec();
    // (A leading byte-order mark is skipped by the format checks.)
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Starts loading everything: the manifest, then the code lists, then the rest.
pub fn load_all(store: Store) {
    spawn_local(load_manifest(store));
}

/// Re-runs the load of one row of the datasets panel.
pub fn retry(store: Store, row: Row) {
    let Row::Dataset(kind) = row else { return load_all(store) };
    match store.manifest.with_untracked(|m| m.as_ref().and_then(|m| m.find(kind).cloned())) {
        Some(meta) => spawn_local(load_dataset(store, meta)),
        None => load_all(store),
    }
}

async fn load_manifest(store: Store) {
    store.set_status(Row::Manifest, MANIFEST_URL, None, Status::Loading);
    let loaded = match fetch_text(MANIFEST_URL).await {
        // As the datasets (`load_dataset`): deserialized without following the path, and validated
        // again with every problem located if it has any.
        Ok(text) => match manifest::load_as::<Plain>(MANIFEST_URL, &text) {
            Ok(m) => Ok(m),
            Err(_) => match manifest_located(text).await {
                Ok(located) => located.map_err(Error::Invalid),
                Err(_) => Err(Error::PartMissing),
            },
        },
        Err(e) => Err(e),
    };
    let (m, warnings) = match loaded {
        Ok(m) => m,
        Err(e) => {
            super::user_data::codes_failed(store);
            return store.set_status(Row::Manifest, MANIFEST_URL, None, Status::Failed(e));
        }
    };
    let records = m.datasets.len();
    for d in &m.datasets {
        let status = if pipeline::needs_codes(d.kind) { Status::Waiting } else { Status::Loading };
        store.set_status(Row::Dataset(d.kind), &pipeline::resolve(MANIFEST_URL, &d.path), Some(d.clone()), status);
    }
    store.set_status(Row::Manifest, MANIFEST_URL, None, Status::Loaded { records, warnings });
    let codes = m.find(Kind::Codes).cloned();
    store.manifest.set(Some(Arc::new(m)));
    match codes {
        Some(codes) => load_dataset(store, codes).await,
        None => super::user_data::codes_failed(store),
    }
}

/// Fetch → validate → store, for one bundled dataset.
async fn load_dataset(store: Store, meta: DatasetMeta) {
    let (kind, row, url) = (meta.kind, Row::Dataset(meta.kind), pipeline::resolve(MANIFEST_URL, &meta.path));
    let codes = store.codes.get_untracked();
    if pipeline::needs_codes(kind) && codes.is_none() {
        return store.set_status(row, &url, Some(meta), Status::Failed(Error::Dependency));
    }
    store.set_status(row, &url, Some(meta.clone()), Status::Loading);
    let outcome = match fetch_text(&url).await {
        Ok(text) => {
            let mark = format!("vagas:validate:{}", kind.code());
            // The bundled files are expected to be sound: deserialized without following the JSON
            // path (`parse::Plain`, issue #12). The labour-market file is validated in two tasks
            // (parse, then checks): one would freeze the page for ~256 ms at CPU 4×.
            let stage = super::js::measured(&mark, || pipeline::begin::<Plain>(kind, &url, &text, codes.as_deref()));
            let quick = match stage {
                pipeline::Stage::Done(valid) => Ok(valid),
                pipeline::Stage::Parsed(parsed) => {
                    super::js::next_task().await;
                    Ok(match codes.as_deref() {
                        Some(codes) => {
                            super::js::measured(&format!("{mark}:check"), || pipeline::finish(parsed, codes))
                        }
                        None => Err(pipeline::Refused::NeedsCodes),
                    })
                }
                // The boundaries and the story: in a part of their own (the landing view needs neither).
                pipeline::Stage::Deferred => validate_deferred(kind, url.clone(), text.clone(), codes.clone()).await,
            };
            let valid = match quick {
                // A file with problems is validated again with every problem located, for its report.
                Ok(Err(pipeline::Refused::Invalid(_))) => {
                    validate_located(kind, url.clone(), text.clone(), codes.clone()).await
                }
                other => other,
            };
            let valid = match valid {
                Ok(valid) => valid,
                Err(_) => return store.set_status(row, &url, Some(meta), Status::Failed(Error::PartMissing)),
            };
            // Validating the labour-market data and rendering every chart it feeds would
            // otherwise be one long task (~200 ms unthrottled on the bundled data).
            super::js::next_task().await;
            valid.map(|(data, warnings)| (apply(store, data, &text), warnings)).map_err(Error::from)
        }
        Err(e) => Err(e),
    };
    // What the code lists' outcome means for the rest: all start, or (invalid) all fail; when
    // they could not be fetched, the rest wait for a retry.
    let (loaded, invalid) = (outcome.is_ok(), matches!(outcome, Err(Error::Invalid(_))));
    let status = match outcome {
        Ok((records, warnings)) => Status::Loaded { records, warnings },
        Err(e) => Status::Failed(e),
    };
    store.set_status(row, &url, Some(meta), status);
    if kind == Kind::Codes {
        if loaded {
            load_dependents(store);
            super::user_data::codes_ready(store);
        } else {
            if invalid {
                mark_dependents_failed(store);
            }
            super::user_data::codes_failed(store);
        }
    }
}

/// Stores a validated bundled dataset; returns the count its row shows.
fn apply(store: Store, data: Validated, text: &str) -> usize {
    let records = data.records();
    match data {
        Validated::Codes(c) => {
            store.codes_text.set(Some(Arc::from(text)));
            store.codes.set(Some(Arc::new(c)));
        }
        Validated::Regions(r) => store.regions.set(Some(Arc::new(r))),
        Validated::Story(s) => super::stories::bundled_loaded(store, s),
        Validated::Data(Data::Labour(l)) => store.bundled_labour.set(Some(Arc::new(l))),
        Validated::Data(Data::Consultations(c)) => store.bundled_consultations.set(Some(Arc::new(c))),
        Validated::Data(Data::Indicators(i)) => store.bundled_indicators.set(Some(Arc::new(i))),
    }
    records
}

fn dependents(store: Store) -> Vec<DatasetMeta> {
    store.manifest.with_untracked(|m| {
        m.as_ref()
            .map(|m| m.datasets.iter().filter(|d| pipeline::needs_codes(d.kind)).cloned().collect())
            .unwrap_or_default()
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
        let url = pipeline::resolve(MANIFEST_URL, &meta.path);
        store.set_status(Row::Dataset(meta.kind), &url, Some(meta), Status::Failed(Error::Dependency));
    }
}

part! {
/// `core::pipeline::validate_deferred` (deserialized by `parse::Plain`, as the landing view's
/// datasets), in a part of its own (`ui::lazy`): the landing view needs neither the district
/// boundaries nor the story, so the page's first module does not carry their checks. Outer
/// `Err`: the part could not be fetched.
fn validate_deferred(
    kind: Kind,
    name: String,
    text: String,
    codes: Option<Arc<crate::core::data::codes::Codes>>,
) -> Result<Result<(Validated, crate::core::data::Report), pipeline::Refused>, leptos::wasm_split::SplitLoaderError> {
    Ok(pipeline::validate_deferred::<Plain>(kind, &name, &text, codes.as_deref()))
}
}

part! {
/// `core::pipeline::validate`, every problem located (`parse::Located`), in a part of its own
/// (`ui::lazy`): only a bundled file with problems needs it. Outer `Err`: the part could not be
/// fetched.
fn validate_located(
    kind: Kind,
    name: String,
    text: String,
    codes: Option<Arc<crate::core::data::codes::Codes>>,
) -> Result<Result<(Validated, crate::core::data::Report), pipeline::Refused>, leptos::wasm_split::SplitLoaderError> {
    Ok(pipeline::validate(kind, &name, &text, codes.as_deref()))
}
}

part! {
/// The app's manifest, every problem located, in a part of its own (as [`validate_located`]).
fn manifest_located(
    text: String,
) -> Result<
    Result<(manifest::Manifest, crate::core::data::Report), crate::core::data::Report>,
    leptos::wasm_split::SplitLoaderError,
> {
    Ok(manifest::load(MANIFEST_URL, &text))
}
}
