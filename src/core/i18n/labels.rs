//! Labels for codes and indicators as the interface shows them ("I55 Alojamento", "Vacancies per
//! jobseeker"), in either language, from the code lists and the string table.

use crate::core::data::aggregate::Area;
use crate::core::data::codes::Codes;
use crate::core::data::consultations::{Priority, Status};
use crate::core::data::labour::Measure;
use crate::core::data::outcomes::Weight;
use crate::core::data::{Indicator, Lang};

use super::Key;

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

/// The label of a map/ranking indicator.
pub fn indicator_key(i: Indicator) -> Key {
    match i {
        Indicator::Ratio => Key::IndRatio,
        Indicator::VacanciesOpen => Key::IndOpen,
        Indicator::VacanciesNew => Key::IndNew,
        Indicator::Jobseekers => Key::IndJobseekers,
        Indicator::Placements => Key::IndPlacements,
        Indicator::Change => Key::IndChange,
    }
}

/// The label of a headline measure.
pub fn measure_key(m: Measure) -> Key {
    match m {
        Measure::Jobseekers => Key::Jobseekers,
        Measure::VacanciesOpen => Key::VacanciesOpen,
        Measure::VacanciesNew => Key::VacanciesNew,
        Measure::Placements => Key::Placements,
    }
}

/// What happened to a recommendation ("proposta", "aceite"…).
pub fn status_key(s: Status) -> Key {
    match s {
        Status::Proposed => Key::StatusProposed,
        Status::Accepted => Key::StatusAccepted,
        Status::InProgress => Key::StatusInProgress,
        Status::Implemented => Key::StatusImplemented,
        Status::Rejected => Key::StatusRejected,
    }
}

/// An outcome's priority ("alta", "média", "baixa").
pub fn priority_key(p: Priority) -> Key {
    match p {
        Priority::High => Key::PriorityHigh,
        Priority::Medium => Key::PriorityMedium,
        Priority::Low => Key::PriorityLow,
    }
}

/// What the barrier chart measures.
pub fn weight_key(w: Weight) -> Key {
    match w {
        Weight::Count => Key::WeightCount,
        Weight::Votes => Key::WeightVotes,
        Weight::Priority => Key::WeightPriority,
    }
}
