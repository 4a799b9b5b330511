//! The pure steps of the one dataset pipeline (fetch → validate → store) that the app runs for
//! the bundled datasets and for the ones a user brings: which row a dataset has in the datasets
//! panel, where its file is (relative to its manifest), what it needs first (the code lists), what
//! a user may load, and the validation of a file of a known kind. The browser side (fetching,
//! the worker, the store) is `app::pipeline`; this module is tested natively.

use crate::core::data::codes::{self, Codes};
use crate::core::data::ingest::Data;
use crate::core::data::manifest::Kind;
use crate::core::data::parse::{Json, Located};
use crate::core::data::regions::{self, Regions};
use crate::core::data::{consultations, indicators, labour, Report};
use crate::core::story::{self, Story};

/// One row of the datasets panel: the manifest, or the dataset of one kind it lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Row {
    Manifest,
    Dataset(Kind),
}

impl Row {
    /// `"manifest"` or the kind's code (`"labour_market"`, …): the rows' test ids.
    pub fn code(self) -> &'static str {
        match self {
            Row::Manifest => "manifest",
            Row::Dataset(k) => k.code(),
        }
    }
}

/// The address of a dataset whose manifest is at `manifest_url`: `path` taken relative to the
/// manifest's folder (everything up to its last `/`), as the manifest's format says.
pub fn resolve(manifest_url: &str, path: &str) -> String {
    match manifest_url.rfind('/') {
        Some(i) => format!("{}{path}", &manifest_url[..=i]),
        None => path.to_string(),
    }
}

/// Every kind but the code lists is checked against the code lists, so it waits for them.
pub fn needs_codes(kind: Kind) -> bool {
    kind != Kind::Codes
}

/// What a user may bring: labour-market, consultation and indicator files. The code lists and
/// the boundaries are the app's own reference; a story is imported in the story editor.
pub fn user_loadable(kind: Kind) -> bool {
    matches!(kind, Kind::LabourMarket | Kind::Consultations | Kind::Indicators)
}

/// A dataset file of any kind, validated.
#[derive(Clone, Debug, PartialEq)]
pub enum Validated {
    Codes(Codes),
    Regions(Regions),
    /// Labour market, consultations or indicators (the kinds a user may also load).
    Data(Data),
    Story(Story),
}

impl Validated {
    /// The count the datasets panel shows: occupations for the code lists, district shapes for
    /// the boundaries, records for labour-market data, outcomes for consultations, observations
    /// for indicators, slides for a story.
    pub fn records(&self) -> usize {
        match self {
            Validated::Codes(c) => c.occupations().len(),
            Validated::Regions(r) => r.shapes.len(),
            Validated::Data(d) => d.records(),
            Validated::Story(s) => s.slides.len(),
        }
    }
}

/// Why a file of a known kind was not validated.
#[derive(Clone, Debug, PartialEq)]
pub enum Refused {
    /// Its problems, located (at least one error).
    Invalid(Report),
    /// It needs the code lists, and there are none.
    NeedsCodes,
}

/// Validates `text`, the file of dataset `name` of the known `kind` (the manifest says which), in
/// full (no record dropped). On success: the data and the report of its warnings.
pub fn validate(kind: Kind, name: &str, text: &str, codes: Option<&Codes>) -> Result<(Validated, Report), Refused> {
    match validate_landing::<Located>(kind, name, text, codes) {
        Some(result) => result,
        None => validate_deferred::<Located>(kind, name, text, codes),
    }
}

/// [`validate`] for the kinds the landing view shows (code lists, labour market, consultations),
/// the JSON deserialized by `J`; `None` for the others.
fn validate_landing<J: Json>(
    kind: Kind,
    name: &str,
    text: &str,
    codes: Option<&Codes>,
) -> Option<Result<(Validated, Report), Refused>> {
    let need = || codes.ok_or(Refused::NeedsCodes);
    let result = match kind {
        Kind::Codes => codes::load_as::<J>(name, text).map(|(c, w)| (Validated::Codes(c), w)),
        Kind::LabourMarket => match need() {
            Ok(codes) => labour::load_as::<J>(name, text, codes).map(|(l, w)| (Validated::Data(Data::Labour(l)), w)),
            Err(e) => return Some(Err(e)),
        },
        Kind::Consultations => match need() {
            Ok(codes) => consultations::load_as::<J>(name, text, codes)
                .map(|(c, w)| (Validated::Data(Data::Consultations(c)), w)),
            Err(e) => return Some(Err(e)),
        },
        Kind::Indicators | Kind::Regions | Kind::Story => return None,
    };
    Some(result.map_err(Refused::Invalid))
}

/// [`validate`] for the kinds the landing view does not show: the official indicators (the
/// foreign-workforce page), the district boundaries (the map) and the story (presenting). Kept
/// apart so that the page's first module need not carry their checks ([`Stage::Deferred`]); any
/// other kind is validated as [`validate`] does. The JSON is deserialized by `J`.
pub fn validate_deferred<J: Json>(
    kind: Kind,
    name: &str,
    text: &str,
    codes: Option<&Codes>,
) -> Result<(Validated, Report), Refused> {
    let need = || codes.ok_or(Refused::NeedsCodes);
    let result = match kind {
        Kind::Regions => regions::load_as::<J>(name, text, need()?).map(|(r, w)| (Validated::Regions(r), w)),
        Kind::Indicators => {
            indicators::load_as::<J>(name, text, need()?).map(|(i, w)| (Validated::Data(Data::Indicators(i)), w))
        }
        // A story names codes in its views: it waits for the code lists like the rest.
        Kind::Story => {
            need()?;
            story::load_as::<J>(name, text).map(|(s, w)| (Validated::Story(s), w))
        }
        // (`validate_landing` is `None` only for the three kinds above.)
        _ => return validate_landing::<J>(kind, name, text, codes).unwrap_or(Err(Refused::NeedsCodes)),
    };
    result.map_err(Refused::Invalid)
}

/// Where a validation stands after [`begin`]: done (every kind but one), or a labour-market file
/// parsed and waiting for [`finish`].
pub enum Stage<'t> {
    Done(Result<(Validated, Report), Refused>),
    Parsed(labour::Parsed<'t>),
    /// A kind the landing view does not show: validate it with [`validate_deferred`].
    Deferred,
}

/// [`validate`] in two steps, so the main thread can yield between them: the labour-market file,
/// the large one, is parsed here and checked in [`finish`] (about half the time each: ~130 ms
/// each at CPU 4× on the bundled file instead of one 256 ms task, issue #12); the indicators,
/// the boundaries and the story are [`Stage::Deferred`]; every other kind is validated at once.
pub fn begin<'t, J: Json>(kind: Kind, name: &str, text: &'t str, codes: Option<&Codes>) -> Stage<'t> {
    match (kind, codes) {
        (Kind::LabourMarket, Some(_)) => match labour::parse_as::<J>(name, text) {
            Ok(parsed) => Stage::Parsed(parsed),
            Err(report) => Stage::Done(Err(Refused::Invalid(report))),
        },
        _ => match validate_landing::<J>(kind, name, text, codes) {
            Some(result) => Stage::Done(result),
            None => Stage::Deferred,
        },
    }
}

/// Completes a labour-market file's validation begun by [`begin`]: the same result as [`validate`].
pub fn finish(parsed: labour::Parsed<'_>, codes: &Codes) -> Result<(Validated, Report), Refused> {
    labour::check(parsed, codes, crate::core::data::parse::LoadOptions::default())
        .map(|(l, w)| (Validated::Data(Data::Labour(l)), w))
        .map_err(Refused::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled(kind: Kind) -> &'static str {
        match kind {
            Kind::Codes => include_str!("../../data/codes.json"),
            Kind::Regions => include_str!("../../data/regions.geojson"),
            Kind::LabourMarket => include_str!("../../data/labour_market.json"),
            Kind::Consultations => include_str!("../../data/consultations.json"),
            Kind::Story => include_str!("../../data/story.json"),
            Kind::Indicators => include_str!("../../data/indicators_official.json"),
        }
    }

    fn codes() -> Codes {
        match validate(Kind::Codes, "codes", bundled(Kind::Codes), None) {
            Ok((Validated::Codes(c), _)) => c,
            other => panic!("the bundled code lists: {other:?}"),
        }
    }

    #[test]
    fn rows_are_named_by_kind() {
        assert_eq!(Row::Manifest.code(), "manifest");
        assert_eq!(Row::Dataset(Kind::LabourMarket).code(), "labour_market");
        let codes: Vec<&str> = Kind::ALL.iter().map(|&k| Row::Dataset(k).code()).collect();
        assert_eq!(codes, ["codes", "regions", "labour_market", "consultations", "story", "indicators"]);
    }

    #[test]
    fn paths_are_relative_to_the_manifest() {
        assert_eq!(resolve("data/manifest.json", "codes.json"), "data/codes.json");
        assert_eq!(resolve("https://x.pt/a/b/m.json", "sub/lm.json"), "https://x.pt/a/b/sub/lm.json");
        assert_eq!(resolve("manifest.json", "codes.json"), "codes.json");
    }

    #[test]
    fn only_data_kinds_are_loadable_by_users_and_all_but_codes_wait_for_codes() {
        let loadable: Vec<Kind> = Kind::ALL.into_iter().filter(|&k| user_loadable(k)).collect();
        assert_eq!(loadable, [Kind::LabourMarket, Kind::Consultations, Kind::Indicators]);
        let waiting: Vec<Kind> = Kind::ALL.into_iter().filter(|&k| needs_codes(k)).collect();
        assert_eq!(waiting.len(), 5);
        assert!(!needs_codes(Kind::Codes));
    }

    #[test]
    fn every_bundled_file_validates_as_its_kind_with_its_count() {
        let codes = codes();
        let counts: Vec<(Kind, usize)> = Kind::ALL
            .into_iter()
            .map(|k| {
                let (v, _) = validate(k, k.code(), bundled(k), Some(&codes)).unwrap();
                let ok = match (&v, k) {
                    (Validated::Codes(_), Kind::Codes)
                    | (Validated::Regions(_), Kind::Regions)
                    | (Validated::Story(_), Kind::Story) => true,
                    (Validated::Data(d), k) => d.kind() == k,
                    _ => false,
                };
                assert!(ok, "{k:?} validated as another kind");
                (k, v.records())
            })
            .collect();
        assert_eq!(counts[2], (Kind::LabourMarket, 62_160));
        assert_eq!(counts[0].1, codes.occupations().len());
        assert!(counts.iter().all(|(_, n)| *n > 0), "{counts:?}");
    }

    #[test]
    fn without_code_lists_only_the_code_lists_validate() {
        for k in Kind::ALL.into_iter().filter(|&k| needs_codes(k)) {
            assert_eq!(validate(k, "x", bundled(k), None).unwrap_err(), Refused::NeedsCodes, "{k:?}");
        }
    }

    #[test]
    fn a_file_of_another_kind_is_invalid_with_a_located_report() {
        let codes = codes();
        let r = validate(Kind::Consultations, "c.json", bundled(Kind::LabourMarket), Some(&codes)).unwrap_err();
        let Refused::Invalid(report) = r else { panic!("not a report") };
        assert!(report.has_errors());
        assert_eq!(report.dataset, "c.json");
        let r = validate(Kind::Codes, "codes", "{\"format\": ", None).unwrap_err();
        assert!(matches!(r, Refused::Invalid(rep) if rep.has_errors()));
    }

    /// `begin` + `finish` (the main thread's two tasks) give exactly what `validate` gives: on the
    /// bundled file, on a file that fails to parse, and on one that parses but fails the checks.
    #[test]
    fn validation_in_two_steps_equals_validation_in_one() {
        let codes = codes();
        let two = |text: &str| match begin::<Located>(Kind::LabourMarket, "lm.json", text, Some(&codes)) {
            Stage::Done(v) => (false, v),
            Stage::Parsed(p) => (true, finish(p, &codes)),
            Stage::Deferred => panic!("the labour market is not deferred"),
        };
        let bad_code = bundled(Kind::LabourMarket).replacen("\"PT-08\"", "\"PT-99\"", 1);
        for (text, parses, valid) in [
            (bundled(Kind::LabourMarket), true, true),
            ("{\"format\": 1", false, false),
            (bad_code.as_str(), true, false),
        ] {
            let (parsed, stepwise) = two(text);
            assert_eq!(parsed, parses, "{text:.40}");
            assert_eq!(stepwise.is_ok(), valid, "{text:.40}");
            assert_eq!(stepwise, validate(Kind::LabourMarket, "lm.json", text, Some(&codes)), "{text:.40}");
        }
        // The indicators, the boundaries and the story are deferred, and `validate_deferred` gives
        // what `validate` gives for every kind (sound, and broken); every other kind is done in the
        // first step.
        for k in Kind::ALL.into_iter().filter(|&k| k != Kind::LabourMarket) {
            let stage = begin::<Located>(k, "x", bundled(k), Some(&codes));
            if matches!(k, Kind::Indicators | Kind::Regions | Kind::Story) {
                assert!(matches!(stage, Stage::Deferred), "{k:?}");
            } else {
                assert!(matches!(stage, Stage::Done(Ok(_))), "{k:?}");
            }
        }
        for k in Kind::ALL {
            for text in [bundled(k), "{\"format\": 1"] {
                assert_eq!(
                    validate_deferred::<Located>(k, "x", text, Some(&codes)),
                    validate(k, "x", text, Some(&codes)),
                    "{k:?}"
                );
            }
            assert_eq!(
                validate_deferred::<Located>(k, "x", bundled(k), None),
                validate(k, "x", bundled(k), None),
                "{k:?}"
            );
        }
    }

    /// What the page does with a bundled file (`parse::Plain`: `begin`, then `finish` or
    /// `validate_deferred`) gives exactly what `validate` (`parse::Located`) gives for a sound
    /// file, and fails on a broken one (which the page then validates again with `Located`, for
    /// the report); the same for the manifest.
    #[test]
    fn plain_deserialization_agrees_with_located() {
        use crate::core::data::manifest;
        use crate::core::data::parse::Plain;
        let codes = codes();
        let plain = |k: Kind, text: &str| match begin::<Plain>(k, "x", text, Some(&codes)) {
            Stage::Done(v) => v,
            Stage::Parsed(p) => finish(p, &codes),
            Stage::Deferred => validate_deferred::<Plain>(k, "x", text, Some(&codes)),
        };
        for k in Kind::ALL {
            let sound = plain(k, bundled(k));
            assert!(sound.is_ok(), "{k:?}");
            assert_eq!(sound, validate(k, "x", bundled(k), Some(&codes)), "{k:?}");
            let wrong_type = bundled(k).replacen("\"version\": 1", "\"version\": \"1\"", 1);
            let truncated = &bundled(k)[..bundled(k).len() / 2];
            let mut broken = vec!["", "  ", "[1, 2]", "{\"format\": 1", truncated];
            if wrong_type != bundled(k) {
                broken.push(wrong_type.as_str());
            }
            for broken in broken {
                assert!(plain(k, broken).is_err(), "{k:?} {broken:.30}");
                assert!(validate(k, "x", broken, Some(&codes)).is_err(), "{k:?} {broken:.30}");
            }
        }
        let m = include_str!("../../data/manifest.json");
        assert_eq!(manifest::load_as::<Plain>("m", m), manifest::load("m", m));
        assert!(manifest::load_as::<Plain>("m", &m[..m.len() / 2]).is_err());
    }
}
