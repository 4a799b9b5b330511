//! Consultation outcomes by theme for the selected region and period.

use leptos::prelude::*;

use crate::app::derived::use_derived;
use crate::app::store::use_store;
use crate::core::data::manifest::Kind;
use crate::core::format;
use crate::core::i18n::{t, Key};

#[component]
pub fn ThemesPanel() -> impl IntoView {
    let store = use_store();
    let derived = use_derived();
    let lang = store.lang;
    let body = move || {
        let l = lang.get();
        let (Some(rows), Some(codes)) = (derived.themes.get(), store.codes.get()) else {
            return super::pending(store, Kind::Consultations, "themes-unavailable");
        };
        if rows.is_empty() {
            return view! { <p class="empty" data-testid="themes-empty">{t(l, Key::NoOutcomes)}</p> }.into_any();
        }
        let max = rows.iter().map(|r| r.outcomes).max().unwrap_or(1).max(1);
        view! {
            <div class="table-scroll" tabindex="0"><table class="data-table" data-testid="themes">
                <thead>
                    <tr>
                        <th scope="col">{t(l, Key::Theme)}</th>
                        <th scope="col" class="num">{t(l, Key::Outcomes)}</th>
                        <th scope="col" class="num">{t(l, Key::Votes)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .iter()
                        .map(|r| {
                            let name = codes.themes().get(r.theme).map(|th| th.name.get(l).to_string()).unwrap_or_default();
                            let code = codes.themes().get(r.theme).map(|th| th.code.clone()).unwrap_or_default();
                            let width = format!("{:.1}%", 100.0 * f64::from(r.outcomes) / f64::from(max));
                            view! {
                                <tr>
                                    <th scope="row">
                                        <button class="link" data-testid=format!("theme-link-{code}") on:click={
                                            let code = code.clone();
                                            move |_| store.set_view(|v| {
                                                v.page = crate::core::state::Page::Consultations;
                                                v.theme = Some(code.clone());
                                            })
                                        }>{name}</button>
                                    </th>
                                    <td class="num ratio">
                                        <span class="bar" aria-hidden="true">
                                            <span class="bar-fill alt" style:width=width></span>
                                        </span>
                                        {format::integer(l, f64::from(r.outcomes))}
                                    </td>
                                    <td class="num">{format::integer(l, f64::from(r.votes))}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table></div>
        }
        .into_any()
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
