//! Labels for codes as shown in the interface ("I55 Alojamento").

use crate::data::codes::Codes;
use crate::data::Lang;

/// A sector or section code with its label.
pub fn sector(codes: &Codes, code: &str, l: Lang) -> Option<String> {
    let e = codes.sectors().iter().chain(codes.file.sections.iter()).find(|e| e.code == code)?;
    Some(format!("{} {}", e.code, e.name.get(l)))
}

/// An occupation, sub-major or major group code with its label.
pub fn occupation(codes: &Codes, code: &str, l: Lang) -> Option<String> {
    if let Some(o) = codes.occupations().iter().find(|o| o.code == code) {
        return Some(format!("{} {}", o.code, o.name.get(l)));
    }
    let g = codes.occupation_groups().iter().find(|g| g.code == code)?;
    Some(format!("{} {}", g.code, g.name.get(l)))
}
