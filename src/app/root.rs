//! The root view: creates the store, mirrors it in the URL, starts loading,
//! and shows the page the view state names.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::consultations::ConsultationsPage;
use crate::components::profile::RegionProfile;
use crate::components::{
    datasets::DatasetsPanel,
    explorer::Explorer,
    filters::Filters,
    header::Header,
    headlines::Headlines,
    nav::Nav,
    notice::IllustrativeNotice,
    notices::UrlNotices,
    occupations::TopOccupations,
    themes::ThemesPanel,
    user_data::{DropZone, LoadControls, UserDatasets},
};
use crate::components::{
    format_page::DataFormatPage, presenter::Presenter, speaker::SpeakerView, story_editor::StoryEditor,
};
use crate::data::aggregate::{self, Aggregates, Filter};
use crate::data::outcomes::ThemeRow;
use crate::data::Lang;
use crate::view_state::{Page, Resolved};

use super::js::now_ms;
use super::loader;
use super::store::Store;
use super::url_sync;

/// Aggregates derived from the store, computed once per change of the view
/// or the data and shared by every view.
#[derive(Clone, Copy)]
pub struct Derived {
    pub resolved: Memo<Option<Resolved>>,
    pub filter: Memo<Option<Filter>>,
    pub agg: Memo<Option<Arc<Aggregates>>>,
    /// Outcomes by theme (all themes) for the overview.
    pub themes: Memo<Option<Arc<Vec<ThemeRow>>>>,
    /// Positions of the consultation outcomes matching every filter.
    pub outcomes: Memo<Option<Arc<Vec<usize>>>>,
    /// The same without the theme filter: the theme charts show every theme
    /// (the chosen one highlighted), so they can cross-filter.
    pub outcomes_any_theme: Memo<Option<Arc<Vec<usize>>>>,
}

/// Exposes the last duration of a step as `window.__vagas_timings[name]`
/// (read by scripts/bench-browser.mjs; speed is measured, not asserted).
fn record_timing(name: &str, ms: f64) {
    let w = window();
    let key = wasm_bindgen::JsValue::from_str("__vagas_timings");
    let obj =
        js_sys::Reflect::get(&w, &key).ok().filter(|v| v.is_object()).unwrap_or_else(|| js_sys::Object::new().into());
    let _ = js_sys::Reflect::set(&obj, &wasm_bindgen::JsValue::from_str(name), &wasm_bindgen::JsValue::from_f64(ms));
    let _ = js_sys::Reflect::set(&w, &key, &obj);
}

pub fn use_derived() -> Derived {
    expect_context::<Derived>()
}

fn derive(store: Store) -> Derived {
    let resolved = Memo::new(move |_| store.resolved());
    let filter = Memo::new(move |_| resolved.with(|r| r.as_ref().map(|r| r.filter.clone())));
    let compare = Memo::new(move |_| resolved.with(|r| r.as_ref().map(|r| r.compare.clone()).unwrap_or_default()));
    let agg = Memo::new(move |_| {
        let f = filter.get()?;
        let codes = store.codes.get()?;
        let labour = store.labour.get()?;
        let started = now_ms();
        let agg = aggregate::aggregate(&labour, &codes, &f, &compare.get());
        record_timing("aggregate", now_ms() - started);
        Some(Arc::new(agg))
    });
    let select = move |any_theme: bool| {
        let (f, mut q) = resolved.with(|r| r.as_ref().map(|r| (r.filter.clone(), r.outcomes.clone())))?;
        if any_theme {
            q.theme = None;
        }
        let codes = store.codes.get()?;
        let cons = store.consultations.get()?;
        Some(Arc::new(crate::data::outcomes::matching(&cons, &codes, &f, &q)))
    };
    let outcomes = Memo::new(move |_| select(false));
    let outcomes_any_theme = Memo::new(move |_| select(true));
    let themes = Memo::new(move |_| {
        let idx = outcomes_any_theme.get()?;
        let codes = store.codes.get()?;
        let cons = store.consultations.get()?;
        Some(Arc::new(crate::data::outcomes::theme_summary(&cons, &codes, &idx)))
    });
    Derived { resolved, filter, agg, themes, outcomes, outcomes_any_theme }
}

/// Scrolls the chart `id` (`data-testid="chart-{id}"`, or the element with that id) to the top of the
/// view once the page has settled (the chart exists and nothing is loading), trying every 100 ms at most
/// `tries` times, then once more after the charts' own re-layout. `id` is a validated chart name
/// (`[a-z-]`), so it is safe in a selector.
fn scroll_to_chart(id: String, tries: u32) {
    let doc = document();
    let found = doc.query_selector(&format!("[data-testid=\"chart-{id}\"], #{id}")).ok().flatten();
    let settled = doc.query_selector(".loading").ok().flatten().is_none();
    match found {
        Some(el) if settled || tries == 0 => {
            el.scroll_into_view_with_bool(true);
            set_timeout(move || el.scroll_into_view_with_bool(true), std::time::Duration::from_millis(300));
        }
        _ if tries > 0 => {
            set_timeout(move || scroll_to_chart(id, tries - 1), std::time::Duration::from_millis(100));
        }
        _ => {}
    }
}

#[component]
pub fn App() -> impl IntoView {
    let (view, notices) = url_sync::initial();
    let store = Store::new(view);
    store.notices.set(notices);
    provide_context(store);
    provide_context(derive(store));
    url_sync::sync(store.view, store.notices);
    // Screen readers and hyphenation follow the interface language.
    Effect::new(move |_| {
        let lang = store.lang.get();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", if lang == Lang::Pt { "pt-PT" } else { "en" });
        }
    });
    // The projector theme and presenting are classes on <html>, so that the
    // design tokens switch everywhere at once.
    Effect::new(move |_| {
        let projector = store.projector.get();
        let presenting = store.view.with(|v| v.slide.is_some());
        if let Some(el) = document().document_element() {
            let list = el.class_list();
            let _ = list.toggle_with_force("theme-projector", projector || presenting);
            let _ = list.toggle_with_force("presenting", presenting);
        }
    });
    // A view that names a chart (`focus=`, e.g. a story slide) brings it into view once it exists.
    Effect::new(move |_| {
        let target = store.view.with(|v| v.focus.clone());
        let _slide = store.view.with(|v| v.slide);
        if let Some(id) = target {
            scroll_to_chart(id, 40);
        }
    });
    loader::load_all(store);
    let page = Memo::new(move |_| store.view.with(|v| v.page));
    view! {
        <a class="skip-link" href="#main">
            {move || crate::i18n::t(store.lang.get(), crate::i18n::Key::SkipToContent)}
        </a>
        <DropZone/>
        <Presenter/>
        <crate::components::header::OfflineIndicator/>
        <Header/>
        <Nav/>
        <main id="main" tabindex="-1">
            <UrlNotices/>
            <IllustrativeNotice/>
            // The data filters belong to the pages that show data.
            <Show when=move || matches!(page.get(), Page::Overview | Page::Explore | Page::Consultations | Page::Profile) fallback=|| ()>
                <Filters/>
            </Show>
            {move || match page.get() {
                Page::Overview => view! {
                    <Headlines/>
                    <div class="columns">
                        <TopOccupations/>
                        <ThemesPanel/>
                    </div>
                }
                .into_any(),
                Page::Explore => view! { <Explorer/> }.into_any(),
                Page::Consultations => view! { <ConsultationsPage/> }.into_any(),
                Page::Profile => view! { <RegionProfile/> }.into_any(),
                Page::Data => view! { <LoadControls/> }.into_any(),
                Page::Format => view! { <DataFormatPage/> }.into_any(),
                Page::Story => view! { <StoryEditor/> }.into_any(),
                Page::Speaker => view! { <SpeakerView/> }.into_any(),
                Page::Workforce => view! { <crate::components::workforce::Workforce/> }.into_any(),
            }}
            <UserDatasets/>
            <DatasetsPanel/>
        </main>
    }
}
