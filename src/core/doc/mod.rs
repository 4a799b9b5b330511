//! Documents written once in both languages and rendered twice: as a page of the app (the views
//! draw the [`Block`]s) and as Markdown for the repository ([`to_markdown`]). Pure Rust.
//!
//! Text inside a block may use two pieces of inline Markdown, and no others: `` `code` `` and
//! `[text](address)` (whose text may itself be `` `code` ``). [`inlines`] splits a text into them
//! for the views; the Markdown rendering keeps them as written.

pub mod data_format;

use crate::core::data::Lang;

/// A text in Portuguese and in English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tx {
    pub pt: &'static str,
    pub en: &'static str,
}

impl Tx {
    pub const fn new(pt: &'static str, en: &'static str) -> Tx {
        Tx { pt, en }
    }

    /// The same text in both languages (file names, addresses).
    pub const fn same(text: &'static str) -> Tx {
        Tx { pt: text, en: text }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Pt => self.pt,
            Lang::En => self.en,
        }
    }
}

/// One block of a document.
#[derive(Clone, Copy, Debug)]
pub enum Block {
    /// A section heading.
    Heading(Tx),
    /// A paragraph (inline Markdown: code and links).
    Para(Tx),
    /// A bulleted list, one text an item (inline Markdown).
    List(&'static [Tx]),
    /// A command or other preformatted text, the same in both languages.
    Code(&'static str),
    /// A short label ("Minimal complete example:") and a preformatted example.
    Example { label: Tx, code: &'static str },
    /// A three-column table: a caption, the column headings (the first column holds the row
    /// headers, shown as code) and the rows, one a line, cells separated by `" | "`. A row has
    /// five cells — first column, pt and en of the second, pt and en of the third — or four when
    /// the second column is the same in both languages (first, second, pt and en of the third),
    /// or six when the first is not (pt and en of each column).
    Table { caption: Tx, heads: [Tx; 3], rows: &'static str },
}

/// The rows of a [`Block::Table`] in `lang`: three cells each.
pub fn table_rows(lang: Lang, rows: &'static str) -> Vec<[&'static str; 3]> {
    rows.lines()
        .map(|line| {
            let c: Vec<&'static str> = line.split(" | ").collect();
            let pick = |i: usize| c.get(i).copied().unwrap_or("");
            let by_lang = |pt: usize, en: usize| if lang == Lang::Pt { pick(pt) } else { pick(en) };
            if c.len() == 4 {
                [pick(0), pick(1), by_lang(2, 3)]
            } else if c.len() == 6 {
                [by_lang(0, 1), by_lang(2, 3), by_lang(4, 5)]
            } else {
                [pick(0), by_lang(1, 2), by_lang(3, 4)]
            }
        })
        .collect()
}

/// A piece of inline text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inline<'a> {
    Text(&'a str),
    Code(&'a str),
    /// A link; `code` when its text was written as `` `code` ``.
    Link {
        text: &'a str,
        href: &'a str,
        code: bool,
    },
}

/// Splits a text into plain text, code and links. A backtick without its closing one, or brackets
/// not followed by `(address)`, are plain text.
pub fn inlines(s: &str) -> Vec<Inline<'_>> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut i = 0usize; // how far into `rest` the pending plain text goes
    while i < rest.len() {
        let here = &rest[i..];
        let found = if let Some(after) = here.strip_prefix('`') {
            after.find('`').map(|end| (Inline::Code(&after[..end]), end + 2))
        } else if here.starts_with('[') {
            link(here)
        } else {
            None
        };
        match found {
            Some((piece, len)) => {
                if i > 0 {
                    out.push(Inline::Text(&rest[..i]));
                }
                out.push(piece);
                rest = &rest[i + len..];
                i = 0;
            }
            None => i += here.chars().next().map_or(1, char::len_utf8),
        }
    }
    if !rest.is_empty() {
        out.push(Inline::Text(rest));
    }
    out
}

/// `[text](href)` at the start of `s`, and its length.
fn link(s: &str) -> Option<(Inline<'_>, usize)> {
    let close = s.find("](")?;
    let end = s[close + 2..].find(')')? + close + 2;
    let text = &s[1..close];
    let href = &s[close + 2..end];
    if text.contains(['[', ']']) || href.contains(char::is_whitespace) {
        return None;
    }
    let (text, code) = match text.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
        Some(t) => (t, true),
        None => (text, false),
    };
    Some((Inline::Link { text, href, code }, end + 1))
}

/// Markdown for `blocks` in `lang`, headings at `level` (`###` for 3). Relative link addresses are
/// written from the document's own folder: `prefix` is put before each (`"../"` for a file in
/// `docs/` whose links point at the app's root, as on the page).
pub fn to_markdown(blocks: &[Block], lang: Lang, level: usize, prefix: &str) -> String {
    let mut out = String::new();
    let inline = |s: &str| -> String {
        inlines(s)
            .into_iter()
            .map(|piece| match piece {
                Inline::Text(t) => t.to_string(),
                Inline::Code(c) => format!("`{c}`"),
                Inline::Link { text, href, code } => {
                    let text = if code { format!("`{text}`") } else { text.to_string() };
                    let relative = !href.contains("://") && !href.starts_with(['/', '#']);
                    format!("[{text}]({}{href})", if relative { prefix } else { "" })
                }
            })
            .collect()
    };
    for block in blocks {
        match *block {
            Block::Heading(t) => out.push_str(&format!("{} {}\n\n", "#".repeat(level), t.get(lang))),
            Block::Para(t) => out.push_str(&format!("{}\n\n", inline(t.get(lang)))),
            Block::List(items) => {
                for t in items {
                    out.push_str(&format!("- {}\n", inline(t.get(lang))));
                }
                out.push('\n');
            }
            Block::Code(code) => out.push_str(&format!("```\n{code}\n```\n\n")),
            Block::Example { label, code } => out.push_str(&format!("{}\n\n```\n{code}\n```\n\n", label.get(lang))),
            Block::Table { caption, heads, rows } => {
                let cell = |s: &str| s.replace('|', "\\|");
                out.push_str(&format!("**{}**\n\n", caption.get(lang)));
                out.push_str(&format!(
                    "| {} | {} | {} |\n|---|---|---|\n",
                    heads[0].get(lang),
                    heads[1].get(lang),
                    heads[2].get(lang)
                ));
                for [a, b, c] in table_rows(lang, rows) {
                    out.push_str(&format!("| `{}` | {} | {} |\n", cell(a), cell(b), cell(c)));
                }
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_code_and_links_split_and_the_rest_is_text() {
        assert_eq!(
            inlines("see [`a.json`](data/a.json) and `x` [longitude, latitude]."),
            vec![
                Inline::Text("see "),
                Inline::Link { text: "a.json", href: "data/a.json", code: true },
                Inline::Text(" and "),
                Inline::Code("x"),
                Inline::Text(" [longitude, latitude]."),
            ]
        );
        assert_eq!(inlines("a ` alone, «ção»"), vec![Inline::Text("a ` alone, «ção»")]);
        assert_eq!(inlines(""), vec![]);
    }

    #[test]
    fn every_table_row_has_three_cells_in_both_languages() {
        for block in data_format::DOC {
            if let Block::Table { rows, caption, .. } = block {
                for line in rows.lines() {
                    let n = line.split(" | ").count();
                    assert!((4..=6).contains(&n), "{}: {line}", caption.en);
                }
                for lang in [Lang::Pt, Lang::En] {
                    for row in table_rows(lang, rows) {
                        assert!(row.iter().all(|c| !c.trim().is_empty()), "{row:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn markdown_quotes_pipes_in_cells_and_points_links_at_the_root() {
        let blocks = [
            Block::Para(Tx::same("[`codes.json`](data/codes.json), [site](https://example.org)")),
            Block::Table { caption: Tx::same("T"), heads: [Tx::same("a"); 3], rows: "x | y | b|c | d" },
        ];
        let md = to_markdown(&blocks, Lang::En, 3, "../");
        assert!(md.contains("[`codes.json`](../data/codes.json), [site](https://example.org)"), "{md}");
        assert!(md.contains("| `x` | y | d |"), "{md}");
        let md = to_markdown(
            &[Block::Table { caption: Tx::same("T"), heads: [Tx::same("a"); 3], rows: "x | a|b | b | c | d" }],
            Lang::Pt,
            3,
            "",
        );
        assert!(md.contains("| `x` | a\\|b | c |"), "{md}");
    }
}
