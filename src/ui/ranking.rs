//! Horizontal bar rankings of occupations (ISCO-08) and sectors (NACE) for the
//! current selection, sortable by indicator; a click on a bar cross-filters.

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::bars::{self, Bar, RankKind};
use crate::core::data::manifest::Kind;
use crate::core::data::Indicator;
use crate::core::i18n::{t, Key};
use crate::core::table::{Table, Value};

use super::frame::{use_chart_size, ChartFrame};
use crate::core::i18n::labels::indicator_key;

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
        let codes = store.codes.get()?;
        Some(bars::ranking(kind, ind.get(), &codes, &agg, lang.get()))
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
                    [t(l, Key::CodeColumn).to_string(), t(l, heading).to_string(), t(l, indicator_key(ind.get())).to_string()]
                })
                current=Signal::derive(move || current.get())
                on_toggle=Callback::new(toggle)
                source=Signal::derive(move || crate::app::export::source_line(store, lang.get()))
                pending_key=Kind::LabourMarket
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
    pending_key: Kind,
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
        let (w, text) = (size.width.get(), size.text.get());
        let m = bars::layout(&rows, dec, ratio.get(), w, text, &source.get(), l);
        let (fs, h) = (m.font, m.height);
        let cur = current.get();
        let bars = rows
            .iter()
            .zip(m.rows)
            .enumerate()
            .map(|(k, ((code, _, _), row))| {
                let selected = cur.as_deref().is_some_and(|c| code.starts_with(c));
                // A chosen bar is outlined.
                let outline = if selected { "#000000" } else { "none" };
                let (bx, by, bw, bh) = row.bar;
                let (click, key) = super::labels::activate({
                    let code = code.clone();
                    move || toggle(code.clone())
                });
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
                        on:click=click
                        on:keydown=key
                    >
                        <text x="8" y=row.label_y font-size=fs font-weight=if selected { "700" } else { "400" }>
                            {super::labels::fitted(row.shown)}
                            <title>{row.label.clone()}</title>
                        </text>
                        // Named by its texts (label, value); the tooltip sits on the bar.
                        <rect x=bx y=by width=bw height=bh fill=row.fill stroke=outline stroke-width="2">
                            <title>{format!("{}: {}", row.label, row.value)}</title>
                        </rect>
                        <text x=row.value_at.0 y=row.value_at.1 font-size=fs>{row.value.clone()}</text>
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
        let balance = m.balance.map(|(x1, y1, y2, lb)| {
            view! {
                <line x1=x1 x2=x1 y1=y1 y2=y2 stroke="#1b1f24" stroke-width="1.5" stroke-dasharray="5 4"/>
                <text x=lb.x y=lb.y font-size=fs text-anchor=lb.anchor>{lb.text}</text>
            }
        });
        view! {
            <p class="readout" aria-hidden="true" data-testid=format!("{id}-readout")>{readout}</p>
            <svg id=format!("svg-{id}") xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {w} {h}") width=w height=h
                font-family="system-ui, sans-serif" role="group" aria-label=title.get()>
                {bars}
                {balance}
                {m
                    .source
                    .into_iter()
                    .map(|lb| view! { <text x=lb.x y=lb.y font-size=fs fill="#4f5863">{lb.text}</text> })
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
