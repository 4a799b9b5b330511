//! Pure chart geometry: scales, ticks, colour classification and palettes.

pub mod classify;
pub mod labels;
pub mod legend;
pub mod palette;
pub mod scale;
pub mod text;
pub mod tooltip;
