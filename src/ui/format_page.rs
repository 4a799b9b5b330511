//! The "Data format" page: draws the bilingual document `core::doc::data_format`, the same one
//! that is the "At a glance" section of `docs/data-format.md` (one source; see `core::doc`), and
//! links to the full guide. Static text only.

use leptos::prelude::*;

use crate::app::store::use_store;
use crate::core::data::Lang;
use crate::core::doc::{data_format::DOC, inlines, table_rows, Block, Inline};
use crate::core::i18n::{t, Key};

/// Text with inline code and links.
fn inline(s: &'static str) -> AnyView {
    inlines(s)
        .into_iter()
        .map(|piece| match piece {
            Inline::Text(text) => text.into_any(),
            Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
            Inline::Link { text, href, code: true } => view! { <a href=href><code>{text}</code></a> }.into_any(),
            Inline::Link { text, href, code: false } => view! { <a href=href>{text}</a> }.into_any(),
        })
        .collect_view()
        .into_any()
}

fn block(l: Lang, b: &Block) -> AnyView {
    match *b {
        Block::Heading(tx) => view! { <h3>{tx.get(l)}</h3> }.into_any(),
        Block::Para(tx) => view! { <p>{inline(tx.get(l))}</p> }.into_any(),
        Block::List(items) => {
            view! { <ul>{items.iter().map(|tx| view! { <li>{inline(tx.get(l))}</li> }).collect_view()}</ul> }.into_any()
        }
        Block::Code(code) => view! { <pre><code>{code}</code></pre> }.into_any(),
        Block::Example { label, code } => {
            view! { <p class="muted">{label.get(l)}</p><pre><code>{code}</code></pre> }.into_any()
        }
        Block::Table { caption, heads, rows } => {
            let body = table_rows(l, rows)
                .into_iter()
                .map(|[a, b, c]| view! { <tr><th scope="row"><code>{a}</code></th><td>{b}</td><td>{c}</td></tr> })
                .collect_view();
            view! {
                <table class="data-table">
                    <caption>{caption.get(l)}</caption>
                    <thead><tr>{heads.into_iter().map(|h| view! { <th scope="col">{h.get(l)}</th> }).collect_view()}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            }
            .into_any()
        }
    }
}

#[component]
pub fn DataFormatPage() -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    view! {
        <section class="panel format-page" aria-labelledby="format-title" data-testid="format-page">
            <h2 id="format-title">{move || t(lang.get(), Key::PageFormat)}</h2>
            {move || {
                let l = lang.get();
                view! {
                    <p>{t(l, Key::FormatIntro)}</p>
                    {DOC.iter().map(|b| block(l, b)).collect_view()}
                    <p>{t(l, Key::FullGuideLead)}<a href="docs/data-format.md">{t(l, Key::FullGuideLink)}</a>"."</p>
                }
            }}
        </section>
    }
}
