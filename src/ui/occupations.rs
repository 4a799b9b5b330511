//! The most-short occupations: open vacancies per registered jobseeker.

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::bar_table::{model, Column, Entry, Spec};
use crate::core::data::aggregate::period_value;
use crate::core::data::labour::Measure;
use crate::core::data::manifest::Kind;
use crate::core::i18n::{t, Key};
use crate::ui::bar_table::bar_table;

/// Rows shown in the overview.
const TOP: usize = 10;

/// Open vacancies, jobseekers (monthly averages) and their ratio, with the bar; more vacancies
/// than jobseekers is a shortage.
const SPEC: Spec = Spec {
    head: Key::Occupation,
    columns: &[
        Column { header: Key::VacanciesOpen, decimals: 0 },
        Column { header: Key::Jobseekers, decimals: 0 },
        Column { header: Key::Ratio, decimals: 2 },
    ],
    bar: 2,
    alt: false,
    flag_above: Some(1.0),
    show_code: true,
    empty: Key::NoData,
};

#[component]
pub fn TopOccupations() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let body = move || {
        let l = lang.get();
        let (Some(o), Some(codes)) = (derived.agg.get(), store.codes.get()) else {
            return super::pending(store, Kind::LabourMarket, "occupations-unavailable");
        };
        let months = o.months_with_data;
        let entries: Vec<Entry> = o
            .by_occupation
            .iter()
            .filter(|r| r.ratio.is_some())
            .take(TOP)
            .map(|r| {
                let occ = &codes.occupations()[r.occupation];
                Entry {
                    code: occ.code.clone(),
                    name: occ.name.get(l).to_string(),
                    values: vec![
                        period_value(&r.sums, Measure::VacanciesOpen, months),
                        period_value(&r.sums, Measure::Jobseekers, months),
                        r.ratio,
                    ],
                }
            })
            .collect();
        bar_table(model(SPEC, &entries, l), "top-occupations", None, None)
    };
    view! {
        <section class="panel" aria-labelledby="occ-title">
            <h2 id="occ-title">{move || t(lang.get(), Key::TopOccupations)}</h2>
            <p class="hint">{move || t(lang.get(), Key::TopOccupationsHint)}</p>
            {body}
        </section>
    }
}
