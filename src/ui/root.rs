//! The root view: creates the store, mirrors it in the URL, starts loading,
//! and shows the page the view state names.

use leptos::prelude::*;

use super::consultations::ConsultationsPage;
use super::profile::RegionProfile;
use super::{
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
use super::{format_page::DataFormatPage, presenter::Presenter, speaker::SpeakerView, story_editor::StoryEditor};

use super::lazy::lazy_view;
use crate::core::data::Lang;
use crate::core::state::Page;

use crate::app::derived::derive;
use crate::app::pipeline;
use crate::app::store::Store;
use crate::app::url_sync;

/// Scrolls `el` to the top of the view, below the presenting bar when there is one: its height
/// is measured (a two-line slide title makes it taller than the style sheet's `scroll-margin-top`).
fn scroll_below_bar(el: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let bar = document()
        .query_selector("[data-testid=\"presenter\"]")
        .ok()
        .flatten()
        .map_or(0.0, |b| b.get_bounding_client_rect().height());
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let margin = if bar > 0.0 { format!("{}px", (bar + 8.0).ceil()) } else { String::new() };
        let _ = h.style().set_property("scroll-margin-top", &margin);
    }
    el.scroll_into_view_with_bool(true);
}

/// Scrolls the chart `id` (`data-testid="chart-{id}"`, or the element with that id) to the top of the
/// view once the page has settled (the chart exists and nothing is loading), trying every 100 ms at most
/// `tries` times, then once more after the charts' own re-layout. `id` is a validated chart name
/// (`[a-z-]`), so it is safe in a selector.
fn scroll_to_chart(id: String, tries: u32) {
    let doc = document();
    let selector = format!("[data-testid=\"chart-{id}\"], #{id}");
    let found = doc.query_selector(&selector).ok().flatten();
    let settled = doc.query_selector(".loading").ok().flatten().is_none();
    match found {
        Some(el) if settled || tries == 0 => {
            scroll_below_bar(&el);
            // Again after the charts' re-layout; found anew, in case the page was rebuilt since.
            let again = move || {
                let el = if el.is_connected() { Some(el) } else { document().query_selector(&selector).ok().flatten() };
                if let Some(el) = el {
                    scroll_below_bar(&el);
                }
            };
            set_timeout(again, std::time::Duration::from_millis(300));
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
    // Screen readers, hyphenation and the browser tab's title follow the interface language.
    Effect::new(move |_| {
        let lang = store.lang.get();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", if lang == Lang::Pt { "pt-PT" } else { "en" });
        }
        document().set_title(crate::core::i18n::t(lang, crate::core::i18n::Key::DocumentTitle));
    });
    // The projector theme and presenting are classes on <html>, so that the
    // design tokens switch everywhere at once.
    Effect::new(move |_| {
        let projector = store.projector.get();
        let presenting = store.presenting.get();
        if let Some(el) = document().document_element() {
            let list = el.class_list();
            let _ = list.toggle_with_force("theme-projector", projector || presenting);
            let _ = list.toggle_with_force("presenting", presenting);
        }
    });
    // A view that names a chart (`focus=`, e.g. a story slide) brings it into view once it exists.
    // Looked for in a task of its own, once every effect of the change has run: the page shown
    // follows the view a microtask later (`Store::page` is settled), and until it has been rebuilt
    // the chart found would be the old page's one of that name (the overview has official figures
    // too). Only when the named chart or the slide changes: a filter changed while presenting (a
    // question answered live) leaves the page where it is. A slide that names no chart, reached
    // from another, shows its page from the top.
    let aim = crate::app::settle::settled(move || store.view.with(|v| (v.focus.clone(), v.slide)));
    Effect::new(move |before: Option<()>| {
        let (target, slide) = aim.get();
        match target {
            Some(id) => set_timeout(move || scroll_to_chart(id, 40), std::time::Duration::ZERO),
            None if slide.is_some() && before.is_some() => {
                set_timeout(|| window().scroll_to_with_x_and_y(0.0, 0.0), std::time::Duration::ZERO)
            }
            None => {}
        }
    });
    // The static first paint goes once the headline figures are ready, or cannot be.
    let derived = crate::app::derived::use_derived();
    Effect::new(move |_| {
        let settled =
            derived.agg.with(Option::is_some) || store.unavailable(crate::core::data::manifest::Kind::LabourMarket);
        if settled {
            crate::app::boot::release();
        }
    });
    // Whether the landing view's first figures will be the bundled ones (src/js/boot.js).
    Effect::new(move |_| crate::app::boot::set_own_data(store.user.with(|u| !u.is_empty())));
    pipeline::load_all(store);
    let page = store.page;
    // The page itself is built in a task of its own, after the shell (header, navigation,
    // notices): one task would block the main thread for ~230 ms at CPU 4× on the explore page
    // (issue #12). The static first paint covers the gap.
    let shell_ready = RwSignal::new(false);
    set_timeout(move || shell_ready.set(true), std::time::Duration::ZERO);
    view! {
        <a class="skip-link" href="#main">
            {move || crate::core::i18n::t(store.lang.get(), crate::core::i18n::Key::SkipToContent)}
        </a>
        <DropZone/>
        <Presenter/>
        <crate::ui::header::OfflineIndicator/>
        <Header/>
        <Nav/>
        <main id="main" tabindex="-1">
            <UrlNotices/>
            <IllustrativeNotice/>
            // The data filters belong to the pages that show data.
            <Show when=move || matches!(page.get(), Page::Overview | Page::Explore | Page::Consultations | Page::Profile) fallback=|| ()>
                <Filters/>
            </Show>
            {move || shell_ready.get().then(|| match page.get() {
                Page::Overview => view! {
                    <Headlines/>
                    <div class="columns">
                        <TopOccupations/>
                        <ThemesPanel/>
                    </div>
                }
                .into_any(),
                Page::Explore => lazy_view(explore_page),
                Page::Consultations => lazy_view(consultations_page),
                Page::Profile => lazy_view(profile_page),
                Page::Data => lazy_view(data_page),
                Page::Format => lazy_view(format_page),
                Page::Story => lazy_view(story_page),
                Page::Speaker => lazy_view(speaker_page),
                Page::Workforce => lazy_view(workforce_page),
            })}
            <UserDatasets/>
            <DatasetsPanel/>
        </main>
    }
}

// Every page but the landing one is a part of its own (ui::lazy).
view_part!(explore_page, view! { <Explorer/> });
view_part!(consultations_page, view! { <ConsultationsPage/> });
view_part!(profile_page, view! { <RegionProfile/> });
view_part!(data_page, view! { <LoadControls/> });
view_part!(format_page, view! { <DataFormatPage/> });
view_part!(story_page, view! { <StoryEditor/> });
view_part!(speaker_page, view! { <SpeakerView/> });
view_part!(workforce_page, view! { <crate::ui::workforce::Workforce/> });
