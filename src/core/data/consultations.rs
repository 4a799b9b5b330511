//! Consultation events and their outcomes (barriers raised, priority, votes,
//! recommendation and what happened to it).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::codes::{Codes, Index};
use super::manifest::FileMeta;
use super::month::{parse_date, Month};
use super::parse::{Checker, Json, LoadOptions, Located};
use super::path::JsonPath;
use super::problem::{CodeList, ProblemKind, Report};
use super::text::Text;

pub const FORMAT: &str = "vagas.consultations";
pub const VERSION: u32 = 1;

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Low,
    Medium,
    High,
}

impl Priority {
    /// Weight used for priority-weighted scores.
    pub fn weight(self) -> u32 {
        match self {
            Priority::Low => 1,
            Priority::Medium => 2,
            Priority::High => 3,
        }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Proposed,
    Accepted,
    InProgress,
    Implemented,
    Rejected,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub date: String,
    pub region: String,
    #[serde(default)]
    pub place: String,
    pub format: String,
    pub title: Text,
    /// Participants per stakeholder group code.
    pub participants: BTreeMap<String, u32>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: String,
    pub event: String,
    pub group: String,
    pub region: String,
    /// A NACE division, or null for remarks that cut across sectors.
    pub sector: Option<String>,
    pub theme: String,
    pub text: Text,
    pub priority: Priority,
    pub votes: u32,
    pub recommendation: Text,
    pub status: Status,
    pub source: String,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsultationsFile {
    pub format: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<FileMeta>,
    pub events: Vec<Event>,
    pub outcomes: Vec<Outcome>,
}

/// An outcome with its codes resolved to code-list positions.
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeIds {
    pub event: usize,
    pub month: Month,
    pub group: usize,
    pub region: usize,
    pub sector: Option<usize>,
    pub theme: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Consultations {
    pub file: ConsultationsFile,
    pub event_month: Vec<Month>,
    pub ids: Vec<OutcomeIds>,
    /// Events and outcomes with errors left out at the user's request.
    pub dropped: usize,
}

impl Consultations {
    pub fn events(&self) -> &[Event] {
        &self.file.events
    }
    pub fn outcomes(&self) -> &[Outcome] {
        &self.file.outcomes
    }
}

fn lookup(c: &mut Checker, at: JsonPath, codes: &Codes, ix: &Index, list: CodeList, code: &str) -> usize {
    ix.get(code).unwrap_or_else(|| {
        c.error(at, codes.unknown(list, code));
        usize::MAX
    })
}

/// Maps ids to positions; `bad[i]` is set for empty and repeated ids.
fn check_unique<'a>(
    c: &mut Checker,
    list: &str,
    ids: impl Iterator<Item = &'a str>,
    bad: &mut [bool],
) -> HashMap<&'a str, usize> {
    let base = JsonPath::keys(&[list]);
    let mut seen = HashMap::new();
    for (i, id) in ids.enumerate() {
        let before = c.error_count();
        if id.trim().is_empty() {
            c.error(base.index(i).key("id"), ProblemKind::Empty { what: "character in the id".into() });
        }
        if let Some(first) = seen.insert(id, i) {
            c.error(
                base.index(i).key("id"),
                ProblemKind::Duplicate { what: format!("id in {list}"), first: base.index(first).to_string() },
            );
        }
        if c.error_count() > before {
            bad[i] = true;
        }
    }
    seen
}

pub fn load(dataset: &str, text: &str, codes: &Codes) -> Result<(Consultations, Report), Report> {
    load_with(dataset, text, codes, LoadOptions::default())
}

/// As `load`; with `keep_valid`, events and outcomes with errors are left out
/// (with the outcomes of a left-out event) instead of rejecting the file.
pub fn load_with(
    dataset: &str,
    text: &str,
    codes: &Codes,
    opts: LoadOptions,
) -> Result<(Consultations, Report), Report> {
    load_inner::<Located>(dataset, text, codes, opts)
}

/// [`load`], the JSON deserialized by `J` (`parse::Plain` for the bundled file).
pub fn load_as<J: Json>(dataset: &str, text: &str, codes: &Codes) -> Result<(Consultations, Report), Report> {
    load_inner::<J>(dataset, text, codes, LoadOptions::default())
}

fn load_inner<J: Json>(
    dataset: &str,
    text: &str,
    codes: &Codes,
    opts: LoadOptions,
) -> Result<(Consultations, Report), Report> {
    let mut c = Checker::new(dataset, text);
    if !c.header_as::<J>(FORMAT, VERSION) {
        return Err(c.finish());
    }
    let Some(file) = c.parse_as::<J, ConsultationsFile>() else {
        return Err(c.finish());
    };

    let mut bad_event = vec![false; file.events.len()];
    let mut bad_outcome = vec![false; file.outcomes.len()];
    let event_ix = check_unique(&mut c, "events", file.events.iter().map(|e| e.id.as_str()), &mut bad_event);
    check_unique(&mut c, "outcomes", file.outcomes.iter().map(|o| o.id.as_str()), &mut bad_outcome);

    let mut event_month = Vec::with_capacity(file.events.len());
    for (i, e) in file.events.iter().enumerate() {
        let before = c.error_count();
        let at = JsonPath::keys(&["events"]).index(i);
        match parse_date(&e.date) {
            Some((m, _)) => event_month.push(m),
            None => {
                c.error(at.key("date"), ProblemKind::BadDate { found: e.date.clone() });
                event_month.push(Month::default());
            }
        }
        lookup(&mut c, at.key("region"), codes, &codes.region, CodeList::Region, &e.region);
        lookup(&mut c, at.key("format"), codes, &codes.event_format, CodeList::EventFormat, &e.format);
        for group in e.participants.keys() {
            lookup(&mut c, at.key("participants").key(group), codes, &codes.group, CodeList::StakeholderGroup, group);
        }
        if c.error_count() > before {
            bad_event[i] = true;
        }
    }

    let mut ids = Vec::with_capacity(file.outcomes.len());
    for (i, o) in file.outcomes.iter().enumerate() {
        let before = c.error_count();
        let at = JsonPath::keys(&["outcomes"]).index(i);
        let event = match event_ix.get(o.event.as_str()) {
            Some(&e) => e,
            None => {
                let known = file.events.iter().map(|e| e.id.as_str());
                c.error(at.key("event"), ProblemKind::unknown(CodeList::Event, &o.event, known));
                usize::MAX
            }
        };
        let group = lookup(&mut c, at.key("group"), codes, &codes.group, CodeList::StakeholderGroup, &o.group);
        if let Some(e) = file.events.get(event) {
            if group != usize::MAX && !e.participants.contains_key(&o.group) {
                c.warning(
                    at.key("group"),
                    ProblemKind::BadRange {
                        what: "a stakeholder group listed among the event's participants".into(),
                        found: format!("\"{}\", not among the participants of {}", o.group, e.id),
                    },
                );
            }
        }
        let ids_row = OutcomeIds {
            event,
            month: event_month.get(event).copied().unwrap_or_default(),
            group,
            region: lookup(&mut c, at.key("region"), codes, &codes.region, CodeList::Region, &o.region),
            sector: o
                .sector
                .as_ref()
                .map(|s| lookup(&mut c, at.key("sector"), codes, &codes.sector, CodeList::Sector, s)),
            theme: lookup(&mut c, at.key("theme"), codes, &codes.theme, CodeList::Theme, &o.theme),
        };
        if o.text.is_empty() {
            c.error(at.key("text"), ProblemKind::Empty { what: "text (pt or en)".into() });
        }
        if c.error_count() > before || bad_event.get(event).copied().unwrap_or(true) {
            bad_outcome[i] = true;
        }
        ids.push(ids_row);
    }
    if file.events.is_empty() {
        c.error(JsonPath::keys(&["events"]), ProblemKind::Empty { what: "event".into() });
    }
    if c.has_errors() {
        let report = c.finish();
        if !opts.keep_valid || file.events.is_empty() {
            return Err(report);
        }
        return keep_valid(dataset, file, &bad_event, &bad_outcome, codes, report);
    }
    let report = c.finish();
    Ok((Consultations { file, event_month, ids, dropped: 0 }, report))
}

/// The file without its bad events and outcomes, checked again from scratch
/// (positions change); the report stays the one of the original file.
fn keep_valid(
    dataset: &str,
    mut file: ConsultationsFile,
    bad_event: &[bool],
    bad_outcome: &[bool],
    codes: &Codes,
    report: Report,
) -> Result<(Consultations, Report), Report> {
    let before = file.events.len() + file.outcomes.len();
    let mut flags = bad_event.iter();
    file.events.retain(|_| !flags.next().copied().unwrap_or(true));
    let mut flags = bad_outcome.iter();
    file.outcomes.retain(|_| !flags.next().copied().unwrap_or(true));
    let dropped = before - file.events.len() - file.outcomes.len();
    let Ok(text) = serde_json::to_string(&file) else {
        return Err(report);
    };
    match load(dataset, &text, codes) {
        Ok((mut cons, _)) => {
            cons.dropped = dropped;
            Ok((cons, report))
        }
        Err(_) => Err(report),
    }
}
