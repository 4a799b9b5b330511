//! Consultation outcomes by theme for the selected region and period.

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::chart::bar_table::{model, Column, Entry, Spec};
use crate::core::data::manifest::Kind;
use crate::core::i18n::{t, Key};
use crate::ui::bar_table::{bar_table, RowLink};

/// Outcomes (with the bar, in the second colour) and votes; the row header is the theme's name.
const SPEC: Spec = Spec {
    head: Key::Theme,
    columns: &[Column { header: Key::Outcomes, decimals: 0 }, Column { header: Key::Votes, decimals: 0 }],
    bar: 0,
    alt: true,
    flag_above: None,
    show_code: false,
    empty: Key::NoOutcomes,
};

#[component]
pub fn ThemesPanel() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    // A theme's name opens the consultations page filtered to it.
    let link = RowLink {
        testid: "theme-link-",
        on: Callback::new(move |code: String| {
            store.set_view(|v| {
                v.page = crate::core::state::Page::Consultations;
                v.theme = Some(code.clone());
            })
        }),
    };
    let body = move || {
        let l = lang.get();
        let (Some(rows), Some(codes)) = (derived.themes.get(), store.codes.get()) else {
            return super::pending(store, Kind::Consultations, "themes-unavailable");
        };
        let entries: Vec<Entry> = rows
            .iter()
            .map(|r| {
                let theme = codes.themes().get(r.theme);
                Entry {
                    code: theme.map(|th| th.code.clone()).unwrap_or_default(),
                    name: theme.map(|th| th.name.get(l).to_string()).unwrap_or_default(),
                    values: vec![Some(f64::from(r.outcomes)), Some(f64::from(r.votes))],
                }
            })
            .collect();
        bar_table(model(SPEC, &entries, l), "themes", Some("themes-empty"), Some(link))
    };
    view! {
        <section class="panel" aria-labelledby="themes-title">
            <h2 id="themes-title">{move || t(lang.get(), Key::OutcomesByTheme)}</h2>
            <p class="hint">{move || t(lang.get(), Key::OutcomesHint)}</p>
            <super::consultations::OutcomesScope/>
            {body}
        </section>
    }
}
