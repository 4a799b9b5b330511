//! The wording of serde's and serde_json's error messages, pinned.
//!
//! A problem's "expected … / found …" is read out of serde's message text
//! (`core::data::problem::split_serde_detail`, `core::data::parse::serde_problem`), and its
//! Portuguese from a table of those texts (`core::i18n::problems::phrase_pt`). If a new serde
//! rewords a message, the fallbacks keep the whole text as written (tested last, below), so the
//! user still reads serde's message, in English. These tests make that rewording fail loudly
//! instead: update the parsing and the Portuguese table, then the texts here.
#![cfg(not(target_arch = "wasm32"))]
use serde::Deserialize;
use vagas::core::data::parse::parse_located;
use vagas::core::data::{Lang, Problem, ProblemKind};
use vagas::core::i18n::problems::{expected_found, phrase_pt};

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Doc {
    count: u32,
    name: String,
    list: Vec<u32>,
}

fn problem(json: &str) -> Problem {
    parse_located::<Doc>(json).unwrap_err()
}

fn detail(p: &Problem) -> &str {
    match &p.kind {
        ProblemKind::Shape { detail } | ProblemKind::Syntax { detail } => detail,
        other => panic!("{other:?}"),
    }
}

#[test]
fn type_and_field_messages_read_as_the_parser_expects() {
    let cases = [
        // (document, serde's text without " at line …", expected, found)
        (
            r#"{"count": "12", "name": "x", "list": []}"#,
            "invalid type: string \"12\", expected u32",
            "u32",
            "string \"12\"",
        ),
        (
            r#"{"count": -1, "name": "x", "list": []}"#,
            "invalid value: integer `-1`, expected u32",
            "u32",
            "integer `-1`",
        ),
        (
            r#"{"count": 1.5, "name": "x", "list": []}"#,
            "invalid type: floating point `1.5`, expected u32",
            "u32",
            "floating point `1.5`",
        ),
        (
            r#"{"count": 1, "name": true, "list": []}"#,
            "invalid type: boolean `true`, expected a string",
            "a string",
            "boolean `true`",
        ),
        (r#"{"count": 1, "name": "x", "list": {}}"#, "invalid type: map, expected a sequence", "a sequence", "map"),
        (r#"{"count": 1, "name": "x"}"#, "missing field `list`", "the field `list`", "no such field"),
        (
            r#"{"count": 1, "name": "x", "list": [], "extra": 0}"#,
            "unknown field `extra`, expected one of `count`, `name`, `list`",
            "one of `count`, `name`, `list`",
            "unknown field `extra`",
        ),
    ];
    for (json, text, expected, found) in cases {
        let p = problem(json);
        assert!(matches!(p.kind, ProblemKind::Shape { .. }), "{json}: {:?}", p.kind);
        assert_eq!(detail(&p), text, "serde reworded a message: update split_serde_detail and phrase_pt");
        assert_eq!(p.kind.expected_found(), (expected.to_string(), found.to_string()), "{json}");
        // Every part reads in Portuguese.
        let (e, f) = expected_found(Lang::Pt, &p.kind);
        assert!(phrase_pt(expected).is_some() && phrase_pt(found).is_some(), "{expected} / {found}");
        assert!(!e.contains("expected") && !f.contains("field") && !f.contains("invalid"), "{e} / {f}");
    }
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum Level {
    Low,
    High,
}

#[test]
fn an_unknown_variant_reads_as_the_parser_expects() {
    let p = parse_located::<Level>("\"urgent\"").unwrap_err();
    assert_eq!(detail(&p), "unknown variant `urgent`, expected `low` or `high`", "serde reworded a message");
    assert_eq!(p.kind.expected_found(), ("`low` or `high`".to_string(), "unknown variant `urgent`".to_string()));
    assert_eq!(expected_found(Lang::Pt, &p.kind).1, "o valor desconhecido `urgent`");
}

#[test]
fn syntax_messages_read_as_the_translation_table_expects() {
    let cases = [
        ("{\"count\": 1", "EOF while parsing an object"),
        ("{\"list\": [1, 2", "EOF while parsing a list"),
        ("{\"name\": \"abc", "EOF while parsing a string"),
        ("{\"count\": ", "EOF while parsing a value"),
        ("{\"count\" 1}", "expected `:`"),
        ("{\"count\": 1 \"name\": \"x\"}", "expected `,` or `}`"),
        ("{\"list\": [1 2]}", "expected `,` or `]`"),
        ("{\"count\": tru}", "expected ident"),
        ("{\"count\": }", "expected value"),
        ("{\"count\": 1,}", "trailing comma"),
        ("{\"count\": 1, \"name\": \"x\", \"list\": []} x", "trailing characters"),
        ("{1: 2}", "key must be a string"),
        ("{\"name\": \"\\q\"}", "invalid escape"),
        ("{\"count\": 1e999}", "number out of range"),
        ("{\"name\": \"a\u{1}\"}", "control character (\\u0000-\\u001F) found while parsing a string"),
    ];
    for (json, text) in cases {
        let p = problem(json);
        assert!(matches!(p.kind, ProblemKind::Syntax { .. }), "{json}: {:?}", p.kind);
        assert_eq!(detail(&p), text, "serde_json reworded a message: update phrase_pt");
        assert!(p.line.is_some(), "{json}: located");
        assert!(phrase_pt(text).is_some(), "{text} has no Portuguese");
    }
}

#[test]
fn a_reworded_message_is_kept_whole() {
    let reworded = ProblemKind::Shape { detail: "the value 12 is of the wrong kind (wanted u32)".into() };
    assert_eq!(
        reworded.expected_found(),
        ("a value of the documented type".into(), "the value 12 is of the wrong kind (wanted u32)".into())
    );
    let (e, f) = expected_found(Lang::Pt, &reworded);
    assert_eq!(e, "um valor do tipo documentado");
    assert_eq!(f, "the value 12 is of the wrong kind (wanted u32)", "kept as written rather than lost");
    let syntax = ProblemKind::Syntax { detail: "unexpected thing".into() };
    assert_eq!(expected_found(Lang::Pt, &syntax).1, "unexpected thing");
}
