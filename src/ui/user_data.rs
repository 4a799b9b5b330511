//! "Your data": loading files (picker, drop anywhere, address) and the list
//! of what the user loaded, with each file's report and what can be done.

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::error::Error;
use crate::app::store::{use_store, Saved, UserData, UserDataset, UserState};
use crate::app::user_data;
use crate::core::data::merge::Mode;
use crate::core::data::Lang;
use crate::core::format;
use crate::core::i18n::{t, Key};
use crate::core::url::is_data_url;

use super::report::ReportView;

/// The dataset (id) whose row the keyboard focus is in, while it stays in the list; 0: none. A
/// row is rebuilt when its state, mode or storage changes (a mode chosen with the arrows, "keep
/// the valid records", a check ending), which drops the focused control: the new row then gives
/// the focus to its first control instead of leaving it on `<body>` (`UserRow`).
static FOCUS_ROW: AtomicU32 = AtomicU32::new(0);

/// The id of the user's dataset whose row contains `el` (`data-testid="user-<id>"`).
fn row_of(el: &web_sys::Element) -> Option<u32> {
    el.closest("li.user-file").ok()??.get_attribute("data-testid")?.strip_prefix("user-")?.parse().ok()
}

/// The files of a file list (input or drop).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Picker, address field and the replace/add choice.
#[component]
pub fn LoadControls() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let url = RwSignal::new(String::new());
    let mode_radio = move |mode: Mode, key: Key, testid: &'static str| {
        view! {
            <label class="radio">
                <input type="radio" name="load-mode" data-testid=testid
                    prop:checked=move || store.load_mode.get() == mode
                    on:change=move |_| store.load_mode.set(mode)/>
                " " {move || t(lang.get(), key)}
            </label>
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let u = url.get_untracked().trim().to_string();
        if is_data_url(&u) {
            store.set_view(|v| v.data = Some(u.clone()));
            leptos::task::spawn_local(user_data::load_address(store, u));
        }
    };
    view! {
        <section class="panel load" aria-labelledby="load-title" data-testid="load-panel">
            <h2 id="load-title">{move || t(lang.get(), Key::LoadTitle)}</h2>
            <p class="muted">{move || t(lang.get(), Key::LoadIntro)}</p>
            <fieldset class="mode">
                <legend>{move || t(lang.get(), Key::ModeLegend)}</legend>
                {mode_radio(Mode::Replace, Key::ModeReplace, "mode-replace")}
                {mode_radio(Mode::Add, Key::ModeAdd, "mode-add")}
            </fieldset>
            <p>
                <label class="button file-button">
                    {move || t(lang.get(), Key::PickFiles)}
                    <input type="file" multiple accept=".json,.csv,.tsv,.txt,.geojson,.xlsx,.xls,.ods,application/json,text/csv"
                        class="visually-hidden" data-testid="file-input"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            user_data::load_files(store, files_of(input.files()), store.load_mode.get_untracked());
                            input.set_value("");
                        }/>
                </label>
                " " {move || t(lang.get(), Key::OrDrop)}
            </p>
            <form class="load-url" on:submit=submit>
                <label for="data-url">{move || t(lang.get(), Key::LoadUrl)}</label>
                <input id="data-url" type="url" placeholder="https://…/manifest.json" data-testid="data-url"
                    prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev))/>
                <button type="submit" data-testid="data-url-load">{move || t(lang.get(), Key::LoadUrlButton)}</button>
            </form>
        </section>
    }
}

/// What went wrong with a dataset, as a sentence in the user's language.
pub fn failure_text(l: Lang, f: &Error) -> String {
    match f {
        Error::Http(s @ (404 | 410)) => format!("{} (HTTP {s}).", t(l, Key::FailNotFound)),
        Error::Http(s @ (401 | 403)) => format!("{} (HTTP {s}).", t(l, Key::FailRefused)),
        Error::Http(s) => format!("{} {s}.", t(l, Key::HttpError)),
        Error::Network { cross_origin: true, .. } => format!("{}.", t(l, Key::FailCors)),
        Error::Network { cross_origin: false, .. } => format!("{}.", t(l, Key::FailNetwork)),
        Error::Timeout(secs) => format!("{} {secs} {}.", t(l, Key::FailTimeout), t(l, Key::Seconds)),
        Error::Read(m) => format!("{}: {m}", t(l, Key::FailRead)),
        Error::NotLoadable(kind) => format!("{} — {}.", t(l, Key::FailNotLoadable), kind.code()),
        Error::Dependency => format!("{}.", t(l, Key::Dependency).trim_end_matches('.')),
        Error::PartMissing => t(l, Key::PartFailed).to_string(),
        Error::RestoreMissing => t(l, Key::RestoreFailed).to_string(),
        // A user's file with errors is `UserState::Rejected`, shown with its report.
        Error::Invalid(_) => format!("{}.", t(l, Key::LoadFailed)),
    }
}

/// Title, source, licence, date and illustrative flag: from the manifest
/// entry, else the file's own "meta", else what is known (the file name).
fn provenance(l: Lang, d: &UserDataset, data: &UserData) -> impl IntoView {
    let meta = d.meta();
    let kind = t(
        l,
        match data {
            UserData::Labour(_) => Key::KindLabour,
            UserData::Consultations(_) => Key::KindConsultations,
            UserData::Indicators(_) => Key::KindIndicators,
        },
    );
    let (title, records, dropped) = (d.title(l), data.records(), data.dropped());
    let illustrative = match meta.illustrative {
        Some(true) => t(l, Key::Yes),
        Some(false) => t(l, Key::No),
        None => t(l, Key::NotStated),
    };
    let dash = |s: String| if s.trim().is_empty() { "—".to_string() } else { s };
    view! {
        <p class="file-title"><strong>{title}</strong> " · " {kind}</p>
        <dl class="meta">
            <dt>{t(l, Key::Sources)}</dt><dd>{dash(meta.source.get(l).to_string())}</dd>
            <dt>{t(l, Key::Licence)}</dt><dd>{dash(meta.licence.clone())}</dd>
            <dt>{t(l, Key::DateOfFigures)}</dt><dd>{dash(meta.date.clone())}</dd>
            <dt>{t(l, Key::RecordsLabel)}</dt><dd data-testid="user-records">{format::integer(l, records as f64)}</dd>
            <dt>{t(l, Key::Illustrative)}</dt><dd data-testid="user-illustrative">{illustrative}</dd>
        </dl>
        {(dropped > 0).then(|| view! {
            <p class="dropped" data-testid="user-dropped">
                <strong>{format::integer(l, dropped as f64)}</strong> " " {crate::core::i18n::problems::dropped_tail(l, dropped)}
            </p>
        })}
    }
}

#[component]
fn UserRow(dataset: UserDataset) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let id = dataset.id;
    let d = dataset.clone();
    let body = move || {
        let l = lang.get();
        match &d.state {
            UserState::Checking { started, bytes } => {
                let mb = *bytes as f64 / 1_048_576.0;
                let started = *started;
                // Elapsed time, ticking while the worker checks the file.
                let now = RwSignal::new(started);
                let handle = set_interval_with_handle(
                    move || now.set(window().performance().map_or(started, |p| p.now())),
                    std::time::Duration::from_millis(250),
                )
                .ok();
                on_cleanup(move || {
                    if let Some(h) = handle {
                        h.clear();
                    }
                });
                view! {
                    <p role="status" class="checking" data-testid="user-checking">
                        <progress aria-label=t(l, Key::Checking)></progress> " "
                        {let name = d.name.clone(); move || if store.codes.with(Option::is_none) {
                            // Queued until the code lists arrive (then checked).
                            format!("{name} ({}) — {} — ", format_mb(l, mb), t(l, Key::StatusWaiting))
                        } else {
                            format!("{} {name} ({}) {} — ", t(l, Key::Checking), format_mb(l, mb), t(l, Key::CheckingBackground))
                        }}
                        {move || format!("{} {}", format::number(l, (now.get() - started) / 1000.0, 1), t(l, Key::Seconds))}
                    </p>
                }
                .into_any()
            }
            UserState::Ready { data, report, ms } => {
                let mode = d.mode;
                let saved = match &d.saved {
                    Saved::Yes => t(l, Key::SavedYes).to_string(),
                    Saved::No if d.from_url => t(l, Key::FromUrl).to_string(),
                    Saved::No => String::new(),
                    Saved::Failed(m) => format!("{}: {m}", t(l, Key::SavedFailed)),
                };
                let save_failed = matches!(d.saved, Saved::Failed(_));
                view! {
                    {provenance(l, &d, data)}
                    <p class="muted">
                        {format!("{} {} {} · ", t(l, Key::CheckedIn), format::number(l, ms / 1000.0, 2), t(l, Key::Seconds))}
                        <span class:warning-text=save_failed role=save_failed.then_some("alert") data-testid="user-saved">{saved}</span>
                    </p>
                    <label>
                        <select data-testid="user-mode" aria-label=t(l, Key::ModeLegend) on:change=move |ev| {
                            let m = if event_target_value(&ev) == "add" { Mode::Add } else { Mode::Replace };
                            user_data::set_mode(store, id, m);
                        }>
                            <option value="replace" selected=mode == Mode::Replace>{t(l, Key::ModeIsReplace)}</option>
                            <option value="add" selected=mode == Mode::Add>{t(l, Key::ModeIsAdd)}</option>
                        </select>
                    </label>
                    {(report.total_errors + report.total_warnings > 0).then(|| view! { <ReportView report=report.clone() lang=lang/> })}
                }
                .into_any()
            }
            UserState::Rejected { report, salvage } => view! {
                <div class="failure" role="alert" data-testid="user-rejected">
                    <p><strong>{d.name.clone()}</strong> " — " {match salvage {
                        Some((kept, _)) if *kept > 0 => t(l, Key::RejectedLine),
                        // The check did not run: nothing is known about the file.
                        _ if report.unchecked() => t(l, Key::RejectedUnchecked),
                        _ => t(l, Key::RejectedNothing),
                    }}</p>
                    <ReportView report=report.clone() lang=lang/>
                    {salvage.filter(|(kept, _)| *kept > 0).map(|(kept, dropped)| view! {
                        <button data-testid="keep-valid" on:click=move |_| user_data::keep_valid(store, id)>
                            {crate::core::i18n::problems::keep_valid(l, kept, dropped)}
                        </button>
                    })}
                </div>
            }
            .into_any(),
            UserState::Failed(f) => view! {
                <div class="failure" role="alert" data-testid="user-failed">
                    // The row of the stored datasets that could not be brought back has no name.
                    <p>{(!d.name.is_empty()).then(|| view! { <strong>{d.name.clone()}</strong> " — " })} {failure_text(l, f)}</p>
                    {matches!(f, Error::PartMissing | Error::RestoreMissing).then(|| view! {
                        <button class="retry" data-testid="user-retry" on:click=move |_| user_data::retry(store, id)>
                            {t(l, Key::Retry)}
                        </button>
                    })}
                </div>
            }
            .into_any(),
        }
    };
    // The row of stored datasets that could not be brought back stands for no dataset: nothing to
    // remove (they stay stored; "Back to the bundled data" clears them).
    let removable = !matches!(dataset.state, UserState::Failed(Error::RestoreMissing));
    // Rebuilt while the keyboard focus was in it: the focus comes back to its first control.
    if FOCUS_ROW.load(Ordering::Relaxed) == id {
        request_animation_frame(move || {
            super::labels::focus_back(&format!("[data-testid=\"user-{id}\"] :is(select, button)"))
        });
    }
    // Removed: the focus goes to the row that takes its place (the next, else the one before),
    // or to the page's main region when none is left.
    let remove = move |_| {
        let neighbour = store.user.with_untracked(|u| {
            let at = u.iter().position(|d| d.id == id)?;
            u.get(at + 1).or_else(|| at.checked_sub(1).and_then(|p| u.get(p))).map(|d| d.id)
        });
        user_data::remove(store, id);
        request_animation_frame(move || match neighbour {
            Some(n) => super::labels::focus_back(&format!("[data-testid=\"user-{n}\"] :is(select, button)")),
            None => super::labels::focus_back("#main"),
        });
    };
    view! {
        <li class="file user-file" data-testid=format!("user-{id}")>
            {body}
            {removable.then(|| view! {
                <button class="remove" data-testid="user-remove" on:click=remove>
                    {move || t(lang.get(), Key::Remove)}
                </button>
            })}
        </li>
    }
}

fn format_mb(l: Lang, mb: f64) -> String {
    format!("{} MB", format::number(l, mb, 1))
}

/// What the user loaded, on every page as soon as there is something.
#[component]
pub fn UserDatasets() -> impl IntoView {
    let store = use_store();
    let any = move || store.user.with(|u| !u.is_empty());
    view! { <Show when=any fallback=|| ()>{super::lazy::lazy_view(user_datasets_part)}</Show> }
}

view_part!(
    /// The list of the user's datasets: a part of the wasm of its own (~10 KB gzip), fetched
    /// once the user has loaded a file or one is restored (issue #12).
    user_datasets_part,
    view! { <UserDatasetList/> }
);

/// The user's datasets, each with its state and report, and the way back to the bundled data.
#[component]
fn UserDatasetList() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    view! {
            <section class="panel datasets user-datasets" aria-labelledby="user-title" data-testid="user-datasets">
                <h2 id="user-title">{move || t(lang.get(), Key::LoadedTitle)}</h2>
                <ul
                    class="files"
                    on:focusin=move |ev| {
                        let row = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| row_of(&el));
                        FOCUS_ROW.store(row.unwrap_or(0), Ordering::Relaxed);
                    }
                    on:focusout=move |ev: leptos::ev::FocusEvent| {
                        // To another element outside the rows: forgotten. To nothing (the control
                        // was removed with its row): kept, for the rebuilt row.
                        if let Some(to) = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                            if row_of(&to).is_none() {
                                FOCUS_ROW.store(0, Ordering::Relaxed);
                            }
                        }
                    }
                >
                    <For each=move || store.user.get() key=row_key let:d>
                        <UserRow dataset=d/>
                    </For>
                </ul>
                // The list goes with its button: the focus goes to the page's main region.
                <button data-testid="back-to-bundled" on:click=move |_| {
                    user_data::clear(store);
                    request_animation_frame(|| super::labels::focus_back("#main"));
                }>
                    {move || t(lang.get(), Key::BackToBundled)}
                </button>
            </section>
    }
}

/// Rows re-render when their state changes, not on every update of the list.
fn row_key(d: &UserDataset) -> String {
    let state = match &d.state {
        UserState::Checking { started, .. } => format!("c{started}"),
        UserState::Ready { ms, report, .. } => format!("r{ms}{}", report.total_errors),
        UserState::Rejected { report, .. } => format!("x{}", report.total_errors),
        UserState::Failed(f) => format!("f{f:?}"),
    };
    format!("{}|{state}|{:?}|{:?}|{}", d.id, d.mode, d.saved, d.keep_valid)
}

/// Files dragged over the page: an overlay says where they go; dropping
/// loads them (anywhere on the page, whatever the page shows).
#[component]
pub fn DropZone() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let over = RwSignal::new(false);
    let has_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|dt| dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
    };
    let on_over = window_event_listener(leptos::ev::dragover, move |ev| {
        if has_files(&ev) {
            ev.prevent_default();
            over.set(true);
        }
    });
    let on_leave = window_event_listener(leptos::ev::dragleave, move |ev| {
        // Leaving the window (no related target) hides the overlay.
        if ev.related_target().is_none() {
            over.set(false);
        }
    });
    let on_drop = window_event_listener(leptos::ev::drop, move |ev| {
        over.set(false);
        let files = files_of(ev.data_transfer().and_then(|dt| dt.files()));
        if !files.is_empty() {
            ev.prevent_default();
            user_data::load_files(store, files, store.load_mode.get_untracked());
            // Show the result where the user is: scroll the list into view.
            request_animation_frame(|| {
                if let Some(el) = document().get_element_by_id("user-title") {
                    el.unchecked_ref::<web_sys::Element>().scroll_into_view();
                }
            });
        }
    });
    on_cleanup(move || {
        on_over.remove();
        on_leave.remove();
        on_drop.remove();
    });
    view! {
        <div class="drop-overlay" class:visible=move || over.get() aria-hidden="true">
            <p>{move || t(lang.get(), Key::DropHere)}</p>
        </div>
    }
}
