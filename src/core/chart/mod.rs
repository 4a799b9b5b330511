//! Pure chart geometry and chart models: scales, ticks, colour classes and palettes, text fitting,
//! and one model per chart kind (`line`, `bars`, `heatmap`): a function from the data and a width
//! in CSS pixels to everything the view draws, tested natively at several widths; and the tables
//! with an inline bar (`bar_table`): rows to formatted cells, bar fractions and flags.

pub mod bar_table;
pub mod bars;
pub mod choropleth;
pub mod classify;
pub mod compare;
pub mod heatmap;
pub mod labels;
pub mod legend;
pub mod line;
pub mod matrix;
pub mod palette;
pub mod scale;
pub mod stacked;
pub mod text;
pub mod tooltip;
