//! The most-short occupations: open vacancies per registered jobseeker.

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::data::aggregate::period_value;
use crate::core::data::labour::Measure;
use crate::core::data::manifest::Kind;
use crate::core::format;
use crate::core::i18n::{t, Key};

/// Rows shown in the overview.
const TOP: usize = 10;

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
        let rows: Vec<_> = o.by_occupation.iter().filter(|r| r.ratio.is_some()).take(TOP).cloned().collect();
        if rows.is_empty() {
            return view! { <p class="empty">{t(l, Key::NoData)}</p> }.into_any();
        }
        let max = rows.iter().filter_map(|r| r.ratio).fold(0.0_f64, f64::max).max(1e-9);
        let months = o.months_with_data;
        view! {
            <div class="table-scroll" tabindex="0"><table class="data-table" data-testid="top-occupations">
                <thead>
                    <tr>
                        <th scope="col">{t(l, Key::Occupation)}</th>
                        <th scope="col" class="num">{t(l, Key::VacanciesOpen)}</th>
                        <th scope="col" class="num">{t(l, Key::Jobseekers)}</th>
                        <th scope="col" class="num">{t(l, Key::Ratio)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let occ = &codes.occupations()[r.occupation];
                            let ratio = r.ratio.unwrap_or(0.0);
                            let width = format!("{:.1}%", 100.0 * ratio / max);
                            let short = ratio > 1.0;
                            view! {
                                <tr class:short=short>
                                    <th scope="row">
                                        <span class="code">{occ.code.clone()}</span>
                                        " "
                                        {occ.name.get(l).to_string()}
                                    </th>
                                    <td class="num">
                                        {format::maybe(l, period_value(&r.sums, Measure::VacanciesOpen, months), 0)}
                                    </td>
                                    <td class="num">
                                        {format::maybe(l, period_value(&r.sums, Measure::Jobseekers, months), 0)}
                                    </td>
                                    <td class="num ratio">
                                        <span class="bar" aria-hidden="true">
                                            <span class="bar-fill" style:width=width></span>
                                        </span>
                                        {format::number(l, ratio, 2)}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table></div>
        }
        .into_any()
    };
    view! {
        <section class="panel" aria-labelledby="occ-title">
            <h2 id="occ-title">{move || t(lang.get(), Key::TopOccupations)}</h2>
            <p class="hint">{move || t(lang.get(), Key::TopOccupationsHint)}</p>
            {body}
        </section>
    }
}
