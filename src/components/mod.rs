//! One file per view or widget of the overview.

pub mod datasets;
pub mod filters;
pub mod header;
pub mod headlines;
pub mod notice;
pub mod occupations;
pub mod report;
pub mod themes;
