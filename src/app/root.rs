//! The root view: creates the store, starts loading and lays out the overview.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::{
    datasets::DatasetsPanel, filters::Filters, header::Header, headlines::Headlines, notice::IllustrativeNotice,
    occupations::TopOccupations, themes::ThemesPanel,
};
use crate::data::aggregate::{self, Filter, Overview, ThemeRow};
use crate::data::Lang;

use super::loader;
use super::store::Store;

/// Aggregates derived from the store, computed once per filter change and
/// shared by every view.
#[derive(Clone, Copy)]
pub struct Derived {
    pub filter: Memo<Option<Filter>>,
    pub overview: Memo<Option<Arc<Overview>>>,
    pub themes: Memo<Option<Arc<Vec<ThemeRow>>>>,
}

pub fn use_derived() -> Derived {
    expect_context::<Derived>()
}

fn derive(store: Store) -> Derived {
    let filter = Memo::new(move |_| store.filter());
    let overview = Memo::new(move |_| {
        let f = filter.get()?;
        let codes = store.codes.get()?;
        let labour = store.labour.get()?;
        Some(Arc::new(aggregate::overview(&labour, &codes, &f)))
    });
    let themes = Memo::new(move |_| {
        let f = filter.get()?;
        let codes = store.codes.get()?;
        let cons = store.consultations.get()?;
        Some(Arc::new(aggregate::outcomes_by_theme(&cons, &codes, &f)))
    });
    Derived { filter, overview, themes }
}

#[component]
pub fn App() -> impl IntoView {
    let store = Store::new(Lang::Pt);
    provide_context(store);
    provide_context(derive(store));
    // Screen readers and hyphenation follow the interface language.
    Effect::new(move |_| {
        let lang = store.lang.get();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", if lang == Lang::Pt { "pt-PT" } else { "en" });
        }
    });
    loader::load_all(store);
    view! {
        <Header/>
        <main id="main">
            <IllustrativeNotice/>
            <Filters/>
            <Headlines/>
            <div class="columns">
                <TopOccupations/>
                <ThemesPanel/>
            </div>
            <DatasetsPanel/>
        </main>
    }
}
