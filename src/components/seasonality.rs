//! Occupation × month-of-year heatmap of vacancies per jobseeker: when each
//! occupation is short. Occupations that swing between shortage and surplus
//! across the year are flagged (⇅). A click on a row filters by occupation.

use leptos::prelude::*;

use crate::app::root::use_derived;
use crate::app::store::use_store;
use crate::chart::classify::RatioClass;
use crate::chart::legend;
use crate::chart::palette::{NO_DATA, RATIO};
use crate::format;
use crate::i18n::{t, Key};
use crate::table::{Table, Value};

use super::frame::ChartFrame;

const W: f64 = 760.0;
const LABEL: f64 = 290.0;
const ROW: f64 = 20.0;
const TOP: f64 = 44.0;
const BOTTOM: f64 = 92.0;

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
        let toggle = move |c: String| store.set_view(|v| crate::view_state::toggle(&mut v.occupation, &c));
        let h = TOP + BOTTOM + ROW * agg.seasonality.len() as f64;
        let cw = (W - LABEL - 10.0) / 12.0;
        let months = (1..=12)
            .map(|m| {
                view! { <text x=LABEL + cw * (f64::from(m) - 0.5) y=TOP - 6.0 font-size="11" text-anchor="middle">{format::month_name(l, m)}</text> }
            })
            .collect_view();
        let rows = agg
            .seasonality
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let o = &codes.occupations()[r.occupation];
                let y = TOP + ROW * k as f64;
                let selected = current.as_deref().is_some_and(|c| o.code.starts_with(c));
                let flag = if r.swings { "⇅ " } else { "" };
                let label = format!("{flag}{} {}", o.code, o.name.get(l));
                let code = o.code.clone();
                let code2 = code.clone();
                // Plain rects (no listeners, no children): hundreds of them are
                // rebuilt per change, so they stay as light as possible. Hover,
                // click and values go through the grid handlers and the readout.
                let cells = (0..12)
                    .map(|m| {
                        let fill = cell_color(r.ratio(m));
                        view! { <rect x=LABEL + cw * m as f64 y=y width=cw - 1.0 height=ROW - 1.0 fill=fill/> }
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
                            y=y + ROW * 0.7
                            font-size="11"
                            clip-path="url(#clip-seasonality)"
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
                            {label.clone()}
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
                let px = (f64::from(ev.client_x()) - rect.left()) * W / rect.width();
                let py = (f64::from(ev.client_y()) - rect.top()) * W / rect.width();
                let (col, row) = ((px - LABEL) / cw, (py - TOP) / ROW);
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
        let classes = legend::ratio(l);
        let ly = h - BOTTOM + 14.0;
        // Two rows of three classes, surplus on the first row, balance and shortage on the second.
        let legend = classes
            .labels
            .iter()
            .zip(&classes.colors)
            .enumerate()
            .map(|(k, (text, color))| {
                let lx = 70.0 + 230.0 * (k % 3) as f64;
                let y = ly + 16.0 * (k / 3) as f64;
                view! {
                    <rect x=lx y=y width="14" height="12" fill=*color stroke="#8a929c" stroke-width="0.5"/>
                    <text x=lx + 18.0 y=y + 10.0 font-size="10">{text.clone()}</text>
                }
            })
            .collect_view();
        view! {
            <svg id="svg-seasonality" node_ref=svg_ref xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {W} {h}") width=W height=h
                font-family="system-ui, sans-serif" role="group" aria-label=title.get()
                on:mousemove=on_move on:mouseleave=move |_| readout.set(None) on:click=on_click>
                <defs>
                    <clipPath id="clip-seasonality">
                        <rect x="0" y="0" width=LABEL - 12.0 height=h/>
                    </clipPath>
                </defs>
                <text x="8" y="18" font-size="14" font-weight="700">{title.get()}</text>
                <text x="8" y="32" font-size="11" data-testid="seasonality-readout">{move || readout.get()}</text>
                {months}
                {rows}
                <text x="8" y=ly + 10.0 font-size="10" font-weight="700">{t(l, Key::Legend)}</text>
                {legend}
                <text x="8" y=ly + 46.0 font-size="10">{t(l, Key::SeasonalityHint)}</text>
                <text x="8" y=h - 8.0 font-size="10" fill="#4f5863">{super::labels::source_line(store, l)}</text>
            </svg>
        }
        .into_any()
    };
    view! {
        <ChartFrame id="seasonality" title=title hint=Signal::derive(move || format!("{} {}", t(lang.get(), Key::SeasonalityWindow), t(lang.get(), Key::SeasonalityHint))) table=table>
            {body}
        </ChartFrame>
    }
}
