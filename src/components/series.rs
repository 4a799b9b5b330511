//! Monthly line chart of the indicator for up to five areas, with a read-out
//! on hover and keyboard (← →), the selected period shaded, and range sliders.

use leptos::prelude::*;

use crate::app::root::use_derived;
use crate::app::store::use_store;
use crate::chart::palette::SERIES;
use crate::chart::scale::{nice_domain, nice_ticks, Linear};
use crate::data::aggregate::Area;
use crate::data::Month;
use crate::format;
use crate::i18n::{t, Key};
use crate::table::{Table, Value};
use crate::view_state::{area_code, MAX_COMPARE};

use super::frame::{indicator_key, ChartFrame};
use super::labels::area_name;

const W: f64 = 760.0;
const H: f64 = 340.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 64.0;

/// What a line chart shows: one line per area over points in time.
#[derive(Clone, Debug, PartialEq)]
pub struct LineData {
    /// Header of the first table column ("Month", "Year").
    pub x_header: String,
    /// Each point as in the table ("2025-07") and as read out ("jul 2025").
    pub keys: Vec<String>,
    pub points: Vec<String>,
    /// Axis labels: (point, label), with a grid line.
    pub ticks: Vec<(usize, String)>,
    /// (name, values per point) of each line, in legend order.
    pub lines: Vec<(String, Vec<Option<f64>>)>,
    pub decimals: usize,
    /// Points shaded as the selected period (first, last), if any.
    pub shade: Option<(usize, usize)>,
}

/// The shortages series: the chosen indicator, monthly, for the compared areas.
#[component]
pub fn SeriesView() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let indicator = Memo::new(move |_| store.view.with(|v| v.indicator));
    let compare =
        Memo::new(move |_| derived.resolved.with(|r| r.as_ref().map(|r| r.compare.clone()).unwrap_or_default()));
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
            source=Signal::derive(move || super::labels::source_line(store, lang.get()))
            pending_key="labour_market"
        />
        <ComparePicker/>
        <PeriodSliders/>
    }
}

/// A line chart in a chart frame, with a read-out on hover and keyboard
/// (← → Home End), axis labels, a legend and the source under it; the table
/// and downloads hold exactly the values drawn.
#[component]
pub fn LineChart(
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    data: Memo<Option<LineData>>,
    #[prop(into)] source: Signal<String>,
    /// The dataset whose failure makes the chart "unavailable".
    pending_key: &'static str,
    /// What the exports say about themselves (see `ChartFrame`).
    #[prop(optional, into)]
    export: MaybeProp<crate::export::ExportContext>,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let hover = RwSignal::new(None::<usize>);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let table = Signal::derive(move || {
        let Some(d) = data.get() else { return Table::default() };
        let mut headers = vec![d.x_header.clone()];
        headers.extend(d.lines.iter().map(|(name, _)| name.clone()));
        Table {
            headers,
            rows: d
                .keys
                .iter()
                .enumerate()
                .map(|(i, key)| {
                    let mut row = vec![Value::Text(key.clone())];
                    row.extend(d.lines.iter().map(|(_, line)| Value::Num(line.get(i).copied().flatten(), d.decimals)));
                    row
                })
                .collect(),
        }
    });
    let body = move || {
        let l = lang.get();
        let Some(d) = data.get() else {
            return super::pending(store, pending_key, "series-unavailable");
        };
        let dec = d.decimals;
        let n = d.keys.len().max(1);
        let all: Vec<f64> = d.lines.iter().flat_map(|(_, v)| v).flatten().copied().filter(|v| v.is_finite()).collect();
        let lo = all.iter().copied().fold(0.0_f64, f64::min);
        let hi = all.iter().copied().fold(0.0_f64, f64::max);
        let (d0, d1) = nice_domain(lo, if hi > lo { hi } else { lo + 1.0 }, 5);
        let x = Linear::new((0.0, (n - 1).max(1) as f64), (LEFT, W - RIGHT));
        let y = Linear::new((d0, d1), (H - BOTTOM, TOP));
        let ticks = nice_ticks(d0, d1, 5);
        let paths = d
            .lines
            .iter()
            .enumerate()
            .map(|(k, (_, line))| {
                let mut path = String::new();
                let mut pen_up = true;
                for (i, v) in line.iter().enumerate() {
                    match v {
                        Some(v) if v.is_finite() => {
                            path.push_str(&format!(
                                "{}{:.1} {:.1} ",
                                if pen_up { "M" } else { "L" },
                                x.map(i as f64),
                                y.map(*v)
                            ));
                            pen_up = false;
                        }
                        _ => pen_up = true,
                    }
                }
                // A single point still shows.
                let dots = (line.iter().flatten().count() == 1).then(|| {
                    let i = line.iter().position(Option::is_some).unwrap_or(0);
                    let v = line[i].unwrap_or(0.0);
                    view! { <circle cx=x.map(i as f64) cy=y.map(v) r="3.5" fill=SERIES[k % SERIES.len()]/> }
                });
                view! {
                    <path d=path fill="none" stroke=SERIES[k % SERIES.len()] stroke-width="2.2"/>
                    {dots}
                }
            })
            .collect_view();
        let shade = d.shade.map(|(a, b)| {
            let (xa, xb) = (x.map(a as f64), x.map(b as f64));
            view! { <rect x=xa y=TOP width=(xb - xa).max(2.0) height=H - BOTTOM - TOP fill="#fff4d6"/> }
        });
        let years = d
            .ticks
            .iter()
            .map(|(i, label)| {
                let xi = x.map(*i as f64);
                // A label too close to the right edge ends at its line instead.
                let (lx, anchor) = if xi + 36.0 > W - RIGHT { (xi - 3.0, "end") } else { (xi + 3.0, "start") };
                view! {
                    <line x1=xi x2=xi y1=TOP y2=H - BOTTOM stroke="#d0d5dc"/>
                    <text x=lx y=H - BOTTOM + 16.0 font-size="11" text-anchor=anchor>{label.clone()}</text>
                }
            })
            .collect_view();
        let yticks = ticks
            .iter()
            .map(|v| {
                let yy = y.map(*v);
                view! {
                    <line x1=LEFT x2=W - RIGHT y1=yy y2=yy stroke="#eceff3"/>
                    <text x=LEFT - 6.0 y=yy + 4.0 font-size="11" text-anchor="end">{format::number(l, *v, if dec > 0 { 1 } else { 0 })}</text>
                }
            })
            .collect_view();
        let legend = d
            .lines
            .iter()
            .enumerate()
            .map(|(k, (name, _))| {
                let lx = LEFT + 150.0 * k as f64;
                view! {
                    <rect x=lx y=H - 26.0 width="14" height="4" fill=SERIES[k % SERIES.len()]/>
                    <text x=lx + 18.0 y=H - 21.0 font-size="11">{name.clone()}</text>
                }
            })
            .collect_view();
        let d2 = d.clone();
        let readout = move || {
            let i = hover.get()?;
            let values: Vec<String> = d2
                .lines
                .iter()
                .map(|(name, line)| format!("{name} {}", format::maybe(l, line.get(i).copied().flatten(), dec)))
                .collect();
            Some(format!("{}: {}", d2.points.get(i)?, values.join(" · ")))
        };
        let readout_aria = readout.clone();
        let cursor = move || {
            hover.get().map(|i| {
                let xi = x.map(i as f64);
                view! { <line x1=xi x2=xi y1=TOP y2=H - BOTTOM stroke="#1b1f24" stroke-dasharray="3 3"/> }
            })
        };
        let on_move = move |ev: leptos::ev::MouseEvent| {
            if let Some(svg) = svg_ref.get() {
                let rect = svg.get_bounding_client_rect();
                if rect.width() > 0.0 {
                    let px = (f64::from(ev.client_x()) - rect.left()) * W / rect.width();
                    let i = x.invert(px).round().clamp(0.0, (n - 1) as f64) as usize;
                    hover.set(Some(i));
                }
            }
        };
        let start = d.shade.map_or(n - 1, |s| s.1);
        let on_key = move |ev: leptos::ev::KeyboardEvent| {
            let step: i64 = match ev.key().as_str() {
                "ArrowLeft" => -1,
                "ArrowRight" => 1,
                "Home" => -(n as i64),
                "End" => n as i64,
                _ => return,
            };
            ev.prevent_default();
            let cur = hover.get_untracked().unwrap_or(start) as i64;
            hover.set(Some((cur + step).clamp(0, n as i64 - 1) as usize));
        };
        view! {
            <svg
                id=format!("svg-{id}")
                node_ref=svg_ref
                xmlns="http://www.w3.org/2000/svg"
                viewBox=format!("0 0 {W} {H}")
                width=W
                height=H
                font-family="system-ui, sans-serif"
                tabindex="0"
                role="img"
                aria-label=move || readout_aria().unwrap_or_else(|| title.get())
                class="series"
                on:mousemove=on_move
                on:mouseleave=move |_| hover.set(None)
                on:keydown=on_key
                on:blur=move |_| hover.set(None)
            >
                <text x="8" y="18" font-size="14" font-weight="700">{title.get()}</text>
                <text x="8" y="34" font-size="12" data-testid=format!("{id}-readout")>{readout}</text>
                {shade}
                {years}
                {yticks}
                {paths}
                {cursor}
                {legend}
                <text x="8" y=H - 6.0 font-size="10" fill="#4f5863">{source.get()}</text>
            </svg>
        }
        .into_any()
    };
    view! {
        <ChartFrame id=id title=title hint=hint table=table export=export>
            {body}
        </ChartFrame>
    }
}

/// Chips for the compared areas, with remove buttons, and a picker to add
/// one. `areas`: the list shown (default: the shortages view's).
#[component]
pub fn ComparePicker(#[prop(optional, into)] areas: Option<Signal<Vec<Area>>>) -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let current = move || match areas {
        Some(a) => a.get(),
        None => derived.resolved.with(|r| r.as_ref().map(|r| r.compare.clone()).unwrap_or_default()),
    };
    let set_list = move |areas: Vec<Area>| {
        let Some(codes) = store.codes.get_untracked() else { return };
        let list: Vec<String> = areas.iter().map(|a| area_code(*a, &codes)).collect();
        store.set_view(|v| v.compare = list);
    };
    view! {
        <div class="compare" data-testid="compare">
            <span class="compare-label">{move || t(lang.get(), Key::Compare)}": "</span>
            {move || {
                let l = lang.get();
                let Some(codes) = store.codes.get() else { return ().into_any() };
                let areas = current();
                areas
                    .iter()
                    .enumerate()
                    .map(|(k, a)| {
                        let a = *a;
                        let name = area_name(a, &codes, l);
                        let rest: Vec<Area> = areas.iter().copied().filter(|x| *x != a).collect();
                        view! {
                            <span class="chip" style:border-color=SERIES[k % SERIES.len()]>
                                {name.clone()}
                                <button
                                    class="chip-remove"
                                    aria-label=format!("{} {name}", t(l, Key::Remove))
                                    disabled=areas.len() <= 1
                                    on:click=move |_| set_list(rest.clone())
                                >
                                    "×"
                                </button>
                            </span>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
            <select
                aria-label=move || t(lang.get(), Key::AddArea)
                disabled=move || { current().len() >= MAX_COMPARE }
                data-testid="compare-add"
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    let Some(codes) = store.codes.get_untracked() else { return };
                    if let Some(a) = crate::view_state::parse_area(&code, &codes) {
                        let mut list = current();
                        if !list.contains(&a) && list.len() < MAX_COMPARE {
                            list.push(a);
                            set_list(list);
                        }
                    }
                }
            >
                <option value="" prop:selected=true>{move || t(lang.get(), Key::AddArea)}</option>
                {move || {
                    let l = lang.get();
                    let Some(codes) = store.codes.get() else { return ().into_any() };
                    let mut opts = vec![("PT".to_string(), "Portugal".to_string())];
                    opts.extend(codes.focus_areas().iter().map(|f| (f.code.clone(), f.name.get(l).to_string())));
                    opts.extend(codes.regions().iter().map(|r| (r.code.clone(), r.name.get(l).to_string())));
                    opts.into_iter().map(|(v, label)| view! { <option value=v>{label}</option> }).collect_view().into_any()
                }}
            </select>
        </div>
    }
}

/// Two sliders for the period: keyboard-operable range selection.
#[component]
fn PeriodSliders() -> impl IntoView {
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
