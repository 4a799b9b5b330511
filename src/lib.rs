//! Vagas: a dashboard of labour shortages and stakeholder consultations in
//! Portugal's regions.
//!
//! `data`, `format`, `i18n` and `sample` are pure Rust, tested natively;
//! `app` and `components` are the Leptos interface compiled to WebAssembly.

pub mod data;
pub mod export;
pub mod format;
pub mod i18n;
pub mod messages;
pub mod sample;
pub mod share;

pub mod app;
pub mod chart;
pub mod components;
pub mod geo;
pub mod qr;
pub mod table;
pub mod view_state;
