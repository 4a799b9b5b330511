//! Code lists: labels (pt/en) for regions, sectors, occupations, themes and
//! stakeholder groups, and the focus areas (groupings of districts).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::parse::{Checker, Json, Located};
use super::path::JsonPath;
use super::problem::{CodeList, ProblemKind, Report};
use super::text::Text;

pub const FORMAT: &str = "vagas.codes";
pub const VERSION: u32 = 1;

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub code: String,
    pub name: Text,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Focus {
    Tourism,
    Agriculture,
    Other,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Occupation {
    pub code: String,
    pub name: Text,
    pub focus: Focus,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FocusArea {
    pub code: String,
    pub name: Text,
    /// ISO 3166-2:PT district codes.
    pub regions: Vec<String>,
    #[serde(default)]
    pub note: Text,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodesFile {
    pub format: String,
    pub version: u32,
    pub regions: Vec<Entry>,
    pub focus_areas: Vec<FocusArea>,
    pub sectors: Vec<Entry>,
    pub sections: Vec<Entry>,
    pub occupations: Vec<Occupation>,
    /// ISCO-08 major (1 digit) and sub-major (2 digits) groups, for drill-down.
    #[serde(default)]
    pub occupation_groups: Vec<Entry>,
    pub themes: Vec<Entry>,
    pub stakeholder_groups: Vec<Entry>,
    pub event_formats: Vec<Entry>,
}

/// A code list with O(1) lookup from code to position.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index(HashMap<String, usize>);

impl Index {
    fn build<'a>(codes: impl Iterator<Item = &'a str>) -> Index {
        Index(codes.enumerate().map(|(i, c)| (c.to_string(), i)).collect())
    }

    pub fn get(&self, code: &str) -> Option<usize> {
        self.0.get(code).copied()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Validated code lists with their indexes. Positions in the lists are the
/// compact ids used by every other dataset once loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct Codes {
    pub file: CodesFile,
    pub region: Index,
    pub sector: Index,
    pub section: Index,
    pub occupation: Index,
    pub theme: Index,
    pub group: Index,
    pub event_format: Index,
    /// For each focus area, the positions of its districts.
    pub focus_regions: Vec<Vec<usize>>,
}

impl Codes {
    pub fn regions(&self) -> &[Entry] {
        &self.file.regions
    }
    pub fn sectors(&self) -> &[Entry] {
        &self.file.sectors
    }
    pub fn occupations(&self) -> &[Occupation] {
        &self.file.occupations
    }
    pub fn occupation_groups(&self) -> &[Entry] {
        &self.file.occupation_groups
    }
    pub fn themes(&self) -> &[Entry] {
        &self.file.themes
    }
    pub fn groups(&self) -> &[Entry] {
        &self.file.stakeholder_groups
    }
    pub fn focus_areas(&self) -> &[FocusArea] {
        &self.file.focus_areas
    }

    /// The codes of one list, for suggestions when a code is unknown.
    pub fn known(&self, list: CodeList) -> Vec<&str> {
        let f = &self.file;
        fn entries(e: &[Entry]) -> Vec<&str> {
            e.iter().map(|e| e.code.as_str()).collect()
        }
        match list {
            CodeList::Region => entries(&f.regions),
            CodeList::Sector => entries(&f.sectors),
            CodeList::Section => entries(&f.sections),
            CodeList::Occupation => f.occupations.iter().map(|o| o.code.as_str()).collect(),
            CodeList::Theme => entries(&f.themes),
            CodeList::StakeholderGroup => entries(&f.stakeholder_groups),
            CodeList::EventFormat => entries(&f.event_formats),
            CodeList::Event | CodeList::Dataset | CodeList::Series | CodeList::Area => Vec::new(),
        }
    }

    /// An unknown-code problem with a suggestion from the list.
    /// A code of another classification (CPP/2010, CAE Rev. 3, NUTS, district
    /// numbers and names) gets the rule that maps it (`code_rules`).
    pub fn unknown(&self, list: CodeList, code: &str) -> ProblemKind {
        if let Some(rule) = super::code_rules::rule(list, code, self) {
            return ProblemKind::OtherClassification { list, code: code.to_string(), rule };
        }
        ProblemKind::unknown(list, code, self.known(list).into_iter())
    }

    /// The NACE section (letter) a division code belongs to.
    pub fn section_of(&self, sector: usize) -> Option<&Entry> {
        let code = self.file.sectors.get(sector)?.code.get(0..1)?;
        self.section.get(code).map(|i| &self.file.sections[i])
    }
}

fn is_region_code(c: &str) -> bool {
    let b = c.as_bytes();
    b.len() == 5 && c.starts_with("PT-") && b[3].is_ascii_digit() && b[4].is_ascii_digit()
}

fn is_isco4(c: &str) -> bool {
    c.len() == 4 && c.bytes().all(|b| b.is_ascii_digit()) && !c.starts_with('0')
}

fn is_nace_division(c: &str) -> bool {
    let b = c.as_bytes();
    b.len() == 3 && b[0].is_ascii_uppercase() && b[1].is_ascii_digit() && b[2].is_ascii_digit()
}

fn is_slug(c: &str) -> bool {
    !c.is_empty() && c.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn pairs(v: &[Entry]) -> Vec<(&str, &Text)> {
    v.iter().map(|e| (e.code.as_str(), &e.name)).collect()
}

/// Checks one list: codes well formed, unique, labelled.
fn check_list<'a>(
    c: &mut Checker,
    list: &str,
    items: impl Iterator<Item = (&'a str, &'a Text)>,
    well_formed: fn(&str) -> bool,
    expected: &'static str,
) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let base = JsonPath::keys(&[list]);
    let mut n = 0;
    for (i, (code, name)) in items.enumerate() {
        n += 1;
        let at = base.index(i);
        if !well_formed(code) {
            c.error(at.key("code"), ProblemKind::BadRange { what: expected.into(), found: format!("\"{code}\"") });
        }
        if let Some(first) = seen.insert(code, i) {
            c.error(
                at.key("code"),
                ProblemKind::Duplicate { what: format!("code in {list}"), first: base.index(first).to_string() },
            );
        }
        if name.is_empty() {
            c.error(at.key("name"), ProblemKind::Empty { what: "label (pt or en)".into() });
        }
    }
    if n == 0 {
        c.error(base, ProblemKind::Empty { what: "entry".into() });
    }
}

/// Parses and validates a code-list file.
pub fn load(dataset: &str, text: &str) -> Result<(Codes, Report), Report> {
    load_as::<Located>(dataset, text)
}

/// [`load`], the JSON deserialized by `J` (`parse::Plain` for the bundled file).
pub fn load_as<J: Json>(dataset: &str, text: &str) -> Result<(Codes, Report), Report> {
    let mut c = Checker::new(dataset, text);
    if !c.header_as::<J>(FORMAT, VERSION) {
        return Err(c.finish());
    }
    let Some(file) = c.parse_as::<J, CodesFile>() else {
        return Err(c.finish());
    };
    let f = &file;
    check_list(
        &mut c,
        "regions",
        pairs(&f.regions).into_iter(),
        is_region_code,
        "an ISO 3166-2:PT code like \"PT-08\"",
    );
    check_list(
        &mut c,
        "sectors",
        pairs(&f.sectors).into_iter(),
        is_nace_division,
        "a NACE Rev. 2 division like \"I55\"",
    );
    check_list(
        &mut c,
        "sections",
        pairs(&f.sections).into_iter(),
        |s| s.len() == 1 && s.as_bytes()[0].is_ascii_uppercase(),
        "a NACE Rev. 2 section letter like \"I\"",
    );
    check_list(
        &mut c,
        "occupations",
        f.occupations.iter().map(|o| (o.code.as_str(), &o.name)),
        is_isco4,
        "a 4-digit ISCO-08 unit group like \"5131\"",
    );
    if !f.occupation_groups.is_empty() {
        check_list(
            &mut c,
            "occupation_groups",
            pairs(&f.occupation_groups).into_iter(),
            |s| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()),
            "an ISCO-08 major or sub-major group like \"5\" or \"51\"",
        );
    }
    check_list(&mut c, "themes", pairs(&f.themes).into_iter(), is_slug, "a lowercase code like \"housing\"");
    check_list(
        &mut c,
        "stakeholder_groups",
        pairs(&f.stakeholder_groups).into_iter(),
        is_slug,
        "a lowercase code like \"employers\"",
    );
    check_list(
        &mut c,
        "event_formats",
        pairs(&f.event_formats).into_iter(),
        is_slug,
        "a lowercase code like \"workshop\"",
    );
    check_list(
        &mut c,
        "focus_areas",
        f.focus_areas.iter().map(|a| (a.code.as_str(), &a.name)),
        is_slug,
        "a lowercase code like \"algarve\"",
    );

    let region = Index::build(f.regions.iter().map(|e| e.code.as_str()));
    let section = Index::build(f.sections.iter().map(|e| e.code.as_str()));
    for (i, s) in f.sectors.iter().enumerate() {
        let letter = s.code.get(0..1).unwrap_or("");
        if is_nace_division(&s.code) && section.get(letter).is_none() {
            c.error(
                JsonPath::keys(&["sectors"]).index(i).key("code"),
                ProblemKind::unknown(CodeList::Section, letter, f.sections.iter().map(|s| s.code.as_str())),
            );
        }
    }
    let mut focus_regions = Vec::new();
    for (i, a) in f.focus_areas.iter().enumerate() {
        let mut ids = Vec::new();
        for (j, r) in a.regions.iter().enumerate() {
            match region.get(r) {
                Some(id) => ids.push(id),
                None => c.error(
                    JsonPath::keys(&["focus_areas"]).index(i).key("regions").index(j),
                    ProblemKind::unknown(CodeList::Region, r, f.regions.iter().map(|s| s.code.as_str())),
                ),
            }
        }
        if a.regions.is_empty() {
            c.error(
                JsonPath::keys(&["focus_areas"]).index(i).key("regions"),
                ProblemKind::Empty { what: "region".into() },
            );
        }
        focus_regions.push(ids);
    }
    if c.has_errors() {
        return Err(c.finish());
    }
    let codes = Codes {
        region,
        section,
        sector: Index::build(f.sectors.iter().map(|e| e.code.as_str())),
        occupation: Index::build(f.occupations.iter().map(|e| e.code.as_str())),
        theme: Index::build(f.themes.iter().map(|e| e.code.as_str())),
        group: Index::build(f.stakeholder_groups.iter().map(|e| e.code.as_str())),
        event_format: Index::build(f.event_formats.iter().map(|e| e.code.as_str())),
        focus_regions,
        file,
    };
    Ok((codes, c.finish()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn bundled() -> Codes {
        let text = include_str!("../../../data/codes.json");
        load("codes", text).expect("bundled code lists are valid").0
    }

    #[test]
    fn bundled_code_lists_are_valid() {
        let c = bundled();
        assert_eq!(c.regions().len(), 20);
        assert_eq!(c.region.get("PT-08"), Some(7));
        assert_eq!(c.focus_regions.len(), 2);
        let i55 = c.sector.get("I55").unwrap();
        assert_eq!(c.section_of(i55).unwrap().code, "I");
        assert!(c.occupation.get("5131").is_some());
    }

    #[test]
    fn bad_codes_are_all_reported() {
        let text = include_str!("../../../data/codes.json")
            .replacen("\"PT-02\"", "\"PT-01\"", 1)
            .replacen("\"code\": \"5131\"", "\"code\": \"51311\"", 1)
            .replacen("\"regions\": [\"PT-08\"]", "\"regions\": [\"PT-99\"]", 1);
        let r = load("codes", &text).unwrap_err();
        // PT-02 is also gone from the Alentejo focus area: 4 errors.
        assert_eq!(r.total_errors, 4, "{r}");
        assert!(r.problems.iter().all(|p| p.line.is_some()));
    }
}
