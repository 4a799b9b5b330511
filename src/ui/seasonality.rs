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
    let title = Signal::derive(move || t(lang.get(), Key::SeasonalityTitle).to_string());
    let readout = RwSignal::new(None::<String>);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let table = Signal::derive(move || {
        let l = lang.get();
        let (Some(agg), Some(codes)) = (derived.agg.get(), store.codes.get()) else { return Table::default() };
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
    let body = move || {
        let l = lang.get();
        let (Some(agg), Some(codes)) = (derived.agg.get(), store.codes.get()) else {
            return super::pending(store, Kind::LabourMarket, "seasonality-unavailable");
        };
        if agg.seasonality.is_empty() {
            return view! { <p class="empty">{t(l, Key::NoData)}</p> }.into_any();
        }
        let current = derived.filter.get().and_then(|f| f.occupation);
        let toggle = move |c: String| store.set_view(|v| crate::core::state::toggle(&mut v.occupation, &c));
        let (w, text) = (size.width.get(), size.text.get());
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
        let m = heatmap::layout(&heat_rows, w, text, t(l, Key::SeasonalityHint), &source, l);
        let (fs, h, label_col, cw, row_h) = (m.font, m.height, m.label_col, m.cell_w, m.row_h);
        let months = m
            .months
            .iter()
            .map(|lb| view! { <text x=lb.x y=lb.y font-size=fs text-anchor=lb.anchor>{lb.text.clone()}</text> })
            .collect_view();
        let rows = heat_rows
            .iter()
            .zip(&m.rows)
            .map(|(r, row)| {
                let y = row.y;
                let selected = current.as_deref().is_some_and(|c| r.code.starts_with(c));
                let label = row.label.clone();
                let (click, key) = super::labels::activate({
                    let code = r.code.clone();
                    move || toggle(code.clone())
                });
                // Plain rects (no listeners, no children): hundreds of them are
                // rebuilt per change, so they stay as light as possible. Hover,
                // click and values go through the grid handlers and the readout.
                let cells = row
                    .fills
                    .iter()
                    .enumerate()
                    .map(|(k, fill)| {
                        view! { <rect x=label_col + cw * k as f64 y=y width=cw - 1.0 height=row_h - 1.0 fill=*fill/> }
                    })
                    .collect_view();
                let row_values: String = (0..12)
                    .map(|k| format!("{} {}", format::month_name(l, k as u32 + 1), format::maybe(l, r.values[k], 2)))
                    .collect::<Vec<_>>()
                    .join(" · ");
                let focus_text = format!("{label}: {row_values}");
                view! {
                    <g class="heat-row" data-code=r.code.clone() data-swings=r.swings.to_string()>
                        <text
                            x="8"
                            y=row.label_y
                            font-size=fs
                            font-weight=if selected { "700" } else { "400" }
                            tabindex="0"
                            role="button"
                            aria-pressed=selected.to_string()
                            aria-label=label.clone()
                            on:click=click
                            on:keydown=key
                            on:focus=move |_| readout.set(Some(focus_text.clone()))
                            on:blur=move |_| readout.set(None)
                        >
                            <title>{label.clone()}</title>
                            {super::labels::fitted(row.shown.clone())}
                        </text>
                        {cells}
                    </g>
                }
            })
            .collect_view();
        // The cell under the pointer, in the model's coordinates.
        let grid = m.grid();
        let cell_at = move |ev: &leptos::ev::MouseEvent| -> Option<(usize, usize)> {
            let svg = svg_ref.get()?;
            let rect = svg.get_bounding_client_rect();
            if rect.width() <= 0.0 {
                return None;
            }
            let px = (f64::from(ev.client_x()) - rect.left()) * w / rect.width();
            let py = (f64::from(ev.client_y()) - rect.top()) * w / rect.width();
            grid.cell_at(px, py)
        };
        let unit = t(l, Key::IndRatio).to_lowercase();
        let rows2 = heat_rows.clone();
        // The cell's read-out (name, month, value, rank in that month) on hover and on touch.
        let on_move = move |ev: &leptos::ev::MouseEvent| {
            readout.set(cell_at(ev).and_then(|(row, month)| heatmap::cell_readout(&rows2, row, month, &unit, l)));
        };
        let on_touch = on_move.clone();
        let on_click = move |ev: leptos::ev::MouseEvent| {
            if let Some(r) = cell_at(&ev).and_then(|(row, _)| heat_rows.get(row)) {
                toggle(r.code.clone());
            }
        };
        let legend = m
            .legend
            .iter()
            .map(|(x0, y0, color, label)| {
                view! {
                    <rect x=*x0 y=y0 + (text.line() - 12.0) / 2.0 width="14" height="12" fill=*color stroke="#8a929c" stroke-width="0.5"/>
                    <text x=x0 + 20.0 y=y0 + text.line() * 0.72 font-size=fs>{label.clone()}</text>
                }
            })
            .collect_view();
        let lines_at = move |lines: &[Label], fill: &'static str| {
            lines
                .iter()
                .map(|lb| view! { <text x=lb.x y=lb.y font-size=fs fill=fill>{lb.text.clone()}</text> })
                .collect_view()
        };
        let hint = lines_at(&m.hint, "#1b1f24");
        let source = lines_at(&m.source, "#4f5863");
        let ly = m.legend_title_y;
        view! {
            <p class="readout" aria-hidden="true" data-testid="seasonality-readout">{move || readout.get()}</p>
            <svg id="svg-seasonality" node_ref=svg_ref xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {w} {h}") width=w height=h
                font-family="system-ui, sans-serif" role="group" aria-label=title.get()
                on:mousemove=move |ev| on_move(&ev) on:pointerdown=move |ev: leptos::ev::PointerEvent| on_touch(&ev) on:mouseleave=move |_| readout.set(None) on:click=on_click>
                {months}
                {rows}
                <text x="8" y=ly font-size=fs font-weight="700">{t(l, Key::Legend)}": "{t(l, Key::IndRatio)}</text>
                {legend}
                {hint}
                {source}
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
