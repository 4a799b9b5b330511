//! Every file of the hostile corpus (tests/corpus) goes through the app's
//! entry point (`ingest`): no panic, a bounded time, and a located report for
//! every file that is not valid. Then the parser is fuzzed for a bounded time
//! (VAGAS_FUZZ_SECS, default 5) with mutations of valid files.

#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use vagas::core::data::codes::{self, Codes};
use vagas::core::data::ingest::{ingest, Rejected};
use vagas::core::data::parse::LoadOptions;
use vagas::core::data::ProblemKind;

fn codes() -> Codes {
    codes::load("codes", include_str!("../data/codes.json")).unwrap().0
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json" || x == "csv"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

/// Valid files. Accepted on purpose: a BOM (spreadsheet tools write one) and
/// HTML in free text (kept as text, and rendered as text by the app).
const VALID: [&str; 5] = ["cons_html_payloads.json", "cons_valid.json", "lm_bom.json", "lm_valid.csv", "lm_valid.json"];

#[test]
fn every_corpus_file_gets_a_located_report_and_no_panic() {
    let codes = codes();
    let files = corpus();
    assert!(files.len() >= 35, "corpus has {} files", files.len());
    for (name, bytes) in &files {
        let started = Instant::now();
        let result = ingest(name, bytes, &codes, LoadOptions::default());
        assert!(started.elapsed() < Duration::from_secs(5), "{name} took {:?}", started.elapsed());
        match result {
            Ok(i) => assert!(VALID.contains(&name.as_str()), "{name} was accepted: {:?}", i.report),
            Err(Rejected { report, .. }) => {
                assert!(!VALID.contains(&name.as_str()), "{name} rejected: {report}");
                assert!(report.total_errors > 0, "{name}");
                let first = &report.problems[0];
                assert!(first.line.is_some(), "{name}: first problem not located: {report}");
            }
        }
    }
}

#[test]
fn specific_hostile_cases_say_what_is_wrong() {
    let codes = codes();
    let get = |name: &str| {
        let (_, bytes) = corpus().into_iter().find(|(n, _)| n == name).unwrap();
        ingest(name, &bytes, &codes, LoadOptions::default()).unwrap_err()
    };
    let r = get("lm_10k_unknown_codes.json");
    // 10,000 unknown codes, plus "no valid record" once.
    assert_eq!(r.report.total_errors, 10_001);
    assert_eq!(r.report.groups[0].count, 10_000);
    assert_eq!(r.report.groups[0].listed, 10, "first 10 of the group listed");
    assert_eq!(r.salvage, None, "no record has a known occupation");
    let r = get("lm_not_utf8.json");
    // Its own kind (not a JSON syntax error with a hint about commas); the message says UTF-8.
    assert!(matches!(&r.report.problems[0].kind, ProblemKind::NotUtf8 { .. }));
    assert!(r.report.to_string().contains("UTF-8"), "{}", r.report);
    let r = get("deep_nesting.json");
    assert!(r.report.problems[0].path.to_string().starts_with("$.dimensions"), "{}", r.report);
    // 200,000 levels: refused at serde_json's depth limit, no stack overflow.
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let r = ingest("deep", deep.as_bytes(), &codes, LoadOptions::default()).unwrap_err();
    assert!(r.report.to_string().contains("recursion limit"), "{}", r.report);
    let r = get("lm_duplicate_keys.json");
    assert!(r.report.to_string().contains("duplicate field `format`"), "{}", r.report);
    let r = get("lm_huge_numbers.json");
    assert!(r.report.total_errors >= 1);
    let r = get("lm_nan_strings.json");
    assert_eq!(r.report.groups[0].count, 3, "{}", r.report);
    let r = get("lm_spreadsheet_errors.csv");
    let text = r.report.to_string();
    assert!(text.contains("did you mean 5131?") && text.contains("line 4, column 1 (month)"), "{text}");
    let r = get("cons_html_every_field.json");
    // The payloads are kept as text; what fails is the codes they broke.
    assert!(r.report.to_string().contains("<script>"), "reported as text");
}

/// xorshift64*: deterministic, so a failure can be replayed from its seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: [&[u8]; 14] = [
    b"null",
    b"-1",
    b"1e999",
    b"\"x\"",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"\\u0000\"",
    b"4294967295",
    b"\xff",
    b"\"PT-99\"",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(4) {
            0 => v.truncate(at),
            1 => {
                let end = (at + rng.below(20)).min(v.len());
                v.drain(at..end);
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(at..at, t.iter().copied());
            }
            _ => {
                if let Some(b) = v.get_mut(at) {
                    *b = rng.next() as u8;
                }
            }
        }
    }
    v
}

#[test]
fn fuzzed_files_never_panic_and_errors_are_located() {
    let codes = codes();
    let seeds: Vec<(String, Vec<u8>)> = corpus().into_iter().filter(|(n, _)| VALID.contains(&n.as_str())).collect();
    let secs: u64 = std::env::var("VAGAS_FUZZ_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(5);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut runs, mut rejected) = (0u32, 0u32);
    while Instant::now() < deadline {
        let (name, seed) = &seeds[rng.below(seeds.len())];
        let state = rng.0;
        let input = mutate(&mut rng, seed);
        let keep_valid = rng.below(2) == 1;
        match ingest(name, &input, &codes, LoadOptions { keep_valid }) {
            Ok(i) => assert_eq!(i.report.has_errors(), i.data.dropped() > 0 || i.report.total_errors > 0),
            Err(r) => {
                rejected += 1;
                assert!(r.report.total_errors > 0, "rejected without an error (seed state {state:#x})");
                assert!(
                    r.report.problems.iter().any(|p| p.line.is_some()),
                    "no located problem (seed state {state:#x}): {}",
                    r.report
                );
            }
        }
        runs += 1;
    }
    println!("fuzz: {runs} mutated files in {secs} s, {rejected} rejected with located reports");
    assert!(runs > 100, "only {runs} runs");
}
