//! The data core: dataset types, parsing, validation and aggregation.
//! Pure Rust (no browser APIs), tested natively with `cargo test`.

pub mod aggregate;
pub mod cells;
pub mod code_rules;
pub mod codes;
pub mod column;
pub mod consultations;
pub mod csv;
pub mod decode;
pub mod indicator;
pub mod indicators;
pub mod ingest;
pub mod labour;
pub mod manifest;
pub mod merge;
pub mod month;
pub mod outcomes;
pub mod parse;
pub mod path;
pub mod path_at;
pub mod problem;
pub mod regions;
pub mod search;
pub mod text;

pub use indicator::Indicator;
pub use month::Month;
pub use problem::{Problem, ProblemKind, Report, Severity};
pub use text::{Lang, Text};
