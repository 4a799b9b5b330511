//! The pure core: no leptos, no web-sys; everything here is tested natively.
//!
//! Inside the core, units depend on the ones listed before them only:
//! `data` ← `format` ← `i18n` ← `state` / `url` ← `story` ← `table` / `chart` / `geo` ←
//! `export`; `sample`, `schema`, `share`, `qr` and `doc` (documents in both languages) stand
//! beside them; `wire` (the typed messages at the app's IO boundaries) uses `data` only,
//! `pipeline` (the pure steps of loading a dataset) `data` and `story`.

pub mod chart;
pub mod data;
pub mod doc;
pub mod export;
pub mod format;
pub mod geo;
pub mod headlines;
pub mod i18n;
pub mod pipeline;
pub mod qr;
pub mod sample;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod share;
pub mod state;
pub mod story;
pub mod table;
pub mod url;
pub mod wire;
