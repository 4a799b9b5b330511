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
