//! Horizontal bar rankings of occupations (ISCO-08) and sectors (NACE) for the
//! current selection, sortable by indicator; a click on a bar cross-filters.

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::palette::SEQUENTIAL;
use crate::core::chart::scale::{nice_domain, Band, Linear};
use crate::core::data::aggregate::{indicator_value, Sums};
use crate::core::data::Indicator;
use crate::core::data::Lang;
use crate::core::format;
use crate::core::i18n::{t, Key};
use crate::core::table::{Table, Value};

use super::frame::{use_chart_size, ChartFrame};
use crate::core::chart::text::{ellipsize, wrap};
use crate::core::i18n::labels::indicator_key;

/// Below this width, each label goes above its bar instead of beside it.
const STACKED_BELOW: f64 = 520.0;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RankKind {
    Occupations,
    Sectors,
}

/// One bar: code, label, value.
pub type Bar = (String, String, Option<f64>);

fn bars(
    kind: RankKind,
    ind: Indicator,
    l: Lang,
    store: crate::app::store::Store,
    agg: &crate::core::data::aggregate::Aggregates,
) -> Vec<Bar> {
    let Some(codes) = store.codes.get() else { return Vec::new() };
    let months = agg.months_with_data;
    // Changes need the previous year per row, which rankings do not keep.
    let value = |s: &Sums| indicator_value(ind, s, months, None);
    let mut out: Vec<Bar> = match kind {
        RankKind::Occupations => agg
            .by_occupation
            .iter()
            .map(|r| {
                let o = &codes.occupations()[r.occupation];
                (o.code.clone(), o.name.get(l).to_string(), value(&r.sums))
            })
            .collect(),
        RankKind::Sectors => codes
            .sectors()
            .iter()
            .zip(&agg.by_sector)
            .filter(|(_, s)| !s.is_empty())
            .map(|(e, s)| (e.code.clone(), e.name.get(l).to_string(), value(s)))
            .collect(),
    };
    out.sort_by(|a, b| match (a.2, b.2) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.0.cmp(&b.0),
    });
    out
}

#[component]
pub fn RankingView(kind: RankKind) -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let view_ind = Memo::new(move |_| store.view.with(|v| v.indicator));
    // Sorted by the page's indicator unless the user picks another here;
    // changes are not available per row, so they fall back to the ratio.
    let chosen = RwSignal::new(None::<Indicator>);
    let ind = Memo::new(move |_| {
        let i = chosen.get().unwrap_or(view_ind.get());
        if i == Indicator::Change {
            Indicator::Ratio
        } else {
            i
        }
    });
    let id: &'static str = if kind == RankKind::Occupations { "rank-occupations" } else { "rank-sectors" };
    let heading = if kind == RankKind::Occupations { Key::RankOccupations } else { Key::RankSectors };
    let rows = Memo::new(move |_| {
        let agg = derived.agg.get()?;
        Some(bars(kind, ind.get(), lang.get(), store, &agg))
    });
    let current = Memo::new(move |_| {
        derived.filter.get().and_then(|f| if kind == RankKind::Occupations { f.occupation } else { f.sector })
    });
    let toggle = move |code: String| {
        store.set_view(|v| {
            let slot = if kind == RankKind::Occupations { &mut v.occupation } else { &mut v.sector };
            crate::core::state::toggle(slot, &code);
        })
    };
    let title =
        Signal::derive(move || format!("{} · {}", t(lang.get(), heading), t(lang.get(), indicator_key(ind.get()))));
    view! {
        <div class="ranking">
            <label class="sort-by">
                <span>{move || t(lang.get(), Key::SortBy)}</span>
                <select data-testid=format!("sort-{id}") on:change=move |ev| {
                    let v = event_target_value(&ev);
                    chosen.set(Indicator::ALL.into_iter().find(|i| i.code() == v));
                }>
                    {move || {
                        let l = lang.get();
                        let cur = ind.get();
                        Indicator::ALL
                            .into_iter()
                            .filter(|i| *i != Indicator::Change)
                            .map(|i| view! { <option value=i.code() prop:selected=i == cur>{t(l, indicator_key(i))}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <BarChart
                id=id
                title=title
                hint=Signal::derive(move || t(lang.get(), Key::RankHint).to_string())
                rows=rows
                decimals=Signal::derive(move || ind.get().decimals())
                headers=Signal::derive(move || {
                    let l = lang.get();
                    ["Code".to_string(), t(l, heading).to_string(), t(l, indicator_key(ind.get())).to_string()]
                })
                current=Signal::derive(move || current.get())
                on_toggle=Callback::new(toggle)
                source=Signal::derive(move || crate::app::export::source_line(store, lang.get()))
                pending_key="labour_market"
                ratio=Signal::derive(move || ind.get() == Indicator::Ratio)
            />
        </div>
    }
}

/// Horizontal bars in a chart frame, largest first as given: a click (or
/// Enter) on a bar calls `on_toggle` with its code; bars whose code starts
/// with `current` are highlighted. The table and downloads hold the rows
/// shown; `headers` name its columns (code, label, value).
#[component]
pub fn BarChart(
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    rows: Memo<Option<Vec<Bar>>>,
    #[prop(into)] decimals: Signal<usize>,
    #[prop(into)] headers: Signal<[String; 3]>,
    #[prop(into)] current: Signal<Option<String>>,
    on_toggle: Callback<String>,
    #[prop(into)] source: Signal<String>,
    /// The dataset whose failure makes the chart "unavailable".
    pending_key: &'static str,
    /// What the exports say about themselves (see `ChartFrame`).
    #[prop(optional, into)]
    export: MaybeProp<crate::core::export::ExportContext>,
    /// The values are vacancies per jobseeker: bars take the ratio classes' colours and a line marks 1.
    #[prop(optional, into)]
    ratio: Signal<bool>,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let size = use_chart_size();
    let hover = RwSignal::new(None::<usize>);
    let toggle = move |code: String| on_toggle.run(code);
    let table = Signal::derive(move || {
        let d = decimals.get();
        Table {
            headers: headers.get().to_vec(),
            rows: rows
                .get()
                .unwrap_or_default()
                .into_iter()
                .map(|(c, n, v)| vec![Value::Text(c), Value::Text(n), Value::Num(v, d)])
                .collect(),
        }
    });
    let body = move || {
        let l = lang.get();
        let Some(rows) = rows.get() else { return super::pending(store, pending_key, "rank-unavailable") };
        if rows.is_empty() {
            return view! { <p class="empty">{t(l, Key::NoData)}</p> }.into_any();
        }
        let dec = decimals.get();
        let is_ratio = ratio.get();
        let (w, text) = (size.width.get(), size.text.get());
        let fs = text.label;
        // Beside the bars on wide charts (the label column takes up to 45 %), above them on narrow ones.
        let stacked = w < STACKED_BELOW;
        let label_w = if stacked { w - 16.0 } else { (w * 0.45).min(420.0) };
        let bar_left = if stacked { 8.0 } else { label_w + 8.0 };
        let value_w = rows.iter().map(|r| text.width(&format::maybe(l, r.2, dec))).fold(0.0, f64::max) + 10.0;
        let row_h = if stacked { text.line() + fs + 8.0 } else { text.line() + 6.0 };
        let title_lines = Vec::<String>::new() /* the heading is the frame's; exports draw it in */;
        let top = 10.0 + text.title * 1.3 * title_lines.len() as f64 + if is_ratio { text.line() } else { 0.0 };
        let source_lines = wrap(&source.get(), w - 16.0, fs, 4);
        let bottom = 10.0 + text.line() * source_lines.len() as f64;
        let h = top + bottom + row_h * rows.len() as f64;
        let max = rows.iter().filter_map(|r| r.2).fold(0.0_f64, f64::max);
        let (_, d1) = nice_domain(0.0, if max > 0.0 { max } else { 1.0 }, 4);
        let x = Linear::new((0.0, d1), (bar_left, (w - value_w).max(bar_left + 20.0)));
        let band = Band::new(rows.len(), (top, h - bottom), 0.2);
        let cur = current.get();
        let bars = rows
            .iter()
            .enumerate()
            .map(|(k, (code, name, v))| {
                let y = band.position(k);
                let selected = cur.as_deref().is_some_and(|c| code.starts_with(c));
                // Vacancies per jobseeker: the bar takes its class colour (shortage stands out); other
                // indicators one colour. A chosen bar is outlined.
                let fill = if is_ratio { crate::core::chart::legend::ratio(l).color(*v) } else { SEQUENTIAL[3] };
                let outline = if selected { "#000000" } else { "none" };
                let label = format!("{code} {name}");
                let (shown, _) = ellipsize(&label, label_w - 12.0, fs);
                let value = format::maybe(l, *v, dec);
                // Stacked: the label on the upper part of the row, the bar on the lower part.
                let (label_y, bar_y, bar_h) = if stacked {
                    (y + fs, y + text.line(), (band.bandwidth() - text.line()).max(4.0))
                } else {
                    (y + band.bandwidth() * 0.5 + fs * 0.35, y, band.bandwidth())
                };
                let code2 = code.clone();
                view! {
                    <g
                        class="bar-row"
                        tabindex="0"
                        role="button"
                        aria-pressed=selected.to_string()
                        data-code=code.clone()
                        on:mouseenter=move |_| hover.set(Some(k))
                        on:mouseleave=move |_| hover.set(None)
                        on:focus=move |_| hover.set(Some(k))
                        on:blur=move |_| hover.set(None)
                        on:pointerdown=move |_| hover.set(Some(k))
                        on:click={
                            let c = code2.clone();
                            move |_| toggle(c.clone())
                        }
                        on:keydown=move |ev| {
                            if super::labels::is_activation(&ev) {
                                toggle(code2.clone());
                            }
                        }
                    >
                        <text x="8" y=label_y font-size=fs font-weight=if selected { "700" } else { "400" }>
                            {super::labels::fitted(shown)}
                            <title>{label.clone()}</title>
                        </text>
                        // Named by its texts (label, value); the tooltip sits on the bar.
                        <rect x=bar_left y=bar_y width=(x.map(v.unwrap_or(0.0)) - bar_left).max(0.0) height=bar_h fill=fill stroke=outline stroke-width="2">
                            <title>{format!("{label}: {value}")}</title>
                        </rect>
                        <text x=x.map(v.unwrap_or(0.0)) + 4.0 y=bar_y + bar_h * 0.5 + fs * 0.35 font-size=fs>{value.clone()}</text>
                    </g>
                }
            })
            .collect_view();
        // Name, value with its unit and rank, at once on hover, keyboard focus or touch.
        let values: Vec<Option<f64>> = rows.iter().map(|r| r.2).collect();
        let unit = headers.get_untracked()[2].clone();
        let rows2 = rows.clone();
        let readout = move || {
            let k = hover.get()?;
            let (code, name, v) = rows2.get(k)?;
            let (ranks, of) = crate::core::chart::tooltip::ranks(&values);
            Some(crate::core::chart::tooltip::line(
                l,
                &format!("{code} {name}"),
                *v,
                dec,
                &unit,
                ranks.get(k).copied().flatten().map(|r| (r, of)),
                None,
            ))
        };
        // Vacancies per jobseeker: a line at 1, where vacancies equal jobseekers.
        let balance = (is_ratio && d1 >= 1.0).then(|| {
            let x1 = x.map(1.0);
            // The full label right of the line, or left of it; a shorter one when neither fits.
            let place = |label: &str| {
                let lw = text.width(label);
                if x1 + 4.0 + lw <= w - 4.0 {
                    Some((x1 + 4.0, "start"))
                } else if x1 - 4.0 - lw >= 4.0 {
                    Some((x1 - 4.0, "end"))
                } else {
                    None
                }
            };
            let (label, (lx, anchor)) = [t(l, Key::BalanceLine), t(l, Key::BalanceShort), "1"]
                .into_iter()
                .find_map(|label| place(label).map(|p| (label, p)))
                .unwrap_or(("1", (x1 + 4.0, "start")));
            view! {
                <line x1=x1 x2=x1 y1=top - text.line() y2=h - bottom stroke="#1b1f24" stroke-width="1.5" stroke-dasharray="5 4"/>
                <text x=lx y=top - text.line() + fs font-size=fs text-anchor=anchor>{label}</text>
            }
        });
        view! {
            <p class="readout" aria-hidden="true" data-testid=format!("{id}-readout")>{readout}</p>
            <svg id=format!("svg-{id}") xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {w} {h}") width=w height=h
                font-family="system-ui, sans-serif" role="group" aria-label=title.get()>
                {title_lines
                    .into_iter()
                    .enumerate()
                    .map(|(k, line)| view! { <text x="8" y=6.0 + text.title * (1.0 + 1.3 * k as f64) font-size=text.title font-weight="700">{line}</text> })
                    .collect_view()}
                {bars}
                {balance}
                {source_lines
                    .into_iter()
                    .enumerate()
                    .map(|(k, line)| view! { <text x="8" y=h - bottom + 4.0 + fs + text.line() * k as f64 font-size=fs fill="#4f5863">{line}</text> })
                    .collect_view()}
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
