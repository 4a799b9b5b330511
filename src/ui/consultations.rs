//! Consultation outcomes: barriers by theme and group, the priority matrix,
//! the searchable recommendations list and the events. Every view reads the
//! same filtered outcomes (`Derived::outcomes`) and writes the same view state.

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::labels::{place, text_width, BoxXY};
use crate::core::chart::palette::{text_on, SERIES};
use crate::core::chart::scale::{nice_domain, nice_ticks, Band, Linear};
use crate::core::data::consultations::{Priority, Status};
use crate::core::data::outcomes::{by_status, by_theme_and_group, priority_matrix, Weight};
use crate::core::data::Lang;
use crate::core::format;
use crate::core::i18n::{t, Key};
use crate::core::table::{Table, Value};

use super::frame::{use_chart_size, ChartFrame, DataTable};
use crate::core::chart::text::{ellipsize, flow_legend, wrap};

/// The top of a chart's drawing: its heading is the frame's, on screen, and exports draw it in, so the SVG
/// starts with a small margin only. Returns (nothing to draw, the margin).
fn title_svg(_title: &str, _w: f64, text: crate::core::chart::text::ChartText) -> (AnyView, f64) {
    let lines: Vec<String> = Vec::new();
    let h = 10.0 + text.title * 1.3 * lines.len() as f64;
    let view = lines
        .into_iter()
        .enumerate()
        .map(|(k, line)| view! { <text x="8" y=6.0 + text.title * (1.0 + 1.3 * k as f64) font-size=text.title font-weight="700">{line}</text> })
        .collect_view()
        .into_any();
    (view, h)
}

/// The source line wrapped to `w`, starting at `y`: its view and height.
fn source_svg(line: &str, y: f64, w: f64, text: crate::core::chart::text::ChartText) -> (AnyView, f64) {
    let lines = wrap(line, w - 16.0, text.label, 4);
    let h = text.line() * lines.len() as f64 + 6.0;
    let view = lines
        .into_iter()
        .enumerate()
        .map(|(k, l)| view! { <text x="8" y=y + text.label + text.line() * k as f64 font-size=text.label fill="#4f5863">{l}</text> })
        .collect_view()
        .into_any();
    (view, h)
}

/// Eight stakeholder groups: the six Okabe–Ito colours and two greys.
const GROUP_COLORS: [&str; 8] =
    [SERIES[0], SERIES[1], SERIES[2], SERIES[3], SERIES[4], SERIES[5], "#555555", "#999999"];

pub fn status_key(s: Status) -> Key {
    match s {
        Status::Proposed => Key::StatusProposed,
        Status::Accepted => Key::StatusAccepted,
        Status::InProgress => Key::StatusInProgress,
        Status::Implemented => Key::StatusImplemented,
        Status::Rejected => Key::StatusRejected,
    }
}

fn priority_key(p: Priority) -> Key {
    match p {
        Priority::High => Key::PriorityHigh,
        Priority::Medium => Key::PriorityMedium,
        Priority::Low => Key::PriorityLow,
    }
}

fn weight_key(w: Weight) -> Key {
    match w {
        Weight::Count => Key::WeightCount,
        Weight::Votes => Key::WeightVotes,
        Weight::Priority => Key::WeightPriority,
    }
}

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
            t(l, Key::OutcomesShown)
                .replace("{n}", &format::integer(l, n as f64))
                .replace("{m}", &format::integer(l, m as f64))
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

/// Outcomes by theme, stacked by stakeholder group; counts, votes or
/// priority-weighted. A click on a bar filters by that theme.
#[component]
pub fn BarriersView() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let size = use_chart_size();
    let weight = Memo::new(move |_| store.view.with(|v| v.weight));
    let stacks = Memo::new(move |_| {
        let (idx, codes, cons) = (derived.outcomes_any_theme.get()?, store.codes.get()?, store.consultations.get()?);
        Some(by_theme_and_group(&cons, &codes, &idx, weight.get()))
    });
    let title = Signal::derive(move || {
        format!("{} · {}", t(lang.get(), Key::BarriersTitle), t(lang.get(), weight_key(weight.get())))
    });
    let table = Signal::derive(move || {
        let l = lang.get();
        let (Some(rows), Some(codes)) = (stacks.get(), store.codes.get()) else { return Table::default() };
        let mut headers = vec![t(l, Key::Theme).to_string()];
        headers.extend(codes.groups().iter().map(|g| g.name.get(l).to_string()));
        headers.push("Total".into());
        Table {
            headers,
            rows: rows
                .iter()
                .map(|r| {
                    let mut row = vec![Value::Text(codes.themes()[r.theme].name.get(l).to_string())];
                    row.extend(r.by_group.iter().map(|&v| Value::Num(Some(f64::from(v)), 0)));
                    row.push(Value::Num(Some(f64::from(r.total)), 0));
                    row
                })
                .collect(),
        }
    });
    let body = move || {
        let l = lang.get();
        let (Some(rows), Some(codes)) = (stacks.get(), store.codes.get()) else {
            return super::pending(store, "consultations", "barriers-unavailable");
        };
        if rows.is_empty() {
            return view! { <p class="empty" data-testid="barriers-empty">{t(l, Key::NoOutcomes)}</p> }.into_any();
        }
        let (w, text) = (size.width.get(), size.text.get());
        let fs = text.label;
        let stacked = w < 520.0;
        let label_w = if stacked { w - 16.0 } else { (w * 0.38).min(320.0) };
        let bar_left = if stacked { 8.0 } else { label_w + 8.0 };
        let row_h = if stacked { text.line() + fs + 8.0 } else { text.line() + 8.0 };
        let (title_view, top) = title_svg(&title.get(), w, text);
        let plot_bottom = top + row_h * rows.len() as f64;
        let group_names: Vec<String> = codes.groups().iter().map(|g| g.name.get(l).to_string()).collect();
        let (legend_pos, legend_h) = flow_legend(&group_names, w - 16.0, text, 12.0);
        let legend_top = plot_bottom + 10.0;
        let (source_view, source_h) =
            source_svg(&crate::app::export::source_line(store, l), legend_top + legend_h + 4.0, w, text);
        let h = legend_top + legend_h + 4.0 + source_h;
        let max = rows.iter().map(|r| r.total).max().unwrap_or(1).max(1);
        let (_, d1) = nice_domain(0.0, f64::from(max), 4);
        let value_w = text.width(&format::integer(l, f64::from(max))) + 10.0;
        let x = Linear::new((0.0, d1), (bar_left, (w - value_w).max(bar_left + 20.0)));
        let band = Band::new(rows.len(), (top, plot_bottom), 0.2);
        let current = store.view.with(|v| v.theme.clone());
        let bars = rows
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let theme = &codes.themes()[r.theme];
                let code = theme.code.clone();
                let y0 = band.position(k);
                let (label_y, y, bar_h) = if stacked {
                    (y0 + fs, y0 + text.line(), (band.bandwidth() - text.line()).max(4.0))
                } else {
                    (y0 + band.bandwidth() * 0.5 + fs * 0.35, y0, band.bandwidth())
                };
                let mut acc = 0.0;
                let segments = r
                    .by_group
                    .iter()
                    .enumerate()
                    .filter(|(_, &v)| v > 0)
                    .map(|(g, &v)| {
                        let x0 = x.map(acc);
                        acc += f64::from(v);
                        let tip = format!("{} · {}: {v}", theme.name.get(l), codes.groups()[g].name.get(l));
                        view! {
                            <rect x=x0 y=y width=(x.map(acc) - x0).max(0.0) height=bar_h fill=GROUP_COLORS[g % 8]>
                                <title>{tip}</title>
                            </rect>
                        }
                    })
                    .collect_view();
                let selected = current.as_deref() == Some(code.as_str());
                let name = theme.name.get(l).to_string();
                let (shown, _) = ellipsize(&name, label_w - 12.0, fs);
                let toggle = {
                    let code = code.clone();
                    move || store.set_view(|v| crate::core::state::toggle(&mut v.theme, &code))
                };
                let toggle2 = toggle.clone();
                view! {
                    <g class="bar-row" tabindex="0" role="button" aria-pressed=selected.to_string() data-code=code
                        on:click=move |_| toggle()
                        on:keydown=move |ev| {
                            if super::labels::is_activation(&ev) {
                                toggle2();
                            }
                        }>
                        <text x="8" y=label_y font-size=fs font-weight=if selected { "700" } else { "400" }>{super::labels::fitted(shown)}<title>{name.clone()}</title></text>
                        {segments}
                        <text x=x.map(acc) + 4.0 y=y + bar_h * 0.5 + fs * 0.35 font-size=fs>{format::integer(l, f64::from(r.total))}</text>
                    </g>
                }
            })
            .collect_view();
        let legend = group_names
            .iter()
            .zip(&legend_pos)
            .enumerate()
            .map(|(g, (name, (lx, ly)))| {
                let (lx, ly) = (8.0 + lx, legend_top + ly);
                view! {
                    <rect x=lx y=ly + (text.line() - 12.0) / 2.0 width="12" height="12" fill=GROUP_COLORS[g % 8]/>
                    <text x=lx + 18.0 y=ly + text.line() * 0.72 font-size=fs>{name.clone()}</text>
                }
            })
            .collect_view();
        view! {
            <svg id="svg-barriers" xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {w} {h}") width=w height=h
                font-family="system-ui, sans-serif" role="group" aria-label=title.get()>
                {title_view}
                {bars}
                {legend}
                {source_view}
            </svg>
        }
        .into_any()
    };
    view! {
        <div class="ranking">
            <label class="sort-by">
                <span>{move || t(lang.get(), Key::WeightBy)}</span>
                <select data-testid="barrier-weight" on:change=move |ev| {
                    if let Some(w) = Weight::from_code(&event_target_value(&ev)) {
                        store.set_view(|v| v.weight = w);
                    }
                }>
                    {move || {
                        let l = lang.get();
                        Weight::ALL
                            .into_iter()
                            .map(|w| view! { <option value=w.code() prop:selected=move || weight.get() == w>{t(l, weight_key(w))}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <ChartFrame id="barriers" size=size consultations=true title=title hint=Signal::derive(move || t(lang.get(), Key::BarriersHint).to_string()) table=table>
                {body}
            </ChartFrame>
        </div>
    }
}

/// Themes by how often they are raised (x) and their average priority (y).
#[component]
pub fn PriorityMatrix() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let size = use_chart_size();
    let points = Memo::new(move |_| {
        let (idx, codes, cons) = (derived.outcomes_any_theme.get()?, store.codes.get()?, store.consultations.get()?);
        Some(priority_matrix(&cons, &codes, &idx))
    });
    let title = Signal::derive(move || t(lang.get(), Key::MatrixTitle).to_string());
    let table = Signal::derive(move || {
        let l = lang.get();
        let (Some(pts), Some(codes)) = (points.get(), store.codes.get()) else { return Table::default() };
        Table {
            headers: vec![
                t(l, Key::Theme).into(),
                t(l, Key::Outcomes).into(),
                t(l, Key::MeanPriority).into(),
                t(l, Key::MeanVotes).into(),
            ],
            rows: pts
                .iter()
                .map(|p| {
                    vec![
                        Value::Text(codes.themes()[p.theme].name.get(l).to_string()),
                        Value::Num(Some(f64::from(p.outcomes)), 0),
                        Value::Num(Some(p.mean_priority), 2),
                        Value::Num(Some(p.mean_votes), 1),
                    ]
                })
                .collect(),
        }
    });
    let body = move || {
        let l = lang.get();
        let (Some(mut pts), Some(codes)) = (points.get(), store.codes.get()) else {
            return super::pending(store, "consultations", "matrix-unavailable");
        };
        if pts.is_empty() {
            return view! { <p class="empty">{t(l, Key::NoOutcomes)}</p> }.into_any();
        }
        let (w, text) = (size.width.get(), size.text.get());
        let fs = text.label;
        let (title_view, top) = title_svg(&title.get(), w, text);
        let top = (top + 4.0).max(6.0 + fs * 0.7);
        let left = 12.0
            + [Key::PriorityLow, Key::PriorityMedium, Key::PriorityHigh]
                .iter()
                .map(|k| text.width(t(l, *k)))
                .fold(0.0, f64::max);
        let right = 8.0 + text.width("000") / 2.0;
        let plot_h = (w * 0.55).clamp(220.0, 420.0);
        let bottom = 10.0 + 2.0 * text.line();
        let (source_view, source_h) =
            source_svg(&crate::app::export::source_line(store, l), top + plot_h + bottom, w, text);
        let h = top + plot_h + bottom + source_h;
        #[allow(non_snake_case)]
        let (W, H) = (w, top + plot_h + bottom);
        // Most raised first: they get the best label positions.
        pts.sort_by_key(|p| std::cmp::Reverse(p.outcomes));
        let max = pts.iter().map(|p| p.outcomes).max().unwrap_or(1);
        let (_, d1) = nice_domain(0.0, f64::from(max), 5);
        let x = Linear::new((0.0, d1), (left, W - right));
        let y = Linear::new((1.0, 3.0), (H - bottom, top));
        let max_votes = pts.iter().map(|p| p.mean_votes).fold(1.0_f64, f64::max);
        let radius = |v: f64| 4.0 + 10.0 * (v / max_votes).sqrt();
        let xy: Vec<(f64, f64)> = pts.iter().map(|p| (x.map(f64::from(p.outcomes)), y.map(p.mean_priority))).collect();
        let radii: Vec<f64> = pts.iter().map(|p| radius(p.mean_votes)).collect();
        let names: Vec<String> = pts.iter().map(|p| codes.themes()[p.theme].name.get(l).to_string()).collect();
        let names: Vec<String> = names.iter().map(|n| ellipsize(n, (W - left - right) * 0.5, fs).0).collect();
        let sizes: Vec<(f64, f64)> = names.iter().map(|n| (text_width(n, fs), fs + 2.0)).collect();
        let at = place(&xy, &radii, &sizes, BoxXY { x: left, y: top, w: W - left - right, h: H - top - bottom });
        let current = store.view.with(|v| v.theme.clone());
        let dots = pts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let code = codes.themes()[p.theme].code.clone();
                let selected = current.as_deref() == Some(code.as_str());
                let tip = format!(
                    "{}: {} · {} {} · {} {}",
                    names[i],
                    p.outcomes,
                    t(l, Key::MeanPriority),
                    format::number(l, p.mean_priority, 2),
                    t(l, Key::MeanVotes),
                    format::number(l, p.mean_votes, 1)
                );
                let toggle = move || store.set_view(|v| crate::core::state::toggle(&mut v.theme, &code));
                view! {
                    <g class="bar-row" on:click=move |_| toggle()>
                        <circle cx=xy[i].0 cy=xy[i].1 r=radii[i] fill=SERIES[0] fill-opacity="0.55" stroke=if selected { "#000000" } else { SERIES[0] } stroke-width=if selected { "2.5" } else { "1" }>
                            <title>{tip}</title>
                        </circle>
                        <text x=at[i].0 y=at[i].1 + fs * 0.85 font-size=fs font-weight=if selected { "700" } else { "400" }>{names[i].clone()}</text>
                    </g>
                }
            })
            .collect_view();
        // Counts: whole-number ticks only (never "0 0 0 1 1 1").
        let xticks = nice_ticks(0.0, d1, if w < 500.0 { 3 } else { 5 })
            .into_iter()
            .filter(|v| v.fract() == 0.0 && *v <= d1 + 1e-9)
            .map(|v| view! { <text x=x.map(v) y=H - bottom + fs + 4.0 font-size=fs text-anchor="middle">{format::integer(l, v)}</text> })
            .collect_view();
        let ylabels = [(1.0, Key::PriorityLow), (2.0, Key::PriorityMedium), (3.0, Key::PriorityHigh)]
            .into_iter()
            .map(|(v, k)| {
                let yy = y.map(v);
                view! {
                    <line x1=left x2=W - right y1=yy y2=yy stroke="#eceff3"/>
                    <text x=left - 4.0 y=yy + fs * 0.35 font-size=fs text-anchor="end">{t(l, k)}</text>
                }
            })
            .collect_view();
        view! {
            <svg id="svg-matrix" xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {W} {h}") width=W height=h
                font-family="system-ui, sans-serif" role="img" aria-label=title.get()>
                {title_view}
                {ylabels}
                {xticks}
                <text x=(left + W - right) / 2.0 y=H - bottom + fs + 6.0 + text.line() font-size=fs text-anchor="middle">{t(l, Key::Outcomes)}</text>
                {dots}
                {source_view}
            </svg>
        }
        .into_any()
    };
    view! {
        <ChartFrame id="matrix" size=size consultations=true title=title hint=Signal::derive(move || t(lang.get(), Key::MatrixHint).to_string()) table=table>
            {body}
        </ChartFrame>
    }
}

fn select_filter(
    lang: Memo<Lang>,
    label: Key,
    all: Key,
    testid: &'static str,
    options: impl Fn(Lang) -> Vec<(String, String)> + Send + Sync + 'static,
    current: impl Fn() -> Option<String> + Send + Sync + Copy + 'static,
    set: impl Fn(Option<String>) + Send + Sync + Copy + 'static,
) -> impl IntoView {
    view! {
        <label>
            <span>{move || t(lang.get(), label)}</span>
            <select data-testid=testid on:change=move |ev| {
                let v = event_target_value(&ev);
                set((!v.is_empty()).then_some(v));
            }>
                <option value="" prop:selected=move || current().is_none()>{move || t(lang.get(), all)}</option>
                {move || {
                    options(lang.get())
                        .into_iter()
                        .map(|(code, name)| {
                            let c = code.clone();
                            view! { <option value=code prop:selected=move || current().as_deref() == Some(c.as_str())>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// The searchable, filterable list of outcomes with their recommendations.
#[component]
pub fn RecommendationList() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let codes = move || store.codes.get();
    let theme_opts = move |l: Lang| {
        codes()
            .map(|c| c.themes().iter().map(|e| (e.code.clone(), e.name.get(l).to_string())).collect())
            .unwrap_or_default()
    };
    let group_opts = move |l: Lang| {
        codes()
            .map(|c| c.groups().iter().map(|e| (e.code.clone(), e.name.get(l).to_string())).collect())
            .unwrap_or_default()
    };
    let status_opts = move |l: Lang| {
        Status::ALL.into_iter().map(|s| (s.code().to_string(), t(l, status_key(s)).to_string())).collect()
    };
    let list = move || {
        let l = lang.get();
        let (Some(idx), Some(codes), Some(cons)) =
            (derived.outcomes.get(), store.codes.get(), store.consultations.get())
        else {
            return super::pending(store, "consultations", "recommendations-unavailable");
        };
        if idx.is_empty() {
            return view! { <p class="empty" data-testid="recommendations-empty">{t(l, Key::NoRecommendations)}</p> }
                .into_any();
        }
        let items = idx
            .iter()
            .filter_map(|&i| {
                let o = cons.outcomes().get(i)?;
                let ids = cons.ids.get(i)?;
                let event = cons.events().get(ids.event)?;
                let region = codes.regions().get(ids.region).map(|r| r.name.get(l).to_string()).unwrap_or_default();
                let group = codes.groups().get(ids.group).map(|g| g.name.get(l).to_string()).unwrap_or_default();
                let theme = codes.themes().get(ids.theme).map(|g| g.name.get(l).to_string()).unwrap_or_default();
                let sector = ids.sector.and_then(|s| codes.sectors().get(s)).map(|s| format!(" · {} {}", s.code, s.name.get(l)));
                Some(view! {
                    <li class="outcome" data-testid="outcome" data-theme=codes.themes()[ids.theme].code.clone() data-status=o.status.code()>
                        <div class="outcome-meta">
                            <span class=format!("status status-{}", o.status.code())>{t(l, status_key(o.status))}</span>
                            " "
                            <strong>{theme}</strong>
                            {format!(" · {region}{} · {}: {group} · {}: {} · {}: {}", sector.unwrap_or_default(), t(l, Key::SaidBy), t(l, Key::Priority), t(l, priority_key(o.priority)), t(l, Key::Votes), o.votes)}
                        </div>
                        // Dataset text is rendered as text (escaped), never as HTML.
                        <p class="outcome-text">{o.text.get(l).to_string()}</p>
                        <p class="outcome-rec"><strong>{t(l, Key::Recommendation)}": "</strong>{o.recommendation.get(l).to_string()}</p>
                        <p class="muted small">
                            {format!("{} {} · {} · {}", t(l, Key::Event), event.id, event.date, event.title.get(l))}
                            " — "
                            {o.source.clone()}
                        </p>
                    </li>
                })
            })
            .collect_view();
        view! {
            <p class="muted" data-testid="recommendations-count">{format!("{} {}", format::integer(l, idx.len() as f64), t(l, Key::ResultsCount))}</p>
            <ul class="outcomes">{items}</ul>
        }
        .into_any()
    };
    let search = RwSignal::new(store.view.get_untracked().search.unwrap_or_default());
    view! {
        <section class="panel" aria-labelledby="recs-title">
            <h2 id="recs-title">{move || t(lang.get(), Key::RecommendationsTitle)}</h2>
            <div class="filters inner">
                <label class="search">
                    <span>{move || t(lang.get(), Key::Search)}</span>
                    <input
                        type="search"
                        data-testid="search"
                        maxlength="100"
                        prop:value=move || search.get()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            search.set(v.clone());
                            store.set_view(|s| s.search = Some(v).filter(|x| !x.trim().is_empty()));
                        }
                    />
                </label>
                {select_filter(lang, Key::Theme, Key::AllThemes, "filter-theme", theme_opts, move || store.view.with(|v| v.theme.clone()), move |x| store.set_view(|v| v.theme = x))}
                {select_filter(lang, Key::Group, Key::AllGroups, "filter-group", group_opts, move || store.view.with(|v| v.group.clone()), move |x| store.set_view(|v| v.group = x))}
                {select_filter(lang, Key::Status, Key::AllStatuses, "filter-status", status_opts, move || store.view.with(|v| v.status.clone()), move |x| store.set_view(|v| v.status = x))}
            </div>
            {list}
        </section>
    }
}

/// The consultation events with participants per stakeholder group.
#[component]
pub fn EventsTable() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let table = Signal::derive(move || {
        let l = lang.get();
        let (Some(codes), Some(cons), Some(f)) = (store.codes.get(), store.consultations.get(), derived.filter.get())
        else {
            return Table::default();
        };
        let follow = store.view.with(|v| v.follow_period);
        let events = crate::core::data::outcomes::events_in(&cons, &codes, &f, follow);
        let mut headers: Vec<String> = [Key::Date, Key::Place, Key::Region, Key::Format, Key::Event]
            .iter()
            .map(|k| t(l, *k).to_string())
            .collect();
        headers.extend(codes.groups().iter().map(|g| g.name.get(l).to_string()));
        headers.push(t(l, Key::Participants).to_string());
        headers.push(t(l, Key::Outcomes).to_string());
        Table {
            headers,
            rows: events
                .iter()
                .filter_map(|&(i, n)| Some((cons.events().get(i)?, n)))
                .map(|(e, n_outcomes)| {
                    let mut row = vec![
                        Value::Text(e.date.clone()),
                        Value::Text(e.place.clone()),
                        Value::Text(
                            codes
                                .region
                                .get(&e.region)
                                .map(|r| codes.regions()[r].name.get(l).to_string())
                                .unwrap_or_default(),
                        ),
                        Value::Text(
                            codes
                                .event_format
                                .get(&e.format)
                                .map(|f| codes.file.event_formats[f].name.get(l).to_string())
                                .unwrap_or_default(),
                        ),
                        Value::Text(e.title.get(l).to_string()),
                    ];
                    row.extend(
                        codes
                            .groups()
                            .iter()
                            .map(|g| Value::Num(e.participants.get(&g.code).map(|&n| f64::from(n)), 0)),
                    );
                    row.push(Value::Num(Some(f64::from(e.participants.values().sum::<u32>())), 0));
                    row.push(Value::Num(Some(n_outcomes as f64), 0));
                    row
                })
                .collect(),
        }
    });
    view! {
        <section class="panel" aria-labelledby="events-title">
            <h2 id="events-title">{move || t(lang.get(), Key::EventsTitle)}</h2>
            <DataTable table=table testid="events".to_string()/>
        </section>
    }
}

/// Counts of outcomes per status for the current filters.
#[component]
pub fn StatusSummary() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    view! {
        <section class="panel" id="status" aria-labelledby="status-title">
            <h2 id="status-title">{move || t(lang.get(), Key::StatusSummary)}</h2>
            {move || {
                let l = lang.get();
                let (Some(idx), Some(cons)) = (derived.outcomes.get(), store.consultations.get()) else {
                    return super::pending(store, "consultations", "status-unavailable");
                };
                let counts = by_status(&cons, &idx);
                view! {
                    <ul class="status-list" data-testid="status-summary">
                        {counts
                            .into_iter()
                            .map(|(s, n)| view! {
                                <li>
                                    <button class=format!("status status-{}", s.code()) on:click=move |_| store.set_view(|v| {
                                        crate::core::state::toggle(&mut v.status, s.code());
                                    })>
                                        {format!("{}: {n}", t(l, status_key(s)))}
                                    </button>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// Readable text colour on a group colour (legend chips outside SVG).
pub fn group_text(g: usize) -> &'static str {
    text_on(GROUP_COLORS[g % 8])
}
