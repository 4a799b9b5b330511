//! Global filters: period, region, sector and occupation (group or unit group).
//! They write to the view state; every view (and the URL) follows.

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::data::Month;
use crate::core::format;
use crate::core::i18n::{t, tn, Key};
use crate::core::state::area_code;

#[component]
pub fn Filters() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let months = move || {
        store
            .labour
            .with(|l| l.as_ref().map(|l| (0..l.first.span_to(l.last)).map(|i| l.first.plus(i)).collect::<Vec<_>>()))
    };
    // Option lists depend on the language and the data only, so a filter change rebuilds nothing.
    // Which option is chosen is one reactive `value` per select (one effect, not one per option:
    // ~250 effects fewer to check on every change, issue #12); options built later start with the
    // current choice as their `selected` attribute.
    let from_sel = Memo::new(move |_| derived.filter.get().map(|f| f.from));
    let to_sel = Memo::new(move |_| derived.filter.get().map(|f| f.to));
    let area_sel = Memo::new(move |_| {
        let codes = store.codes.get()?;
        derived.filter.get().map(|f| area_code(f.area, &codes))
    });
    let sector_sel = Memo::new(move |_| derived.filter.get().and_then(|f| f.sector));
    let occ_sel = Memo::new(move |_| derived.filter.get().and_then(|f| f.occupation));
    let month_options = move |selected: Memo<Option<Month>>| {
        let l = lang.get();
        months()
            .unwrap_or_default()
            .into_iter()
            .map(|m| view! { <option value=m.to_string() selected=selected.get_untracked() == Some(m)>{format::month(l, m)}</option> })
            .collect_view()
    };
    let area_options = move || {
        let l = lang.get();
        let Some(codes) = store.codes.get() else { return ().into_any() };
        let opt = move |value: String, label: String| {
            let sel = area_sel.with_untracked(|c| c.as_deref().unwrap_or("PT") == value);
            view! { <option value=value selected=sel>{label}</option> }
        };
        view! {
            {opt("PT".into(), t(l, Key::Portugal).into())}
            <optgroup label=t(l, Key::FocusAreas)>
                {codes.focus_areas().iter().map(|f| opt(f.code.clone(), f.name.get(l).to_string())).collect_view()}
            </optgroup>
            <optgroup label=t(l, Key::Districts)>
                {codes.regions().iter().map(|r| opt(r.code.clone(), r.name.get(l).to_string())).collect_view()}
            </optgroup>
        }
        .into_any()
    };
    let sector_options = move || {
        let l = lang.get();
        let Some(codes) = store.codes.get() else { return ().into_any() };
        let none = sector_sel.with_untracked(Option::is_none);
        let opt = move |code: &str, label: String, indent: bool| {
            let sel = sector_sel.with_untracked(|s| s.as_deref() == Some(code));
            let label = if indent { format!("\u{a0}\u{a0}{code} {label}") } else { format!("{code} {label}") };
            view! { <option value=code.to_string() selected=sel>{label}</option> }
        };
        view! {
            <option value="" selected=none>{t(l, Key::AllSectors)}</option>
            {codes
                .file
                .sections
                .iter()
                .map(|s| {
                    let divisions = codes
                        .sectors()
                        .iter()
                        .filter(|d| d.code.starts_with(&s.code))
                        .map(|d| opt(&d.code, d.name.get(l).to_string(), true))
                        .collect_view();
                    view! { {opt(&s.code, s.name.get(l).to_string(), false)} {divisions} }
                })
                .collect_view()}
        }
        .into_any()
    };
    // Occupation search by name (pt/en, accents ignored): narrows the select to the matches.
    let occ_query = RwSignal::new(String::new());
    let occ_matches = Memo::new(move |_| {
        let q = occ_query.get();
        let codes = store.codes.get()?;
        (!q.trim().is_empty()).then(|| crate::core::data::search::find_occupations(&codes, &q))
    });
    let occupation_options = move || {
        let l = lang.get();
        let Some(codes) = store.codes.get() else { return ().into_any() };
        let matches = occ_matches.get();
        // While a search narrows the list, the chosen occupation stays listed, so the list follows
        // the choice; without a search every option is listed and a choice rebuilds nothing.
        if matches.is_some() {
            occ_sel.track();
        }
        let shown = move |code: &str| {
            matches.as_ref().is_none_or(|m| m.iter().any(|c| c == code))
                || occ_sel.with_untracked(|s| s.as_deref() == Some(code))
        };
        let none = occ_sel.with_untracked(Option::is_none);
        let opt = move |code: &str, label: String, depth: usize| {
            let sel = occ_sel.with_untracked(|s| s.as_deref() == Some(code));
            let pad = "\u{a0}\u{a0}".repeat(depth);
            view! { <option value=code.to_string() selected=sel>{format!("{pad}{code} {label}")}</option> }
        };
        // Groups that contain at least one listed occupation, then their unit groups.
        let groups: Vec<_> = codes
            .occupation_groups()
            .iter()
            .filter(|g| codes.occupations().iter().any(|o| o.code.starts_with(&g.code)))
            .collect();
        view! {
            <option value="" selected=none>{t(l, Key::AllOccupations)}</option>
            {groups
                .iter()
                .map(|g| {
                    let depth = g.code.len() - 1;
                    let units = if g.code.len() == 2 {
                        codes
                            .occupations()
                            .iter()
                            .filter(|o| o.code.starts_with(&g.code) && shown(&o.code))
                            .map(|o| opt(&o.code, o.name.get(l).to_string(), 2))
                            .collect_view()
                            .into_any()
                    } else {
                        ().into_any()
                    };
                    let group = shown(&g.code).then(|| opt(&g.code, g.name.get(l).to_string(), depth));
                    view! { {group} {units} }
                })
                .collect_view()}
        }
        .into_any()
    };
    let set = move |f: Box<dyn FnOnce(&mut crate::core::state::ViewState)>| store.set_view(f);
    // The region select: whether its changes come from the arrows on it, closed (they browse), and
    // the view before the keyboard began browsing regions with it (`Store::browse_view`).
    let keyboard = StoredValue::new(false);
    let browsing = StoredValue::new(None::<crate::core::state::ViewState>);
    let commit = move || {
        if let Some(start) = browsing.try_update_value(Option::take).flatten() {
            store.join_compare(&start);
        }
    };
    let any_filter = move || {
        store.view.with(|v| {
            v.area.is_some() || v.sector.is_some() || v.occupation.is_some() || v.from.is_some() || v.to.is_some()
        })
    };
    // One line naming every active filter: what a phone or a presenting screen shows, folded.
    let open = RwSignal::new(false);
    let summary = move || {
        let l = lang.get();
        let (Some(f), Some(codes)) = (derived.filter.get(), store.codes.get()) else { return String::new() };
        let mut parts = vec![crate::core::i18n::labels::area_name(f.area, &codes, l), format::period(l, f.from, f.to)];
        if let Some(s) = &f.sector {
            parts.push(crate::core::i18n::labels::sector(&codes, s, l).unwrap_or_else(|| s.clone()));
        }
        if let Some(o) = &f.occupation {
            parts.push(crate::core::i18n::labels::occupation(&codes, o, l).unwrap_or_else(|| o.clone()));
        }
        parts.join(" · ")
    };
    view! {
        <section class="filters" class:open=move || open.get() aria-label=move || t(lang.get(), Key::Filters)>
            <button
                class="filters-toggle"
                aria-expanded=move || open.get().to_string()
                data-testid="filters-toggle"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="filters-toggle-label">{move || t(lang.get(), Key::Filters)}": "</span>
                <span data-testid="filters-summary">{summary}</span>
                <span aria-hidden="true">{move || if open.get() { " ▴" } else { " ▾" }}</span>
            </button>
            <label>
                <span>{move || t(lang.get(), Key::PeriodFrom)}</span>
                <select data-testid="filter-from" prop:value=move || from_sel.get().map(|m| m.to_string()).unwrap_or_default() on:change=move |ev| {
                    let m = Month::parse(&event_target_value(&ev));
                    set(Box::new(move |v| v.from = m));
                }>
                    {move || month_options(from_sel)}
                </select>
            </label>
            <label>
                <span>{move || t(lang.get(), Key::PeriodTo)}</span>
                <select data-testid="filter-to" prop:value=move || to_sel.get().map(|m| m.to_string()).unwrap_or_default() on:change=move |ev| {
                    let m = Month::parse(&event_target_value(&ev));
                    set(Box::new(move |v| v.to = m));
                }>
                    {move || month_options(to_sel)}
                </select>
            </label>
            <label>
                <span>{move || t(lang.get(), Key::Region)}</span>
                <select class="area" data-testid="filter-region" prop:value=move || area_sel.get().unwrap_or_else(|| "PT".into())
                    on:pointerdown=move |_| {
                        keyboard.set_value(false);
                        commit();
                    }
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                        // Enter, Space and Alt+↓ open the list: a choice in it is a pick.
                        "Enter" | " " => {
                            commit();
                            keyboard.set_value(false);
                        }
                        "ArrowDown" | "ArrowUp" if ev.alt_key() => keyboard.set_value(false),
                        "ArrowDown" | "ArrowUp" | "PageDown" | "PageUp" | "Home" | "End" => keyboard.set_value(true),
                        _ => {}
                    }
                    on:blur=move |_| commit()
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        let area = move |v: &mut crate::core::state::ViewState| v.area = (code != "PT").then_some(code);
                        // With the keyboard, the arrows browse: the filter follows each step, and the
                        // region finally chosen joins the comparison on Enter or on leaving the select.
                        match keyboard.get_value() {
                            true => {
                                let before = store.browse_view(area);
                                browsing.update_value(|b| { b.get_or_insert(before); });
                            }
                            false => set(Box::new(area)),
                        }
                    }
                >
                    {area_options}
                </select>
            </label>
            <label>
                <span>{move || t(lang.get(), Key::Sector)}</span>
                <select class="wide" data-testid="filter-sector" prop:value=move || sector_sel.get().unwrap_or_default() on:change=move |ev| {
                    let code = event_target_value(&ev);
                    set(Box::new(move |v| v.sector = (!code.is_empty()).then_some(code)));
                }>
                    {sector_options}
                </select>
            </label>
            <label>
                <span>{move || t(lang.get(), Key::OccupationSearch)}</span>
                <input
                    type="search"
                    data-testid="occupation-search"
                    maxlength="60"
                    placeholder=move || t(lang.get(), Key::OccupationSearchHint)
                    prop:value=move || occ_query.get()
                    on:input=move |ev| occ_query.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        // Enter picks the first match.
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            if let Some(code) = occ_matches.get_untracked().and_then(|m| m.into_iter().next()) {
                                set(Box::new(move |v| v.occupation = Some(code)));
                            }
                        }
                    }
                />
                <span class="visually-hidden" role="status" data-testid="occupation-matches">
                    {move || {
                        occ_matches
                            .get()
                            .map(|m| {
                                let l = lang.get();
                                let count = format::integer(l, m.len() as f64);
                                tn(l, m.len(), Key::MatchFound, Key::MatchesFound, &[("count", &count)])
                            })
                    }}
                </span>
            </label>
            <label>
                <span>{move || t(lang.get(), Key::OccupationFilter)}</span>
                <select class="wide" data-testid="filter-occupation" prop:value=move || occ_sel.get().unwrap_or_default() on:change=move |ev| {
                    let code = event_target_value(&ev);
                    set(Box::new(move |v| v.occupation = (!code.is_empty()).then_some(code)));
                }>
                    {occupation_options}
                </select>
            </label>
            <Show
                when=move || store.view.with(|v| v.area.is_some() && v.page != crate::core::state::Page::Profile)
                fallback=|| ()
            >
                <button class="clear profile-link" data-testid="open-profile" on:click=move |_| {
                    set(Box::new(|v| v.page = crate::core::state::Page::Profile))
                }>
                    {move || t(lang.get(), Key::OpenProfile)}" →"
                </button>
            </Show>
            <Show when=any_filter fallback=|| ()>
                <button class="clear" data-testid="clear-filters" on:click=move |_| {
                    set(Box::new(|v| {
                        v.area = None;
                        v.sector = None;
                        v.occupation = None;
                        v.from = None;
                        v.to = None;
                    }))
                }>
                    {move || t(lang.get(), Key::ClearFilters)}
                </button>
            </Show>
        </section>
    }
}
