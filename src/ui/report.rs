//! A validation report: every listed problem, located, as plain text,
//! repeated problems grouped ("the same problem in 3 204 places").

use leptos::prelude::*;

use super::lazy::{lazy_view, Part};

use crate::core::data::{Lang, Report, Severity};
use crate::core::i18n::{describe, group_line, hint, t, Key};

/// Shows the problems of one dataset, errors first, then warnings. Text from
/// the file (codes, values) is rendered as text, never as HTML.
/// (A part of its own, `ui::lazy`: a report is only shown when a file has problems.)
#[component]
pub fn ReportView(report: Report, #[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    lazy_view(move || report_part(report.clone(), lang))
}

part! {
fn report_part(report: Report, lang: Signal<Lang>) -> Part {
    Ok(report_body(report, lang).into_any())
}
}

fn report_body(report: Report, lang: Signal<Lang>) -> impl IntoView {
    let unlisted = report.unlisted();
    view! {
        <ul class="problems" data-testid="problems">
            {move || {
                let l = lang.get();
                report
                    .grouped()
                    .into_iter()
                    .map(|(g, problems)| {
                        let class = if g.severity == Severity::Error { "problem error" } else { "problem warning" };
                        let head = (g.count > 1).then(|| view! { <p class="group-count" data-testid="group-count">{group_line(l, g.count, problems.len())}</p> });
                        let items = problems
                            .into_iter()
                            .map(|p| {
                                let h = hint(l, p).map(|h| view! { <span class="hint">" — " {h}</span> });
                                view! { <li class=class>{describe(l, p)}{h}</li> }
                            })
                            .collect_view();
                        view! { <li class="problem-group">{head}<ul>{items}</ul></li> }
                    })
                    .collect_view()
            }}
            {(unlisted > 0)
                .then(|| view! { <li class="problem more">{move || format!("… {unlisted} {}", t(lang.get(), Key::MoreProblems))}</li> })}
        </ul>
    }
}
