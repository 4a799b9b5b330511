//! The import corpus (tests/import_corpus: one small file per kind of
//! spreadsheet export, made by make.py) goes through the app's entry point
//! (`ingest`) and through `vagas-check`; each outcome must equal
//! expectations.json: the loaded values, or the exact located messages in
//! Portuguese and English. `VAGAS_UPDATE_EXPECTATIONS=1` rewrites the file
//! (review the diff). Every message of this corpus and of tests/corpus must
//! also read fully in Portuguese.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::process::Command;

use serde_json::{json, Value};
use vagas::core::data::codes::{self, Codes};
use vagas::core::data::column::NA;
use vagas::core::data::ingest::{ingest, Data};
use vagas::core::data::parse::LoadOptions;
use vagas::core::data::{Lang, Report};
use vagas::core::i18n::{describe, hint};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/import_corpus");

/// The kind of fault each file stands for (issue #11), written into the expectations.
const KINDS: [(&str, &str); 13] = [
    (
        "excel_sep_hint.csv",
        "1 CSV dialect: Excel's sep=; first line, CRLF, a separator ending every line, a row of separators",
    ),
    ("mac_classic_cr.csv", "1 CSV dialect: old Mac line ends (CR only)"),
    ("quoted_line_break.csv", "1 CSV dialect: a quoted cell with a line break (in an extra column, ignored)"),
    ("windows_1252.csv", "2 Encoding: Windows-1252 (Excel's CSV on Windows), ; separated"),
    ("excel_unicode_text.txt", "2 Encoding: UTF-16 with BOM, tab-separated (Excel's Unicode text)"),
    ("workbook.xlsx", "2 Encoding: a workbook (.xlsx, a zip) dropped as is"),
    ("legacy_workbook.xls", "2 Encoding: a legacy Excel 97-2003 workbook (.xls)"),
    ("numbers_accepted.csv", "3 Numbers: 120.0, 007, +12, 1 234 (space and no-break space) and not-available markers"),
    ("numbers_refused.csv", "3 Numbers: 1.000 (ambiguous), 310,5 (fraction), 1e3 (scientific)"),
    (
        "codes_portuguese.csv",
        "5 Codes: NUTS 3 PT150, CAE 56101, CPP/2010 5131.0 and 513101, NUTS 2 PT1C, district number 08",
    ),
    ("duplicate_rows.csv", "6 Messages: a duplicate record cites the CSV line of the first"),
    ("header_portuguese.csv", "6 Messages: a header in other words"),
    ("pandas_integral.json", "3 Numbers: pandas' JSON with 120.0 for whole numbers"),
];

fn codes() -> Codes {
    codes::load("codes", include_str!("../data/codes.json")).unwrap().0
}

/// The problems as the app lists them: "description — hint", in report order.
fn messages(lang: Lang, r: &Report) -> Vec<String> {
    let mut out = Vec::new();
    for (_, problems) in r.grouped() {
        for p in problems {
            let mut line = describe(lang, p);
            if let Some(h) = hint(lang, p) {
                line.push_str(" — ");
                line.push_str(&h);
            }
            out.push(line);
        }
    }
    out
}

fn records(codes: &Codes, data: &Data) -> Value {
    let Data::Labour(l) = data else { return json!(null) };
    let v = |x: u32| if x == NA { json!(null) } else { json!(x) };
    (0..l.len())
        .map(|i| {
            json!([
                l.first.plus(u32::from(l.month[i])).to_string(),
                codes.regions()[usize::from(l.region[i])].code,
                codes.sectors()[usize::from(l.sector[i])].code,
                codes.occupations()[usize::from(l.occupation[i])].code,
                v(l.measures[0][i]),
                v(l.measures[1][i]),
                v(l.measures[2][i]),
                v(l.measures[3][i]),
            ])
        })
        .collect()
}

fn outcome(codes: &Codes, name: &str, bytes: &[u8]) -> Value {
    match ingest(name, bytes, codes, LoadOptions::default()) {
        Ok(i) => json!({
            "outcome": "loaded",
            "records": records(codes, &i.data),
            "messages": {"pt": messages(Lang::Pt, &i.report), "en": messages(Lang::En, &i.report)},
        }),
        Err(r) => json!({
            "outcome": "refused",
            "keep_valid": r.salvage.map(|(k, d)| json!({"kept": k, "dropped": d})),
            "messages": {"pt": messages(Lang::Pt, &r.report), "en": messages(Lang::En, &r.report)},
        }),
    }
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !matches!(p.file_name().and_then(|n| n.to_str()), Some("make.py" | "expectations.json")))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn every_kind_loads_or_is_refused_exactly_as_expected() {
    let codes = codes();
    let files = corpus();
    assert_eq!(files.len(), KINDS.len(), "one expectation per file");
    let mut got = BTreeMap::new();
    for (name, bytes) in &files {
        let kind = KINDS.iter().find(|k| k.0 == name).unwrap_or_else(|| panic!("{name} has no kind")).1;
        let mut o = outcome(&codes, name, bytes);
        o["kind"] = json!(kind);
        got.insert(name.clone(), o);
    }
    let path = format!("{DIR}/expectations.json");
    let text = serde_json::to_string_pretty(&got).unwrap() + "\n";
    if std::env::var("VAGAS_UPDATE_EXPECTATIONS").is_ok() {
        std::fs::write(&path, &text).unwrap();
    }
    let want: BTreeMap<String, Value> = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for (name, o) in &got {
        assert_eq!(Some(o), want.get(name), "{name}: outcome differs from expectations.json");
    }
    assert_eq!(got.len(), want.len());
}

#[test]
fn vagas_check_prints_the_same_messages_in_both_languages() {
    let want: BTreeMap<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/expectations.json")).unwrap()).unwrap();
    for (name, o) in &want {
        for lang in ["pt", "en"] {
            let out = Command::new(env!("CARGO_BIN_EXE_vagas-check"))
                .args(["--lang", lang, &format!("{DIR}/{name}")])
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            let refused = o["outcome"] == "refused";
            assert_eq!(out.status.code(), Some(if refused { 1 } else { 0 }), "{name} {lang}: {text}");
            for m in o["messages"][lang].as_array().unwrap() {
                let m = m.as_str().unwrap();
                assert!(describe_line(m, &text), "{name} {lang}: {m}\n{text}");
            }
        }
    }
}

/// Whether `m` ("description — hint") is printed as its description line
/// followed by its hint line ("→ hint").
fn describe_line(m: &str, text: &str) -> bool {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    lines.windows(2).any(|w| format!("{} — {}", w[0], w[1].trim_start_matches("→ ")) == m) || lines.contains(&m)
}

#[test]
fn every_message_reads_in_portuguese() {
    let codes = codes();
    let hostile = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut files = corpus();
    for e in std::fs::read_dir(hostile).unwrap() {
        let p = e.unwrap().path();
        files.push((p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()));
    }
    // Words of the English messages that must not appear in Portuguese ones.
    let english = [" expected ", " found ", "line ", "column ", "a known", "at least", "Did you mean", "not UTF-8 ("];
    for (name, bytes) in &files {
        let report = match ingest(name, bytes, &codes, LoadOptions::default()) {
            Ok(i) => i.report,
            Err(r) => r.report,
        };
        for m in messages(Lang::Pt, &report) {
            for w in english {
                assert!(!m.contains(w), "{name}: untranslated \"{w}\" in: {m}");
            }
        }
    }
}

/// The Portuguese messages with what they quote as written (`"…"`, `` `…` ``) taken out.
fn unquoted(m: &str) -> String {
    let mut out = String::new();
    let mut quote = None;
    for c in m.chars() {
        match (quote, c) {
            (None, '"' | '`') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn portuguese_messages_hold_no_english_words() {
    let codes = codes();
    let hostile = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut files = corpus();
    for e in std::fs::read_dir(hostile).unwrap() {
        let p = e.unwrap().path();
        files.push((p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()));
    }
    // English words that are not also Portuguese, or the names of columns and fields.
    let english = [" the ", " or ", " for ", " with ", " of ", "unknown", "variant", "invalid", "missing"];
    let mut checked = 0;
    for (name, bytes) in &files {
        let report = match ingest(name, bytes, &codes, LoadOptions::default()) {
            Ok(i) => i.report,
            Err(r) => r.report,
        };
        for m in messages(Lang::Pt, &report) {
            let plain = unquoted(&m);
            for w in english {
                assert!(!plain.contains(w), "{name}: English \"{}\" in: {m}", w.trim());
            }
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked}");
}
