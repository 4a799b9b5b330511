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
    Effect::new(move |_| {
        let page = store.page.get();
        let Ok(Some(tab)) = document().query_selector(&format!("nav.tabs [data-testid=\"tab-{}\"]", page.code()))
        else {
            return;
        };
        let (Some(tab), Some(nav)) = (
            wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&tab),
            tab.parent_element().and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok()),
        ) else {
            return;
        };
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
        <nav class="tabs" aria-label=move || t(lang.get(), Key::Pages)>
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
