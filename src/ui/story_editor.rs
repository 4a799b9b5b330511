//! The presentation page: the story's slides (saved views) with titles and
//! notes in both languages, reordered, removed, exported and imported.

use leptos::prelude::*;

use crate::app::store::use_store;
use crate::app::{download, stories};
use crate::core::data::{Lang, Report};
use crate::core::i18n::{t, Key};

use super::report::ReportView;

/// An input bound to one language of a slide's title or notes.
fn text_field(
    i: usize,
    which: &'static str,
    lang: Lang,
    value: String,
    multiline: bool,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let set = move |v: String| {
        let r = stories::edit(store, |s| {
            if let Some(slide) = s.slides.get_mut(i) {
                let text = if which == "title" { &mut slide.title } else { &mut slide.notes };
                if lang == Lang::Pt {
                    text.pt = v
                } else {
                    text.en = v
                }
            }
        });
        error.set(r.err());
    };
    // Read out in the interface language: "Título (en)" is the English title in a Portuguese interface.
    let key = if which == "title" { Key::SlideTitle } else { Key::Notes };
    let label = move || format!("{} ({})", t(store.lang.get(), key), lang.code());
    if multiline {
        view! { <textarea rows="3" aria-label=label prop:value=value on:change=move |ev| set(event_target_value(&ev))></textarea> }
            .into_any()
    } else {
        view! { <input type="text" aria-label=label prop:value=value on:change=move |ev| set(event_target_value(&ev))/> }
            .into_any()
    }
}

#[component]
pub fn StoryEditor() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let error = RwSignal::new(None::<String>);
    let import_report = RwSignal::new(None::<Report>);
    let slides = move || store.story.with(|s| s.as_ref().map(|s| s.slides.clone()).unwrap_or_default());
    let export = move |_| {
        if let Some(s) = store.story.get_untracked() {
            let _ = download::text("vagas-story.json", "application/json", &s.to_json());
        }
    };
    let on_import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
            let name = file.name();
            let result = match text {
                Some(t) => stories::import(store, &name, &t),
                None => Err(Report::new(&name)),
            };
            import_report.set(result.err());
        });
    };
    view! {
        <section class="panel story" aria-labelledby="story-title" data-testid="story-page">
            <h2 id="story-title">
                {move || store.story.with(|s| s.as_ref().map(|s| s.title.get(lang.get()).to_string())).unwrap_or_default()}
            </h2>
            <p class="muted">{move || t(lang.get(), Key::StoryHelp)}</p>
            <div class="story-tools">
                <button class="primary" data-testid="present" disabled=move || !stories::can_present(store)
                    on:click=move |_| stories::present(store)>"▶ " {move || t(lang.get(), Key::Present)}</button>
                <button data-testid="export-story" on:click=export>{move || t(lang.get(), Key::ExportStory)}</button>
                <label class="button file-button">
                    {move || t(lang.get(), Key::ImportStory)}
                    <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="import-story" on:change=on_import/>
                </label>
                <button data-testid="reset-story" on:click=move |_| stories::reset(store)>{move || t(lang.get(), Key::ResetStory)}</button>
            </div>
            {move || error.get().map(|e| view! { <p class="failure" role="alert">{format!("{}: {e}", t(lang.get(), Key::StorageFailed))}</p> })}
            {move || import_report.get().map(|r| view! { <div class="failure" role="alert" data-testid="story-import-report"><ReportView report=r lang=lang/></div> })}
            <Show when=move || { stories::slide_count(store) > 0 }
                fallback=move || {
                    // No slides because the story could not load is not "no slides yet".
                    move || {
                        let l = lang.get();
                        if store.unavailable(crate::core::data::manifest::Kind::Story) {
                            let retry = move |_| crate::app::pipeline::retry(
                                store,
                                crate::core::pipeline::Row::Dataset(crate::core::data::manifest::Kind::Story),
                            );
                            view! {
                                <p class="failure" role="alert" data-testid="story-unavailable">
                                    {t(l, Key::StoryUnavailable)} " "
                                    <button class="retry" data-testid="retry-story-page" on:click=retry>{t(l, Key::Retry)}</button>
                                </p>
                            }
                            .into_any()
                        } else if store.story.with(Option::is_none) {
                            view! { <p class="empty">{t(l, Key::Loading)}</p> }.into_any()
                        } else {
                            view! { <p class="empty">{t(l, Key::NoSlides)}</p> }.into_any()
                        }
                    }
                }>
                <ol class="slides" data-testid="slides">
                    {move || {
                        let l = lang.get();
                        let n = slides().len();
                        slides()
                            .into_iter()
                            .enumerate()
                            .map(|(i, s)| {
                                view! {
                                    <li class="slide-row" data-testid="slide-row">
                                        <div class="slide-fields">
                                            {text_field(i, "title", Lang::Pt, s.title.pt.clone(), false, error)}
                                            {text_field(i, "title", Lang::En, s.title.en.clone(), false, error)}
                                            {text_field(i, "notes", Lang::Pt, s.notes.pt.clone(), true, error)}
                                            {text_field(i, "notes", Lang::En, s.notes.en.clone(), true, error)}
                                            <code class="muted">{s.view.clone()}</code>
                                        </div>
                                        <div class="slide-actions">
                                            <button on:click=move |_| { store.projector.set(true); stories::go_to(store, i + 1); }>
                                                {t(l, Key::Present)} " " {i + 1}</button>
                                            <button disabled=i == 0 data-testid="slide-up"
                                                on:click=move |_| error.set(stories::edit(store, |x| { x.shift(i, true); }).err())>
                                                "↑ " {t(l, Key::MoveUp)}</button>
                                            <button disabled=i + 1 == n
                                                on:click=move |_| error.set(stories::edit(store, |x| { x.shift(i, false); }).err())>
                                                "↓ " {t(l, Key::MoveDown)}</button>
                                            <button data-testid="slide-remove"
                                                on:click=move |_| error.set(stories::edit(store, |x| { if i < x.slides.len() { x.slides.remove(i); } }).err())>
                                                {t(l, Key::Remove)}</button>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
            </Show>
        </section>
    }
}
