//! Outcomes by theme, stacked by stakeholder group (the model: `core::chart::stacked`).

use leptos::prelude::*;

use super::weight_key;
use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::stacked::{self, group_colour, Stack};
use crate::core::data::outcomes::{by_theme_and_group, Weight};
use crate::core::i18n::{t, Key};
use crate::core::table::{Table, Value};
use crate::ui::frame::{use_chart_size, ChartFrame};

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
    // Off screen, drawn a frame after the charts in view (issue #12).
    let stacks = size.follow(stacks);
    let title = Signal::derive(move || {
        format!("{} · {}", t(lang.get(), Key::BarriersTitle), t(lang.get(), weight_key(weight.get())))
    });
    let table = Signal::derive(move || {
        let l = lang.get();
        let (Some(rows), Some(codes)) = (stacks.get(), store.codes.get()) else { return Table::default() };
        let mut headers = vec![t(l, Key::Theme).to_string()];
        headers.extend(codes.groups().iter().map(|g| g.name.get(l).to_string()));
        headers.push(t(l, Key::TotalColumn).into());
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
            return crate::ui::pending(store, crate::core::data::manifest::Kind::Consultations, "barriers-unavailable");
        };
        if rows.is_empty() {
            return view! { <p class="empty" data-testid="barriers-empty">{t(l, Key::NoOutcomes)}</p> }.into_any();
        }
        let (w, text) = (size.width.get(), size.text.get());
        let themes = codes.themes();
        let stacks: Vec<Stack> = rows
            .iter()
            .map(|r| Stack {
                name: themes.get(r.theme).map(|e| e.name.get(l).to_string()).unwrap_or_default(),
                by_group: r.by_group.clone(),
            })
            .collect();
        let group_names: Vec<String> = codes.groups().iter().map(|g| g.name.get(l).to_string()).collect();
        let m = stacked::layout(&stacks, &group_names, w, text, &crate::app::export::source_line(store, l), l);
        let (fs, h) = (m.font, m.height);
        let current = store.view.with(|v| v.theme.clone());
        let bars = rows
            .iter()
            .zip(stacks)
            .zip(m.rows)
            .map(|((r, stack), row)| {
                let code = themes.get(r.theme).map(|e| e.code.clone()).unwrap_or_default();
                let name = stack.name;
                let segments = row
                    .segments
                    .iter()
                    .map(|s| {
                        let group = group_names.get(s.group).cloned().unwrap_or_default();
                        let tip = format!("{name} · {group}: {}", s.value);
                        view! {
                            <rect x=s.x y=row.y width=s.w height=row.h fill=group_colour(s.group)>
                                <title>{tip}</title>
                            </rect>
                        }
                    })
                    .collect_view();
                let selected = current.as_deref() == Some(code.as_str());
                let (click, key) = crate::ui::labels::activate({
                    let code = code.clone();
                    move || store.set_view(|v| crate::core::state::toggle(&mut v.theme, &code))
                });
                view! {
                    <g class="bar-row" tabindex="0" role="button" aria-pressed=selected.to_string() data-code=code
                        on:click=click on:keydown=key>
                        <text x="8" y=row.label_y font-size=fs font-weight=if selected { "700" } else { "400" }>{crate::ui::labels::fitted(row.shown)}<title>{name.clone()}</title></text>
                        {segments}
                        <text x=row.total_at.0 y=row.total_at.1 font-size=fs>{row.total}</text>
                    </g>
                }
            })
            .collect_view();
        let legend = m
            .legend
            .into_iter()
            .map(|(lx, ly, colour, name)| {
                view! {
                    <rect x=lx y=ly + (text.line() - 12.0) / 2.0 width="12" height="12" fill=colour/>
                    <text x=lx + 18.0 y=ly + text.line() * 0.72 font-size=fs>{name}</text>
                }
            })
            .collect_view();
        let source_view = crate::ui::source_lines(&m.source, fs);
        view! {
            <svg id="svg-barriers" xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {w} {h}") width=w height=h
                font-family="system-ui, sans-serif" role="group" aria-label=title.get()>
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
