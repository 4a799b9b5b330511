//! The compared areas: chips with remove buttons and a picker to add one, and the side-by-side
//! table of every indicator for the period (built by `core::chart::compare`).

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::palette::SERIES;
use crate::core::data::aggregate::Area;
use crate::core::format;
use crate::core::i18n::{t, Key};
use crate::core::state::{area_code, MAX_COMPARE};
use crate::core::table::Table;

use crate::core::i18n::labels::area_name;

use crate::core::chart::compare::compare_table;

/// Chips for the compared areas, with remove buttons, and a picker to add
/// one. `areas`: the list shown (default: the shortages view's).
#[component]
pub fn ComparePicker(
    #[prop(optional, into)] areas: Option<Signal<Vec<Area>>>,
    /// The [`SERIES`] colour index of each area's chip (default: its position).
    #[prop(optional, into)]
    colours: Option<Signal<Vec<usize>>>,
) -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    // A memo: the chips are rebuilt when the compared areas change, not on every filter change.
    let current = Memo::new(move |_| match areas {
        Some(a) => a.get(),
        None => derived.resolved.with(|r| r.as_ref().map(|r| r.compare.clone()).unwrap_or_default()),
    });
    let current = move || current.get();
    let set_list = move |areas: Vec<Area>| {
        let Some(codes) = store.codes.get_untracked() else { return };
        let list: Vec<String> = areas.iter().map(|a| area_code(*a, &codes)).collect();
        store.set_view(|v| v.compare = list);
    };
    // The area chosen in the "Add a region…" select, not yet added; whether the last interaction
    // with the select was the pointer's (a pick adds at once) or the keyboard's (it browses).
    let choice = RwSignal::new(String::new());
    let by_pointer = StoredValue::new(false);
    let add = move |code: String| {
        choice.set(String::new());
        let Some(codes) = store.codes.get_untracked() else { return };
        if let Some(a) = crate::core::state::parse_area(&code, &codes) {
            let mut list = current();
            if !list.contains(&a) && list.len() < MAX_COMPARE {
                list.push(a);
                set_list(list);
            }
        }
    };
    view! {
        <div class="compare" data-testid="compare">
            <span class="compare-label">{move || t(lang.get(), Key::Compare)}": "</span>
            {move || {
                let l = lang.get();
                let Some(codes) = store.codes.get() else { return ().into_any() };
                let areas = current();
                areas
                    .iter()
                    .enumerate()
                    .map(|(k, a)| {
                        let a = *a;
                        let name = area_name(a, &codes, l);
                        let rest: Vec<Area> = areas.iter().copied().filter(|x| *x != a).collect();
                        view! {
                            <span class="chip" style:border-color=SERIES[colours.and_then(|c| c.get().get(k).copied()).unwrap_or(k) % SERIES.len()]>
                                {name.clone()}
                                <button
                                    class="chip-remove"
                                    aria-label=format!("{} {name}", t(l, Key::Remove))
                                    disabled=areas.len() <= 1
                                    on:click=move |_| set_list(rest.clone())
                                >
                                    "×"
                                </button>
                            </span>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
            <select
                aria-label=move || t(lang.get(), Key::AddArea)
                disabled=move || { current().len() >= MAX_COMPARE }
                data-testid="compare-add"
                prop:value=move || choice.get()
                on:pointerdown=move |_| by_pointer.set_value(true)
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    by_pointer.set_value(false);
                    if ev.key() == "Enter" && !choice.get_untracked().is_empty() {
                        ev.prevent_default();
                        add(choice.get_untracked());
                    }
                }
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    choice.set(code.clone());
                    // Picked with the pointer: added at once. With the keyboard, the arrows only
                    // browse (Chromium sends a change for each); Enter or the button adds.
                    if by_pointer.get_value() {
                        add(code);
                    }
                }
            >
                <option value="">{move || t(lang.get(), Key::AddArea)}</option>
                {move || {
                    let l = lang.get();
                    let Some(codes) = store.codes.get() else { return ().into_any() };
                    let mut opts = vec![("PT".to_string(), "Portugal".to_string())];
                    opts.extend(codes.focus_areas().iter().map(|f| (f.code.clone(), f.name.get(l).to_string())));
                    opts.extend(codes.regions().iter().map(|r| (r.code.clone(), r.name.get(l).to_string())));
                    opts.into_iter().map(|(v, label)| view! { <option value=v>{label}</option> }).collect_view().into_any()
                }}
            </select>
            <button
                class="tool"
                data-testid="compare-add-button"
                disabled=move || { choice.with(String::is_empty) || current().len() >= MAX_COMPARE }
                on:click=move |_| add(choice.get_untracked())
            >
                {move || t(lang.get(), Key::AddButton)}
            </button>
            <Show when=move || { current().len() >= MAX_COMPARE } fallback=|| ()>
                <span class="muted" data-testid="compare-full">{move || t(lang.get(), Key::CompareFull)}</span>
            </Show>
        </div>
    }
}

/// The compared areas side by side for the period: every indicator, and its change vs the same months a
/// year earlier, with the table's own CSV.
#[component]
pub(super) fn CompareTable(colours: Memo<Vec<(String, usize)>>) -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let table = Memo::new(move |_| {
        let l = lang.get();
        let (Some(agg), Some(codes), Some(f)) = (derived.agg.get(), store.codes.get(), derived.filter.get()) else {
            return Table::default();
        };
        let areas = derived.resolved.with(|r| r.as_ref().map(|r| r.compare.clone()).unwrap_or_default());
        let names: Vec<String> = areas.iter().map(|a| area_name(*a, &codes, l)).collect();
        compare_table(&agg, &names, f.from, f.to, l)
    });
    // Below the series on a laptop: drawn after the visible charts when off screen (issue #12).
    let on_screen = RwSignal::new(true);
    let table_ref = NodeRef::<leptos::html::Div>::new();
    crate::app::resize::observe_on_screen(table_ref, on_screen);
    let shown = crate::ui::frame::follow(on_screen, table);
    let download = move |_| {
        let l = lang.get_untracked();
        let ctx = crate::app::export::export_context(store, derived, "compare", false, l);
        let ctx = crate::core::export::ExportContext { indicator: None, ..ctx };
        let note = crate::app::export::export_note(store, l);
        let csv = table.with(|tb| crate::core::export::table_csv(tb, &ctx, l, note.as_deref()));
        if let Err(e) = crate::app::download::text(&ctx.file_name("csv"), "text/csv;charset=utf-8", &csv) {
            web_sys::console::error_1(&e);
        }
    };
    let swatches = move || {
        colours
            .get()
            .into_iter()
            .map(|(_, c)| view! { <span class="swatch" style:background=SERIES[c % SERIES.len()]></span> })
            .collect_view()
    };
    view! {
        <section class="panel compare-table" aria-labelledby="compare-table-title" data-testid="compare-table">
            <div class="chart-head">
                <h2 id="compare-table-title">
                    {move || t(lang.get(), Key::CompareTableTitle)}
                    " "
                    <span class="muted">{move || derived.filter.get().map(|f| format::period(lang.get(), f.from, f.to))}</span>
                </h2>
                <button class="tool" data-testid="csv-compare" on:click=download>
                    "⤓ " {move || t(lang.get(), Key::DownloadCsv)}
                </button>
            </div>
            <p class="hint">{move || t(lang.get(), Key::CompareTableHint)} <span class="swatches" aria-hidden="true">{swatches}</span></p>
            <div node_ref=table_ref>
                <crate::ui::frame::DataTable table=shown testid="table-compare".to_string()/>
            </div>
        </section>
    }
}
