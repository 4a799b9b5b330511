//! The "illustrative data" notice with the sources of every dataset.

use leptos::prelude::*;

use crate::app::store::use_store;
use crate::core::data::manifest::Kind;
use crate::core::i18n::{t, Key};

#[component]
pub fn IllustrativeNotice() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    // Bundled datasets a loaded one replaces are no longer in view.
    let metas = move || {
        store
            .files
            .get()
            .into_iter()
            .filter_map(|f| f.meta)
            .filter(|m| store.bundled_in_use(m.kind))
            .collect::<Vec<_>>()
    };
    let any_illustrative =
        move || metas().iter().any(|m| m.illustrative && matches!(m.kind, Kind::LabourMarket | Kind::Consultations));
    let user = move || {
        let titles = store.user_titles(lang.get());
        (!titles.is_empty()).then(|| format!("{}: {}.", t(lang.get(), Key::UserSourceLine), titles.join("; ")))
    };
    let dropped = move || {
        let n = store.dropped();
        (n > 0).then(|| crate::core::i18n::problems::dropped_notice(lang.get(), n))
    };
    view! {
        <section class="notice" role="note" aria-labelledby="notice-title" data-testid="illustrative-notice">
            <h2 id="notice-title">
                <span class="badge">
                    {move || t(lang.get(), if any_illustrative() { Key::IllustrativeTitle } else { Key::Sources })}
                </span>
            </h2>
            <Show when=any_illustrative fallback=|| ()>
                <p>
                    {move || {
                        let kinds: Vec<Kind> = metas().iter().filter(|m| m.illustrative).map(|m| m.kind).collect();
                        let (lm, cons) = (kinds.contains(&Kind::LabourMarket), kinds.contains(&Kind::Consultations));
                        // Say only what is illustrative: data the user loaded in place of a bundled
                        // dataset is not.
                        t(lang.get(), match (lm, cons) {
                            (true, false) => Key::IllustrativeBodyLabour,
                            (false, true) => Key::IllustrativeBodyConsultations,
                            _ => Key::IllustrativeBody,
                        })
                    }}
                </p>
            </Show>
            {move || user().map(|u| view! { <p data-testid="user-data-notice">{u}</p> })}
            {move || dropped().map(|d| view! { <p class="dropped" data-testid="dropped-notice">{d}</p> })}
            <details>
                <summary>{move || t(lang.get(), Key::Sources)}</summary>
                <ul class="sources">
                    {move || {
                        let l = lang.get();
                        metas()
                            .into_iter()
                            .map(|m| {
                                let flag = m.illustrative.then(|| t(l, Key::IllustrativeTitle));
                                view! {
                                    <li>
                                        <strong>{m.title.get(l).to_string()}</strong>
                                        {flag.map(|f| view! { <span class="badge small">{f}</span> })}
                                        <br/>
                                        {m.source.get(l).to_string()}
                                        <br/>
                                        <span class="muted">
                                            {format!(
                                                "{}: {} · {}: {}",
                                                t(l, Key::Licence),
                                                m.licence,
                                                t(l, Key::DateOfFigures),
                                                m.date,
                                            )}
                                        </span>
                                        {(!m.note.is_empty())
                                            .then(|| view! { <br/><em>{m.note.get(l).to_string()}</em> })}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </details>
        </section>
    }
}
