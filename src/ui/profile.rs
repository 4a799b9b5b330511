//! Region profile: one district or focus area, its shortage figures and
//! seasonality next to the barriers raised there and what happened to the
//! recommendations. Everything follows the same filters and URL state.

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::data::aggregate::Area;
use crate::core::i18n::{t, Key};

use super::consultations::{BarriersView, RecommendationList, StatusSummary};
use super::headlines::Headlines;
use super::seasonality::SeasonalityView;

#[component]
pub fn RegionProfile() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let name = move || {
        let l = lang.get();
        let codes = store.codes.get()?;
        Some(crate::core::i18n::labels::area_name(derived.filter.get()?.area, &codes, l))
    };
    let note = move || {
        let l = lang.get();
        let codes = store.codes.get()?;
        match derived.filter.get()?.area {
            Area::Focus(i) => Some(codes.focus_areas().get(i)?.note.get(l).to_string()),
            _ => None,
        }
    };
    let is_national = move || derived.filter.with(|f| f.as_ref().is_none_or(|f| f.area == Area::Portugal));
    view! {
        <section class="profile" aria-labelledby="profile-title">
            <h2 id="profile-title" class="profile-title" data-testid="profile-title">
                {move || format!("{}: {}", t(lang.get(), Key::ProfileOf), name().unwrap_or_default())}
            </h2>
            <Show when=is_national fallback=|| ()>
                <p class="hint">{move || t(lang.get(), Key::ProfileHint)}</p>
            </Show>
            {move || note().map(|n| view! { <p class="hint">{n}</p> })}
            <Headlines/>
            <super::consultations::OutcomesScope/>
            <div class="explorer-grid two">
                <BarriersView/>
                <StatusSummary/>
            </div>
            <SeasonalityView/>
            <RecommendationList/>
        </section>
    }
}
