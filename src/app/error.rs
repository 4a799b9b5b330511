//! The one error type of the app layer: why a dataset (bundled or the user's) could not be
//! fetched, read or checked. Validation problems themselves are a located `Report`;
//! the views turn each variant into a sentence in the user's language (`Display` here is the
//! English one for logs).

use crate::core::data::manifest::Kind;
use crate::core::data::Report;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Error {
    /// The server answered with this non-success HTTP status (404/410: not found, 401/403:
    /// refused, anything else: an HTTP error).
    #[error("HTTP status {0}")]
    Http(u16),
    /// No readable answer. For another origin, usually a server that does not allow it (no CORS
    /// header); otherwise the network. `detail`: the browser's message.
    #[error("network failure: {detail}")]
    Network { cross_origin: bool, detail: String },
    /// No answer within this many seconds.
    #[error("no answer within {0} s")]
    Timeout(u32),
    /// The browser could not read the file (its message).
    #[error("the file could not be read: {0}")]
    Read(String),
    /// The file has errors; nothing of it is applied.
    #[error("{0}")]
    Invalid(Report),
    /// A kind a user cannot load (code lists and boundaries are the app's own).
    #[error("{} files cannot be loaded here", .0.code())]
    NotLoadable(Kind),
    /// The code lists (or the manifest) failed, so this file cannot be checked.
    #[error("the code lists could not be loaded")]
    Dependency,
    /// The part of the app that checks this kind of file could not be fetched (`ui::lazy`).
    #[error("the part of the app that checks this file could not be fetched")]
    PartMissing,
    /// The datasets kept in this browser could not be brought back: the part of the app that
    /// reads them could not be fetched. They stay stored.
    #[error("the part of the app that restores the stored datasets could not be fetched")]
    RestoreMissing,
}

impl From<crate::core::pipeline::Refused> for Error {
    fn from(r: crate::core::pipeline::Refused) -> Error {
        match r {
            crate::core::pipeline::Refused::Invalid(report) => Error::Invalid(report),
            crate::core::pipeline::Refused::NeedsCodes => Error::Dependency,
        }
    }
}

/// A JS exception's message: a string thrown, an `Error`'s "name: message" (as
/// "TypeError: Failed to fetch"), or whatever else it is, debug-printed.
pub fn js_message(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    if let Some(s) = e.as_string() {
        return s;
    }
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => format!("{}: {}", String::from(err.name()), String::from(err.message())),
        None => format!("{e:?}"),
    }
}
