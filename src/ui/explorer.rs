//! The shortages explorer: indicator picker, map, time series, rankings and
//! seasonality, all cross-filtering through the one view state.

use leptos::prelude::*;

use crate::app::store::use_store;
use crate::core::data::Indicator;
use crate::core::i18n::{t, Key};

use super::map::MapView;
use super::ranking::RankingView;
use super::seasonality::SeasonalityView;
use super::series::SeriesView;
use crate::core::chart::bars::RankKind;
use crate::core::i18n::labels::indicator_key;

#[component]
pub fn Explorer() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let current = Memo::new(move |_| store.view.with(|v| v.indicator));
    view! {
        <section class="explorer" aria-labelledby="explorer-title">
            <div class="explorer-head">
                <h2 id="explorer-title">{move || t(lang.get(), Key::PageExplore)}</h2>
                <label class="indicator">
                    <span>{move || t(lang.get(), Key::Indicator)}</span>
                    <select data-testid="indicator" prop:value=move || current.get().code() on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(i) = Indicator::ALL.into_iter().find(|i| i.code() == v) {
                            store.set_view(|s| s.indicator = i);
                        }
                    }>
                        // Rebuilt on a language change only; the choice is the select's value.
                        {move || {
                            let l = lang.get();
                            let cur = current.get_untracked();
                            Indicator::ALL
                                .into_iter()
                                .map(|i| view! { <option value=i.code() selected=i == cur>{t(l, indicator_key(i))}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
            </div>
            <div class="explorer-grid">
                <MapView/>
                <div class="explorer-side">
                    <SeriesView/>
                </div>
            </div>
            <div class="explorer-grid two">
                <RankingView kind=RankKind::Occupations/>
                <RankingView kind=RankKind::Sectors/>
            </div>
            <SeasonalityView/>
        </section>
    }
}
