//! The aggregates derived from the store: one memo each, recomputed only when the
//! view or the data they read changes, shared by every view through context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::data::aggregate::{self, Aggregates, Filter};
use crate::core::data::outcomes::ThemeRow;
use crate::core::state::Resolved;

use super::js::{now_ms, record_timing};
use super::store::Store;

/// Aggregates derived from the store, computed once per change of the view
/// or the data and shared by every view.
#[derive(Clone, Copy)]
pub struct Derived {
    pub resolved: Memo<Option<Resolved>>,
    pub filter: Memo<Option<Filter>>,
    pub agg: Memo<Option<Arc<Aggregates>>>,
    /// Outcomes by theme (all themes) for the overview.
    pub themes: Memo<Option<Arc<Vec<ThemeRow>>>>,
    /// Positions of the consultation outcomes matching every filter.
    pub outcomes: Memo<Option<Arc<Vec<usize>>>>,
    /// The same without the theme filter: the theme charts show every theme
    /// (the chosen one highlighted), so they can cross-filter.
    pub outcomes_any_theme: Memo<Option<Arc<Vec<usize>>>>,
}

pub fn use_derived() -> Derived {
    expect_context::<Derived>()
}

/// Builds the memos once, for the root view to provide as context.
pub fn derive(store: Store) -> Derived {
    let resolved = Memo::new(move |_| store.resolved());
    let filter = Memo::new(move |_| resolved.with(|r| r.as_ref().map(|r| r.filter.clone())));
    let compare = Memo::new(move |_| resolved.with(|r| r.as_ref().map(|r| r.compare.clone()).unwrap_or_default()));
    // Once per dataset: where each month's records are, and the sums by month × region.
    let prepared = Memo::new(move |_| {
        let codes = store.codes.get()?;
        let labour = store.labour.get()?;
        Some(Arc::new(aggregate::Prepared::new(&labour, &codes)))
    });
    // The compared areas' series depend on the sector, the occupation and the compared areas
    // only: a change of period or area does not recompute them.
    let series_input =
        Memo::new(move |_| filter.with(|f| f.as_ref().map(|f| (f.sector.clone(), f.occupation.clone()))));
    let series = Memo::new(move |_| {
        let (sector, occupation) = series_input.get()?;
        let codes = store.codes.get()?;
        let labour = store.labour.get()?;
        let prepared = prepared.get()?;
        Some(Arc::new(aggregate::series(
            &labour,
            &codes,
            &prepared,
            sector.as_deref(),
            occupation.as_deref(),
            &compare.get(),
        )))
    });
    let agg = Memo::new(move |_| {
        let f = filter.get()?;
        let codes = store.codes.get()?;
        let labour = store.labour.get()?;
        let started = now_ms();
        let prepared = prepared.get()?;
        let mut agg = aggregate::aggregate_period(&labour, &codes, &prepared, &f);
        agg.series = if labour.is_empty() || f.from.span_to(f.to) == 0 {
            vec![vec![Default::default(); labour.first.span_to(labour.last) as usize]; compare.with(Vec::len)]
        } else {
            series.get().map(|s| (*s).clone()).unwrap_or_default()
        };
        record_timing("aggregate", now_ms() - started);
        Some(Arc::new(agg))
    });
    let select = move |any_theme: bool| {
        let (f, mut q) = resolved.with(|r| r.as_ref().map(|r| (r.filter.clone(), r.outcomes.clone())))?;
        if any_theme {
            q.theme = None;
        }
        let codes = store.codes.get()?;
        let cons = store.consultations.get()?;
        Some(Arc::new(crate::core::data::outcomes::matching(&cons, &codes, &f, &q)))
    };
    let outcomes = Memo::new(move |_| select(false));
    let outcomes_any_theme = Memo::new(move |_| select(true));
    let themes = Memo::new(move |_| {
        let idx = outcomes_any_theme.get()?;
        let codes = store.codes.get()?;
        let cons = store.consultations.get()?;
        Some(Arc::new(crate::core::data::outcomes::theme_summary(&cons, &codes, &idx)))
    });
    Derived { resolved, filter, agg, themes, outcomes, outcomes_any_theme }
}
