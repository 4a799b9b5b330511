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
    let current = crate::app::settle::settled(move || {
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
    let rows = size.follow(rows);
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
    // The chart's model, recomputed per change, and its shape: what needs new elements (the
    // chart's width and text, whether there are bars at all, whether a balance line is drawn).
    // Each bar is a slot (`super::slots`) whose attributes and texts follow its own bar, so a filter
    // change only writes what changed, and a change in the number of bars builds or drops only the
    // difference.
    let model = Memo::new(move |_| {
        let rows = rows.get()?;
        let (w, text) = (size.width.get(), size.text.get());
        let m = bars::layout(&rows, decimals.get(), ratio.get(), w, text, &source.get(), lang.get());
        Some(std::sync::Arc::new((rows, m)))
    });
    let shape = Memo::new(move |_| {
        model.with(|m| m.as_ref().map(|m| (m.0.is_empty(), m.1.width, m.1.font, m.1.balance.is_some())))
    });
    let count = Memo::new(move |_| model.with(|m| m.as_ref().map_or(0, |m| m.0.len())));
    let height = Memo::new(move |_| model.with(|m| m.as_ref().map_or(0.0, |m| m.1.height)));
    let source_lines = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.1.source.clone()).unwrap_or_default()));
    let balance = Memo::new(move |_| model.with(|m| m.as_ref().and_then(|m| m.1.balance.clone())));
    let body = move || {
        let l = lang.get();
        let Some((empty, w, fs, has_balance)) = shape.get() else {
            return super::pending(store, pending_key, "rank-unavailable");
        };
        if empty {
            return view! { <p class="empty">{t(l, Key::NoData)}</p> }.into_any();
        }
        let item = move |k: usize| {
            model.with(|m| m.as_ref().and_then(|m| Some((m.0.get(k)?.clone(), m.1.rows.get(k)?.clone()))))
        };
        let bars = super::slots::slots(count, item, move |k, bar: Memo<(Bar, bars::BarRow)>| {
            let selected = move || {
                bar.with(|(b, _)| current.with(|c| c.as_deref().is_some_and(|c| !b.0.is_empty() && b.0.starts_with(c))))
            };
            let (click, key) = super::labels::activate(move || {
                let code = bar.with_untracked(|(b, _)| b.0.clone());
                if !code.is_empty() {
                    toggle(code);
                }
            });
            view! {
                <g
                    class="bar-row"
                    tabindex="0"
                    role="button"
                    aria-pressed=move || selected().to_string()
                    data-code=move || bar.with(|(b, _)| b.0.clone())
                    on:mouseenter=move |_| hover.set(Some(k))
                    on:mouseleave=move |_| hover.set(None)
                    on:focus=move |_| hover.set(Some(k))
                    on:blur=move |_| hover.set(None)
                    on:pointerdown=move |_| hover.set(Some(k))
                    on:click=click
                    on:keydown=key
                >
                    <text x="8" y=move || bar.with(|(_, r)| r.label_y) font-size=fs font-weight=move || if selected() { "700" } else { "400" }>
                        {move || {
                            let bold = selected();
                            super::labels::fitted(bar.with(|(_, r)| if bold { r.shown_bold.clone() } else { r.shown.clone() }))
                        }}
                        <title>{move || bar.with(|(_, r)| r.label.clone())}</title>
                    </text>
                    // Named by its texts (label, value); the tooltip sits on the bar. A chosen bar is outlined.
                    <rect x=move || bar.with(|(_, r)| r.bar.0) y=move || bar.with(|(_, r)| r.bar.1) width=move || bar.with(|(_, r)| r.bar.2)
                        height=move || bar.with(|(_, r)| r.bar.3) fill=move || bar.with(|(_, r)| r.fill)
                        stroke=move || if selected() { "#000000" } else { "none" } stroke-width="2">
                        <title>{move || bar.with(|(_, r)| format!("{}: {}", r.label, r.value))}</title>
                    </rect>
                    <text x=move || bar.with(|(_, r)| r.value_at.0) y=move || bar.with(|(_, r)| r.value_at.1) font-size=fs>
                        {move || bar.with(|(_, r)| r.value.clone())}
                    </text>
                </g>
            }
        });
        // Name, value with its unit and rank, at once on hover, keyboard focus or touch.
        // Read when shown: the indicator may change without new elements.
        let readout = move || {
            let k = hover.get()?;
            let dec = decimals.get();
            let unit = headers.with(|h| h[2].clone());
            model.with(|m| {
                let rows = &m.as_ref()?.0;
                let (code, name, v) = rows.get(k)?;
                let values: Vec<Option<f64>> = rows.iter().map(|r| r.2).collect();
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
            })
        };
        // Vacancies per jobseeker: a line at 1, where vacancies equal jobseekers.
        let at = move |f: fn(&bars::Balance) -> f64| balance.with(|b| b.as_ref().map(f)).unwrap_or_default();
        let balance = has_balance.then(|| {
            view! {
                <line x1=move || at(|b| b.0) x2=move || at(|b| b.0) y1=move || at(|b| b.1) y2=move || at(|b| b.2)
                    stroke="#1b1f24" stroke-width="1.5" stroke-dasharray="5 4"/>
                <text x=move || at(|b| b.3.x) y=move || at(|b| b.3.y) font-size=fs
                    text-anchor=move || balance.with(|b| b.as_ref().map_or("start", |b| b.3.anchor))>
                    {move || balance.with(|b| b.as_ref().map(|b| b.3.text.clone()).unwrap_or_default())}
                </text>
            }
        });
        view! {
            <p class="readout" aria-hidden="true" data-testid=format!("{id}-readout")>{readout}</p>
            <svg id=format!("svg-{id}") xmlns="http://www.w3.org/2000/svg" viewBox=move || format!("0 0 {w} {}", height.get())
                width=w height=move || height.get() font-family="system-ui, sans-serif" role="group" aria-label=move || title.get()>
                {bars}
                {balance}
                {move || source_lines.with(|lines| Some(super::source_lines(lines, fs)))}
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
