//! Page tabs: overview and shortages explorer.

use leptos::prelude::*;

use crate::app::store::use_store;
use crate::core::i18n::{t, Key};
use crate::core::state::Page;

#[component]
pub fn Nav() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let tab = move |page: Page, key: Key| {
        let current = move || store.page.get() == page;
        view! {
            <button
                class="tab"
                class:active=current
                aria-current=move || current().then_some("page")
                data-testid=format!("tab-{}", page.code())
                on:click=move |_| store.set_view(|v| v.page = page)
            >
                {move || t(lang.get(), key)}
            </button>
        }
    };
    // On a phone the tabs scroll sideways: the current page's tab is brought into the strip's view
    // whenever the page changes (a link, Back, a slide), without scrolling the page itself.
    let strip = NodeRef::<leptos::html::Nav>::new();
    Effect::new(move |_| {
        let page = store.page.get();
        let Some(nav) = strip.get() else { return };
        let Ok(Some(tab)) = nav.query_selector(&format!("[data-testid=\"tab-{}\"]", page.code())) else { return };
        let Some(tab) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&tab) else { return };
        let (left, width) = (nav.scroll_left(), nav.client_width());
        let start = tab.offset_left() - nav.offset_left();
        let end = start + tab.offset_width();
        if start < left {
            nav.set_scroll_left(start);
        } else if end > left + width {
            nav.set_scroll_left(end - width);
        }
    });
    view! {
        <nav class="tabs" node_ref=strip aria-label=move || t(lang.get(), Key::Pages)>
            {tab(Page::Overview, Key::PageOverview)}
            {tab(Page::Explore, Key::PageExplore)}
            {tab(Page::Consultations, Key::PageConsultations)}
            {tab(Page::Profile, Key::PageProfile)}
            {tab(Page::Workforce, Key::PageWorkforce)}
            {tab(Page::Data, Key::PageData)}
            {tab(Page::Story, Key::PageStory)}
            {tab(Page::Format, Key::PageFormat)}
        </nav>
    }
}
