//! The searchable, filterable list of consultation outcomes with their recommendations.

use leptos::prelude::*;

use super::{priority_key, status_key};
use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::data::consultations::Status;
use crate::core::data::Lang;
use crate::core::format;
use crate::core::i18n::{t, Key};

fn select_filter(
    lang: ReadSignal<Lang>,
    label: Key,
    all: Key,
    testid: &'static str,
    options: impl Fn(Lang) -> Vec<(String, String)> + Send + Sync + 'static,
    current: impl Fn() -> Option<String> + Send + Sync + Copy + 'static,
    set: impl Fn(Option<String>) + Send + Sync + Copy + 'static,
) -> impl IntoView {
    view! {
        <label>
            <span>{move || t(lang.get(), label)}</span>
            <select data-testid=testid on:change=move |ev| {
                let v = event_target_value(&ev);
                set((!v.is_empty()).then_some(v));
            }>
                <option value="" prop:selected=move || current().is_none()>{move || t(lang.get(), all)}</option>
                {move || {
                    options(lang.get())
                        .into_iter()
                        .map(|(code, name)| {
                            let c = code.clone();
                            view! { <option value=code prop:selected=move || current().as_deref() == Some(c.as_str())>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// The searchable, filterable list of outcomes with their recommendations.
#[component]
pub fn RecommendationList() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let codes = move || store.codes.get();
    let theme_opts = move |l: Lang| {
        codes()
            .map(|c| c.themes().iter().map(|e| (e.code.clone(), e.name.get(l).to_string())).collect())
            .unwrap_or_default()
    };
    let group_opts = move |l: Lang| {
        codes()
            .map(|c| c.groups().iter().map(|e| (e.code.clone(), e.name.get(l).to_string())).collect())
            .unwrap_or_default()
    };
    let status_opts = move |l: Lang| {
        Status::ALL.into_iter().map(|s| (s.code().to_string(), t(l, status_key(s)).to_string())).collect()
    };
    let list = move || {
        let l = lang.get();
        let (Some(idx), Some(codes), Some(cons)) =
            (derived.outcomes.get(), store.codes.get(), store.consultations.get())
        else {
            return crate::ui::pending(
                store,
                crate::core::data::manifest::Kind::Consultations,
                "recommendations-unavailable",
            );
        };
        if idx.is_empty() {
            return view! { <p class="empty" data-testid="recommendations-empty">{t(l, Key::NoRecommendations)}</p> }
                .into_any();
        }
        let items = idx
            .iter()
            .filter_map(|&i| {
                let o = cons.outcomes().get(i)?;
                let ids = cons.ids.get(i)?;
                let event = cons.events().get(ids.event)?;
                let region = codes.regions().get(ids.region).map(|r| r.name.get(l).to_string()).unwrap_or_default();
                let group = codes.groups().get(ids.group).map(|g| g.name.get(l).to_string()).unwrap_or_default();
                let theme = codes.themes().get(ids.theme).map(|g| g.name.get(l).to_string()).unwrap_or_default();
                let sector = ids.sector.and_then(|s| codes.sectors().get(s)).map(|s| format!(" · {} {}", s.code, s.name.get(l)));
                Some(view! {
                    <li class="outcome" data-testid="outcome" data-theme=codes.themes()[ids.theme].code.clone() data-status=o.status.code()>
                        <div class="outcome-meta">
                            <span class=format!("status status-{}", o.status.code())>{t(l, status_key(o.status))}</span>
                            " "
                            <strong>{theme}</strong>
                            {format!(" · {region}{} · {}: {group} · {}: {} · {}: {}", sector.unwrap_or_default(), t(l, Key::SaidBy), t(l, Key::Priority), t(l, priority_key(o.priority)), t(l, Key::Votes), o.votes)}
                        </div>
                        // Dataset text is rendered as text (escaped), never as HTML.
                        <p class="outcome-text">{o.text.get(l).to_string()}</p>
                        <p class="outcome-rec"><strong>{t(l, Key::Recommendation)}": "</strong>{o.recommendation.get(l).to_string()}</p>
                        <p class="muted small">
                            {format!("{} {} · {} · {}", t(l, Key::Event), event.id, event.date, event.title.get(l))}
                            " — "
                            {o.source.clone()}
                        </p>
                    </li>
                })
            })
            .collect_view();
        view! {
            <p class="muted" data-testid="recommendations-count">{format!("{} {}", format::integer(l, idx.len() as f64), t(l, Key::ResultsCount))}</p>
            <ul class="outcomes">{items}</ul>
        }
        .into_any()
    };
    let search = RwSignal::new(store.view.get_untracked().search.unwrap_or_default());
    view! {
        <section class="panel" aria-labelledby="recs-title">
            <h2 id="recs-title">{move || t(lang.get(), Key::RecommendationsTitle)}</h2>
            <div class="filters inner">
                <label class="search">
                    <span>{move || t(lang.get(), Key::Search)}</span>
                    <input
                        type="search"
                        data-testid="search"
                        maxlength="100"
                        prop:value=move || search.get()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            search.set(v.clone());
                            store.set_view(|s| s.search = Some(v).filter(|x| !x.trim().is_empty()));
                        }
                    />
                </label>
                {select_filter(lang, Key::Theme, Key::AllThemes, "filter-theme", theme_opts, move || store.view.with(|v| v.theme.clone()), move |x| store.set_view(|v| v.theme = x))}
                {select_filter(lang, Key::Group, Key::AllGroups, "filter-group", group_opts, move || store.view.with(|v| v.group.clone()), move |x| store.set_view(|v| v.group = x))}
                {select_filter(lang, Key::Status, Key::AllStatuses, "filter-status", status_opts, move || store.view.with(|v| v.status.clone()), move |x| store.set_view(|v| v.status = x))}
            </div>
            {list}
        </section>
    }
}
