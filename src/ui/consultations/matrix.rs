//! Themes by how often they are raised and how strongly (the model: `core::chart::matrix`).

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::matrix;
use crate::core::chart::palette::SERIES;
use crate::core::data::outcomes::priority_matrix;
use crate::core::format;
use crate::core::i18n::{t, Key};
use crate::core::table::{Table, Value};
use crate::ui::frame::{use_chart_size, ChartFrame};

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
    // Off screen, drawn a frame after the charts in view (issue #12).
    let points = size.follow(points);
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
        let (Some(pts), Some(codes)) = (points.get(), store.codes.get()) else {
            return crate::ui::pending(store, crate::core::data::manifest::Kind::Consultations, "matrix-unavailable");
        };
        if pts.is_empty() {
            return view! { <p class="empty">{t(l, Key::NoOutcomes)}</p> }.into_any();
        }
        let (w, text) = (size.width.get(), size.text.get());
        let names: Vec<String> = pts
            .iter()
            .map(|p| codes.themes().get(p.theme).map(|e| e.name.get(l).to_string()).unwrap_or_default())
            .collect();
        let levels = [t(l, Key::PriorityLow), t(l, Key::PriorityMedium), t(l, Key::PriorityHigh)];
        let m = matrix::layout(&pts, &names, levels, w, text, &crate::app::export::source_line(store, l), l);
        let (fs, h, w) = (m.font, m.height, m.width);
        let (left, _, right, _) = m.plot;
        let current = store.view.with(|v| v.theme.clone());
        let dots = m
            .dots
            .iter()
            .map(|d| {
                let p = &pts[d.index];
                let code = codes.themes().get(p.theme).map(|e| e.code.clone()).unwrap_or_default();
                let selected = current.as_deref() == Some(code.as_str());
                let tip = format!(
                    "{}: {} · {} {} · {} {}",
                    names[d.index],
                    p.outcomes,
                    t(l, Key::MeanPriority),
                    format::number(l, p.mean_priority, 2),
                    t(l, Key::MeanVotes),
                    format::number(l, p.mean_votes, 1)
                );
                // Named in full (the drawn label may be shortened), with its figures.
                let name = format!(
                    "{}: {} {} · {} {} · {} {}",
                    names[d.index],
                    t(l, Key::Outcomes),
                    format::integer(l, f64::from(p.outcomes)),
                    t(l, Key::MeanPriority),
                    format::number(l, p.mean_priority, 2),
                    t(l, Key::MeanVotes),
                    format::number(l, p.mean_votes, 1)
                );
                let (click, key) = crate::ui::labels::activate({
                    let code = code.clone();
                    move || store.set_view(|v| crate::core::state::toggle(&mut v.theme, &code))
                });
                view! {
                    <g class="bar-row" tabindex="0" role="button" aria-pressed=selected.to_string() aria-label=name data-code=code
                        on:click=click on:keydown=key>
                        <circle cx=d.cx cy=d.cy r=d.r fill=SERIES[0] fill-opacity="0.55" stroke=if selected { "#000000" } else { SERIES[0] } stroke-width=if selected { "2.5" } else { "1" }>
                            <title>{tip}</title>
                        </circle>
                        <text x=d.label_at.0 y=d.label_at.1 + fs * 0.85 font-size=fs font-weight=if selected { "700" } else { "400" }>{crate::ui::labels::fitted(d.label.clone())}</text>
                    </g>
                }
            })
            .collect_view();
        let xticks = m
            .x_ticks
            .iter()
            .map(|lb| view! { <text x=lb.x y=lb.y font-size=fs text-anchor=lb.anchor>{lb.text.clone()}</text> })
            .collect_view();
        let ylabels = m
            .y_levels
            .iter()
            .zip(levels)
            .map(|(yy, label)| {
                view! {
                    <line x1=left x2=right y1=*yy y2=*yy stroke="#eceff3"/>
                    <text x=m.y_label_x y=yy + fs * 0.35 font-size=fs text-anchor="end">{label}</text>
                }
            })
            .collect_view();
        let source_view = crate::ui::source_lines(&m.source, fs);
        let (title_x, title_y) = m.x_title_at;
        view! {
            <svg id="svg-matrix" xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {w} {h}") width=w height=h
                font-family="system-ui, sans-serif" role="group" aria-label=title.get()>
                {ylabels}
                {xticks}
                <text x=title_x y=title_y font-size=fs text-anchor="middle">{t(l, Key::Outcomes)}</text>
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
