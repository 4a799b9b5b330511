//! The seasonality heatmap's model: occupations × months of the year, coloured by the one
//! vacancies-per-jobseeker scale ([`legend::ratio`]), laid out for a width in CSS pixels and the
//! theme's text sizes, so the view only turns it into SVG elements.
//!
//! Layout rules: twelve cells at least one label height wide (`1.35 ×` the font, ≥ 16 px); the
//! occupation labels take the rest, at most 45 % of the width, shortened at a word with "…"; month
//! names are three letters when they fit a cell, else initials; the legend flows onto as many rows
//! as it needs; the hint and the source line wrap to at most 4 lines each.

use super::legend::{self, Classes};
use super::line::{text_block, Label};
use super::text::{ellipsize, flow_legend, wrap, ChartText, BOLD};
use super::tooltip;
use crate::core::data::Lang;
use crate::core::format;

/// One occupation: its code and name, whether it swings between shortage and surplus, and
/// vacancies per jobseeker in each month of the year (January first).
#[derive(Clone, Debug, PartialEq)]
pub struct HeatRow {
    pub code: String,
    pub name: String,
    pub swings: bool,
    pub values: [Option<f64>; 12],
}

/// One row as drawn: its full label (with "⇅ " when it swings), the label as shown, the label's
/// baseline and the fill of each of its twelve cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeatRowModel {
    pub label: String,
    pub shown: String,
    /// The label as drawn bold (the row is selected): fitted to the same room at bold width.
    pub shown_bold: String,
    pub label_y: f64,
    pub y: f64,
    pub fills: [&'static str; 12],
}

/// The whole chart, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatModel {
    pub width: f64,
    pub height: f64,
    /// Left edge of the first cell, cell width and row height.
    pub label_col: f64,
    pub cell_w: f64,
    pub row_h: f64,
    /// Top of the first row.
    pub top: f64,
    pub months: Vec<Label>,
    pub rows: Vec<HeatRowModel>,
    /// The legend's heading baseline, and each class: swatch x, y, colour, label.
    pub legend_title_y: f64,
    pub legend: Vec<(f64, f64, &'static str, String)>,
    pub hint: Vec<Label>,
    pub source: Vec<Label>,
    pub font: f64,
}

/// Where the cells are: enough to find the cell under the pointer (small and `Copy`, so a
/// view's event handlers can keep it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    pub label_col: f64,
    pub cell_w: f64,
    pub row_h: f64,
    pub top: f64,
    pub rows: usize,
}

impl Grid {
    /// The cell under a point (px): (row, month 0–11), or `None` outside the grid.
    pub fn cell_at(&self, px: f64, py: f64) -> Option<(usize, usize)> {
        let (col, row) = ((px - self.label_col) / self.cell_w, (py - self.top) / self.row_h);
        ((0.0..12.0).contains(&col) && (0.0..self.rows as f64).contains(&row)).then_some((row as usize, col as usize))
    }
}

impl HeatModel {
    /// The grid of cells, for pointer handlers.
    pub fn grid(&self) -> Grid {
        Grid { label_col: self.label_col, cell_w: self.cell_w, row_h: self.row_h, top: self.top, rows: self.rows.len() }
    }

    /// The cell under a point (px): see [`Grid::cell_at`].
    pub fn cell_at(&self, px: f64, py: f64) -> Option<(usize, usize)> {
        self.grid().cell_at(px, py)
    }
}

/// What the read-out says about one cell: "5131 Waiters · Jul: 1.25 vacancies per jobseeker ·
/// 3rd of 20", ranked among the occupations shown in that month; `unit` names the indicator.
pub fn cell_readout(rows: &[HeatRow], row: usize, month: usize, unit: &str, l: Lang) -> Option<String> {
    let r = rows.get(row)?;
    let column: Vec<Option<f64>> = rows.iter().map(|r| r.values.get(month).copied().flatten()).collect();
    let (ranks, of) = tooltip::ranks(&column);
    let name = format!("{} {} · {}", r.code, r.name, format::month_name(l, month as u32 + 1));
    Some(tooltip::line(l, &name, *r.values.get(month)?, 2, unit, ranks[row].map(|k| (k, of)), None))
}

/// What the read-out says about a whole row, on keyboard focus: its full label (`label`, as
/// drawn with "⇅ " when it swings) and the twelve months' values, "Jan 0.32 · Feb 0.41 · …".
pub fn row_readout(rows: &[HeatRow], label: &str, row: usize, l: Lang) -> Option<String> {
    let r = rows.get(row)?;
    let values: Vec<String> = (0..12)
        .map(|k| format!("{} {}", format::month_name(l, k as u32 + 1), format::maybe(l, r.values[k], 2)))
        .collect();
    Some(format!("{label}: {}", values.join(" · ")))
}

/// Lays out `rows` for `width` px; `hint` and `source` are drawn under the legend.
pub fn layout(rows: &[HeatRow], width: f64, text: ChartText, hint: &str, source: &str, l: Lang) -> HeatModel {
    let w = width;
    let fs = text.label;
    let label_col = (w * 0.45).min(w - 12.0 * (fs * 1.35).max(16.0) - 8.0).max(60.0);
    let cell_w = (w - label_col - 8.0) / 12.0;
    let row_h = text.line().max(20.0);
    let short = text.width("mmm") + 4.0 > cell_w;
    let top = 10.0 + text.line() + 4.0;
    let classes: Classes = legend::ratio(l);
    let (legend_pos, legend_h) = flow_legend(&classes.labels, w - 16.0, text, 14.0);
    let hint_lines = wrap(hint, w - 16.0, fs, 4);
    let source_lines = wrap(source, w - 16.0, fs, 4);
    let body_h = row_h * rows.len() as f64;
    let ly = top + body_h + 10.0 + text.line();
    let hint_y = ly + legend_h + 6.0;
    let source_y = hint_y + text.line() * hint_lines.len() as f64 + 4.0;
    let height = source_y + text.line() * source_lines.len() as f64 + 6.0;
    let months = (1..=12u32)
        .map(|m| {
            let name = format::month_name(l, m);
            let name = if short {
                name.chars().next().map(|c| c.to_uppercase().to_string()).unwrap_or_default()
            } else {
                name.to_string()
            };
            Label { x: label_col + cell_w * (f64::from(m) - 0.5), y: top - 6.0, anchor: "middle", text: name }
        })
        .collect();
    let out = rows
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let y = top + row_h * k as f64;
            let label = format!("{}{} {}", if r.swings { "⇅ " } else { "" }, r.code, r.name);
            let (shown, _) = ellipsize(&label, label_col - 14.0, fs);
            let (shown_bold, _) = ellipsize(&label, (label_col - 14.0) / BOLD, fs);
            HeatRowModel {
                shown,
                shown_bold,
                label,
                label_y: y + row_h * 0.5 + fs * 0.35,
                y,
                fills: std::array::from_fn(|m| classes.color(r.values[m])),
            }
        })
        .collect();
    let legend = classes
        .labels
        .iter()
        .zip(&classes.colors)
        .zip(&legend_pos)
        .map(|((label, colour), (lx, lyy))| (8.0 + lx, ly + lyy, *colour, label.clone()))
        .collect();
    HeatModel {
        width: w,
        height,
        label_col,
        cell_w,
        row_h,
        top,
        months,
        rows: out,
        legend_title_y: ly - 6.0,
        legend,
        hint: text_block(hint_lines, hint_y, text),
        source: text_block(source_lines, source_y, text),
        font: fs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chart::classify::RatioClass;
    use crate::core::chart::palette::{NO_DATA, RATIO};

    fn rows() -> Vec<HeatRow> {
        vec![
            HeatRow {
                code: "9412".into(),
                name: "Kitchen helpers".into(),
                swings: true,
                values: std::array::from_fn(|m| Some(if (5..9).contains(&m) { 1.6 } else { 0.4 })),
            },
            HeatRow {
                code: "8341".into(),
                name: "Mobile farm and forestry plant operators".into(),
                swings: false,
                values: std::array::from_fn(|m| if m == 0 { None } else { Some(0.95) }),
            },
            HeatRow { code: "5131".into(), name: "Waiters".into(), swings: false, values: [Some(1.2); 12] },
        ]
    }

    #[test]
    fn cells_labels_and_months_fit_at_every_width() {
        for (w, text) in [(328.0, ChartText::SCREEN), (700.0, ChartText::SCREEN), (1200.0, ChartText::PROJECTOR)] {
            let m = layout(&rows(), w, text, "Click a row to filter.", "Source: illustrative data", Lang::Pt);
            assert!(m.cell_w >= (text.label * 1.35).max(16.0) - 0.01, "{w}: cells narrower than a label");
            assert!(m.label_col + 12.0 * m.cell_w <= w);
            for r in &m.rows {
                assert!(8.0 + text.width(&r.shown) <= m.label_col, "{w}: {:?} runs into the cells", r.shown);
                assert!(r.shown == r.label || r.shown.ends_with('…'));
                assert!(
                    8.0 + text.width(&r.shown_bold) * BOLD <= m.label_col,
                    "{w}: bold {:?} runs into the cells",
                    r.shown_bold
                );
            }
            for lb in &m.months {
                assert!(text.width(&lb.text) <= m.cell_w + 0.01, "{w}: month {:?} wider than its cell", lb.text);
            }
            for lb in m.hint.iter().chain(&m.source) {
                assert!(lb.x + text.width(&lb.text) <= w && lb.y < m.height);
            }
            assert!(m.legend.iter().all(|(x, _, _, label)| x + 20.0 + text.width(label) <= w));
        }
    }

    #[test]
    fn short_month_names_only_when_three_letters_do_not_fit() {
        let wide = layout(&rows(), 1100.0, ChartText::SCREEN, "", "", Lang::En);
        let narrow = layout(&rows(), 328.0, ChartText::PROJECTOR, "", "", Lang::En);
        assert!(wide.months.iter().all(|m| m.text.chars().count() == 3));
        assert!(narrow.months.iter().all(|m| m.text.chars().count() == 1));
    }

    #[test]
    fn cells_take_the_ratio_scale_centred_on_one() {
        let m = layout(&rows(), 800.0, ChartText::SCREEN, "", "", Lang::En);
        let shortage = RATIO[RatioClass::of(Some(1.6)).unwrap() as usize];
        assert_eq!(m.rows[0].fills[6], shortage, "July: a shortage");
        assert_ne!(m.rows[0].fills[0], shortage, "January: a surplus");
        assert_eq!(m.rows[1].fills[0], NO_DATA);
        assert!(m.rows[0].label.starts_with("⇅ "));
    }

    #[test]
    fn the_pointer_finds_cells_and_the_readout_ranks_them() {
        let m = layout(&rows(), 800.0, ChartText::SCREEN, "", "", Lang::En);
        let x = m.label_col + m.cell_w * 6.5;
        assert_eq!(m.cell_at(x, m.top + m.row_h * 0.5), Some((0, 6)));
        assert_eq!(m.cell_at(x, m.top + m.row_h * 2.5), Some((2, 6)));
        assert_eq!(m.cell_at(x, m.top + m.row_h * 3.5), None, "below the last row");
        assert_eq!(m.cell_at(m.label_col - 1.0, m.top + 1.0), None, "on the labels");
        let r = cell_readout(&rows(), 2, 6, "vacancies per jobseeker", Lang::En).unwrap();
        assert!(r.starts_with("5131 Waiters · ") && r.contains("1.20") && r.contains("2nd of 3"), "{r}");
        let none = cell_readout(&rows(), 1, 0, "vacancies per jobseeker", Lang::En).unwrap();
        assert!(!none.contains(" of "), "no rank for a missing value: {none}");
    }

    #[test]
    fn no_rows_still_lay_out() {
        let m = layout(&[], 360.0, ChartText::SCREEN, "", "", Lang::Pt);
        assert!(m.rows.is_empty() && m.height > m.top && m.cell_at(200.0, m.top).is_none());
    }

    #[test]
    fn a_focused_row_reads_out_its_twelve_months() {
        let m = layout(&rows(), 800.0, ChartText::SCREEN, "", "", Lang::En);
        let r = row_readout(&rows(), &m.rows[1].label, 1, Lang::En).unwrap();
        assert!(r.starts_with("8341 Mobile farm and forestry plant operators: "), "{r}");
        assert_eq!(r.matches(" · ").count(), 11, "{r}");
        assert!(r.contains("Jul 0.95"), "{r}");
        let pt = row_readout(&rows(), &m.rows[0].label, 0, Lang::Pt).unwrap();
        assert!(pt.starts_with("⇅ 9412 Kitchen helpers: ") && pt.contains("1,60"), "{pt}");
        assert_eq!(row_readout(&rows(), "", 3, Lang::En), None, "no such row");
    }
}
