//! Labels for codes as shown in the interface ("I55 Alojamento").

use crate::data::aggregate::Area;
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

/// The name of an area: "Portugal", a focus area or a district.
pub fn area_name(area: Area, codes: &Codes, l: Lang) -> String {
    match area {
        Area::Portugal => "Portugal".into(),
        Area::Focus(i) => codes.focus_areas().get(i).map(|f| f.name.get(l).to_string()).unwrap_or_default(),
        Area::District(i) => codes.regions().get(i).map(|r| r.name.get(l).to_string()).unwrap_or_default(),
    }
}

/// The source line of charts and exports: the bundled (illustrative) data,
/// the user's datasets, and how many records with errors were left out.
pub fn source_line(store: crate::app::store::Store, l: Lang) -> String {
    use crate::data::manifest::Kind;
    use crate::i18n::{t, Key};
    let user = store.user_titles(l);
    let bundled = store.bundled_in_use(Kind::LabourMarket) || store.bundled_in_use(Kind::Consultations);
    let mut line = match (user.is_empty(), bundled) {
        (true, _) => t(l, Key::SourceLine).to_string(),
        (false, false) => format!("{}: {}.", t(l, Key::UserSourceLine), user.join("; ")),
        (false, true) => format!("{}: {}. {}", t(l, Key::UserSourceLine), user.join("; "), t(l, Key::SourceLine)),
    };
    let dropped = store.dropped();
    if dropped > 0 {
        line.push_str(&format!(" {}", crate::messages::dropped_notice(l, dropped)));
    }
    line
}

/// The note added to CSV exports: only when loaded data is in effect.
pub fn export_note(store: crate::app::store::Store, l: Lang) -> Option<String> {
    use leptos::prelude::With;
    store.user.with(|u| u.iter().any(|d| d.data().is_some())).then(|| source_line(store, l))
}

/// Enter or Space on a focused element that acts as a button: true (and the
/// page does not scroll) when the key should activate it.
pub fn is_activation(ev: &leptos::ev::KeyboardEvent) -> bool {
    let hit = ev.key() == "Enter" || ev.key() == " ";
    if hit {
        ev.prevent_default();
    }
    hit
}
