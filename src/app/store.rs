//! The one typed store of the app: language, datasets with their load status,
//! and the filters. Views read from it; only the loader writes datasets.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::codes::Codes;
use crate::data::consultations::Consultations;
use crate::data::labour::Labour;
use crate::data::manifest::{DatasetMeta, Manifest};
use crate::data::regions::Regions;
use crate::data::{Lang, Report};
use crate::view_state::{resolve, Notice, Resolved, ViewState};

use super::api::FetchError;

/// Where a dataset file stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Not requested yet: it needs the manifest or the code lists first.
    Waiting,
    Loading,
    /// Loaded; `warnings` may list problems that did not stop it.
    Loaded {
        records: usize,
        warnings: Report,
    },
    Failed(LoadError),
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    Fetch(FetchError),
    Invalid(Report),
    /// The code lists (or the manifest) failed, so this file cannot be checked.
    Dependency,
}

/// One row of the datasets panel: the manifest itself or one of its datasets.
#[derive(Clone, Debug, PartialEq)]
pub struct FileState {
    /// "manifest" or the dataset kind code.
    pub key: &'static str,
    pub url: String,
    pub meta: Option<DatasetMeta>,
    pub status: Status,
}

#[derive(Clone, Copy)]
pub struct Store {
    /// The whole view state, mirrored in the URL.
    pub view: RwSignal<ViewState>,
    pub lang: Memo<Lang>,
    pub files: RwSignal<Vec<FileState>>,
    pub manifest: RwSignal<Option<Arc<Manifest>>>,
    pub codes: RwSignal<Option<Arc<Codes>>>,
    pub labour: RwSignal<Option<Arc<Labour>>>,
    pub consultations: RwSignal<Option<Arc<Consultations>>>,
    pub regions: RwSignal<Option<Arc<Regions>>>,
    /// URL parameters that were ignored (shown as a quiet notice).
    pub notices: RwSignal<Vec<Notice>>,
}

impl Store {
    pub fn new(view: ViewState) -> Store {
        let view = RwSignal::new(view);
        Store {
            view,
            lang: Memo::new(move |_| view.with(|v| v.lang.unwrap_or_default())),
            files: RwSignal::new(Vec::new()),
            manifest: RwSignal::new(None),
            codes: RwSignal::new(None),
            labour: RwSignal::new(None),
            consultations: RwSignal::new(None),
            regions: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
        }
    }

    /// Sets the status of the file `key`, adding its row if new.
    pub fn set_status(&self, key: &'static str, url: &str, meta: Option<DatasetMeta>, status: Status) {
        self.files.update(|files| match files.iter_mut().find(|f| f.key == key) {
            Some(f) => {
                f.url = url.to_string();
                if meta.is_some() {
                    f.meta = meta;
                }
                f.status = status;
            }
            None => files.push(FileState { key, url: url.to_string(), meta, status }),
        });
    }

    /// True when the file `key` failed and nothing of its kind is loaded, so
    /// views show "unavailable" instead of waiting forever.
    pub fn unavailable(&self, key: &str) -> bool {
        let failed = self
            .files
            .with(|f| f.iter().any(|f| (f.key == key || f.key == "manifest") && matches!(f.status, Status::Failed(_))));
        let loaded = match key {
            "labour_market" => self.labour.with(Option::is_some),
            "consultations" => self.consultations.with(Option::is_some),
            "regions" => self.regions.with(Option::is_some),
            _ => self.codes.with(Option::is_some),
        };
        failed && !loaded
    }

    /// The view resolved against the code lists and the data's months (those
    /// of the labour data or, if it failed, of the consultations, so their
    /// panels still work). `None` until enough data is loaded.
    pub fn resolved(&self) -> Option<Resolved> {
        let range = self.labour.with(|l| l.as_ref().map(|l| (l.first, l.last))).or_else(|| {
            self.consultations.with(|c| {
                let months = &c.as_ref()?.event_month;
                Some((*months.iter().min()?, *months.iter().max()?))
            })
        });
        let (first, last) = range?;
        let codes = self.codes.get()?;
        Some(self.view.with(|v| resolve(v, &codes, first, last)))
    }

    /// Changes the view (one history entry per change, see `url_sync`).
    pub fn set_view(&self, f: impl FnOnce(&mut ViewState)) {
        self.view.update(f);
    }
}

/// Provides the store to every component below.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
