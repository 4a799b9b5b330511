//! Period, region and sector selectors.

use leptos::prelude::*;

use crate::app::root::use_derived;
use crate::app::store::use_store;
use crate::data::aggregate::Area;
use crate::data::Month;
use crate::format;
use crate::i18n::{t, Key};

/// `<select>` values for areas: "PT", "focus:<code>", or a district code.
pub fn area_value(area: Area, codes: &crate::data::codes::Codes) -> String {
    match area {
        Area::Portugal => "PT".into(),
        Area::Focus(i) => codes.focus_areas().get(i).map_or("PT".into(), |f| format!("focus:{}", f.code)),
        Area::District(i) => codes.regions().get(i).map_or("PT".into(), |r| r.code.clone()),
    }
}

pub fn parse_area(value: &str, codes: &crate::data::codes::Codes) -> Area {
    if let Some(code) = value.strip_prefix("focus:") {
        if let Some(i) = codes.focus_areas().iter().position(|f| f.code == code) {
            return Area::Focus(i);
        }
    }
    codes.region.get(value).map_or(Area::Portugal, Area::District)
}

#[component]
pub fn Filters() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let months = move || {
        store.labour.with(|l| {
            l.as_ref()
                .map(|l| (0..l.first.span_to(l.last)).map(|i| l.first.plus(i)).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let month_options = move |selected: Option<Month>| {
        let l = lang.get();
        months()
            .into_iter()
            .map(|m| {
                let v = m.to_string();
                view! { <option value=v selected=Some(m) == selected>{format::month(l, m)}</option> }
            })
            .collect_view()
    };
    let set_month = move |from: bool, value: String| {
        let m = Month::parse(&value);
        store.filters.update(|f| if from { f.from = m } else { f.to = m });
    };
    let region_options = move || {
        let l = lang.get();
        let Some(codes) = store.codes.get() else {
            return ().into_any();
        };
        let current = derived.filter.get().map(|f| area_value(f.area, &codes)).unwrap_or_else(|| "PT".into());
        let opt = |value: String, label: String| {
            let sel = value == current;
            view! { <option value=value selected=sel>{label}</option> }
        };
        view! {
            {opt("PT".into(), t(l, Key::Portugal).into())}
            <optgroup label=t(l, Key::FocusAreas)>
                {codes
                    .focus_areas()
                    .iter()
                    .map(|f| opt(format!("focus:{}", f.code), f.name.get(l).to_string()))
                    .collect_view()}
            </optgroup>
            <optgroup label=t(l, Key::Districts)>
                {codes.regions().iter().map(|r| opt(r.code.clone(), r.name.get(l).to_string())).collect_view()}
            </optgroup>
        }
        .into_any()
    };
    let sector_options = move || {
        let l = lang.get();
        let Some(codes) = store.codes.get() else {
            return ().into_any();
        };
        let current = store.filters.with(|f| f.sector);
        view! {
            <option value="" selected=current.is_none()>{t(l, Key::AllSectors)}</option>
            {codes
                .sectors()
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let label = format!("{} {}", s.code, s.name.get(l));
                    view! { <option value=s.code.clone() selected=current == Some(i)>{label}</option> }
                })
                .collect_view()}
        }
        .into_any()
    };
    view! {
        <section class="filters" aria-label=move || t(lang.get(), Key::Filters)>
            <label>
                <span>{move || t(lang.get(), Key::PeriodFrom)}</span>
                <select data-testid="filter-from" on:change=move |ev| set_month(true, event_target_value(&ev))>
                    {move || month_options(derived.filter.get().map(|f| f.from))}
                </select>
            </label>
            <label>
                <span>{move || t(lang.get(), Key::PeriodTo)}</span>
                <select data-testid="filter-to" on:change=move |ev| set_month(false, event_target_value(&ev))>
                    {move || month_options(derived.filter.get().map(|f| f.to))}
                </select>
            </label>
            <label>
                <span>{move || t(lang.get(), Key::Region)}</span>
                <select
                    data-testid="filter-region"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(codes) = store.codes.get_untracked() {
                            let area = parse_area(&v, &codes);
                            store.filters.update(|f| f.area = area);
                        }
                    }
                >
                    {region_options}
                </select>
            </label>
            <label>
                <span>{move || t(lang.get(), Key::Sector)}</span>
                <select
                    data-testid="filter-sector"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let sector = store.codes.get_untracked().and_then(|c| c.sector.get(&v));
                        store.filters.update(|f| f.sector = sector);
                    }
                >
                    {sector_options}
                </select>
            </label>
        </section>
    }
}
