//! The datasets panel: each file, its status, and what went wrong with a retry.

use leptos::prelude::*;

use crate::app::error::Error;
use crate::app::pipeline;
use crate::app::store::{use_store, FileState, Status};
use crate::core::data::Lang;
use crate::core::format;
use crate::core::i18n::{t, Key};

use super::report::ReportView;

fn status_line(l: Lang, s: &Status) -> String {
    match s {
        Status::Waiting => t(l, Key::StatusWaiting).to_string(),
        Status::Loading => t(l, Key::StatusLoading).to_string(),
        Status::Loaded { records, .. } => {
            format!("{} · {} {}", t(l, Key::StatusLoaded), format::integer(l, *records as f64), t(l, Key::Records))
        }
        Status::Failed(_) => t(l, Key::StatusFailed).to_string(),
    }
}

fn failure_line(l: Lang, e: &Error) -> Option<String> {
    match e {
        Error::Http(code) => Some(format!("{} {code}.", t(l, Key::HttpError))),
        Error::Network { detail, .. } => Some(format!("{}: {detail}", t(l, Key::NetworkError))),
        Error::Dependency => Some(t(l, Key::Dependency).to_string()),
        Error::Invalid(_) => None,
        // Not raised for bundled files (no timeout, nothing read from disk); said as for a user's.
        other => Some(super::user_data::failure_text(l, other)),
    }
}

#[component]
fn FileRow(file: FileState) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let (row, key) = (file.row, file.row.code());
    let failed = matches!(file.status, Status::Failed(_));
    let attempts = file.attempts;
    // A retry that worked rebuilds the row without its Retry button: the keyboard focus, lost with
    // it, goes to the row, which then says the file is loaded (and is read out).
    let loaded_again = attempts > 1 && matches!(file.status, Status::Loaded { .. });
    if loaded_again {
        Effect::new(move |_| super::labels::focus_back(&format!("[data-testid=\"file-{key}\"]")));
    }
    let title = {
        let file = file.clone();
        move || match &file.meta {
            Some(m) => m.title.get(lang.get()).to_string(),
            None => t(lang.get(), Key::Manifest).to_string(),
        }
    };
    let status = {
        let s = file.status.clone();
        move || status_line(lang.get(), &s)
    };
    let detail = match &file.status {
        Status::Failed(e) => {
            let e = e.clone();
            let url = file.url.clone();
            let report = if let Error::Invalid(r) = &e { Some(r.clone()) } else { None };
            // A retry rebuilds the row: when the retried load fails too, the row says which attempt
            // it was, and the keyboard focus, lost with the old button, comes back to the new one.
            let again = (attempts > 1).then_some(move || {
                crate::core::i18n::fill(t(lang.get(), Key::RetryFailedAgain), &[("n", &attempts.to_string())])
            });
            if attempts > 1 {
                Effect::new(move |_| super::labels::focus_back(&format!("[data-testid=\"retry-{key}\"]")));
            }
            view! {
                <div class="failure" role="alert" data-testid=format!("error-{key}")>
                    <p>
                        <strong>{move || t(lang.get(), Key::LoadFailed)}</strong>
                        " "
                        <code>{url.clone()}</code>
                        {move || failure_line(lang.get(), &e).map(|m| format!(" — {m}"))}
                    </p>
                    {again.map(|again| view! { <p data-testid=format!("attempt-{key}")>{again}</p> })}
                    {report.map(|r| view! { <ReportView report=r lang=lang/> })}
                    <button class="retry" data-testid=format!("retry-{key}") on:click=move |_| pipeline::retry(store, row)>
                        {move || t(lang.get(), Key::Retry)}
                    </button>
                </div>
            }
            .into_any()
        }
        Status::Loaded { warnings, .. } if warnings.total_warnings > 0 => {
            view! { <ReportView report=warnings.clone() lang=lang/> }.into_any()
        }
        _ => ().into_any(),
    };
    view! {
        <li class="file" class:failed=failed data-testid=format!("file-{key}") tabindex=loaded_again.then_some("-1")>
            <span class="file-title">{title}</span>
            " "
            <code class="muted">{file.url.clone()}</code>
            " — "
            <span class="file-status">{status}</span>
            {detail}
        </li>
    }
}

#[component]
pub fn DatasetsPanel() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    view! {
        <section class="panel datasets" aria-labelledby="datasets-title">
            <h2 id="datasets-title">{move || t(lang.get(), Key::Datasets)}</h2>
            <ul class="files">
                <For each=move || store.files.get() key=|f| format!("{}{:?}", f.row.code(), f.status) let:file>
                    <FileRow file=file/>
                </For>
            </ul>
            <p class="muted">{move || t(lang.get(), Key::BoundariesCredit)}</p>
            <IndicatorSources/>
        </section>
    }
}

/// Each indicator series in effect with its provenance: publisher, table,
/// date of the figures, licence, official or illustrative, and "subject to
/// revision" where the publisher says so.
#[component]
fn IndicatorSources() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let rows = move || {
        let l = lang.get();
        let ind = store.indicators.get()?;
        let items = ind
            .series
            .iter()
            .map(|s| {
                let official = !s.illustrative;
                let revision = s.subject_to_revision.then(|| {
                    view! { " · " <span class="badge small" data-testid="subject-to-revision">{t(l, Key::SubjectToRevision)}</span> }
                });
                view! {
                    <li data-testid=format!("series-source-{}", s.id)>
                        <span class=if official { "badge small badge-official" } else { "badge small" }>
                            {t(l, crate::core::i18n::official::badge_key(s))}
                        </span>
                        " "
                        <strong>{s.title.get(l).to_string()}</strong>
                        <br/>
                        {s.source.get(l).to_string()}
                        <br/>
                        <span class="muted">
                            {format!(
                                "{}: {} · {}: {} · {}: {} · {}: {}",
                                t(l, Key::PublisherLabel),
                                s.publisher,
                                t(l, Key::TableLabel),
                                s.table,
                                t(l, Key::DateOfFigures),
                                s.date,
                                t(l, Key::Licence),
                                s.licence,
                            )}
                        </span>
                        {revision}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <h3>{t(l, Key::IndicatorSeriesTitle)}</h3>
            <ul class="sources" data-testid="indicator-sources">{items}</ul>
        })
    };
    view! { <div class="indicator-sources">{rows}</div> }
}
