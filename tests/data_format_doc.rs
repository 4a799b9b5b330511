//! One source for the data format: the app's "Data format" page draws `core::doc::data_format`,
//! and the "At a glance" section of `docs/data-format.md` is the same document rendered as
//! Markdown (English). This test fails when the file differs from what the source renders; to
//! update the file after editing the source, run
//! `VAGAS_BLESS=1 cargo test --test data_format_doc`.
#![cfg(not(target_arch = "wasm32"))]
use vagas::core::data::Lang;
use vagas::core::doc::{data_format::DOC, to_markdown};

const BEGIN: &str = "<!-- BEGIN generated from src/core/doc/data_format.rs";
const END: &str = "<!-- END generated -->";

#[test]
fn the_guide_holds_the_page_as_the_source_renders_it() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/data-format.md");
    let text = std::fs::read_to_string(path).unwrap();
    let begin = text.find(BEGIN).expect("the BEGIN marker in docs/data-format.md");
    let body_start = begin + text[begin..].find('\n').expect("a line after the BEGIN marker") + 1;
    let end = text.find(END).expect("the END marker in docs/data-format.md");
    assert!(end >= body_start);
    let rendered = format!("\n{}", to_markdown(DOC, Lang::En, 3, "../"));
    if text[body_start..end] != rendered {
        if std::env::var_os("VAGAS_BLESS").is_some() {
            std::fs::write(path, format!("{}{rendered}{}", &text[..body_start], &text[end..])).unwrap();
            return;
        }
        let (got, want): (Vec<&str>, Vec<&str>) = (text[body_start..end].lines().collect(), rendered.lines().collect());
        let first = got.iter().zip(&want).position(|(a, b)| a != b).unwrap_or(got.len().min(want.len()));
        panic!(
            "docs/data-format.md differs from src/core/doc/data_format.rs at generated line {}:\n  file:   {:?}\n  source: {:?}\nRun VAGAS_BLESS=1 cargo test --test data_format_doc to update the file.",
            first + 1,
            got.get(first),
            want.get(first)
        );
    }
}

#[test]
fn the_portuguese_page_is_as_complete_as_the_english_one() {
    let (pt, en) = (to_markdown(DOC, Lang::Pt, 3, ""), to_markdown(DOC, Lang::En, 3, ""));
    assert_eq!(pt.lines().count(), en.lines().count());
    for (p, e) in pt.lines().zip(en.lines()) {
        assert_eq!(p.is_empty(), e.is_empty());
        assert_eq!(p.matches('|').count(), e.matches('|').count(), "{p}\n{e}");
    }
    assert_ne!(pt, en);
}
