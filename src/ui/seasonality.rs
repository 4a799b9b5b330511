//! Occupation × month-of-year heatmap of vacancies per jobseeker: when each
//! occupation is short. Occupations that swing between shortage and surplus
//! across the year are flagged (⇅). A click on a row filters by occupation.

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::heatmap::{self, HeatRow};
use crate::core::chart::line::Label;
use crate::core::data::manifest::Kind;
use crate::core::format;
use crate::core::i18n::{t, Key};
use crate::core::table::{Table, Value};

use super::frame::{use_chart_size, ChartFrame};

#[component]
pub fn SeasonalityView() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let size = use_chart_size();
    let agg = size.follow(derived.agg);
    let title = Signal::derive(move || t(lang.get(), Key::SeasonalityTitle).to_string());
    // What the read-out is about: a cell (row, month) under the pointer, or a row with the
    // keyboard focus (row, None). Its text is read from the model when shown, so a filter change
    // under a still pointer updates it.
    let hovered = RwSignal::new(None::<(usize, Option<usize>)>);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let table = Signal::derive(move || {
        let l = lang.get();
        let (Some(agg), Some(codes)) = (agg.get(), store.codes.get()) else { return Table::default() };
        let mut headers = vec!["ISCO-08".to_string(), t(l, Key::Occupation).to_string()];
        headers.extend((1..=12).map(|m| format::month_name(l, m).to_string()));
        headers.push(t(l, Key::Swings).to_string());
        Table {
            headers,
            rows: agg
                .seasonality
                .iter()
                .map(|r| {
                    let o = &codes.occupations()[r.occupation];
                    let mut row = vec![Value::Text(o.code.clone()), Value::Text(o.name.get(l).to_string())];
                    row.extend((0..12).map(|m| Value::Num(r.ratio(m), 2)));
                    row.push(Value::Text(if r.swings { "⇅".into() } else { String::new() }));
                    row
                })
                .collect(),
        }
    });
    // The chart's model, recomputed per change, and its shape: the width, text and grid, which
    // need new elements. Each row is a slot (`super::slots`) whose attributes and texts follow its
    // own row, so a filter change only writes the fills and labels that changed, and a change in
    // the number of occupations builds or drops only the difference (issue #12).
    let model = Memo::new(move |_| {
        let l = lang.get();
        let (agg, codes) = (agg.get()?, store.codes.get()?);
        let heat_rows: Vec<HeatRow> = agg
            .seasonality
            .iter()
            .filter_map(|r| {
                let o = codes.occupations().get(r.occupation)?;
                Some(HeatRow {
                    code: o.code.clone(),
                    name: o.name.get(l).to_string(),
                    swings: r.swings,
                    values: std::array::from_fn(|m| r.ratio(m)),
                })
            })
            .collect();
        let source = crate::app::export::source_line(store, l);
        let m = heatmap::layout(&heat_rows, size.width.get(), size.text.get(), t(l, Key::SeasonalityHint), &source, l);
        Some(std::sync::Arc::new((heat_rows, m)))
    });
    let shape = Memo::new(move |_| {
        model.with(|m| {
            m.as_ref().map(|m| (m.1.width, m.1.font, m.1.label_col, m.1.cell_w, m.1.row_h, m.1.months.clone()))
        })
    });
    let count = Memo::new(move |_| model.with(|m| m.as_ref().map_or(0, |m| m.1.rows.len())));
    let height = Memo::new(move |_| model.with(|m| m.as_ref().map_or(0.0, |m| m.1.height)));
    // What sits under the grid (legend, hint, source): it moves with the number of rows.
    let footer = Memo::new(move |_| {
        model.with(|m| {
            m.as_ref().map(|m| (m.1.legend_title_y, m.1.legend.clone(), m.1.hint.clone(), m.1.source.clone()))
        })
    });
    let state = Memo::new(move |_| agg.with(|a| a.as_ref().map(|a| a.seasonality.is_empty())));
    let current =
        crate::app::settle::settled(move || derived.filter.with(|f| f.as_ref().and_then(|f| f.occupation.clone())));
    let toggle = move |c: String| store.set_view(|v| crate::core::state::toggle(&mut v.occupation, &c));
    let body = move || {
        let l = lang.get();
        match state.get() {
            None => return super::pending(store, Kind::LabourMarket, "seasonality-unavailable"),
            Some(true) => return view! { <p class="empty">{t(l, Key::NoData)}</p> }.into_any(),
            Some(false) => {}
        }
        let Some((w, fs, label_col, cw, row_h, months)) = shape.get() else {
            return super::pending(store, Kind::LabourMarket, "seasonality-unavailable");
        };
        let text = size.text.get_untracked();
        let months = months
            .iter()
            .map(|lb| view! { <text x=lb.x y=lb.y font-size=fs text-anchor=lb.anchor>{lb.text.clone()}</text> })
            .collect_view();
        let item = move |i: usize| {
            model.with(|m| {
                let m = m.as_ref()?;
                let r = m.0.get(i)?;
                Some((r.code.clone(), r.swings, m.1.rows.get(i)?.clone()))
            })
        };
        let rows = super::slots::slots(count, item, move |i, row: Memo<(String, bool, heatmap::HeatRowModel)>| {
            let selected =
                move || row.with(|(code, _, _)| current.with(|c| c.as_deref().is_some_and(|c| code.starts_with(c))));
            let (click, key) = super::labels::activate(move || toggle(row.with_untracked(|r| r.0.clone())));
            let label = move || row.with(|r| r.2.label.clone());
            // Plain rects (no listeners, no children), their fill the only thing that changes.
            // Hover, click and values go through the grid handlers and the readout.
            let cells = (0..12)
                .map(|k| {
                    view! {
                        <rect x=label_col + cw * k as f64 y=move || row.with(|r| r.2.y) width=cw - 1.0 height=row_h - 1.0
                            fill=move || row.with(|r| r.2.fills[k])/>
                    }
                })
                .collect_view();
            view! {
                <g class="heat-row" data-code=move || row.with(|r| r.0.clone()) data-swings=move || row.with(|r| r.1.to_string())>
                    <text
                        x="8"
                        y=move || row.with(|r| r.2.label_y)
                        font-size=fs
                        font-weight=move || if selected() { "700" } else { "400" }
                        tabindex="0"
                        role="button"
                        aria-pressed=move || selected().to_string()
                        aria-label=label
                        on:click=click
                        on:keydown=key
                        on:focus=move |_| hovered.set(Some((i, None)))
                        on:blur=move |_| hovered.set(None)
                    >
                        <title>{label}</title>
                        {move || {
                            let bold = selected();
                            super::labels::fitted(row.with(|r| if bold { r.2.shown_bold.clone() } else { r.2.shown.clone() }))
                        }}
                    </text>
                    {cells}
                </g>
            }
        });
        // The cell under the pointer, in the model's coordinates.
        let cell_at = move |ev: &leptos::ev::MouseEvent| -> Option<(usize, usize)> {
            let svg = svg_ref.get()?;
            let rect = svg.get_bounding_client_rect();
            if rect.width() <= 0.0 {
                return None;
            }
            let px = (f64::from(ev.client_x()) - rect.left()) * w / rect.width();
            let py = (f64::from(ev.client_y()) - rect.top()) * w / rect.width();
            model.with_untracked(|m| m.as_ref()?.1.grid().cell_at(px, py))
        };
        // The cell's read-out (name, month, value, rank in that month) on hover and on touch; the
        // row's values on keyboard focus.
        let on_move =
            move |ev: &leptos::ev::MouseEvent| hovered.set(cell_at(ev).map(|(row, month)| (row, Some(month))));
        let readout = move || {
            let (row, month) = hovered.get()?;
            model.with(|m| {
                let m = m.as_ref()?;
                match month {
                    Some(month) => heatmap::cell_readout(&m.0, row, month, &t(l, Key::IndRatio).to_lowercase(), l),
                    None => heatmap::row_readout(&m.0, &m.1.rows.get(row)?.label, row, l),
                }
            })
        };
        let on_touch = on_move;
        let on_click = move |ev: leptos::ev::MouseEvent| {
            let code =
                cell_at(&ev).and_then(|(row, _)| model.with_untracked(|m| Some(m.as_ref()?.0.get(row)?.code.clone())));
            if let Some(code) = code {
                toggle(code);
            }
        };
        let lines_at = move |lines: &[Label], fill: &'static str| {
            lines
                .iter()
                .map(|lb| view! { <text x=lb.x y=lb.y font-size=fs fill=fill>{lb.text.clone()}</text> })
                .collect_view()
        };
        let footer = move || {
            footer.with(|f| {
                let (ly, legend, hint, source) = f.as_ref()?;
                let legend = legend
                    .iter()
                    .map(|(x0, y0, color, label)| {
                        view! {
                            <rect x=*x0 y=y0 + (text.line() - 12.0) / 2.0 width="14" height="12" fill=*color stroke="#8a929c" stroke-width="0.5"/>
                            <text x=x0 + 20.0 y=y0 + text.line() * 0.72 font-size=fs>{label.clone()}</text>
                        }
                    })
                    .collect_view();
                Some(view! {
                    <text x="8" y=*ly font-size=fs font-weight="700">{t(l, Key::Legend)}": "{t(l, Key::IndRatio)}</text>
                    {legend}
                    {lines_at(hint, "#1b1f24")}
                    {lines_at(source, "#4f5863")}
                })
            })
        };
        view! {
            <p class="readout" aria-hidden="true" data-testid="seasonality-readout">{readout}</p>
            <svg id="svg-seasonality" node_ref=svg_ref xmlns="http://www.w3.org/2000/svg" viewBox=move || format!("0 0 {w} {}", height.get())
                width=w height=move || height.get()
                font-family="system-ui, sans-serif" role="group" aria-label=title.get()
                on:mousemove=move |ev| on_move(&ev) on:pointerdown=move |ev: leptos::ev::PointerEvent| on_touch(&ev) on:mouseleave=move |_| hovered.set(None) on:click=on_click>
                {months}
                {rows}
                {footer}
            </svg>
        }
        .into_any()
    };
    view! {
        <ChartFrame id="seasonality" size=size title=title hint=Signal::derive(move || format!("{} {}", t(lang.get(), Key::SeasonalityWindow), t(lang.get(), Key::SeasonalityHint))) table=table>
            {body}
        </ChartFrame>
    }
}
