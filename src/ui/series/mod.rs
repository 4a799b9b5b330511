//! The shortages series: monthly line chart of the indicator for up to five areas (the model:
//! `core::chart::line`), with a read-out on hover and keyboard (← →), the selected period shaded,
//! range sliders, the compared areas' chips and their side-by-side table.

mod chart;
mod compare;

pub use chart::LineChart;
pub use compare::ComparePicker;
use compare::CompareTable;

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::line::LineData;
use crate::core::chart::palette::keep_colours;
use crate::core::data::Month;
use crate::core::format;
use crate::core::i18n::{t, Key};
use crate::core::state::area_code;

use crate::core::i18n::labels::area_name;
use crate::core::i18n::labels::indicator_key;

/// Each compared area's code and its colour (an index in `palette::SERIES`).
type Colours = Vec<(String, usize)>;

/// The shortages series: the chosen indicator, monthly, for the compared areas.
#[component]
pub fn SeriesView() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let indicator = Memo::new(move |_| store.view.with(|v| v.indicator));
    let compare =
        Memo::new(move |_| derived.resolved.with(|r| r.as_ref().map(|r| r.compare.clone()).unwrap_or_default()));
    // Each compared area keeps its colour while it stays compared (lines, legend, chips, table),
    // within one slide: a slide's colours are those of its own comparison, whichever slide it was
    // reached from, so a slide shows the colours it had when rehearsed.
    let slide = Memo::new(move |_| store.view.with(|v| v.slide));
    let kept = Memo::new(move |prev: Option<&(Option<usize>, Colours)>| {
        let s = slide.get();
        let Some(codes) = store.codes.get() else { return (s, Vec::new()) };
        let areas: Vec<String> = compare.get().iter().map(|a| area_code(*a, &codes)).collect();
        let before = prev.filter(|(p, _)| *p == s).map_or(&[][..], |(_, c)| c.as_slice());
        (s, keep_colours(before, &areas))
    });
    let colours = Memo::new(move |_| kept.with(|(_, c)| c.clone()));
    let data = Memo::new(move |_| {
        let l = lang.get();
        let agg = derived.agg.get()?;
        let codes = store.codes.get()?;
        let f = derived.filter.get()?;
        let ind = indicator.get();
        let first = agg.series_first;
        let lines: Vec<Vec<Option<f64>>> = (0..agg.series.len()).map(|k| agg.series_values(ind, k)).collect();
        let n = lines.first().map_or(0, Vec::len);
        let month = |i: usize| first.plus(i as u32);
        Some(LineData {
            x_header: t(l, Key::Month).to_string(),
            keys: (0..n).map(|i| month(i).to_string()).collect(),
            points: (0..n).map(|i| format::month(l, month(i))).collect(),
            ticks: (0..n).filter(|i| month(*i).month() == 1).map(|i| (i, month(i).year().to_string())).collect(),
            lines: compare.get().iter().map(|a| area_name(*a, &codes, l)).zip(lines).collect(),
            decimals: ind.decimals(),
            colours: colours.get().into_iter().map(|(_, c)| c).collect(),
            shade: Some((
                f.from.index().saturating_sub(first.index()) as usize,
                f.to.index().saturating_sub(first.index()) as usize,
            )),
        })
    });
    let title = Signal::derive(move || {
        format!("{} · {}", t(lang.get(), Key::SeriesTitle), t(lang.get(), indicator_key(indicator.get())))
    });
    view! {
        <LineChart
            id="series"
            title=title
            hint=Signal::derive(move || t(lang.get(), Key::SeriesHint).to_string())
            data=data
            source=Signal::derive(move || crate::app::export::source_line(store, lang.get()))
            pending_key=crate::core::data::manifest::Kind::LabourMarket
        />
        <ComparePicker colours=Signal::derive(move || colours.get().into_iter().map(|(_, c)| c).collect::<Vec<_>>())/>
        <PeriodSliders/>
        <CompareTable colours=colours/>
    }
}

/// Two sliders for the period: keyboard-operable range selection.
#[component]
pub(super) fn PeriodSliders() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let bounds = move || store.labour.with(|l| l.as_ref().map(|l| (l.first, l.last)));
    let slider = move |is_from: bool| {
        let label = move || t(lang.get(), if is_from { Key::PeriodFrom } else { Key::PeriodTo });
        let value = move || {
            let (first, _) = bounds()?;
            let f = derived.filter.get()?;
            Some((if is_from { f.from } else { f.to }).index().saturating_sub(first.index()))
        };
        view! {
            <label class="slider">
                <span>{label}</span>
                <input
                    type="range"
                    min="0"
                    max=move || bounds().map_or(0, |(a, b)| a.span_to(b).saturating_sub(1))
                    prop:value=move || value().unwrap_or(0).to_string()
                    aria-valuetext=move || {
                        let (first, _) = bounds()?;
                        Some(format::month(lang.get(), first.plus(value()?)))
                    }
                    data-testid=if is_from { "slider-from" } else { "slider-to" }
                    on:change=move |ev| {
                        let Some((first, _)) = bounds() else { return };
                        let Ok(i) = event_target_value(&ev).parse::<u32>() else { return };
                        let m = Some(Month::from_index(first.index() + i));
                        store.set_view(|v| if is_from { v.from = m } else { v.to = m });
                    }
                />
                <output>{move || bounds().zip(value()).map(|((first, _), v)| format::month(lang.get(), first.plus(v)))}</output>
            </label>
        }
    };
    view! {
        <div class="sliders" aria-label=move || t(lang.get(), Key::Period) role="group">
            {slider(true)}
            {slider(false)}
        </div>
    }
}
