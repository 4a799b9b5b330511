//! The barriers chart's model: one horizontal bar per theme, stacked by stakeholder group, laid out
//! for a width in CSS pixels and the theme's text sizes, so the view only turns it into SVG.
//!
//! Layout rules: below [`STACKED_BELOW`](super::bars::STACKED_BELOW) px each label goes above its
//! bar, otherwise beside it in a column of up to 38 % of the width (at most 320 px), shortened at a
//! word with "…"; the total follows its bar; a group colour legend flows onto as many rows as it
//! needs; the source line wraps to at most 4 lines.

use super::bars::STACKED_BELOW;
use super::line::{text_block, Label};
use super::palette::SERIES;
use super::scale::{nice_domain, Band, Linear};
use super::text::{ellipsize, flow_legend, wrap, ChartText};
use crate::core::data::Lang;
use crate::core::format;

/// Eight stakeholder groups: the six Okabe–Ito colours and two greys.
pub const GROUP_COLORS: [&str; 8] =
    [SERIES[0], SERIES[1], SERIES[2], SERIES[3], SERIES[4], SERIES[5], "#555555", "#999999"];

/// The colour of stakeholder group `g` (by its position in the code list).
pub fn group_colour(g: usize) -> &'static str {
    GROUP_COLORS[g % GROUP_COLORS.len()]
}

/// One stacked bar as input: its name and the value of each group (code-list order).
#[derive(Clone, Debug, PartialEq)]
pub struct Stack {
    pub name: String,
    pub by_group: Vec<u32>,
}

/// One segment of a bar: the group, x, width.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub group: usize,
    pub x: f64,
    pub w: f64,
    pub value: u32,
}

/// One bar as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct StackRow {
    /// The label as drawn (whole words, "…" when shortened) and its baseline.
    pub shown: String,
    pub label_y: f64,
    /// Top and height of the bar.
    pub y: f64,
    pub h: f64,
    pub segments: Vec<Segment>,
    /// The total as written, and where: x, baseline.
    pub total: String,
    pub total_at: (f64, f64),
}

/// The whole chart, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct StackModel {
    pub width: f64,
    pub height: f64,
    pub rows: Vec<StackRow>,
    /// Legend: swatch x, y, colour, group name.
    pub legend: Vec<(f64, f64, &'static str, String)>,
    pub source: Vec<Label>,
    pub font: f64,
}

/// Lays out `stacks` (in order) for `width` px; `groups` names the groups in the legend.
pub fn layout(stacks: &[Stack], groups: &[String], width: f64, text: ChartText, source: &str, l: Lang) -> StackModel {
    let w = width;
    let fs = text.label;
    let stacked = w < STACKED_BELOW;
    let label_w = if stacked { w - 16.0 } else { (w * 0.38).min(320.0) };
    let bar_left = if stacked { 8.0 } else { label_w + 8.0 };
    let row_h = if stacked { text.line() + fs + 8.0 } else { text.line() + 8.0 };
    let top = 10.0;
    let plot_bottom = top + row_h * stacks.len() as f64;
    let (legend_pos, legend_h) = flow_legend(groups, w - 16.0, text, 12.0);
    let legend_top = plot_bottom + 10.0;
    let source_lines = wrap(source, w - 16.0, fs, 4);
    let source_y = legend_top + legend_h + 4.0;
    let height = source_y + text.line() * source_lines.len() as f64 + 6.0;
    let totals: Vec<u32> = stacks.iter().map(|s| s.by_group.iter().sum()).collect();
    let max = totals.iter().copied().max().unwrap_or(1).max(1);
    let (_, d1) = nice_domain(0.0, f64::from(max), 4);
    let value_w = text.width(&format::integer(l, f64::from(max))) + 10.0;
    let x = Linear::new((0.0, d1), (bar_left, (w - value_w).max(bar_left + 20.0)));
    let band = Band::new(stacks.len(), (top, plot_bottom), 0.2);
    let rows = stacks
        .iter()
        .zip(&totals)
        .enumerate()
        .map(|(k, (s, total))| {
            let y0 = band.position(k);
            let (label_y, y, h) = if stacked {
                (y0 + fs, y0 + text.line(), (band.bandwidth() - text.line()).max(4.0))
            } else {
                (y0 + band.bandwidth() * 0.5 + fs * 0.35, y0, band.bandwidth())
            };
            let mut acc = 0.0;
            let segments = s
                .by_group
                .iter()
                .enumerate()
                .filter(|(_, &v)| v > 0)
                .map(|(g, &v)| {
                    let x0 = x.map(acc);
                    acc += f64::from(v);
                    Segment { group: g, x: x0, w: (x.map(acc) - x0).max(0.0), value: v }
                })
                .collect();
            StackRow {
                shown: ellipsize(&s.name, label_w - 12.0, fs).0,
                label_y,
                y,
                h,
                segments,
                total: format::integer(l, f64::from(*total)),
                total_at: (x.map(acc) + 4.0, y + h * 0.5 + fs * 0.35),
            }
        })
        .collect();
    let legend = groups
        .iter()
        .zip(&legend_pos)
        .enumerate()
        .map(|(g, (name, (lx, ly)))| (8.0 + lx, legend_top + ly, group_colour(g), name.clone()))
        .collect();
    let source = text_block(source_lines, source_y, text);
    StackModel { width: w, height, rows, legend, source, font: fs }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stacks() -> Vec<Stack> {
        vec![
            Stack { name: "Housing".into(), by_group: vec![3, 0, 5, 1] },
            Stack { name: "Recognition of qualifications and skills".into(), by_group: vec![1, 1, 0, 0] },
            Stack { name: "Visas".into(), by_group: vec![0, 0, 0, 0] },
        ]
    }

    fn groups() -> Vec<String> {
        ["Employers", "Workers", "Municipalities", "Countries of origin"].map(String::from).to_vec()
    }

    #[test]
    fn segments_add_up_and_everything_fits_at_every_width() {
        for (w, text) in [(328.0, ChartText::SCREEN), (700.0, ChartText::SCREEN), (1200.0, ChartText::PROJECTOR)] {
            let m = layout(&stacks(), &groups(), w, text, "Source: illustrative consultations", Lang::En);
            let r = &m.rows[0];
            assert_eq!(r.segments.iter().map(|s| s.value).sum::<u32>(), 9);
            assert_eq!(r.segments.len(), 3, "empty groups draw no segment");
            for pair in r.segments.windows(2) {
                assert!((pair[0].x + pair[0].w - pair[1].x).abs() < 1e-9, "segments touch");
            }
            for row in &m.rows {
                assert!(8.0 + text.width(&row.shown) <= w);
                assert!(row.total_at.0 + text.width(&row.total) <= w + 0.5, "{w}: total past the edge");
            }
            assert!(m.legend.iter().all(|(x, _, _, name)| x + 18.0 + text.width(name) <= w));
            assert!(m.source.iter().all(|s| s.y < m.height));
        }
    }

    #[test]
    fn the_longest_bar_is_the_largest_total_and_zero_draws_nothing() {
        let m = layout(&stacks(), &groups(), 800.0, ChartText::SCREEN, "", Lang::Pt);
        let len = |r: &StackRow| r.segments.iter().map(|s| s.w).sum::<f64>();
        assert!(len(&m.rows[0]) > len(&m.rows[1]));
        assert!(m.rows[2].segments.is_empty() && m.rows[2].total == "0");
        assert_eq!(m.rows[0].segments[0].group, 0);
        assert_eq!(m.legend[2].2, group_colour(2));
    }

    #[test]
    fn no_stacks_still_lay_out() {
        let m = layout(&[], &[], 360.0, ChartText::SCREEN, "", Lang::Pt);
        assert!(m.rows.is_empty() && m.legend.is_empty() && m.height > 0.0);
    }
}
