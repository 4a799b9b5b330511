//! Occupation × month-of-year heatmap of vacancies per jobseeker: when each
//! occupation is short. Occupations that swing between shortage and surplus
//! across the year are flagged (⇅). A click on a row filters by occupation.

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::classify::RatioClass;
use crate::core::chart::legend;
use crate::core::chart::palette::{NO_DATA, RATIO};
use crate::core::format;
use crate::core::i18n::{t, Key};
use crate::core::table::{Table, Value};

use super::frame::{use_chart_size, ChartFrame};
use crate::core::chart::text::{ellipsize, flow_legend, wrap};

/// The colour of a cell: the one vacancies-per-jobseeker scale of the map and its legend
/// ([`legend::ratio`]), so shortage is the most salient colour here too.
pub fn cell_color(ratio: Option<f64>) -> &'static str {
    match RatioClass::of(ratio) {
        Some(c) => RATIO[c as usize],
        None => NO_DATA,
    }
}

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
            return super::pending(store, "labour_market", "seasonality-unavailable");
        };
        if agg.seasonality.is_empty() {
            return view! { <p class="empty">{t(l, Key::NoData)}</p> }.into_any();
        }
        let current = derived.filter.get().and_then(|f| f.occupation);
        let toggle = move |c: String| store.set_view(|v| crate::core::state::toggle(&mut v.occupation, &c));
        let (w, text) = (size.width.get(), size.text.get());
        let fs = text.label;
        // Twelve cells of at least one label height; the occupation labels take the rest (at most 45 %).
        let label_col = (w * 0.45).min(w - 12.0 * (fs * 1.35).max(16.0) - 8.0).max(60.0);
        let cw = (w - label_col - 8.0) / 12.0;
        let row_h = text.line().max(20.0);
        // Month names: "jan" when three letters fit a cell, else the initial.
        let short = text.width("mmm") + 4.0 > cw;
        let title_lines = Vec::<String>::new() /* the heading is the frame's; exports draw it in */;
        let top = 10.0 + text.title * 1.3 * title_lines.len() as f64 + text.line() + 4.0;
        let classes = legend::ratio(l);
        let (legend_pos, legend_h) = flow_legend(&classes.labels, w - 16.0, text, 14.0);
        let hint_lines = wrap(t(l, Key::SeasonalityHint), w - 16.0, fs, 4);
        let source_lines = wrap(&crate::app::export::source_line(store, l), w - 16.0, fs, 4);
        let body_h = row_h * agg.seasonality.len() as f64;
        let ly = top + body_h + 10.0 + text.line();
        let hint_y = ly + legend_h + 6.0;
        let source_y = hint_y + text.line() * hint_lines.len() as f64 + 4.0;
        let h = source_y + text.line() * source_lines.len() as f64 + 6.0;
        let months = (1..=12)
            .map(|m| {
                let name = format::month_name(l, m);
                let name = if short { name.chars().next().map(|c| c.to_uppercase().to_string()).unwrap_or_default() } else { name.to_string() };
                view! { <text x=label_col + cw * (f64::from(m) - 0.5) y=top - 6.0 font-size=fs text-anchor="middle">{name}</text> }
            })
            .collect_view();
        let rows = agg
            .seasonality
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let o = &codes.occupations()[r.occupation];
                let y = top + row_h * k as f64;
                let selected = current.as_deref().is_some_and(|c| o.code.starts_with(c));
                let flag = if r.swings { "⇅ " } else { "" };
                let label = format!("{flag}{} {}", o.code, o.name.get(l));
                let (shown, _) = ellipsize(&label, label_col - 14.0, fs);
                let code = o.code.clone();
                let code2 = code.clone();
                // Plain rects (no listeners, no children): hundreds of them are
                // rebuilt per change, so they stay as light as possible. Hover,
                // click and values go through the grid handlers and the readout.
                let cells = (0..12)
                    .map(|m| {
                        let fill = cell_color(r.ratio(m));
                        view! { <rect x=label_col + cw * m as f64 y=y width=cw - 1.0 height=row_h - 1.0 fill=fill/> }
                    })
                    .collect_view();
                let row_values: String = (0..12)
                    .map(|m| format!("{} {}", format::month_name(l, m as u32 + 1), format::maybe(l, r.ratio(m), 2)))
                    .collect::<Vec<_>>()
                    .join(" · ");
                let focus_text = format!("{label}: {row_values}");
                view! {
                    <g class="heat-row" data-code=o.code.clone() data-swings=r.swings.to_string()>
                        <text
                            x="8"
                            y=y + row_h * 0.5 + fs * 0.35
                            font-size=fs
                            font-weight=if selected { "700" } else { "400" }
                            tabindex="0"
                            role="button"
                            aria-pressed=selected.to_string()
                            aria-label=label.clone()
                            on:click={
                                let c = code2.clone();
                                move |_| toggle(c.clone())
                            }
                            on:keydown=move |ev| {
                                if super::labels::is_activation(&ev) {
                                    toggle(code2.clone());
                                }
                            }
                            on:focus=move |_| readout.set(Some(focus_text.clone()))
                            on:blur=move |_| readout.set(None)
                        >
                            <title>{label.clone()}</title>
                            {super::labels::fitted(shown)}
                        </text>
                        {cells}
                    </g>
                }
            })
            .collect_view();
        let cell_at = {
            let occs: Vec<(usize, String)> = agg
                .seasonality
                .iter()
                .map(|r| (r.occupation, codes.occupations()[r.occupation].code.clone()))
                .collect();
            move |ev: &leptos::ev::MouseEvent| -> Option<(usize, String, usize)> {
                let svg = svg_ref.get()?;
                let rect = svg.get_bounding_client_rect();
                if rect.width() <= 0.0 {
                    return None;
                }
                let px = (f64::from(ev.client_x()) - rect.left()) * w / rect.width();
                let py = (f64::from(ev.client_y()) - rect.top()) * w / rect.width();
                let (col, row) = ((px - label_col) / cw, (py - top) / row_h);
                if !(0.0..12.0).contains(&col) || row < 0.0 {
                    return None;
                }
                let (o, code) = occs.get(row as usize)?.clone();
                Some((o, code, col as usize))
            }
        };
        let cell_at2 = cell_at.clone();
        let agg2 = agg.clone();
        let on_move = move |ev: leptos::ev::MouseEvent| {
            let text = cell_at(&ev).map(|(o, code, m)| {
                let ratio = agg2.seasonality.iter().find(|r| r.occupation == o).and_then(|r| r.ratio(m));
                format!("{code} · {}: {}", format::month_name(l, m as u32 + 1), format::maybe(l, ratio, 2))
            });
            readout.set(text);
        };
        let on_click = move |ev: leptos::ev::MouseEvent| {
            if let Some((_, code, _)) = cell_at2(&ev) {
                toggle(code);
            }
        };
        let legend = classes
            .labels
            .iter()
            .zip(&classes.colors)
            .zip(&legend_pos)
            .map(|((label, color), (lx, lyy))| {
                let (x0, y0) = (8.0 + lx, ly + lyy);
                view! {
                    <rect x=x0 y=y0 + (text.line() - 12.0) / 2.0 width="14" height="12" fill=*color stroke="#8a929c" stroke-width="0.5"/>
                    <text x=x0 + 20.0 y=y0 + text.line() * 0.72 font-size=fs>{label.clone()}</text>
                }
            })
            .collect_view();
        let lines_at = move |lines: Vec<String>, y0: f64, fill: &'static str| {
            lines
                .into_iter()
                .enumerate()
                .map(|(k, line)| view! { <text x="8" y=y0 + fs + text.line() * k as f64 font-size=fs fill=fill>{line}</text> })
                .collect_view()
        };
        let hint = lines_at(hint_lines, hint_y, "#1b1f24");
        let source = lines_at(source_lines, source_y, "#4f5863");
        let title_svg = title_lines
            .into_iter()
            .enumerate()
            .map(|(k, line)| view! { <text x="8" y=6.0 + text.title * (1.0 + 1.3 * k as f64) font-size=text.title font-weight="700">{line}</text> })
            .collect_view();
        view! {
            <p class="readout" aria-hidden="true" data-testid="seasonality-readout">{move || readout.get()}</p>
            <svg id="svg-seasonality" node_ref=svg_ref xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {w} {h}") width=w height=h
                font-family="system-ui, sans-serif" role="group" aria-label=title.get()
                on:mousemove=on_move on:mouseleave=move |_| readout.set(None) on:click=on_click>
                {title_svg}
                {months}
                {rows}
                <text x="8" y=ly - 6.0 font-size=fs font-weight="700">{t(l, Key::Legend)}": "{t(l, Key::IndRatio)}</text>
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
