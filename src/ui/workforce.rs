//! The foreign-workforce page (`?page=workforce`): a district map and a
//! ranking of the chosen indicator series and year, growth over a chosen
//! span, and the yearly series of up to five areas — plus the official
//! figures of an area shown beside the illustrative shortage figures on the
//! overview and the region profile. Every figure carries its label
//! (official or illustrative) and its provenance (publisher, table, date).
//! The figures come from `data::indicators` queries; nothing is computed here.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::store::{use_store, Store};
use crate::core::data::aggregate::Area;
use crate::core::data::codes::Codes;
use crate::core::data::indicators::{area_label, Indicators, Period};
use crate::core::data::manifest::Kind;
use crate::core::data::Lang;
use crate::core::export::ExportContext;
use crate::core::format;
use crate::core::i18n::{t, Key};
use crate::core::state::{parse_area, MAX_COMPARE};

use super::map::{Choropleth, MapData};
use super::ranking::BarChart;
use super::series::{ComparePicker, LineChart};
use crate::core::chart::bars::Bar;
use crate::core::chart::line::LineData;
use crate::core::i18n::official::{badge_key, figure, growth_text, provenance, short_source, source_part};

/// The area of the view as a code ("PT" when none or unknown).
fn view_area(store: Store, codes: &Codes) -> String {
    store.view.with(|v| v.area.clone()).filter(|a| parse_area(a, codes).is_some()).unwrap_or_else(|| "PT".into())
}

/// The official (and other indicator) figures of the area of the view: one
/// card per series with a figure for it, each labelled official or
/// illustrative with its source and date. Shown on the overview and profile.
#[component]
pub fn OfficialFigures() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let cards = move || {
        let l = lang.get();
        let (Some(ind), Some(codes)) = (store.indicators.get(), store.codes.get()) else {
            return super::pending(store, Kind::Indicators, "official-unavailable");
        };
        let area = view_area(store, &codes);
        let figures = ind.area_figures(&area, &codes);
        if figures.is_empty() {
            return view! { <p class="empty" data-testid="no-official">{t(l, Key::NoOfficialFigures)}</p> }.into_any();
        }
        figures
            .into_iter()
            .map(|f| {
                let s = &ind.series[f.series];
                let official = !s.illustrative;
                let growth = f.growth.map(|(from, factor, pct)| {
                    format!("{} {} {from}", growth_text(l, factor, pct), t(l, Key::Since))
                });
                let flag = f.flag.clone().map(|x| format!(" ({x})"));
                // A figure given for the same territory under another code (NUTS II Algarve for Faro).
                let via = (f.area != area).then(|| format!(" · {}", area_label(&f.area, &codes, l)));
                view! {
                    <div class="card indicator-card" class:official=official data-testid=format!("official-{}", s.id)>
                        <div class="card-label">
                            <span class=if official { "badge small badge-official" } else { "badge small" } data-testid="figure-label">
                                {t(l, badge_key(s))}
                            </span>
                            " "
                            {s.title.get(l).to_string()}
                        </div>
                        <div class="card-value" data-testid="figure-value">{figure(l, s.unit, Some(f.value))}</div>
                        <div class="card-hint">{f.period.to_string()}{flag}{via}{growth.map(|g| format!(" · {g}"))}</div>
                        <div class="card-source" data-testid="figure-source">{provenance(s, l)}</div>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    let open = move |_| store.set_view(|v| v.page = crate::core::state::Page::Workforce);
    view! {
        <section class="official-figures" id="official-figures" aria-labelledby="official-title" data-testid="official-figures">
            <h3 id="official-title">{move || t(lang.get(), Key::OfficialFigures)}</h3>
            <p class="hint">{move || t(lang.get(), Key::OfficialFiguresHint)}</p>
            <div class="cards">{cards}</div>
            <button class="link" data-testid="open-workforce" on:click=open>{move || t(lang.get(), Key::OpenWorkforce)}</button>
        </section>
    }
}

/// The series, year and span of the page, resolved against the data.
#[derive(Clone, Debug, PartialEq)]
struct Chosen {
    ind: Arc<Indicators>,
    codes: Arc<Codes>,
    series: usize,
    period: Period,
    from: Period,
    to: Period,
}

#[component]
pub fn Workforce() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let chosen = Memo::new(move |_| {
        let ind = store.indicators.get()?;
        let codes = store.codes.get()?;
        let (ser, year, span) = store.view.with(|v| (v.series.clone(), v.year, v.span));
        let sel = ind.select(ser.as_deref(), year, span, &codes)?;
        Some(Chosen { series: sel.series, period: sel.period, from: sel.from, to: sel.to, ind, codes })
    });
    let series_meta = move || chosen.with(|c| c.as_ref().map(|c| c.ind.series[c.series].clone()));
    let title_of = move |l: Lang| series_meta().map(|s| s.title.get(l).to_string()).unwrap_or_default();
    let note = Signal::derive(move || series_meta().map(|s| short_source(&s, lang.get())).unwrap_or_default());
    // What each chart's exports say about themselves: the series, the area
    // chosen, the period(s) shown, the source with its label, and the date.
    let export_for = move |view: &'static str| {
        Signal::derive(move || {
            let l = lang.get();
            let c = chosen.get()?;
            let s = &c.ind.series[c.series];
            let area = view_area(store, &c.codes);
            let (a, b) = match view {
                "wf-growth" => (c.from, c.to),
                "wf-series" => {
                    let p = c.ind.periods(c.series);
                    (*p.first()?, *p.last()?)
                }
                _ => (c.period, c.period),
            };
            let words = if a == b { a.to_string() } else { format!("{a}–{b}") };
            Some(ExportContext {
                view: view.to_string(),
                indicator: Some((s.id.clone(), s.title.get(l).to_string())),
                area: (area.clone(), area_label(&area, &c.codes, l)),
                period: Some((a.to_string(), b.to_string(), words)),
                source: provenance(s, l),
                data_date: Some(s.date.clone()).filter(|d| !d.is_empty()),
                illustrative: s.illustrative,
                ..ExportContext::default()
            })
        })
    };
    let compare = Memo::new(move |_| {
        let codes = store.codes.get()?;
        let listed: Vec<Area> = store.view.with(|v| v.compare.iter().filter_map(|c| parse_area(c, &codes)).collect());
        if !listed.is_empty() {
            return Some(listed);
        }
        let mut out: Vec<Area> = Vec::new();
        let area = store.view.with(|v| v.area.clone()).and_then(|a| parse_area(&a, &codes));
        out.extend(area.filter(|a| *a != Area::Portugal));
        for (i, f) in codes.focus_areas().iter().enumerate() {
            // A focus area of the one district chosen would draw the same line twice.
            let same = matches!(out.first(), Some(Area::District(r)) if codes.focus_regions[i] == [*r]);
            if let Some(a) = parse_area(&f.code, &codes).filter(|a| !out.contains(a) && !same) {
                out.push(a);
            }
        }
        out.truncate(MAX_COMPARE);
        Some(out)
    });
    let map_data = Memo::new(move |_| {
        let c = chosen.get()?;
        let s = &c.ind.series[c.series];
        let values = c.ind.district_values(c.series, c.period, &c.codes);
        let finite: Vec<f64> = values.iter().flatten().copied().filter(|x| x.is_finite()).collect();
        Some(MapData {
            classes: crate::core::chart::legend::sequential(&finite, s.unit.decimals(), lang.get()),
            changes: Vec::new(),
            values,
            decimals: s.unit.decimals(),
            label: s.title.get(lang.get()).to_string(),
        })
    });
    let rank = Memo::new(move |_| {
        let c = chosen.get()?;
        let l = lang.get();
        let bars: Vec<Bar> = c
            .ind
            .ranking(c.series, c.period, &c.codes)
            .into_iter()
            .map(|(a, v)| (a.clone(), area_label(&a, &c.codes, l), v))
            .collect();
        Some(bars)
    });
    let growth = Memo::new(move |_| {
        let c = chosen.get()?;
        let l = lang.get();
        let bars: Vec<Bar> = c
            .ind
            .growth_ranking(c.series, c.from, c.to, &c.codes)
            .into_iter()
            .map(|(a, g)| {
                let name = match g {
                    Some((factor, _)) => format!("{} ×{}", area_label(&a, &c.codes, l), format::number(l, factor, 2)),
                    None => area_label(&a, &c.codes, l),
                };
                (a, name, g.map(|g| g.1))
            })
            .collect();
        Some(bars)
    });
    let yearly = Memo::new(move |_| {
        let c = chosen.get()?;
        let l = lang.get();
        let areas = compare.get()?;
        let periods = c.ind.periods(c.series);
        let code = |a: Area| crate::core::state::area_code(a, &c.codes);
        Some(LineData {
            x_header: t(l, Key::YearLabel).to_string(),
            keys: periods.iter().map(Period::to_string).collect(),
            points: periods.iter().map(Period::to_string).collect(),
            ticks: periods.iter().enumerate().map(|(i, p)| (i, p.to_string())).collect(),
            lines: areas
                .iter()
                .map(|a| {
                    let values = periods.iter().map(|p| c.ind.value(c.series, &code(*a), *p, &c.codes)).collect();
                    (crate::core::i18n::labels::area_name(*a, &c.codes, l), values)
                })
                .collect(),
            colours: Vec::new(),
            decimals: c.ind.series[c.series].unit.decimals(),
            shade: None,
        })
    });
    let toggle_area = move |code: String| store.set_view(|v| crate::core::state::toggle(&mut v.area, &code));
    let current = Signal::derive(move || store.view.with(|v| v.area.clone()));
    let year_options = move || chosen.with(|c| c.as_ref().map(|c| c.ind.periods(c.series)).unwrap_or_default());
    let select_year = move |which: u8| {
        move |ev: leptos::ev::Event| {
            let Ok(y) = event_target_value(&ev).parse::<u16>() else { return };
            let Some(c) = chosen.get_untracked() else { return };
            // The lists only offer a start before the end and an end after the start.
            store.set_view(|v| match which {
                0 => v.year = Some(y),
                1 => v.span = Some((y, c.to.year)),
                _ => v.span = Some((c.from.year, y)),
            });
        }
    };
    let year_select = move |which: u8, testid: &'static str, label: Key| {
        view! {
            <label class="indicator">
                <span>{move || t(lang.get(), label)}</span>
                <select data-testid=testid on:change=select_year(which)>
                    {move || {
                        let bounds = chosen.with(|c| c.as_ref().map(|c| (c.from.year, c.to.year)));
                        let cur = chosen.with(|c| c.as_ref().map(|c| [c.period, c.from, c.to][usize::from(which)]));
                        year_options()
                            .into_iter()
                            .filter(|p| match (which, bounds) {
                                (1, Some((_, to))) => p.year < to,
                                (2, Some((from, _))) => p.year > from,
                                _ => true,
                            })
                            .map(|p| view! { <option value=p.year.to_string() prop:selected=Some(p) == cur>{p.to_string()}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
        }
    };
    // Built once a series can be shown; the selects then update the charts, keeping their table view.
    let ready = Memo::new(move |_| chosen.with(Option::is_some));
    let body = move || {
        if !ready.get() {
            if store.indicators.with(|i| i.as_ref().is_some_and(|i| i.series.is_empty())) {
                return view! { <p class="empty">{t(lang.get(), Key::NoIndicators)}</p> }.into_any();
            }
            return super::pending(store, Kind::Indicators, "workforce-unavailable");
        }
        view! {
            <div class="explorer-head wf-controls">
                <label class="indicator">
                    <span>{move || t(lang.get(), Key::SeriesLabel)}</span>
                    <select data-testid="wf-series" on:change=move |ev| {
                        let id = event_target_value(&ev);
                        store.set_view(|v| {
                            v.series = Some(id);
                            v.year = None;
                            v.span = None;
                        });
                    }>
                        {move || {
                            let l = lang.get();
                            chosen.with(|c| {
                                let Some(c) = c else { return Vec::new() };
                                c.ind
                                    .series
                                    .iter()
                                    .enumerate()
                                    .map(|(i, s)| {
                                        let label = format!("{} ({})", s.title.get(l), t(l, badge_key(s)));
                                        view! { <option value=s.id.clone() prop:selected=i == c.series>{label}</option> }
                                    })
                                    .collect::<Vec<_>>()
                            })
                        }}
                    </select>
                </label>
                {year_select(0, "wf-year", Key::YearLabel)}
                {year_select(1, "wf-from", Key::SpanFrom)}
                {year_select(2, "wf-to", Key::SpanTo)}
            </div>
            <p class="provenance" data-testid="wf-provenance">
                <span class=move || if series_meta().is_some_and(|s| !s.illustrative) { "badge small badge-official" } else { "badge small" }>
                    {move || series_meta().map(|s| t(lang.get(), badge_key(&s))).unwrap_or_default()}
                </span>
                " "
                {move || series_meta().map(|s| source_part(&s, lang.get())).unwrap_or_default()}
                {move || {
                    series_meta()
                        .filter(|s| !s.illustrative)
                        .map(|s| s.note.get(lang.get()).to_string())
                        .filter(|n| !n.is_empty())
                        .map(|n| view! { <br/><span class="muted">{n}</span> })
                }}
            </p>
            <div class="explorer-grid">
                <Choropleth
                    id="wf-map"
                    title=Signal::derive(move || {
                        let p = chosen.with(|c| c.as_ref().map(|c| c.period.to_string())).unwrap_or_default();
                        format!("{} · {p}", t(lang.get(), Key::MapTitle))
                    })
                    hint=Signal::derive(move || t(lang.get(), Key::WorkforceMapHint).to_string())
                    data=map_data
                    source=note
                    export=export_for("wf-map")
                />
                <div class="explorer-side">
                    <BarChart
                        id="wf-rank"
                        title=Signal::derive(move || {
                            let p = chosen.with(|c| c.as_ref().map(|c| c.period.to_string())).unwrap_or_default();
                            format!("{} · {p}", t(lang.get(), Key::WorkforceRank))
                        })
                        hint=Signal::derive(move || t(lang.get(), Key::WorkforceRankHint).to_string())
                        rows=rank
                        decimals=Signal::derive(move || series_meta().map_or(0, |s| s.unit.decimals()))
                        headers=Signal::derive(move || {
                            let l = lang.get();
                            [t(l, Key::CodeColumn).to_string(), t(l, Key::AreaLabel).to_string(), title_of(l)]
                        })
                        current=current
                        on_toggle=Callback::new(toggle_area)
                        source=note
                        export=export_for("wf-rank")
                        pending_key=Kind::Indicators
                    />
                </div>
            </div>
            <div class="explorer-grid two">
                <BarChart
                    id="wf-growth"
                    title=Signal::derive(move || {
                        let span = chosen.with(|c| c.as_ref().map(|c| format!("{}→{}", c.from, c.to))).unwrap_or_default();
                        format!("{} · {span}", t(lang.get(), Key::GrowthTitle))
                    })
                    hint=Signal::derive(move || t(lang.get(), Key::GrowthHint).to_string())
                    rows=growth
                    decimals=Signal::derive(|| 1)
                    headers=Signal::derive(move || {
                        let l = lang.get();
                        [t(l, Key::CodeColumn).to_string(), format!("{} ({})", t(l, Key::AreaLabel), t(l, Key::GrowthFactor)), t(l, Key::ChangePct).to_string()]
                    })
                    current=current
                    on_toggle=Callback::new(toggle_area)
                    source=note
                    export=export_for("wf-growth")
                    pending_key=Kind::Indicators
                />
                <div>
                    <LineChart
                        id="wf-series"
                        title=Signal::derive(move || t(lang.get(), Key::YearlyTitle).to_string())
                        hint=Signal::derive(move || t(lang.get(), Key::YearlyHint).to_string())
                        data=yearly
                        source=note
                        export=export_for("wf-series")
                        pending_key=Kind::Indicators
                    />
                    <ComparePicker areas=Signal::derive(move || compare.get().unwrap_or_default())/>
                </div>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="explorer workforce" aria-labelledby="workforce-title" data-testid="workforce">
            <h2 id="workforce-title">{move || t(lang.get(), Key::PageWorkforce)}</h2>
            <p class="hint">{move || t(lang.get(), Key::WorkforceIntro)}</p>
            {body}
        </section>
    }
}
