//! `data/manifest.json`: the list of datasets with their provenance.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::parse::{Checker, Json, Located};
use super::path::JsonPath;
use super::problem::{ProblemKind, Report};
use super::text::Text;

pub const FORMAT: &str = "vagas.manifest";
pub const VERSION: u32 = 1;

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Codes,
    Regions,
    LabourMarket,
    Consultations,
    /// Slides for presenting (optional in the manifest).
    Story,
    /// Regional indicators, official or illustrative (optional in the manifest).
    Indicators,
}

impl Kind {
    pub const ALL: [Kind; 6] =
        [Kind::Codes, Kind::Regions, Kind::LabourMarket, Kind::Consultations, Kind::Story, Kind::Indicators];
    /// What the app's own manifest must list.
    pub const REQUIRED: [Kind; 4] = [Kind::Codes, Kind::Regions, Kind::LabourMarket, Kind::Consultations];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Codes => "codes",
            Kind::Regions => "regions",
            Kind::LabourMarket => "labour_market",
            Kind::Consultations => "consultations",
            Kind::Story => "story",
            Kind::Indicators => "indicators",
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetMeta {
    pub id: String,
    pub kind: Kind,
    /// Relative to the manifest.
    pub path: String,
    pub title: Text,
    pub source: Text,
    pub licence: String,
    /// Date (or last month) of the figures: "YYYY-MM" or "YYYY-MM-DD".
    pub date: String,
    pub illustrative: bool,
    #[serde(default)]
    pub note: Text,
}

/// Provenance carried inside a dataset file (optional `"meta"`), shown for
/// datasets a user loads without a manifest.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileMeta {
    #[serde(default)]
    pub title: Text,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub licence: String,
    /// "YYYY-MM" or "YYYY-MM-DD".
    #[serde(default)]
    pub date: String,
    /// `None`: the file does not say, and the app says so.
    #[serde(default)]
    pub illustrative: Option<bool>,
    #[serde(default)]
    pub note: Text,
}

impl From<&DatasetMeta> for FileMeta {
    fn from(d: &DatasetMeta) -> FileMeta {
        FileMeta {
            title: d.title.clone(),
            source: d.source.clone(),
            licence: d.licence.clone(),
            date: d.date.clone(),
            illustrative: Some(d.illustrative),
            note: d.note.clone(),
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    pub datasets: Vec<DatasetMeta>,
    /// Where the audience can open this dashboard (an `https://` address ending in `/`), used by the
    /// presenter's QR code when the presenting laptop serves it from a loopback address (USB stick,
    /// `scripts/serve.sh`) that no phone in the room can reach. Optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_url: Option<String>,
}

impl Manifest {
    pub fn find(&self, kind: Kind) -> Option<&DatasetMeta> {
        self.datasets.iter().find(|d| d.kind == kind)
    }
}

/// A path inside the dashboard's own origin: no scheme, no parent escapes.
fn is_relative_path(p: &str) -> bool {
    !p.is_empty()
        && !p.contains("://")
        && !p.starts_with('/')
        && !p.split('/').any(|s| s == "..")
        && p.chars().all(|c| !c.is_control())
}

/// The app's own manifest: every kind must be there.
pub fn load(dataset: &str, text: &str) -> Result<(Manifest, Report), Report> {
    check::<Located>(dataset, text, true)
}

/// [`load`], the JSON deserialized by `J` (`parse::Plain` for the bundled file).
pub fn load_as<J: Json>(dataset: &str, text: &str) -> Result<(Manifest, Report), Report> {
    check::<J>(dataset, text, true)
}

/// A manifest a user points at (`data=`): any subset of the kinds.
pub fn load_listing(dataset: &str, text: &str) -> Result<(Manifest, Report), Report> {
    check::<Located>(dataset, text, false)
}

fn check<J: Json>(dataset: &str, text: &str, complete: bool) -> Result<(Manifest, Report), Report> {
    let mut c = Checker::new(dataset, text);
    if !c.header_as::<J>(FORMAT, VERSION) {
        return Err(c.finish());
    }
    let Some(m) = c.parse_as::<J, Manifest>() else {
        return Err(c.finish());
    };
    let base = JsonPath::keys(&["datasets"]);
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, d) in m.datasets.iter().enumerate() {
        let at = base.index(i);
        if d.id.trim().is_empty() {
            c.error(at.key("id"), ProblemKind::Empty { what: "character in the id".into() });
        }
        if let Some(first) = ids.insert(&d.id, i) {
            c.error(
                at.key("id"),
                ProblemKind::Duplicate { what: "dataset id".into(), first: base.index(first).to_string() },
            );
        }
        if !is_relative_path(&d.path) {
            c.error(
                at.key("path"),
                ProblemKind::BadRange {
                    what: "a path relative to the manifest, like \"labour_market.json\"".into(),
                    found: format!("\"{}\"", d.path),
                },
            );
        }
        let date_ok = super::month::Month::parse(&d.date).is_some() || super::month::parse_date(&d.date).is_some();
        if !date_ok {
            c.error(at.key("date"), ProblemKind::BadDate { found: d.date.clone() });
        }
        if d.title.is_empty() {
            c.error(at.key("title"), ProblemKind::Empty { what: "title (pt or en)".into() });
        }
        if d.illustrative && d.note.is_empty() {
            c.warning(at.key("note"), ProblemKind::Empty { what: "note explaining what is illustrative".into() });
        }
    }
    if m.datasets.is_empty() {
        c.error(base.clone(), ProblemKind::Empty { what: "dataset".into() });
    }
    for kind in Kind::REQUIRED {
        if complete && m.find(kind).is_none() {
            c.error(base.clone(), ProblemKind::Missing { what: format!("a dataset of kind \"{}\"", kind.code()) });
        }
    }
    if c.has_errors() {
        return Err(c.finish());
    }
    Ok((m, c.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_manifest_is_valid() {
        let (m, r) = load("manifest", include_str!("../../../data/manifest.json")).unwrap();
        assert_eq!(r.total_errors, 0);
        assert!(m.find(Kind::LabourMarket).unwrap().illustrative);
    }

    #[test]
    fn hostile_paths_are_rejected() {
        for p in ["https://evil.example/x.json", "../secret.json", "/etc/passwd", ""] {
            assert!(!is_relative_path(p), "{p}");
        }
        assert!(is_relative_path("sub/labour_market.json"));
    }
}
