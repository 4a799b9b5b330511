//! The layers point one way: `core` (pure Rust) ← `app` (browser, no views) ← `ui` (views).
//!
//! Reads every file under `src/` with `syn`, resolves each `crate::`/`super::`/`self::` path
//! (in `use` trees and in expressions) to the module that defines it, and fails when
//! - a module imports from a layer above its own (`core` from `app`/`ui`, `app` from `ui`);
//! - a `core` module names a browser crate (`leptos`, `web_sys`, `js_sys`, `wasm_bindgen`,
//!   `wasm_bindgen_futures`, `gloo_net`);
//! - the graph of units (`core::data`, `core::chart`, `app::store`, `ui::map`, …: the first two
//!   segments of a module path) has a cycle;
//! - a file has more than 400 lines of code (its unit tests not counted) without
//!   `//! Longer than 400 lines:` stating why.
//!
//! `cargo test --test architecture -- --nocapture` prints the unit graph.
#![cfg(not(target_arch = "wasm32"))]
use std::collections::{BTreeMap, BTreeSet};
mod common;

use std::path::{Path, PathBuf};

use common::rust_files;

use syn::visit::Visit;

const BROWSER_CRATES: [&str; 6] = ["leptos", "web_sys", "js_sys", "wasm_bindgen", "wasm_bindgen_futures", "gloo_net"];

/// A module path such as `["core", "data", "labour"]`, from its file under `src/`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if parts.last().map(String::as_str) == Some("mod") {
        parts.pop();
    }
    parts
}

/// Every path in a file, as written, plus every `use` tree flattened.
#[derive(Default)]
struct Paths {
    paths: Vec<Vec<String>>,
}

impl Paths {
    fn use_tree(&mut self, prefix: &[String], tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                let mut next = prefix.to_vec();
                next.push(p.ident.to_string());
                self.use_tree(&next, &p.tree);
            }
            syn::UseTree::Name(n) => {
                let mut next = prefix.to_vec();
                if n.ident != "self" {
                    next.push(n.ident.to_string());
                }
                self.paths.push(next);
            }
            syn::UseTree::Rename(r) => {
                let mut next = prefix.to_vec();
                next.push(r.ident.to_string());
                self.paths.push(next);
            }
            syn::UseTree::Glob(_) => self.paths.push(prefix.to_vec()),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }
}

impl<'a> Visit<'a> for Paths {
    fn visit_item_use(&mut self, item: &'a syn::ItemUse) {
        self.use_tree(&[], &item.tree);
    }
    fn visit_path(&mut self, path: &'a syn::Path) {
        self.paths.push(path.segments.iter().map(|s| s.ident.to_string()).collect());
        syn::visit::visit_path(self, path);
    }
    fn visit_macro(&mut self, mac: &'a syn::Macro) {
        // Paths inside `view! {}` and other macros: scan the tokens for `crate :: a :: b`.
        let tokens: Vec<String> = mac.tokens.clone().into_iter().flat_map(flatten).collect();
        for (i, t) in tokens.iter().enumerate() {
            if t == "crate" || t == "super" {
                let mut path = vec![t.clone()];
                let mut j = i + 1;
                while j + 1 < tokens.len() && tokens[j] == ":" && tokens[j + 1] == ":" {
                    if let Some(id) = tokens.get(j + 2) {
                        path.push(id.clone());
                    }
                    j += 3;
                }
                if path.len() > 1 {
                    self.paths.push(path);
                }
            }
        }
        syn::visit::visit_macro(self, mac);
    }
}

fn flatten(t: proc_macro2::TokenTree) -> Vec<String> {
    match t {
        proc_macro2::TokenTree::Group(g) => g.stream().into_iter().flat_map(flatten).collect(),
        proc_macro2::TokenTree::Ident(i) => vec![i.to_string()],
        proc_macro2::TokenTree::Punct(p) => vec![p.as_char().to_string()],
        proc_macro2::TokenTree::Literal(_) => vec![String::new()],
    }
}

struct Graph {
    /// module → modules it refers to (resolved to the longest existing module prefix).
    edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
    /// module → browser crates it names.
    browser: BTreeMap<Vec<String>, BTreeSet<String>>,
    /// files over 400 lines without a stated reason.
    long: Vec<(PathBuf, usize)>,
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut g = Graph { edges: BTreeMap::new(), browser: BTreeMap::new(), long: Vec::new() };
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        // Lines of code: unit tests at the bottom (`#[cfg(test)]`) are not counted.
        let lines = text.split("\n#[cfg(test)]").next().unwrap_or("").lines().count();
        if lines > 400 && !text.contains("//! Longer than 400 lines:") {
            g.long.push((file.strip_prefix(&src).unwrap().to_path_buf(), lines));
        }
        let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut v = Paths::default();
        v.visit_file(&ast);
        let me = module_of(&src, file);
        // A `mod.rs` or a file with inline modules: `super` from inside `foo.rs` is `foo`'s parent.
        for path in v.paths {
            let Some(first) = path.first() else { continue };
            if BROWSER_CRATES.contains(&first.as_str()) {
                g.browser.entry(me.clone()).or_default().insert(first.clone());
                continue;
            }
            let absolute: Vec<String> = match first.as_str() {
                "crate" => path[1..].to_vec(),
                "super" => {
                    let mut base = me.clone();
                    let mut rest = &path[..];
                    while rest.first().map(String::as_str) == Some("super") {
                        base.pop();
                        rest = &rest[1..];
                    }
                    base.extend(rest.iter().cloned());
                    base
                }
                "self" => {
                    let mut base = me.clone();
                    base.extend(path[1..].iter().cloned());
                    base
                }
                _ => continue,
            };
            let target = (1..=absolute.len()).rev().map(|n| absolute[..n].to_vec()).find(|p| modules.contains(p));
            if let Some(t) = target {
                if t != me && !me.starts_with(&t) {
                    g.edges.entry(me.clone()).or_default().insert(t);
                }
            }
        }
    }
    g
}

fn layer(module: &[String]) -> Option<usize> {
    match module.first().map(String::as_str) {
        Some("core") => Some(0),
        Some("app") => Some(1),
        Some("ui") => Some(2),
        _ => None,
    }
}

fn unit(module: &[String]) -> String {
    module.iter().take(2).cloned().collect::<Vec<_>>().join("::")
}

/// Strongly connected components with more than one unit (Tarjan).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<String, usize>,
        low: BTreeMap<String, usize>,
        stack: Vec<String>,
        on: BTreeSet<String>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit(t: &mut T, v: &str) {
        t.index.insert(v.to_string(), t.next);
        t.low.insert(v.to_string(), t.next);
        t.next += 1;
        t.stack.push(v.to_string());
        t.on.insert(v.to_string());
        let next: Vec<String> = t.edges.get(v).into_iter().flatten().cloned().collect();
        for w in next {
            if !t.index.contains_key(&w) {
                visit(t, &w);
                let l = t.low[&w].min(t.low[v]);
                t.low.insert(v.to_string(), l);
            } else if t.on.contains(&w) {
                let l = t.index[&w].min(t.low[v]);
                t.low.insert(v.to_string(), l);
            }
        }
        if t.low[v] == t.index[v] {
            let mut scc = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(&w);
                let done = w == v;
                scc.push(w);
                if done {
                    break;
                }
            }
            if scc.len() > 1 {
                scc.sort();
                t.out.push(scc);
            }
        }
    }
    let mut t = T {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    let nodes: BTreeSet<String> =
        edges.iter().flat_map(|(k, vs)| std::iter::once(k.clone()).chain(vs.iter().cloned())).collect();
    for n in nodes {
        if !t.index.contains_key(&n) {
            visit(&mut t, &n);
        }
    }
    t.out
}

fn unit_graph(g: &Graph) -> BTreeMap<String, BTreeSet<String>> {
    let mut units: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, tos) in &g.edges {
        for to in tos {
            let (a, b) = (unit(from), unit(to));
            if a != b {
                units.entry(a).or_default().insert(b);
            }
        }
    }
    units
}

#[test]
fn layers_point_down_only() {
    let g = graph();
    let mut wrong = Vec::new();
    for (from, tos) in &g.edges {
        for to in tos {
            if let (Some(a), Some(b)) = (layer(from), layer(to)) {
                if b > a {
                    wrong.push(format!("{} imports {}", from.join("::"), to.join("::")));
                }
            }
        }
    }
    for top in ["core", "app", "ui"] {
        assert!(g.edges.keys().any(|m| m.first().map(String::as_str) == Some(top)), "no module found under src/{top}/");
    }
    assert!(wrong.is_empty(), "imports pointing up a layer:\n{}", wrong.join("\n"));
}

#[test]
fn core_knows_nothing_of_the_browser() {
    let g = graph();
    let wrong: Vec<String> = g
        .browser
        .iter()
        .filter(|(m, _)| layer(m) == Some(0))
        .map(|(m, c)| format!("{} names {:?}", m.join("::"), c))
        .collect();
    assert!(wrong.is_empty(), "browser crates in core:\n{}", wrong.join("\n"));
}

#[test]
fn no_cycles_between_units() {
    let g = graph();
    let units = unit_graph(&g);
    for (from, tos) in &units {
        println!("{from} -> {}", tos.iter().cloned().collect::<Vec<_>>().join(", "));
    }
    let found = cycles(&units);
    assert!(
        found.is_empty(),
        "import cycles between units:\n{}",
        found.iter().map(|c| c.join(" ⇄ ")).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn long_files_say_why() {
    let g = graph();
    assert!(
        g.long.is_empty(),
        "files over 400 lines without `//! Longer than 400 lines: <reason>`:\n{}",
        g.long.iter().map(|(p, n)| format!("{} ({n} lines)", p.display())).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn cycle_finder_finds_a_cycle() {
    let mut e: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    e.entry("a".into()).or_default().insert("b".into());
    e.entry("b".into()).or_default().insert("c".into());
    e.entry("c".into()).or_default().insert("a".into());
    e.entry("c".into()).or_default().insert("d".into());
    assert_eq!(cycles(&e), vec![vec!["a".to_string(), "b".into(), "c".into()]]);
    e.get_mut("c").unwrap().remove("a");
    assert!(cycles(&e).is_empty());
}
