//! Monthly line chart of the indicator for up to five areas, with a read-out
//! on hover and keyboard (← →), the selected period shaded, and range sliders.

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::line::{self, Label, LineData};
use crate::core::chart::palette::{keep_colours, SERIES};
use crate::core::data::aggregate::Area;
use crate::core::data::Month;
use crate::core::format;
use crate::core::i18n::{t, Key};
use crate::core::state::{area_code, MAX_COMPARE};
use crate::core::table::{Table, Value};

use super::frame::{use_chart_size, ChartFrame};
use crate::core::i18n::labels::area_name;
use crate::core::i18n::labels::indicator_key;

/// The shortages series: the chosen indicator, monthly, for the compared areas.
#[component]
pub fn SeriesView() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let indicator = Memo::new(move |_| store.view.with(|v| v.indicator));
    let compare =
        Memo::new(move |_| derived.resolved.with(|r| r.as_ref().map(|r| r.compare.clone()).unwrap_or_default()));
    // Each compared area keeps its colour while it stays compared (lines, legend, chips, table).
    let colours = Memo::new(move |prev: Option<&Vec<(String, usize)>>| {
        let Some(codes) = store.codes.get() else { return Vec::new() };
        let areas: Vec<String> = compare.get().iter().map(|a| area_code(*a, &codes)).collect();
        keep_colours(prev.map(Vec::as_slice).unwrap_or(&[]), &areas)
    });
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
            pending_key="labour_market"
        />
        <ComparePicker colours=Signal::derive(move || colours.get().into_iter().map(|(_, c)| c).collect::<Vec<_>>())/>
        <PeriodSliders/>
        <CompareTable colours=colours/>
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
    export: MaybeProp<crate::core::export::ExportContext>,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let size = use_chart_size();
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
        let (w, text) = (size.width.get(), size.text.get());
        let m = line::layout(&d, w, text, &source.get(), l);
        let (fs, dec, n, h) = (m.font, d.decimals, d.keys.len().max(1), m.height);
        let (left, top, right, plot_bottom) = m.plot;
        let x = m.x;
        let text_at = move |lb: &Label, fill: Option<&'static str>| {
            view! { <text x=lb.x y=lb.y font-size=fs text-anchor=lb.anchor fill=fill>{lb.text.clone()}</text> }
        };
        let shade =
            m.shade.map(|(sx, sw)| view! { <rect x=sx y=top width=sw height=plot_bottom - top fill="#fff4d6"/> });
        let years = view! {
            {m.x_grid.iter().map(|xi| view! { <line x1=*xi x2=*xi y1=top y2=plot_bottom stroke="#d0d5dc"/> }).collect_view()}
            {m.x_labels.iter().map(|lb| text_at(lb, None)).collect_view()}
        };
        let yticks = m
            .y_grid
            .iter()
            .map(|(yy, lb)| {
                view! {
                    <line x1=left x2=right y1=*yy y2=*yy stroke="#eceff3"/>
                    {text_at(lb, None)}
                }
            })
            .collect_view();
        let paths = m
            .paths
            .iter()
            .map(|p| {
                let dot = p.dot.map(|(cx, cy)| view! { <circle cx=cx cy=cy r="3.5" fill=p.colour/> });
                view! {
                    <path d=p.d.clone() fill="none" stroke=p.colour stroke-width="2.2"/>
                    {dot}
                }
            })
            .collect_view();
        let legend = m
            .legend
            .iter()
            .map(|(lx, ly, colour, name)| {
                view! {
                    <rect x=*lx y=ly + fs * 0.5 - 2.0 width="14" height="4" fill=*colour/>
                    <text x=lx + 20.0 y=ly + fs * 0.85 font-size=fs>{name.clone()}</text>
                }
            })
            .collect_view();
        let source_view = m.source.iter().map(|lb| text_at(lb, Some("#4f5863"))).collect_view();
        let m_point_at = move |px: f64| x.invert(px).round().clamp(0.0, (n - 1) as f64) as usize;
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
                view! { <line x1=xi x2=xi y1=top y2=plot_bottom stroke="#1b1f24" stroke-dasharray="3 3"/> }
            })
        };
        let on_move = move |ev: leptos::ev::MouseEvent| {
            if let Some(svg) = svg_ref.get() {
                let rect = svg.get_bounding_client_rect();
                if rect.width() > 0.0 {
                    let px = (f64::from(ev.client_x()) - rect.left()) * w / rect.width();
                    hover.set(Some(m_point_at(px)));
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
            <p class="readout" aria-hidden="true" data-testid=format!("{id}-readout")>{readout}</p>
            <svg
                id=format!("svg-{id}")
                node_ref=svg_ref
                xmlns="http://www.w3.org/2000/svg"
                viewBox=format!("0 0 {w} {h}")
                width=w
                height=h
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
                {shade}
                {years}
                {yticks}
                {paths}
                {cursor}
                {legend}
                {source_view}
            </svg>
        }
        .into_any()
    };
    view! {
        <ChartFrame id=id size=size title=title hint=hint table=table export=export>
            {body}
        </ChartFrame>
    }
}

/// Chips for the compared areas, with remove buttons, and a picker to add
/// one. `areas`: the list shown (default: the shortages view's).
#[component]
pub fn ComparePicker(
    #[prop(optional, into)] areas: Option<Signal<Vec<Area>>>,
    /// The [`SERIES`] colour index of each area's chip (default: its position).
    #[prop(optional, into)]
    colours: Option<Signal<Vec<usize>>>,
) -> impl IntoView {
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
                            <span class="chip" style:border-color=SERIES[colours.and_then(|c| c.get().get(k).copied()).unwrap_or(k) % SERIES.len()]>
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
                    if let Some(a) = crate::core::state::parse_area(&code, &codes) {
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
            <Show when=move || { current().len() >= MAX_COMPARE } fallback=|| ()>
                <span class="muted" data-testid="compare-full">{move || t(lang.get(), Key::CompareFull)}</span>
            </Show>
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

/// The compared areas side by side for the period: every indicator, and its change vs the same months a
/// year earlier, with the table's own CSV.
#[component]
fn CompareTable(colours: Memo<Vec<(String, usize)>>) -> impl IntoView {
    use crate::core::data::Indicator;
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let table = Signal::derive(move || {
        let l = lang.get();
        let (Some(agg), Some(codes), Some(f)) = (derived.agg.get(), store.codes.get(), derived.filter.get()) else {
            return Table::default();
        };
        let inds = [
            Indicator::Ratio,
            Indicator::VacanciesOpen,
            Indicator::VacanciesNew,
            Indicator::Jobseekers,
            Indicator::Placements,
        ];
        let mut headers = vec![t(l, Key::AreaCol).to_string()];
        for ind in inds {
            headers.push(t(l, indicator_key(ind)).to_string());
            headers.push(format!("{} — {}", t(l, indicator_key(ind)), t(l, Key::ChangeVsYearBefore)));
        }
        let areas = derived.resolved.with(|r| r.as_ref().map(|r| r.compare.clone()).unwrap_or_default());
        let rows = areas
            .iter()
            .enumerate()
            .map(|(k, a)| {
                let mut row = vec![Value::Text(area_name(*a, &codes, l))];
                for ind in inds {
                    let (v, change) = agg.area_period(k, ind, f.from, f.to);
                    row.push(Value::Num(v, ind.decimals()));
                    row.push(Value::Num(change, 1));
                }
                row
            })
            .collect();
        Table { headers, rows }
    });
    let download = move |_| {
        let l = lang.get_untracked();
        let ctx = crate::app::export::export_context(store, "compare", false, l);
        let ctx = crate::core::export::ExportContext { indicator: None, ..ctx };
        let note = crate::app::export::export_note(store, l);
        let csv = table.with(|tb| crate::core::export::table_csv(tb, &ctx, l, note.as_deref()));
        if let Err(e) = crate::app::download::text(&ctx.file_name("csv"), "text/csv;charset=utf-8", &csv) {
            web_sys::console::error_1(&e);
        }
    };
    let swatches = move || {
        colours
            .get()
            .into_iter()
            .map(|(_, c)| view! { <span class="swatch" style:background=SERIES[c % SERIES.len()]></span> })
            .collect_view()
    };
    view! {
        <section class="panel compare-table" aria-labelledby="compare-table-title" data-testid="compare-table">
            <div class="chart-head">
                <h2 id="compare-table-title">
                    {move || t(lang.get(), Key::CompareTableTitle)}
                    " "
                    <span class="muted">{move || derived.filter.get().map(|f| format::period(lang.get(), f.from, f.to))}</span>
                </h2>
                <button class="tool" data-testid="csv-compare" on:click=download>
                    "⤓ " {move || t(lang.get(), Key::DownloadCsv)}
                </button>
            </div>
            <p class="hint">{move || t(lang.get(), Key::CompareTableHint)} <span class="swatches" aria-hidden="true">{swatches}</span></p>
            <super::frame::DataTable table=table testid="table-compare".to_string()/>
        </section>
    }
}
