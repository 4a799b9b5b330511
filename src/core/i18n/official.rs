//! How official (and illustrative) regional figures are written: their label, their provenance
//! in full (exports) and in a few words (under a chart), a figure in its unit, and growth.

use crate::core::data::indicators::{Series, Unit};
use crate::core::data::Lang;
use crate::core::format;

use super::{t, Key};

/// "official" or "illustrative", as every figure is labelled.
pub fn badge_key(s: &Series) -> Key {
    if s.illustrative {
        Key::IllustrativeBadge
    } else {
        Key::OfficialBadge
    }
}

/// The provenance of a series, as printed beside its figures and in exports:
/// "official · Source: ISS / GEP-MTSSS …, table Q1, 2026-02-07 · subject to revision".
pub fn provenance(s: &Series, l: Lang) -> String {
    format!("{} · {}", t(l, badge_key(s)), source_part(s, l))
}

/// The provenance without the label: "Source: …, table Q1, 2026-02-07 · subject to revision".
pub fn source_part(s: &Series, l: Lang) -> String {
    let mut source = format!("{}: {}", t(l, Key::SourceLabel), s.source.get(l));
    // A table code ("Q1", "q13_E/q13") reads "table Q1"; a described annex stands alone.
    if s.table.contains(' ') {
        source.push_str(&format!(", {}", s.table));
    } else if !s.table.is_empty() {
        source.push_str(&format!(", {} {}", t(l, Key::TableLabel).to_lowercase(), s.table));
    }
    if !s.date.is_empty() {
        source.push_str(&format!(", {}", s.date));
    }
    let mut parts = vec![source];
    if s.subject_to_revision {
        parts.push(t(l, Key::SubjectToRevision).to_string());
    }
    if s.illustrative {
        parts.push(s.note.get(l).to_string());
    }
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect::<Vec<_>>().join(" · ")
}

/// The provenance in a few words, for the line under a chart (the exports
/// carry the full one): "official · ISS / GEP-MTSSS, table Q1, 2026-02-07".
pub fn short_source(s: &Series, l: Lang) -> String {
    let mut parts = vec![t(l, badge_key(s)).to_string()];
    let mut who = if s.publisher.is_empty() { s.source.get(l).to_string() } else { s.publisher.clone() };
    if s.table.contains(' ') {
        who.push_str(&format!(", {}", s.table));
    } else if !s.table.is_empty() {
        who.push_str(&format!(", {} {}", t(l, Key::TableLabel).to_lowercase(), s.table));
    }
    if !s.date.is_empty() {
        who.push_str(&format!(", {}", s.date));
    }
    parts.push(who);
    if s.subject_to_revision {
        parts.push(t(l, Key::SubjectToRevision).to_string());
    }
    parts.join(" · ")
}

/// A figure in its unit: "97 924", "31,6 %".
pub fn figure(l: Lang, unit: Unit, v: Option<f64>) -> String {
    let text = format::maybe(l, v, unit.decimals());
    match (unit, v) {
        (Unit::Percent, Some(_)) => format!("{text}\u{a0}%"),
        _ => text,
    }
}

/// "×3,69 (+269,4 %)".
pub fn growth_text(l: Lang, factor: f64, pct: f64) -> String {
    let sign = if pct >= 0.0 { "+" } else { "" };
    format!("×{} ({sign}{}\u{a0}%)", format::number(l, factor, 2), format::number(l, pct, 1))
}
