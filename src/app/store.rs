//! The one typed store of the app: language, datasets with their load status,
//! and the filters. Views read from it; only the loader writes datasets.
//!
//! Longer than 400 lines: the store's signals and the small accessors every view uses; splitting
//! the accessors from the signals they read would only add indirection.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::data::codes::Codes;
use crate::core::data::consultations::Consultations;
use crate::core::data::indicators::{self, Indicators};
use crate::core::data::labour::Labour;
use crate::core::data::manifest::{DatasetMeta, FileMeta, Kind, Manifest};
use crate::core::data::merge::{self, Mode};
use crate::core::data::regions::Regions;
use crate::core::data::{Lang, Report};
use crate::core::pipeline::Row;
use crate::core::state::{resolve, Notice, Page, Resolved, ViewState};
use crate::core::story::Story;

use super::error::Error;
use super::settle::settled;

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
    /// Not loaded: fetching failed, the file has errors (`Error::Invalid`), or what it needs
    /// failed (`Error::Dependency`).
    Failed(Error),
}

/// One row of the datasets panel: the manifest itself or one of its datasets.
#[derive(Clone, Debug, PartialEq)]
pub struct FileState {
    /// The manifest, or the kind of dataset.
    pub row: Row,
    pub url: String,
    pub meta: Option<DatasetMeta>,
    pub status: Status,
    /// How many times loading this file started (1 on the first load; each retry adds one): the
    /// panel says which attempt failed, so a retry that fails again is seen to have run.
    pub attempts: u32,
}

/// Data a user loaded, validated and ready to layer over the bundled data.
#[derive(Clone, Debug)]
pub enum UserData {
    Labour(Arc<Labour>),
    Consultations(Arc<Consultations>),
    Indicators(Arc<Indicators>),
}

/// Where a user's dataset stands.
#[derive(Clone, Debug)]
pub enum UserState {
    /// Being read or checked (in the worker); `started` in ms since page load.
    Checking {
        started: f64,
        bytes: usize,
    },
    Ready {
        data: UserData,
        report: Report,
        ms: f64,
    },
    /// Not applied: errors. `salvage`: (kept, dropped) if the valid records are kept.
    Rejected {
        report: Report,
        salvage: Option<(usize, usize)>,
    },
    /// Could not be read, fetched or checked at all (`Error::Dependency`: no code lists).
    Failed(Error),
}

/// The user's datasets' bytes and bookkeeping: not reactive, and the bytes are JS memory
/// (kept to re-check, keep the valid records, and store), so held in a local `StoredValue`.
#[derive(Default)]
pub struct UserFiles {
    /// The bytes of each dataset, by id.
    pub bytes: HashMap<u32, js_sys::Uint8Array>,
    /// The last id given (ids are unique across visits: they key the stored datasets).
    pub last_id: u32,
    /// Datasets stored on earlier visits were restored (once per page).
    pub restored: bool,
    /// Datasets read before the code lists arrived (id, save): checked as soon as they arrive,
    /// or failed if they cannot.
    pub pending: Vec<(u32, bool)>,
}

/// Whether a dataset is kept in the browser for the next visit.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    No,
    Yes,
    /// The browser refused (quota, private mode): the message says why.
    Failed(String),
}

/// One dataset the user brought: a file or a URL.
#[derive(Clone, Debug)]
pub struct UserDataset {
    pub id: u32,
    /// The file name or URL.
    pub name: String,
    pub from_url: bool,
    pub mode: Mode,
    pub keep_valid: bool,
    pub state: UserState,
    pub saved: Saved,
    /// Provenance from a manifest, when loaded through one.
    pub manifest_meta: Option<DatasetMeta>,
}

impl UserData {
    /// Records kept: labour-market records, or consultation outcomes.
    pub fn records(&self) -> usize {
        match self {
            UserData::Labour(x) => x.len(),
            UserData::Consultations(x) => x.outcomes().len(),
            UserData::Indicators(x) => x.len(),
        }
    }

    /// Records left out at the user's request.
    pub fn dropped(&self) -> usize {
        match self {
            UserData::Labour(x) => x.dropped,
            UserData::Consultations(x) => x.dropped,
            UserData::Indicators(x) => x.dropped,
        }
    }

    /// The provenance the file itself carries (`"meta"`).
    pub fn meta(&self) -> Option<&FileMeta> {
        match self {
            UserData::Labour(x) => x.meta.as_ref(),
            UserData::Consultations(x) => x.file.meta.as_ref(),
            UserData::Indicators(x) => x.meta.as_ref(),
        }
    }
}

impl UserDataset {
    /// Provenance: the manifest entry it was loaded through, else the file's
    /// own `"meta"`, else nothing known.
    pub fn meta(&self) -> FileMeta {
        self.manifest_meta
            .as_ref()
            .map(FileMeta::from)
            .or_else(|| self.data().and_then(UserData::meta).cloned())
            .unwrap_or_default()
    }

    /// Its title, or the file name or address when it has none.
    pub fn title(&self, l: Lang) -> String {
        Some(self.meta().title.get(l).to_string()).filter(|t| !t.is_empty()).unwrap_or_else(|| self.name.clone())
    }

    pub fn data(&self) -> Option<&UserData> {
        match &self.state {
            UserState::Ready { data, .. } => Some(data),
            _ => None,
        }
    }
}

type Layers<T> = Vec<(Mode, Arc<T>)>;

fn same_layers<T>(a: Option<&Layers<T>>, b: Option<&Layers<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.0 == y.0 && Arc::ptr_eq(&x.1, &y.1)),
        _ => false,
    }
}

/// The user's ready datasets of one kind, in order, with their mode.
fn layers<T: Send + Sync + 'static>(
    user: RwSignal<Vec<UserDataset>>,
    pick: fn(&UserData) -> Option<Arc<T>>,
) -> Memo<Layers<T>> {
    Memo::new_with_compare(
        move |_| user.with(|u| u.iter().filter_map(|d| Some((d.mode, pick(d.data()?)?))).collect()),
        |a, b| !same_layers(a, b),
    )
}

fn changed<T>(a: Option<&Option<Arc<T>>>, b: Option<&Option<Arc<T>>>) -> bool {
    match (a, b) {
        (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
        (Some(None), Some(None)) => false,
        _ => true,
    }
}

#[derive(Clone, Copy)]
pub struct Store {
    /// The whole view state, mirrored in the URL.
    pub view: RwSignal<ViewState>,
    /// The interface language, and the parts of the view read by every page and chart: each
    /// [`settled`](super::settle::settled) from `view`, so that a filter change does not reach
    /// their readers. A memo would mark each of its readers on every change of `view` (the
    /// language alone has hundreds: every translated text), before it knew its value unchanged
    /// (issue #12).
    pub lang: ReadSignal<Lang>,
    /// The page shown.
    pub page: ReadSignal<Page>,
    /// Whether a story is being presented (`slide=`).
    pub presenting: ReadSignal<bool>,
    /// The chart the view names (`focus=`), if any.
    pub focus: ReadSignal<Option<String>>,
    pub files: RwSignal<Vec<FileState>>,
    /// The rows whose file failed, from `files`: changes only when one fails or recovers, so the
    /// panels that ask `unavailable` are not rebuilt on every other status change (each dataset
    /// that finished loading used to rebuild every chart on the page: ~450 ms at CPU 4×).
    failed: Memo<Vec<Row>>,
    pub manifest: RwSignal<Option<Arc<Manifest>>>,
    pub codes: RwSignal<Option<Arc<Codes>>>,
    /// The code lists' text, handed to the dataset worker.
    pub codes_text: RwSignal<Option<Arc<str>>>,
    /// The bundled datasets, as the loader wrote them.
    pub bundled_labour: RwSignal<Option<Arc<Labour>>>,
    pub bundled_consultations: RwSignal<Option<Arc<Consultations>>>,
    /// Datasets the user loaded, in order (later ones layer over earlier).
    pub user: RwSignal<Vec<UserDataset>>,
    /// The story being edited and presented (the bundled one until the
    /// user changes it; then kept in the browser).
    pub story: RwSignal<Option<Story>>,
    /// The bundled story, for "back to the bundled story".
    pub bundled_story: RwSignal<Option<Story>>,
    /// High contrast and large type, for projectors (always on while presenting).
    pub projector: RwSignal<bool>,
    /// What the next loaded file does: replace or add to the bundled data.
    pub load_mode: RwSignal<Mode>,
    /// The data in effect: bundled data with the user's layers applied.
    pub labour: Memo<Option<Arc<Labour>>>,
    pub consultations: Memo<Option<Arc<Consultations>>>,
    /// Regional indicators (official and illustrative series): the bundled
    /// ones, and in effect with the user's layers applied.
    pub bundled_indicators: RwSignal<Option<Arc<Indicators>>>,
    pub indicators: Memo<Option<Arc<Indicators>>>,
    pub regions: RwSignal<Option<Arc<Regions>>>,
    /// URL parameters that were ignored (shown as a quiet notice).
    pub notices: RwSignal<Vec<Notice>>,
    /// The user's datasets' bytes and bookkeeping (`app::user_data`).
    pub user_files: StoredValue<UserFiles, LocalStorage>,
}

impl Store {
    pub fn new(view: ViewState) -> Store {
        let view = RwSignal::new(view);
        let codes: RwSignal<Option<Arc<Codes>>> = RwSignal::new(None);
        let user: RwSignal<Vec<UserDataset>> = RwSignal::new(Vec::new());
        let bundled_labour = RwSignal::new(None);
        let bundled_consultations = RwSignal::new(None);
        // Layers are memoised by identity so that status changes of other
        // rows (progress, storage) do not redo a merge.
        let labour_layers = layers(user, |d| match d {
            UserData::Labour(l) => Some(l.clone()),
            _ => None,
        });
        let consultation_layers = layers(user, |d| match d {
            UserData::Consultations(c) => Some(c.clone()),
            _ => None,
        });
        let labour = Memo::new_with_compare(
            move |_| merge::layer(bundled_labour.get(), labour_layers.get(), merge::add_labour),
            changed,
        );
        let consultations = Memo::new_with_compare(
            move |_| {
                let codes = codes.get()?;
                merge::layer(bundled_consultations.get(), consultation_layers.get(), |a, b| {
                    merge::add_consultations(a, b, &codes)
                })
            },
            changed,
        );
        let bundled_indicators = RwSignal::new(None);
        let indicator_layers = layers(user, |d| match d {
            UserData::Indicators(x) => Some(x.clone()),
            _ => None,
        });
        let indicators = Memo::new_with_compare(
            move |_| merge::layer(bundled_indicators.get(), indicator_layers.get(), indicators::add),
            changed,
        );
        let files: RwSignal<Vec<FileState>> = RwSignal::new(Vec::new());
        let failed = Memo::new(move |_| {
            files.with(|f| f.iter().filter(|f| matches!(f.status, Status::Failed(_))).map(|f| f.row).collect())
        });
        Store {
            view,
            lang: settled(move || view.with(|v| v.lang.unwrap_or_default())),
            page: settled(move || view.with(|v| v.page)),
            presenting: settled(move || view.with(|v| v.slide.is_some())),
            focus: settled(move || view.with(|v| v.focus.clone())),
            files,
            failed,
            manifest: RwSignal::new(None),
            codes,
            codes_text: RwSignal::new(None),
            bundled_labour,
            bundled_consultations,
            user,
            load_mode: RwSignal::new(Mode::Replace),
            story: RwSignal::new(None),
            bundled_story: RwSignal::new(None),
            projector: RwSignal::new(false),
            labour,
            consultations,
            bundled_indicators,
            indicators,
            regions: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
            user_files: StoredValue::new_local(UserFiles::default()),
        }
    }

    /// Sets the status of the file of `row`, adding its row if new.
    pub fn set_status(&self, row: Row, url: &str, meta: Option<DatasetMeta>, status: Status) {
        self.files.update(|files| match files.iter_mut().find(|f| f.row == row) {
            Some(f) => {
                f.url = url.to_string();
                if meta.is_some() {
                    f.meta = meta;
                }
                // An attempt is a start of loading: a row already loading (the manifest marks the
                // code lists as loading, then their own load does again) is not counted twice.
                f.attempts += u32::from(matches!(status, Status::Loading) && !matches!(f.status, Status::Loading));
                f.status = status;
            }
            None => {
                let attempts = u32::from(matches!(status, Status::Loading));
                files.push(FileState { row, url: url.to_string(), meta, status, attempts })
            }
        });
    }

    /// Changes one of the user's datasets.
    pub fn update_user(&self, id: u32, f: impl FnOnce(&mut UserDataset)) {
        self.user.update(|u| {
            if let Some(d) = u.iter_mut().find(|d| d.id == id) {
                f(d)
            }
        });
    }

    /// True when the bundled dataset of `kind` is part of the data in
    /// effect (no loaded dataset replaces it).
    pub fn bundled_in_use(&self, kind: Kind) -> bool {
        self.user.with(|u| {
            !u.iter().any(|d| {
                d.mode == Mode::Replace
                    && matches!(
                        (d.data(), kind),
                        (Some(UserData::Labour(_)), Kind::LabourMarket)
                            | (Some(UserData::Consultations(_)), Kind::Consultations)
                            | (Some(UserData::Indicators(_)), Kind::Indicators)
                    )
            })
        })
    }

    /// Titles of the loaded datasets in effect (the file name when untitled).
    pub fn user_titles(&self, l: Lang) -> Vec<String> {
        self.user.with(|u| u.iter().filter(|d| d.data().is_some()).map(|d| d.title(l)).collect())
    }

    /// Records left out of the data in effect (the user kept the valid ones).
    pub fn dropped(&self) -> usize {
        self.labour.with(|l| l.as_ref().map_or(0, |l| l.dropped))
            + self.consultations.with(|c| c.as_ref().map_or(0, |c| c.dropped))
    }

    /// True when the file of `kind` failed and nothing of its kind is loaded, so
    /// views show "unavailable" instead of waiting forever.
    pub fn unavailable(&self, kind: Kind) -> bool {
        let failed = self.failed.with(|f| f.iter().any(|r| *r == Row::Dataset(kind) || *r == Row::Manifest));
        let loaded = match kind {
            Kind::LabourMarket => self.labour.with(Option::is_some),
            Kind::Consultations => self.consultations.with(Option::is_some),
            Kind::Indicators => self.indicators.with(Option::is_some),
            Kind::Regions => self.regions.with(Option::is_some),
            Kind::Story => self.story.with(Option::is_some),
            Kind::Codes => self.codes.with(Option::is_some),
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

    /// Changes the view (one history entry per change, see `url_sync`). A region chosen joins the
    /// compared areas (`url::add_area_to_compare`).
    pub fn set_view(&self, f: impl FnOnce(&mut ViewState)) {
        let codes = self.codes.get_untracked();
        self.view.update(|v| {
            let before = v.clone();
            f(v);
            if let Some(codes) = codes {
                crate::core::url::add_area_to_compare(&before, v, &codes);
            }
        });
    }

    /// Changes the view as [`Store::set_view`] does, except that a region chosen does not join the
    /// compared areas: the keyboard's arrows on the region select browse (Chromium sends a change
    /// for each), and [`Store::join_compare`] adds the region finally chosen. Returns the view as
    /// it was.
    pub fn browse_view(&self, f: impl FnOnce(&mut ViewState)) -> ViewState {
        let before = self.view.get_untracked();
        let codes = self.codes.get_untracked();
        self.view.update(|v| {
            // The comparison shown stays as it was while browsing (by default it follows the area).
            if let (true, Some(codes)) = (v.compare.is_empty(), codes) {
                v.compare = crate::core::state::default_compare(v, &codes);
            }
            f(v);
        });
        before
    }

    /// After browsing from `start` (the view before the first [`Store::browse_view`]): the compared
    /// areas become what a pick of the region now chosen, from `start`, would have made them.
    pub fn join_compare(&self, start: &ViewState) {
        let Some(codes) = self.codes.get_untracked() else { return };
        let mut picked = ViewState { area: self.view.with_untracked(|v| v.area.clone()), ..start.clone() };
        crate::core::url::add_area_to_compare(start, &mut picked, &codes);
        if self.view.with_untracked(|v| v.compare != picked.compare) {
            self.view.update(|v| v.compare = picked.compare);
        }
    }
}

/// Provides the store to every component below.
pub fn use_store() -> Store {
    expect_context::<Store>()
}
