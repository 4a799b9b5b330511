//! The pure steps of the one dataset pipeline (fetch → validate → store) that the app runs for
//! the bundled datasets and for the ones a user brings: which row a dataset has in the datasets
//! panel, where its file is (relative to its manifest), what it needs first (the code lists), what
//! a user may load, and the validation of a file of a known kind. The browser side (fetching,
//! the worker, the store) is `app::pipeline`; this module is tested natively.

use crate::core::data::codes::{self, Codes};
use crate::core::data::ingest::Data;
use crate::core::data::manifest::Kind;
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
    let need = || codes.ok_or(Refused::NeedsCodes);
    let result = match kind {
        Kind::Codes => codes::load(name, text).map(|(c, w)| (Validated::Codes(c), w)),
        Kind::Regions => regions::load(name, text, need()?).map(|(r, w)| (Validated::Regions(r), w)),
        Kind::LabourMarket => labour::load(name, text, need()?).map(|(l, w)| (Validated::Data(Data::Labour(l)), w)),
        Kind::Consultations => {
            consultations::load(name, text, need()?).map(|(c, w)| (Validated::Data(Data::Consultations(c)), w))
        }
        Kind::Indicators => {
            indicators::load(name, text, need()?).map(|(i, w)| (Validated::Data(Data::Indicators(i)), w))
        }
        // A story names codes in its views: it waits for the code lists like the rest.
        Kind::Story => {
            need()?;
            story::load(name, text).map(|(s, w)| (Validated::Story(s), w))
        }
    };
    result.map_err(Refused::Invalid)
}

/// Where a validation stands after [`begin`]: done (every kind but one), or a labour-market file
/// parsed and waiting for [`finish`].
pub enum Stage<'t> {
    Done(Result<(Validated, Report), Refused>),
    Parsed(labour::Parsed<'t>),
}

/// [`validate`] in two steps, so the main thread can yield between them: the labour-market file,
/// the large one, is parsed here and checked in [`finish`] (about half the time each: ~130 ms
/// each at CPU 4× on the bundled file instead of one 256 ms task, issue #12); every other kind is
/// validated at once.
pub fn begin<'t>(kind: Kind, name: &str, text: &'t str, codes: Option<&Codes>) -> Stage<'t> {
    match (kind, codes) {
        (Kind::LabourMarket, Some(_)) => match labour::parse(name, text) {
            Ok(parsed) => Stage::Parsed(parsed),
            Err(report) => Stage::Done(Err(Refused::Invalid(report))),
        },
        _ => Stage::Done(validate(kind, name, text, codes)),
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
        let two = |text: &str| match begin(Kind::LabourMarket, "lm.json", text, Some(&codes)) {
            Stage::Done(v) => (false, v),
            Stage::Parsed(p) => (true, finish(p, &codes)),
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
        // Every other kind is done in the first step.
        for k in Kind::ALL.into_iter().filter(|&k| k != Kind::LabourMarket) {
            assert!(matches!(begin(k, "x", bundled(k), Some(&codes)), Stage::Done(Ok(_))), "{k:?}");
        }
    }
}
