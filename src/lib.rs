//! Vagas: a dashboard of labour shortages and stakeholder consultations in
//! Portugal's regions.
//!
//! Three layers, imports pointing down only (checked by `tests/architecture.rs`;
//! see `docs/architecture.md`):
//! - [`core`]: pure Rust, no browser APIs, tested natively: the data model and its
//!   checks, the view state and its URL codec, chart models, translations, formatting;
//! - [`app`]: the browser side without views: the store and its derived memos, the
//!   dataset pipeline, network/worker/storage adapters, URL sync, downloads;
//! - [`ui`]: the Leptos views, which render what `app` and `core` computed.

pub mod core;

pub mod app;
pub mod ui;
