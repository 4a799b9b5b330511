//! A validation report: every listed problem, located, as plain text.

use leptos::prelude::*;

use crate::data::{Lang, Report, Severity};
use crate::i18n::{describe, t, Key};

/// Shows the problems of one dataset. Text from the file (codes, values) is
/// rendered as text, never as HTML.
#[component]
pub fn ReportView(report: Report, #[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    let unlisted = report.unlisted();
    view! {
        <ul class="problems" data-testid="problems">
            {move || {
                let l = lang.get();
                report
                    .problems
                    .iter()
                    .map(|p| {
                        let class = if p.severity == Severity::Error { "problem error" } else { "problem warning" };
                        view! { <li class=class>{describe(l, p)}</li> }
                    })
                    .collect_view()
            }}
            {(unlisted > 0)
                .then(|| view! { <li class="problem more">{move || format!("… {unlisted} {}", t(lang.get(), Key::MoreProblems))}</li> })}
        </ul>
    }
}
