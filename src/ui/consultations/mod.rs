//! Consultation outcomes: barriers by theme and group, the priority matrix,
//! the searchable recommendations list and the events. Every view reads the
//! same filtered outcomes (`Derived::outcomes`) and writes the same view state;
//! each chart draws the model `core::chart` lays out for its width.

mod barriers;
mod events;
mod matrix;
mod recommendations;

pub use barriers::BarriersView;
pub use events::{EventsTable, StatusSummary};
pub use matrix::PriorityMatrix;
pub use recommendations::RecommendationList;

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::palette::text_on;
use crate::core::chart::stacked::group_colour;
use crate::core::format;
use crate::core::i18n::{t, tf, Key};

/// The label keys of statuses, priorities and weightings (`core::i18n::labels`).
pub use crate::core::i18n::labels::{priority_key, status_key, weight_key};

/// "N of M consultation outcomes shown", and the switch between every date (the default: consultations
/// have their own calendar) and the labour-market period of the filters.
#[component]
pub fn OutcomesScope() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let follow = Memo::new(move |_| store.view.with(|v| v.follow_period));
    let counts = move || {
        let shown = derived.outcomes.with(|o| o.as_ref().map(|o| o.len()))?;
        let total = store.consultations.with(|c| c.as_ref().map(|c| c.outcomes().len()))?;
        Some((shown, total))
    };
    let text = move || {
        let l = lang.get();
        counts().map(|(n, m)| {
            let (shown, total) = (format::integer(l, n as f64), format::integer(l, m as f64));
            tf(l, Key::OutcomesShown, &[("shown", &shown), ("total", &total)])
        })
    };
    let period = move || {
        let l = lang.get();
        derived.filter.with(|f| f.as_ref().map(|f| format::period(l, f.from, f.to))).unwrap_or_default()
    };
    view! {
        <div class="outcomes-scope" role="status">
            <span data-testid="outcomes-shown">{text}</span>
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="follow-period"
                    prop:checked=move || follow.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        store.set_view(|v| v.follow_period = on);
                    }
                />
                {move || format!("{} ({})", t(lang.get(), Key::FollowPeriod), period())}
            </label>
        </div>
    }
}

#[component]
pub fn ConsultationsPage() -> impl IntoView {
    view! {
        <section class="consultations">
            <OutcomesScope/>
            <div class="explorer-grid two">
                <BarriersView/>
                <PriorityMatrix/>
            </div>
            <RecommendationList/>
            <EventsTable/>
        </section>
    }
}

/// Readable text colour on a group colour (legend chips outside SVG).
pub fn group_text(g: usize) -> &'static str {
    text_on(group_colour(g))
}
