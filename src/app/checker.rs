//! The dataset worker's side of the check of a user's file: runs in a Web Worker (`worker.js`),
//! in its own WebAssembly module (`src/bin/vagas-worker.rs`, built by trunk beside the app's),
//! so the page's module carries neither the CSV reader nor the checks that only a user's file
//! needs. It answers the typed `core::wire` messages of `app::worker`: the code lists once
//! (parsed and kept), then one `Check` per file, whose bytes come beside the message; the reply
//! is a `Checked` and its binary parts (a labour-market file's columns, transferred).
//!
//! State in a `thread_local`: a worker has no store, only this module's instance.

use std::cell::RefCell;

use js_sys::{Array, Uint16Array, Uint32Array};
use wasm_bindgen::prelude::*;

use crate::core::data::codes::{self, Codes};
use crate::core::data::ingest::{self, Data, Ingested, Rejected};
use crate::core::data::parse::LoadOptions;
use crate::core::data::Report;
use crate::core::wire::{self, Checked, Outcome, ToWorker};

use super::worker::{checker_failed, to_js};

thread_local! {
    /// In the worker: the code lists of the last `ToWorker::Codes`, parsed once.
    static WORKER_CODES: RefCell<Option<Result<Codes, Report>>> = const { RefCell::new(None) };
}

/// A reply: the message as a JS value, then its binary parts. A message that cannot be converted
/// (never expected) is replaced by `Outcome::Crashed` with the reason, so the page is answered.
fn reply(msg: &Checked, parts: impl IntoIterator<Item = JsValue>) -> Array {
    let first = to_js(msg).unwrap_or_else(|e| {
        let crashed = Checked(msg.0, Outcome::Crashed(format!("the checker's reply could not be sent: {e}")));
        to_js(&crashed).unwrap_or(JsValue::NULL)
    });
    let out = Array::of1(&first);
    for p in parts {
        out.push(&p);
    }
    out
}

/// Handles one message (`message`, a `ToWorker`; `bytes`, the file of a check) and
/// returns the reply to post (empty when there is none): a `Checked`,
/// then the typed arrays to transfer.
pub fn handle(message: JsValue, bytes: &[u8]) -> Array {
    let (id, name, keep_valid) = match serde_wasm_bindgen::from_value::<ToWorker>(message).ok() {
        Some(ToWorker::Codes(text)) => {
            WORKER_CODES.with(|c| *c.borrow_mut() = Some(codes::load("codes", &text).map(|(c, _)| c)));
            return Array::new();
        }
        Some(ToWorker::Check(id, name, keep_valid)) => (id, name, keep_valid),
        Some(ToWorker::Init(..)) | None => return Array::new(),
    };
    let outcome = WORKER_CODES.with(|c| match &*c.borrow() {
        Some(Ok(codes)) => Ok(ingest::ingest(&name, bytes, codes, LoadOptions { keep_valid })),
        Some(Err(report)) => Err(report.clone()),
        // Never: the page sends the code lists before any check.
        None => Err(checker_failed(&name, true, "the code lists did not reach the checker")),
    });
    let (outcome, parts): (Outcome, Vec<JsValue>) = match outcome {
        Err(report) | Ok(Err(Rejected { report, salvage: None })) => (Outcome::Rejected(report, None), vec![]),
        Ok(Err(Rejected { report, salvage })) => (Outcome::Rejected(report, salvage), vec![]),
        Ok(Ok(Ingested { data, report })) => {
            let dropped = data.dropped();
            match data {
                Data::Labour(l) => {
                    let keys = [&l.month, &l.region, &l.sector, &l.occupation];
                    let mut parts: Vec<JsValue> = keys.iter().map(|v| Uint16Array::from(v.as_slice()).into()).collect();
                    parts.extend(l.measures.iter().map(|v| JsValue::from(Uint32Array::from(v.as_slice()))));
                    (Outcome::Labour(report, l.first.index(), l.last.index(), l.meta, dropped), parts)
                }
                Data::Consultations(c) => (Outcome::Consultations(report, wire::to_json(&c.file), dropped), vec![]),
                Data::Indicators(i) => (Outcome::Indicators(report, wire::to_json(&i.to_file()), dropped), vec![]),
            }
        }
    };
    reply(&Checked(id, outcome), parts)
}
