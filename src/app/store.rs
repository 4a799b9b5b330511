//! The one typed store of the app: language, datasets with their load status,
//! and the filters. Views read from it; only the loader writes datasets.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::aggregate::{Area, Filter};
use crate::data::codes::Codes;
use crate::data::consultations::Consultations;
use crate::data::labour::Labour;
use crate::data::manifest::{DatasetMeta, Manifest};
use crate::data::regions::Regions;
use crate::data::{Lang, Month, Report};

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

/// Filters as the user chose them; `None` months mean "the default period"
/// (the last 12 months of data).
#[derive(Clone, Debug, PartialEq)]
pub struct FilterState {
    pub from: Option<Month>,
    pub to: Option<Month>,
    pub area: Area,
    pub sector: Option<usize>,
}

impl Default for FilterState {
    fn default() -> FilterState {
        FilterState { from: None, to: None, area: Area::Portugal, sector: None }
    }
}

#[derive(Clone, Copy)]
pub struct Store {
    pub lang: RwSignal<Lang>,
    pub files: RwSignal<Vec<FileState>>,
    pub manifest: RwSignal<Option<Arc<Manifest>>>,
    pub codes: RwSignal<Option<Arc<Codes>>>,
    pub labour: RwSignal<Option<Arc<Labour>>>,
    pub consultations: RwSignal<Option<Arc<Consultations>>>,
    pub regions: RwSignal<Option<Arc<Regions>>>,
    pub filters: RwSignal<FilterState>,
}

impl Store {
    pub fn new(lang: Lang) -> Store {
        Store {
            lang: RwSignal::new(lang),
            files: RwSignal::new(Vec::new()),
            manifest: RwSignal::new(None),
            codes: RwSignal::new(None),
            labour: RwSignal::new(None),
            consultations: RwSignal::new(None),
            regions: RwSignal::new(None),
            filters: RwSignal::new(FilterState::default()),
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

    /// The period actually used: the user's choice, clamped to the data, or the
    /// last 12 months of data.
    pub fn filter(&self) -> Option<Filter> {
        let state = self.filters.get();
        // The labour data's months; without them (failed file), the months of
        // the consultations, so their panel still works.
        let range = self.labour.with(|l| l.as_ref().map(|l| (l.first, l.last))).or_else(|| {
            self.consultations.with(|c| {
                let months = &c.as_ref()?.event_month;
                Some((*months.iter().min()?, *months.iter().max()?))
            })
        });
        let (first, last) = range?;
        Some(resolve_filter(&state, first, last))
    }
}

/// Turns the user's choices into a complete filter within the data's months.
pub fn resolve_filter(state: &FilterState, first: Month, last: Month) -> Filter {
    let clamp = |m: Month| m.max(first).min(last);
    let default_from = Month::from_index(last.index().saturating_sub(11)).max(first);
    let mut from = state.from.map_or(default_from, clamp);
    let mut to = state.to.map_or(last, clamp);
    if from > to {
        std::mem::swap(&mut from, &mut to);
    }
    Filter { from, to, area: state.area, sector: state.sector, occupation: None }
}

/// Provides the store to every component below.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_period_is_the_last_twelve_months() {
        let first = Month::parse("2019-01").unwrap();
        let last = Month::parse("2025-12").unwrap();
        let f = resolve_filter(&FilterState::default(), first, last);
        assert_eq!(f.from.to_string(), "2025-01");
        assert_eq!(f.to.to_string(), "2025-12");
    }

    #[test]
    fn reversed_and_out_of_range_periods_are_repaired() {
        let first = Month::parse("2019-01").unwrap();
        let last = Month::parse("2025-12").unwrap();
        let state =
            FilterState { from: Month::parse("2030-01"), to: Month::parse("2010-05"), ..FilterState::default() };
        let f = resolve_filter(&state, first, last);
        assert_eq!((f.from, f.to), (first, last));
    }
}
