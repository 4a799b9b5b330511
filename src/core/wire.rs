//! The messages that cross the app's IO boundaries, typed: the dataset worker's requests and
//! replies, the record kept in IndexedDB for each of the user's datasets, and what the presenter
//! tells the speaker view over a BroadcastChannel.
//!
//! The worker's messages cross as JS values made by `serde-wasm-bindgen` (smaller than JSON here:
//! the reports then skip serde_json; −2.2 KB gzip measured); the stored record and the speaker's
//! message as JSON strings (serde_json). The data model is the same either way, so the shapes are
//! tested below as JSON. Shapes are chosen for size, measured on the release wasm: enums externally tagged (`{"check": […]}`; an
//! internally tagged enum compiles a second, buffered deserializer for every nested type such as
//! `Report`: +16 KB gzip), and positional (tuple) fields, for which serde generates a sequence
//! visitor only, where named fields add a map visitor and a field matcher per struct and variant
//! (every position is named in the docs below). Only `Stored` keeps named fields: IndexedDB holds
//! records of earlier versions in that shape. Binary
//! parts travel beside it, transferred rather than copied: the bytes of a file to check, the
//! columns of a checked labour-market file (in `LABOUR_COLUMNS` order), the bytes of a stored
//! dataset. Pure types, so their shapes are tested natively.

use serde::{Deserialize, Serialize};

use crate::core::data::manifest::FileMeta;
use crate::core::data::merge::Mode;
use crate::core::data::Report;

/// Main thread → dataset worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToWorker {
    /// Load the app's module: the URLs of its JS glue and of its wasm (read by `worker.js`).
    Init(String, String),
    /// The code lists, as text: parsed once by the worker and kept for every check after.
    Codes(String),
    /// Check `Check(id, name, keep_valid)`: the file `name`, whose bytes follow the message;
    /// `keep_valid`: keep the valid records of a file with errors.
    Check(u32, String, bool),
}

/// Dataset worker → main thread: `Checked(id, outcome)`, the outcome of check `id` (0: no check,
/// for a failure while starting).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Checked(pub u32, pub Outcome);

/// What a check found. Accepted data comes with its report (warnings, and the errors of the
/// records dropped when the user chose to keep the valid ones) and `dropped`, the records left
/// out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A labour-market file: `Labour(report, first, last, meta, dropped)`, its first and last
    /// month as `Month::index` and the file's own `"meta"`; the columns follow the message as
    /// typed arrays in `LABOUR_COLUMNS` order (u16 keys, then u32 measures).
    Labour(Report, u32, u32, Option<FileMeta>, usize),
    /// A consultations file: `Consultations(report, json, dropped)`, the (filtered) file as JSON
    /// text, small, checked again on arrival.
    Consultations(Report, String, usize),
    /// An indicators file: `Indicators(report, json, dropped)`, as for consultations.
    Indicators(Report, String, usize),
    /// Not applied: `Rejected(report, salvage)`, `salvage` = (records kept, records dropped) if
    /// the valid ones are kept.
    Rejected(Report, Option<(usize, usize)>),
    /// The module failed (built never to; a trap) and the worker closed itself: the error's text.
    /// Sent by `worker.js`.
    Crashed(String),
}

/// The order of a labour-market file's columns after an `Outcome::Labour` message.
pub const LABOUR_COLUMNS: [&str; 8] =
    ["month", "region", "sector", "occupation", "jobseekers", "vacancies_open", "vacancies_new", "placements"];

/// What IndexedDB keeps of one of the user's datasets, beside its bytes (field `bytes` of the
/// stored record). Field names as stored since the first version, so earlier visits' datasets
/// still come back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    pub id: u32,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub mode: Mode,
    #[serde(default, rename = "keepValid")]
    pub keep_valid: bool,
}

/// Presenter → speaker view: `SlideShown(slide, started)`, the slide shown (1-based; 0 when not
/// presenting) and when the presentation started (ms since 1970, as `Date.now()`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlideShown(pub usize, pub f64);

/// Speaker view → presenter: the speaker view has just opened (its message text, JSON). The
/// presenter answers with the [`SlideShown`] it last sent, so a speaker view opened during a
/// presentation shows the current slide at once, not from the next slide change.
pub const SPEAKER_READY: &str = "\"speaker-ready\"";

/// The JSON text of a message (these types always serialize).
pub fn to_json<T: Serialize>(msg: &T) -> String {
    serde_json::to_string(msg).unwrap_or_default()
}

/// A message from its JSON text; `None` if it is not one (never a panic).
pub fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worker_messages_round_trip() {
        let msgs = [
            ToWorker::Init("./vagas.js".into(), "./vagas_bg.wasm".into()),
            ToWorker::Codes("{\"format\": \"vagas.codes\"}".into()),
            ToWorker::Check(7, "a \"b\".csv".into(), true),
        ];
        for m in msgs {
            assert_eq!(from_json::<ToWorker>(&to_json(&m)), Some(m));
        }
        let mut report = Report::new("x.json");
        report.push(crate::core::data::Problem::error(
            crate::core::data::path::JsonPath::root(),
            crate::core::data::ProblemKind::Missing { what: "a thing".into() },
        ));
        let replies = [
            Checked(3, Outcome::Labour(report.clone(), 1, 9, Some(FileMeta::default()), 2)),
            Checked(4, Outcome::Rejected(report, Some((1, 2)))),
            Checked(5, Outcome::Consultations(Report::new("c"), "{}".into(), 0)),
            Checked(6, Outcome::Indicators(Report::new("i"), "{}".into(), 1)),
        ];
        for m in replies {
            assert_eq!(from_json::<Checked>(&to_json(&m)), Some(m));
        }
    }

    #[test]
    fn the_worker_script_shapes_are_the_ones_it_reads_and_writes() {
        // worker.js reads the URLs of an init and the id of a check, and writes a crash as below.
        assert_eq!(to_json(&ToWorker::Init("g".into(), "w".into())), r#"{"init":["g","w"]}"#);
        assert_eq!(to_json(&ToWorker::Check(9, "f".into(), false)), r#"{"check":[9,"f",false]}"#);
        let crash = r#"[12,{"crashed":"RuntimeError: unreachable"}]"#;
        assert_eq!(
            from_json::<Checked>(crash),
            Some(Checked(12, Outcome::Crashed("RuntimeError: unreachable".into())))
        );
        assert_eq!(from_json::<Checked>(r#"[1,{"nonsense":[]}]"#), None);
        assert_eq!(from_json::<Checked>("not json"), None);
    }

    #[test]
    fn stored_records_of_earlier_versions_still_read() {
        // As the first version wrote them (bytes beside).
        let old = r#"{"id":1764468000,"name":"lm.csv","mode":"add","keepValid":true}"#;
        let s: Stored = from_json(old).unwrap();
        assert_eq!(s, Stored { id: 1_764_468_000, name: "lm.csv".into(), mode: Mode::Add, keep_valid: true });
        assert_eq!(to_json(&s), old);
        let bare: Stored = from_json(r#"{"id":2}"#).unwrap();
        assert_eq!((bare.mode, bare.keep_valid, bare.name.as_str()), (Mode::Replace, false, ""));
        assert_eq!(from_json::<Stored>(r#"{"name":"no id"}"#), None);
    }

    #[test]
    fn the_speaker_message_round_trips() {
        let m = SlideShown(3, 1_764_468_000_123.0);
        assert_eq!(to_json(&m), "[3,1764468000123.0]");
        assert_eq!(from_json::<SlideShown>(&to_json(&m)), Some(m));
        assert_eq!(from_json::<SlideShown>("[-1,0]"), None);
        assert_eq!(from_json::<SlideShown>(r#"{"slide":1}"#), None);
    }
}
