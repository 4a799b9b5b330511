//! Codes people hold from Portugal's own classifications, and the rule that
//! gives the code the datasets use: CPP/2010 professions (`5131.0`,
//! `513101`) → ISCO-08 unit groups; CAE Rev. 3 classes and subclasses
//! (`56101`) → NACE Rev. 2 divisions (`I56`); NUTS 2024 (and 2021) regions and
//! INE district numbers (`08`) → ISO 3166-2:PT districts. Such a code is
//! still refused (a figure must not silently move between classifications),
//! but the message names the rule and the code to use.
//!
//! Sources: CPP/2010 (INE, 2011) derives from ISCO-08 at the four-digit unit
//! group; CAE Rev. 3 (Decreto-Lei 381/2007) matches NACE Rev. 2 down to the
//! four-digit class; NUTS 2024 from Delegated Regulation (EU) 2023/674, with
//! the district overlaps measured in `/work/shared/domain.md` (Faro ≈ PT150
//! 0.97, Évora ≈ PT1C4 0.97, Portalegre ≈ PT1C3 0.95, Beja ≈ PT1C2 0.82).

use serde::{Deserialize, Serialize};

use super::codes::Codes;
use super::problem::CodeList;

/// How a code of another classification maps to the one the data uses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodeRule {
    /// A CPP/2010 profession (`5131.0`, `513101`): its first four digits are
    /// the ISCO-08 unit group `to`.
    Cpp { to: String },
    /// A CAE Rev. 3 group, class or subclass (`56101`): its first two digits
    /// are the NACE Rev. 2 division, written `to` (section letter + division).
    Cae { to: String },
    /// A NUTS region (`level` 2 or 3, named `name`) that is (about) one
    /// district: `to`, named `to_name`.
    Nuts { level: u8, name: String, to: String, to_name: String },
    /// A NUTS region spanning several districts (`districts`: "PT-02 Beja"…,
    /// `partly`: whether some are only partly in it).
    NutsSpans { level: u8, name: String, districts: Vec<String> },
    /// An INE district number (`08`): the ISO 3166-2:PT code `to`, named `to_name`.
    DistrictNumber { to: String, to_name: String },
    /// A district written by name (`Faro`, `Evora`): the code `to`.
    DistrictName { to: String },
}

/// NUTS 2024 (and the NUTS 2021 codes people still hold) → districts.
/// One district: (code, level, name, district). Several: district list empty.
const NUTS_ONE: &[(&str, u8, &str, &str)] = &[
    ("PT15", 2, "Algarve", "PT-08"),
    ("PT150", 3, "Algarve", "PT-08"),
    ("PT1C4", 3, "Alentejo Central", "PT-07"),
    ("PT187", 3, "Alentejo Central (NUTS 2021)", "PT-07"),
    ("PT1C3", 3, "Alto Alentejo", "PT-12"),
    ("PT186", 3, "Alto Alentejo (NUTS 2021)", "PT-12"),
    ("PT1C2", 3, "Baixo Alentejo", "PT-02"),
    ("PT184", 3, "Baixo Alentejo (NUTS 2021)", "PT-02"),
    ("PT111", 3, "Alto Minho", "PT-16"),
    ("PT20", 2, "Região Autónoma dos Açores", "PT-20"),
    ("PT200", 3, "Região Autónoma dos Açores", "PT-20"),
    ("PT30", 2, "Região Autónoma da Madeira", "PT-30"),
    ("PT300", 3, "Região Autónoma da Madeira", "PT-30"),
];

/// NUTS regions that span several districts (those listed are the ones it
/// covers wholly or in part).
const NUTS_SPANS: &[(&str, u8, &str, &[&str])] = &[
    ("PT1C", 2, "Alentejo", &["PT-02", "PT-07", "PT-12", "PT-15"]),
    ("PT18", 2, "Alentejo (NUTS 2021)", &["PT-02", "PT-07", "PT-12", "PT-14", "PT-15"]),
    ("PT1C1", 3, "Alentejo Litoral", &["PT-15", "PT-02"]),
    ("PT181", 3, "Alentejo Litoral (NUTS 2021)", &["PT-15", "PT-02"]),
    ("PT11", 2, "Norte", &[]),
    ("PT19", 2, "Centro", &[]),
    ("PT16", 2, "Centro (NUTS 2021)", &[]),
    ("PT1A", 2, "Grande Lisboa", &["PT-11"]),
    ("PT1A0", 3, "Grande Lisboa", &["PT-11"]),
    ("PT1B", 2, "Península de Setúbal", &["PT-15"]),
    ("PT1B0", 3, "Península de Setúbal", &["PT-15"]),
    ("PT17", 2, "Área Metropolitana de Lisboa (NUTS 2021)", &["PT-11", "PT-15"]),
    ("PT170", 3, "Área Metropolitana de Lisboa (NUTS 2021)", &["PT-11", "PT-15"]),
    ("PT1D", 2, "Oeste e Vale do Tejo", &["PT-10", "PT-11", "PT-14"]),
];

/// The NACE Rev. 2 section letter of a two-digit division.
pub fn nace_section(division: u32) -> Option<char> {
    Some(match division {
        1..=3 => 'A',
        5..=9 => 'B',
        10..=33 => 'C',
        35 => 'D',
        36..=39 => 'E',
        41..=43 => 'F',
        45..=47 => 'G',
        49..=53 => 'H',
        55..=56 => 'I',
        58..=63 => 'J',
        64..=66 => 'K',
        68 => 'L',
        69..=75 => 'M',
        77..=82 => 'N',
        84 => 'O',
        85 => 'P',
        86..=88 => 'Q',
        90..=93 => 'R',
        94..=96 => 'S',
        97..=98 => 'T',
        99 => 'U',
        _ => return None,
    })
}

/// Letters only, lower case, accents removed: "Évora" and "EVORA" both give "evora".
fn fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let c = match c {
                'á' | 'à' | 'â' | 'ã' | 'Á' | 'À' | 'Â' | 'Ã' => 'a',
                'é' | 'ê' | 'É' | 'Ê' => 'e',
                'í' | 'Í' => 'i',
                'ó' | 'ô' | 'õ' | 'Ó' | 'Ô' | 'Õ' => 'o',
                'ú' | 'Ú' => 'u',
                'ç' | 'Ç' => 'c',
                c => c.to_ascii_lowercase(),
            };
            c.is_ascii_alphanumeric().then_some(c)
        })
        .collect()
}

fn district_name(codes: &Codes, code: &str) -> Option<String> {
    codes.regions().iter().find(|r| r.code == code).map(|r| r.name.pt.clone())
}

/// "PT-02 Beja" for each known district code.
fn named(codes: &Codes, list: &[&str]) -> Vec<String> {
    list.iter().map(|c| district_name(codes, c).map_or_else(|| c.to_string(), |n| format!("{c} {n}"))).collect()
}

/// The rule mapping `code` (not in `list`) to a code of `list`, if it is a
/// code of one of the classifications above and its target is known.
pub fn rule(list: CodeList, code: &str, codes: &Codes) -> Option<CodeRule> {
    let code = code.trim();
    let known = |c: &str| codes.known(list).contains(&c);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match list {
        CodeList::Occupation => {
            // 5131.0, 5131.01 (CPP/2010 professions) or 513101 (six digits).
            let four = match code.split_once('.') {
                Some((a, b)) if a.len() == 4 && digits(a) && digits(b) && b.len() <= 2 => a,
                None if code.len() == 6 && digits(code) => &code[..4],
                _ => return None,
            };
            known(four).then(|| CodeRule::Cpp { to: four.to_string() })
        }
        CodeList::Sector => {
            // 56, 561, 5610, 56101, also written 56.10 or 56.101.
            let plain: String = code.chars().filter(|c| *c != '.').collect();
            if !(2..=5).contains(&plain.len()) || !digits(&plain) {
                return None;
            }
            let division: u32 = plain[..2].parse().ok()?;
            let to = format!("{}{:02}", nace_section(division)?, division);
            known(&to).then_some(CodeRule::Cae { to })
        }
        CodeList::Region => {
            let upper = code.to_ascii_uppercase();
            if let Some(&(_, level, name, to)) = NUTS_ONE.iter().find(|n| n.0 == upper) {
                let to_name = district_name(codes, to)?;
                return Some(CodeRule::Nuts { level, name: name.into(), to: to.into(), to_name });
            }
            if let Some(&(_, level, name, list)) = NUTS_SPANS.iter().find(|n| n.0 == upper) {
                return Some(CodeRule::NutsSpans { level, name: name.into(), districts: named(codes, list) });
            }
            if digits(code) && code.len() <= 2 {
                let to = format!("PT-{:02}", code.parse::<u32>().ok()?);
                let to_name = district_name(codes, &to)?;
                return Some(CodeRule::DistrictNumber { to, to_name });
            }
            let f = fold(code);
            if f.len() >= 3 {
                let hit = codes.regions().iter().find(|r| fold(&r.name.pt) == f || fold(&r.name.en) == f)?;
                return Some(CodeRule::DistrictName { to: hit.code.clone() });
            }
            None
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> Codes {
        super::super::codes::load("codes", include_str!("../../../data/codes.json")).unwrap().0
    }

    #[test]
    fn portuguese_codes_map_by_their_rule() {
        let c = codes();
        assert_eq!(rule(CodeList::Occupation, "5131.0", &c), Some(CodeRule::Cpp { to: "5131".into() }));
        assert_eq!(rule(CodeList::Occupation, "513101", &c), Some(CodeRule::Cpp { to: "5131".into() }));
        assert_eq!(rule(CodeList::Occupation, "51311", &c), None, "a typo, not CPP/2010");
        assert_eq!(rule(CodeList::Sector, "56101", &c), Some(CodeRule::Cae { to: "I56".into() }));
        assert_eq!(rule(CodeList::Sector, "01130", &c), Some(CodeRule::Cae { to: "A01".into() }));
        assert_eq!(rule(CodeList::Sector, "47111", &c), None, "G47 is not in the code lists");
        assert_eq!(
            rule(CodeList::Region, "PT150", &c),
            Some(CodeRule::Nuts { level: 3, name: "Algarve".into(), to: "PT-08".into(), to_name: "Faro".into() })
        );
        assert!(
            matches!(rule(CodeList::Region, "PT1C", &c), Some(CodeRule::NutsSpans { districts, .. }) if districts.len() == 4)
        );
        assert_eq!(
            rule(CodeList::Region, "08", &c),
            Some(CodeRule::DistrictNumber { to: "PT-08".into(), to_name: "Faro".into() })
        );
        assert_eq!(rule(CodeList::Region, "Evora", &c), Some(CodeRule::DistrictName { to: "PT-07".into() }));
        assert_eq!(rule(CodeList::Region, "PT-99", &c), None);
    }
}
