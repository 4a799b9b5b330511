//! `core::data::path_at` against what it replaced: on broken copies of every bundled file (a
//! value of another type, a key renamed, the text cut short, a stray character), the report of
//! each format's `load_as::<Located>` names the same JSON path as when the path was followed while
//! deserializing (`serde_path_to_error`, kept as a dev-dependency for this comparison only).
//! Known differences are listed in `KNOWN` with the reason; anything else fails with the text.
#![cfg(not(target_arch = "wasm32"))]

use serde::de::DeserializeOwned;
use vagas::core::data::codes::{self, Codes};
use vagas::core::data::parse::{parse_located, strip_bom, Json, Located};
use vagas::core::data::path::{JsonPath, Seg};
use vagas::core::data::{consultations, indicators, labour, manifest, regions, Problem, ProblemKind, Report};
use vagas::core::story;

/// `Located`, but the path of a failure as `serde_path_to_error` follows it.
enum Followed {}

impl Json for Followed {
    fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
        let mut p = match parse_located::<T>(text) {
            Ok(v) => return Ok(v),
            Err(p) => p,
        };
        // The same failure: only the path may differ.
        let text = strip_bom(text);
        let mut de = serde_json::Deserializer::from_str(text);
        let followed = serde_path_to_error::deserialize::<_, T>(&mut de).err().map(|e| {
            use serde_path_to_error::Segment;
            JsonPath(
                e.path()
                    .iter()
                    .filter_map(|s| match s {
                        Segment::Seq { index } => Some(Seg::Index(*index)),
                        Segment::Map { key } => Some(Seg::Key(key.clone())),
                        Segment::Enum { variant } => Some(Seg::Key(variant.clone())),
                        Segment::Unknown => None,
                    })
                    .collect(),
            )
        });
        // (`None`: serde_path_to_error's run read the whole value and the trailing text failed.)
        p.path = followed.unwrap_or(p.path);
        Err(p)
    }
}

fn codes() -> Codes {
    codes::load("codes", include_str!("../data/codes.json")).expect("the bundled code lists").0
}

/// The report of each format's check of `text`, with `J`.
fn report<J: Json>(kind: &str, text: &str, codes: &Codes) -> Report {
    fn rep<T>(r: Result<(T, Report), Report>) -> Report {
        r.map_or_else(|r| r, |(_, r)| r)
    }
    match kind {
        "codes" => rep(codes::load_as::<J>("f", text)),
        "labour" => rep(labour::load_as::<J>("f", text, codes)),
        "consultations" => rep(consultations::load_as::<J>("f", text, codes)),
        "indicators" => rep(indicators::load_as::<J>("f", text, codes)),
        "regions" => rep(regions::load_as::<J>("f", text, codes)),
        "manifest" => rep(manifest::load_as::<J>("f", text)),
        "story" => rep(story::load_as::<J>("f", text)),
        _ => unreachable!(),
    }
}

/// A byte range of the text: `(start, end)`.
type Span = (usize, usize);

/// Byte spans of the scalar values (strings that are not keys, numbers, literals) and of the
/// keys of `text`.
fn tokens(text: &str) -> (Vec<Span>, Vec<Span>) {
    let b = text.as_bytes();
    let (mut values, mut keys) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                let end = (j + 1).min(b.len());
                let mut k = end;
                while k < b.len() && b[k].is_ascii_whitespace() {
                    k += 1;
                }
                if b.get(k) == Some(&b':') {
                    keys.push((i, end));
                } else {
                    values.push((i, end));
                }
                i = end;
            }
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                let mut j = i;
                while j < b.len() && !matches!(b[j], b',' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t') {
                    j += 1;
                }
                values.push((i, j));
                i = j;
            }
            _ => i += 1,
        }
    }
    (values, keys)
}

/// A small deterministic generator (the same broken files on every run).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// `n` broken copies of `text`, each with one change.
fn broken(text: &str, n: usize, seed: u64) -> Vec<String> {
    let (values, keys) = tokens(text);
    let mut r = Lcg(seed);
    let replacements = ["\"x\"", "12", "-1", "1.5", "{}", "[]", "true", "null", "[1, \"a\"]", "{\"k\": 1}"];
    (0..n)
        .map(|i| match i % 5 {
            0 | 1 => {
                let (a, z) = values[r.below(values.len())];
                format!("{}{}{}", &text[..a], replacements[r.below(replacements.len())], &text[z..])
            }
            2 => {
                let (a, _) = keys[r.below(keys.len())];
                format!("{}\"zz{}", &text[..a], &text[a + 1..])
            }
            3 => {
                let mut cut = r.below(text.len());
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text[..cut].to_string()
            }
            _ => {
                let mut at = r.below(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                format!("{}{}{}", &text[..at], ["x", "}", "]", ",", "\""][r.below(5)], &text[at..])
            }
        })
        .collect()
}

/// The differences allowed, each the same problem at the same line:column:
/// - a syntax error: `serde_path_to_error` names only the containers it had entered through
///   serde (often just `$.slides`); the scan names the member the text stopped in, below it;
/// - a GeoJSON geometry (an internally tagged enum, read ahead of time) missing a field: serde_json
///   places the failure after the feature's `}`, as for a field missing in the feature itself,
///   so the path ends with the feature (`$.features[17]`, not `$.features[17].geometry`).
fn known(kind: &str, new: &Report, old: &Report) -> bool {
    let (Some(n), Some(o)) = (new.problems.first(), old.problems.first()) else { return false };
    let same_but_path = new.problems.len() == 1
        && old.problems.len() == 1
        && (n.line, n.column, &n.kind) == (o.line, o.column, &o.kind);
    let below = |a: &JsonPath, b: &JsonPath| a.0.len() > b.0.len() && a.0.starts_with(&b.0);
    same_but_path
        && match &n.kind {
            ProblemKind::Syntax { .. } => below(&n.path, &o.path),
            ProblemKind::Shape { detail } => {
                kind == "regions"
                    && detail.starts_with("missing field")
                    && o.path.0.last() == Some(&Seg::Key("geometry".into()))
                    && below(&o.path, &n.path)
            }
            _ => false,
        }
}

#[test]
fn paths_match_the_followed_path_on_broken_bundled_files() {
    let codes = codes();
    let files: [(&str, &str, usize); 7] = [
        ("codes", include_str!("../data/codes.json"), 250),
        ("labour", include_str!("../data/labour_market.json"), 25),
        ("consultations", include_str!("../data/consultations.json"), 150),
        ("indicators", include_str!("../data/indicators_official.json"), 150),
        ("regions", include_str!("../data/regions.geojson"), 150),
        ("manifest", include_str!("../data/manifest.json"), 250),
        ("story", include_str!("../data/story.json"), 250),
    ];
    let (mut compared, mut failures) = (0, Vec::new());
    for (kind, text, n) in files {
        for (i, t) in broken(text, n, 7 + n as u64).into_iter().enumerate() {
            let (new, old) = (report::<Located>(kind, &t, &codes), report::<Followed>(kind, &t, &codes));
            compared += 1;
            if new.problems != old.problems && !known(kind, &new, &old) {
                let first = |r: &Report| r.problems.first().map(|p| format!("{} {:?}", p.path, p.kind));
                let around = new.problems.first().and_then(|p| p.line.zip(p.column)).map(|(l, c)| {
                    let start: usize = t.split('\n').take(l - 1).map(|x| x.len() + 1).sum();
                    let at = (0..=(start + c).min(t.len())).rev().find(|&k| t.is_char_boundary(k)).unwrap_or(0);
                    let from = (at.saturating_sub(70)..at).find(|&k| t.is_char_boundary(k)).unwrap_or(at);
                    t[from..at].to_string()
                });
                failures.push(format!(
                    "{kind} #{i}: path_at {:?} / followed {:?}, stopped after …{}",
                    first(&new),
                    first(&old),
                    around.unwrap_or_default()
                ));
            }
        }
    }
    assert!(compared > 1000, "{compared}");
    assert!(failures.is_empty(), "{} of {compared} differ:\n{}", failures.len(), failures.join("\n"));
}
