//! The views: one file per page, panel or widget, rendering what `app` and `core`
//! computed; `root` is the shell that picks the page.

pub mod bar_table;
pub mod consultations;
pub mod datasets;
pub mod explorer;
pub mod filters;
pub mod format_page;
pub mod frame;
pub mod header;
pub mod headlines;
pub mod labels;
pub mod lazy;
pub mod map;
pub mod nav;
pub mod notice;
pub mod notices;
pub mod occupations;
pub mod presenter;
pub mod profile;
pub mod ranking;
pub mod report;
pub mod root;
pub mod seasonality;
pub mod series;
pub mod slots;
pub mod speaker;
pub mod story_editor;
pub mod themes;
pub mod user_data;
pub mod workforce;

use leptos::prelude::*;

use crate::app::store::Store;
use crate::core::data::manifest::Kind;
use crate::core::i18n::{t, Key};

/// What a panel shows before its data is there: "loading…", or "unavailable"
/// once the file it needs has failed (the datasets panel says why).
pub fn pending(store: Store, kind: Kind, testid: &'static str) -> AnyView {
    let l = store.lang.get();
    if store.unavailable(kind) {
        view! { <p class="empty" role="status" data-testid=testid>{t(l, Key::Unavailable)}</p> }.into_any()
    } else {
        view! { <p class="loading" role="status">{t(l, Key::Loading)}</p> }.into_any()
    }
}

/// The wrapped source line under a chart (its lines as the chart model placed them), in the
/// muted text colour.
pub fn source_lines(lines: &[crate::core::chart::line::Label], font: f64) -> AnyView {
    lines
        .iter()
        .map(|lb| view! { <text x=lb.x y=lb.y font-size=font fill="#4f5863">{lb.text.clone()}</text> })
        .collect_view()
        .into_any()
}
