//! Headline figures for the selected period, region and sector.

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::data::manifest::Kind;
use crate::core::data::Lang;
use crate::core::i18n::{t, Key};

#[component]
fn Card(label: String, value: String, hint: String, testid: String, badge: String) -> impl IntoView {
    view! {
        <div class="card" data-testid=testid>
            <div class="card-label"><span class="badge small" data-testid="figure-label">{badge}</span>" "{label}</div>
            <div class="card-value">{value}</div>
            <div class="card-hint">{hint}</div>
        </div>
    }
}

#[component]
pub fn Headlines() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let context = move || {
        let l = lang.get();
        let codes = store.codes.get()?;
        let f = derived.filter.get()?;
        Some(crate::core::headlines::context(&f, &codes, l))
    };
    let cards = move || {
        let l: Lang = lang.get();
        let Some(o) = derived.agg.get() else {
            return super::pending(store, Kind::LabourMarket, "headlines-unavailable");
        };
        if o.records == 0 {
            return view! { <p class="empty" role="status">{t(l, Key::NoData)}</p> }.into_any();
        }
        let badge = t(l, labour_badge(store)).to_string();
        let cards = crate::core::headlines::cards(&o, l)
            .into_iter()
            .map(|c| {
                view! {
                    <Card
                        badge=badge.clone()
                        label=t(l, c.label).to_string()
                        value=c.value
                        hint=t(l, c.hint).to_string()
                        testid=c.testid
                    />
                }
            })
            .collect::<Vec<_>>();
        view! { <div class="cards">{cards}</div> }.into_any()
    };
    view! {
        <section class="headlines" aria-labelledby="headlines-title">
            <h2 id="headlines-title">{move || t(lang.get(), Key::Headlines)}</h2>
            <p class="context" data-testid="headline-context">{context}</p>
            {cards}
            {move || {
                (labour_badge(store) == Key::IllustrativeBadge).then(|| {
                    view! { <p class="muted" data-testid="illustrative-figures-note">{t(lang.get(), Key::IllustrativeFiguresNote)}</p> }
                })
            }}
            <crate::ui::workforce::OfficialFigures/>
        </section>
    }
}

/// The label of the shortage figures: illustrative while the bundled sample
/// is in use; for loaded data, official only if every loaded labour-market
/// file says it is not illustrative (else not stated, or illustrative).
fn labour_badge(store: crate::app::store::Store) -> Key {
    use crate::app::store::UserData;
    if store.bundled_in_use(Kind::LabourMarket) {
        return Key::IllustrativeBadge;
    }
    let flags: Vec<Option<bool>> = store.user.with(|u| {
        u.iter().filter(|d| matches!(d.data(), Some(UserData::Labour(_)))).map(|d| d.meta().illustrative).collect()
    });
    if flags.contains(&Some(true)) {
        Key::IllustrativeBadge
    } else if !flags.is_empty() && flags.iter().all(|f| *f == Some(false)) {
        Key::OfficialBadge
    } else {
        Key::NotStated
    }
}
