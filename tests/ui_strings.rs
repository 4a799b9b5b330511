//! Every word the interface shows comes from the translation table (`core::i18n`): no view under
//! `src/ui/` writes text for users as a string literal.
//!
//! Reads every file under `src/ui/` with `syn` and looks at each string literal — in code and
//! inside macros (`view!`, `format!`) — that reads like words ("Total", "Code", "Slide {n}",
//! "no data"). Attribute values inside `view!` are skipped (classes, test ids, element ids), except
//! those a user sees or hears: `title`, `placeholder`, `alt` and `aria-label`. The few literals that
//! are not interface text (keyboard key names, a proper name) are listed in `NOT_TEXT`; class lists
//! (every word a class of `style/*.css`, as in `class=if … { "badge small" } else { … }`, or the
//! value of a `let …class… =`) are not text either.
#![cfg(not(target_arch = "wasm32"))]
mod common;

use std::path::Path;

use common::rust_files;

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// Literals that look like words but are not shown as interface text.
const NOT_TEXT: [&str; 18] = [
    // `KeyboardEvent.key` values.
    "Enter",
    "Escape",
    "Tab",
    "ArrowDown",
    "ArrowUp",
    "PageDown",
    "PageUp",
    "Home",
    "End",
    // The `DataTransfer.types` entry of dropped files.
    "Files",
    // A proper name, the same in both languages.
    "Portugal",
    // `aria-sort` values (tokens of the ARIA vocabulary, read out translated by screen readers).
    "ascending",
    "descending",
    "none",
    // Prefixes taken off the code list's own region names for the map's small inset boxes.
    "Região Autónoma dos ",
    "Região Autónoma da ",
    "Autonomous Region of the ",
    "Autonomous Region of ",
];

/// Attributes whose values users see or hear.
const SHOWN_ATTRIBUTES: [&str; 4] = ["title", "placeholder", "alt", "label"];

/// The class names of the stylesheets.
fn css_classes() -> Vec<String> {
    let mut out = Vec::new();
    for name in ["style/app.css", "style/tokens.css"] {
        let css = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap();
        for part in css.split('.').skip(1) {
            let class: String =
                part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
            if class.starts_with(|c: char| c.is_ascii_alphabetic()) {
                out.push(class);
            }
        }
    }
    out
}

/// Whether a literal's text reads like words for people: a capitalised word ("Total"), or two
/// words of letters ("no data"), once `{…}` placeholders are taken out; not a list of CSS classes.
fn reads_like_words(s: &str, classes: &[String]) -> bool {
    if s.split_whitespace().count() > 0 && s.split_whitespace().all(|w| classes.iter().any(|c| c == w)) {
        return false;
    }
    let mut plain = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = plain.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 2).collect();
    let capitalised = words.iter().any(|w| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase) && w.chars().count() >= 3
    });
    let phrase =
        plain.split_whitespace().filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() >= 2).count() >= 2;
    (capitalised || phrase) && !NOT_TEXT.contains(&s)
}

struct Finder<'a> {
    file: &'a str,
    classes: &'a [String],
    found: Vec<String>,
}

impl Finder<'_> {
    fn check(&mut self, value: &str) {
        if reads_like_words(value, self.classes) {
            self.found.push(format!("{}: {value:?}", self.file));
        }
    }

    fn tokens(&mut self, stream: TokenStream) {
        let tokens: Vec<TokenTree> = stream.into_iter().collect();
        // Inside `let …class… = …;` (in a macro, where `visit_local` does not reach).
        let mut in_class_binding = false;
        for (i, token) in tokens.iter().enumerate() {
            let is_ident =
                |k: usize, f: &dyn Fn(&str) -> bool| matches!(&tokens[k], TokenTree::Ident(id) if f(&id.to_string()));
            if i >= 1 && is_ident(i - 1, &|s| s == "let") && is_ident(i, &|s| s.contains("class")) {
                in_class_binding = true;
            }
            if matches!(token, TokenTree::Punct(p) if p.as_char() == ';') {
                in_class_binding = false;
            }
            if in_class_binding {
                continue;
            }
            match token {
                TokenTree::Group(g) => self.tokens(g.stream()),
                TokenTree::Literal(lit) => {
                    let Ok(syn::Lit::Str(s)) = syn::parse_str::<syn::Lit>(&lit.to_string()) else { continue };
                    let after_eq = i >= 1 && matches!(&tokens[i - 1], TokenTree::Punct(p) if p.as_char() == '=');
                    let shown_attribute = i >= 2
                        && matches!(&tokens[i - 2], TokenTree::Ident(id) if SHOWN_ATTRIBUTES.contains(&id.to_string().as_str()));
                    if !after_eq || shown_attribute {
                        self.check(&s.value());
                    }
                }
                _ => {}
            }
        }
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    // Doc comments and attributes are not shown.
    fn visit_attribute(&mut self, _: &'ast syn::Attribute) {}

    fn visit_lit_str(&mut self, s: &'ast syn::LitStr) {
        self.check(&s.value());
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.tokens(m.tokens.clone());
    }

    // `let class = if … { "problem error" } else { … }`: a class list, whatever its words.
    fn visit_local(&mut self, local: &'ast syn::Local) {
        if let syn::Pat::Ident(p) = &local.pat {
            if p.ident.to_string().contains("class") {
                return;
            }
        }
        syn::visit::visit_local(self, local);
    }

    // Unit tests of a view module may write any text.
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if m.ident != "tests" {
            syn::visit::visit_item_mod(self, m);
        }
    }
}

#[test]
fn views_write_no_interface_text_as_literals() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    assert!(files.len() > 20, "{}", files.len());
    let classes = css_classes();
    assert!(classes.iter().any(|c| c == "badge"), "{classes:?}");
    let mut found = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let file = syn::parse_file(&text).unwrap();
        let name = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().display().to_string();
        let mut finder = Finder { file: &name, classes: &classes, found: Vec::new() };
        finder.visit_file(&file);
        found.extend(finder.found);
    }
    assert!(found.is_empty(), "interface text written in a view instead of core::i18n:\n{}", found.join("\n"));
}

#[test]
fn the_check_sees_text_nodes_shown_attributes_and_code() {
    let sample = r##"
        fn f() {
            let a = view! { <p class="muted note" title="Download the table">"Total"</p> };
            let b = format!("Slide {n}");
            let c = "Code".to_string();
            let d = view! { <div class="two words" data-testid="x-y"> {t(l, Key::Total)} " · " </div> };
            let e = view! { <p class=if x { "muted note" } else { "muted" }>"no data"</p> };
            let class = if x { "problem error" } else { "problem warning" };
            let f = view! { <ul>{move || { let class = if x { "problem error" } else { "other words" }; view! { <li class=class>"Shown text"</li> } }}</ul> };
            if key == "Enter" {}
        }
    "##;
    let file = syn::parse_file(sample).unwrap();
    let classes = ["muted".to_string(), "note".to_string()];
    let mut finder = Finder { file: "sample", classes: &classes, found: Vec::new() };
    finder.visit_file(&file);
    let values: Vec<&str> = finder.found.iter().map(|f| f.split(": ").nth(1).unwrap()).collect();
    assert_eq!(
        values,
        ["\"Download the table\"", "\"Total\"", "\"Slide {n}\"", "\"Code\"", "\"no data\"", "\"Shown text\""]
    );
}
