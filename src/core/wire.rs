//! The messages that cross the app's IO boundaries, typed: the dataset worker's requests and
//! replies, the record kept in IndexedDB for each of the user's datasets, and what the presenter
//! tells the speaker view over a BroadcastChannel.
//!
//! Each crosses as a JSON string (serde_json, already in the bundle for the datasets). Binary
//! parts travel beside it, transferred rather than copied: the bytes of a file to check, the
//! columns of a checked labour-market file (in `LABOUR_COLUMNS` order), the bytes of a stored
//! dataset. Pure types, so their shapes are tested natively.

use serde::{Deserialize, Serialize};

use crate::core::data::manifest::FileMeta;
use crate::core::data::merge::Mode;
use crate::core::data::Report;

/// Main thread → dataset worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToWorker {
    /// Load the app's module: the URLs of its JS glue and wasm (read by `worker.js` itself).
    Init { glue: String, wasm: String },
    /// The code lists, as text: parsed once by the worker and kept for every check after.
    Codes { text: String },
    /// Check the file `name`, whose bytes follow the message.
    Check { id: u32, name: String, keep_valid: bool },
}

/// Dataset worker → main thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FromWorker {
    /// Check `id` is done.
    Checked { id: u32, outcome: Box<Outcome> },
    /// The module failed (built never to; a trap): the worker closes itself. Sent by `worker.js`.
    Crashed { id: Option<u32>, detail: String },
}

/// What a check found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Applied: the data and its report (warnings, and the errors of the records dropped when
    /// the user chose to keep the valid ones).
    Accepted { report: Report, data: Checked },
    /// Not applied. `salvage`: (records kept, records dropped) if the valid ones are kept.
    Rejected { report: Report, salvage: Option<(usize, usize)> },
}

/// The validated data, as sent back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Checked {
    /// The first and last month as `Month::index`; the columns follow the message as typed arrays
    /// in `LABOUR_COLUMNS` order (u16 keys, then u32 measures).
    Labour {
        first: u32,
        last: u32,
        meta: Option<FileMeta>,
        dropped: usize,
    },
    /// Small files: the (filtered) file as JSON text, checked again on arrival.
    Consultations {
        json: String,
        dropped: usize,
    },
    Indicators {
        json: String,
        dropped: usize,
    },
}

/// The order of a labour-market file's columns after a `Checked::Labour` message.
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

/// Presenter → speaker view: the slide shown (1-based; 0 when not presenting) and when the
/// presentation started (ms since 1970, as `Date.now()`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlideShown {
    pub slide: usize,
    pub started: f64,
}

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
            ToWorker::Init { glue: "./vagas.js".into(), wasm: "./vagas_bg.wasm".into() },
            ToWorker::Codes { text: "{\"format\": \"vagas.codes\"}".into() },
            ToWorker::Check { id: 7, name: "a \"b\".csv".into(), keep_valid: true },
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
            FromWorker::Checked {
                id: 3,
                outcome: Box::new(Outcome::Accepted {
                    report: report.clone(),
                    data: Checked::Labour { first: 1, last: 9, meta: Some(FileMeta::default()), dropped: 2 },
                }),
            },
            FromWorker::Checked { id: 4, outcome: Box::new(Outcome::Rejected { report, salvage: Some((1, 2)) }) },
            FromWorker::Checked {
                id: 5,
                outcome: Box::new(Outcome::Accepted {
                    report: Report::new("c"),
                    data: Checked::Consultations { json: "{}".into(), dropped: 0 },
                }),
            },
        ];
        for m in replies {
            assert_eq!(from_json::<FromWorker>(&to_json(&m)), Some(m));
        }
    }

    #[test]
    fn the_worker_script_shapes_are_the_ones_it_reads_and_writes() {
        // worker.js reads `type`, `glue` and `wasm` of an init, and writes a crash as below.
        let init = to_json(&ToWorker::Init { glue: "g".into(), wasm: "w".into() });
        assert_eq!(init, r#"{"type":"init","glue":"g","wasm":"w"}"#);
        let crash = r#"{"type":"crashed","id":12,"detail":"RuntimeError: unreachable"}"#;
        assert_eq!(
            from_json::<FromWorker>(crash),
            Some(FromWorker::Crashed { id: Some(12), detail: "RuntimeError: unreachable".into() })
        );
        assert_eq!(from_json::<FromWorker>("{\"type\":\"nonsense\"}"), None);
        assert_eq!(from_json::<FromWorker>("not json"), None);
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
        let m = SlideShown { slide: 3, started: 1_764_468_000_123.0 };
        assert_eq!(to_json(&m), r#"{"slide":3,"started":1764468000123.0}"#);
        assert_eq!(from_json::<SlideShown>(&to_json(&m)), Some(m));
        assert_eq!(from_json::<SlideShown>(r#"{"slide":-1,"started":0}"#), None);
    }
}
