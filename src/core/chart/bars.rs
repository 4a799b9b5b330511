//! The bar chart's model: ranked horizontal bars laid out for a width in CSS pixels and the
//! theme's text sizes, so the view only turns it into SVG elements.
//!
//! Layout rules: below [`STACKED_BELOW`] px each label goes above its bar, otherwise beside it in a
//! column of up to 45 % of the width (at most 420 px); labels that do not fit end with "…" at a
//! word boundary (the full text stays in the model for the tooltip); the value follows its bar;
//! for vacancies per jobseeker each bar takes its ratio class colour and a dashed line marks 1.0
//! with the longest of three labels that fits; the source line wraps to at most 4 lines.

use std::cmp::Ordering;

use super::line::{text_block, Label};
use super::palette::SEQUENTIAL;
use super::scale::{nice_domain, Band, Linear};
use super::text::{ellipsize, wrap, ChartText, BOLD};
use crate::core::data::aggregate::{indicator_value, Aggregates, Sums};
use crate::core::data::codes::Codes;
use crate::core::data::{Indicator, Lang};
use crate::core::format;
use crate::core::i18n::{t, Key};

/// Below this width (px), each label goes above its bar instead of beside it.
pub const STACKED_BELOW: f64 = 520.0;

/// One bar: code, label, value (`None`: no data).
pub type Bar = (String, String, Option<f64>);

/// What a ranking ranks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RankKind {
    /// ISCO-08 occupations (unit groups).
    Occupations,
    /// NACE Rev. 2 sectors (divisions) with any record in the filter.
    Sectors,
}

/// Largest value first; bars without a value last, by code.
pub fn sort_ranked(bars: &mut [Bar]) {
    bars.sort_by(|a, b| match (a.2, b.2) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.0.cmp(&b.0),
    });
}

/// The ranking of occupations or sectors by `ind` for the aggregates of the current filter, in
/// the language `l`, sorted by [`sort_ranked`]. Changes need the previous year per row, which the
/// aggregates do not keep per row: `Indicator::Change` gives no values.
pub fn ranking(kind: RankKind, ind: Indicator, codes: &Codes, agg: &Aggregates, l: Lang) -> Vec<Bar> {
    let months = agg.months_with_data;
    let value = |s: &Sums| indicator_value(ind, s, months, None);
    let mut out: Vec<Bar> = match kind {
        RankKind::Occupations => agg
            .by_occupation
            .iter()
            .filter_map(|r| {
                let o = codes.occupations().get(r.occupation)?;
                Some((o.code.clone(), o.name.get(l).to_string(), value(&r.sums)))
            })
            .collect(),
        RankKind::Sectors => codes
            .sectors()
            .iter()
            .zip(&agg.by_sector)
            .filter(|(_, s)| !s.is_empty())
            .map(|(e, s)| (e.code.clone(), e.name.get(l).to_string(), value(s)))
            .collect(),
    };
    sort_ranked(&mut out);
    out
}

/// One bar as drawn.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BarRow {
    /// The full label ("5131 Waiters"), for the tooltip and the accessible name.
    pub label: String,
    /// The label as drawn: whole words, ending in "…" when shortened.
    pub shown: String,
    /// The label as drawn bold (the bar is selected): fitted to the same room at bold width.
    pub shown_bold: String,
    /// Baseline of the label.
    pub label_y: f64,
    /// The bar: x, y, width, height.
    pub bar: (f64, f64, f64, f64),
    pub fill: &'static str,
    /// The value as written, and where: x, baseline.
    pub value: String,
    pub value_at: (f64, f64),
}

/// The line at 1.0 for vacancies per jobseeker: x, top, bottom, and its label.
pub type Balance = (f64, f64, f64, Label);

/// The whole chart, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct BarsModel {
    pub width: f64,
    pub height: f64,
    pub rows: Vec<BarRow>,
    /// The line at 1.0 for vacancies per jobseeker (ratios only).
    pub balance: Option<Balance>,
    pub source: Vec<Label>,
    pub font: f64,
}

/// Lays out `rows` (already in order) for `width` px. `ratio`: the values are vacancies per
/// jobseeker (class colours and the 1.0 line); `source`: the source line under the chart.
pub fn layout(
    rows: &[Bar],
    decimals: usize,
    ratio: bool,
    width: f64,
    text: ChartText,
    source: &str,
    l: Lang,
) -> BarsModel {
    let w = width;
    let fs = text.label;
    let stacked = w < STACKED_BELOW;
    let label_w = if stacked { w - 16.0 } else { (w * 0.45).min(420.0) };
    let bar_left = if stacked { 8.0 } else { label_w + 8.0 };
    let value_w = rows.iter().map(|r| text.width(&format::maybe(l, r.2, decimals))).fold(0.0, f64::max) + 10.0;
    let row_h = if stacked { text.line() + fs + 8.0 } else { text.line() + 6.0 };
    let top = 10.0 + if ratio { text.line() } else { 0.0 };
    let source_lines = wrap(source, w - 16.0, fs, 4);
    let bottom = 10.0 + text.line() * source_lines.len() as f64;
    let height = top + bottom + row_h * rows.len() as f64;
    let max = rows.iter().filter_map(|r| r.2).fold(0.0_f64, f64::max);
    let (_, d1) = nice_domain(0.0, if max > 0.0 { max } else { 1.0 }, 4);
    let x = Linear::new((0.0, d1), (bar_left, (w - value_w).max(bar_left + 20.0)));
    let band = Band::new(rows.len(), (top, height - bottom), 0.2);
    let classes = ratio.then(|| super::legend::ratio(l));
    let out = rows
        .iter()
        .enumerate()
        .map(|(k, (code, name, v))| {
            let y = band.position(k);
            let fill = classes.as_ref().map_or(SEQUENTIAL[3], |c| c.color(*v));
            let label = format!("{code} {name}");
            let (shown, _) = ellipsize(&label, label_w - 12.0, fs);
            let (shown_bold, _) = ellipsize(&label, (label_w - 12.0) / BOLD, fs);
            let (label_y, bar_y, bar_h) = if stacked {
                (y + fs, y + text.line(), (band.bandwidth() - text.line()).max(4.0))
            } else {
                (y + band.bandwidth() * 0.5 + fs * 0.35, y, band.bandwidth())
            };
            let end = x.map(v.unwrap_or(0.0));
            BarRow {
                label,
                shown,
                shown_bold,
                label_y,
                bar: (bar_left, bar_y, (end - bar_left).max(0.0), bar_h),
                fill,
                value: format::maybe(l, *v, decimals),
                value_at: (end + 4.0, bar_y + bar_h * 0.5 + fs * 0.35),
            }
        })
        .collect();
    let balance = (ratio && d1 >= 1.0).then(|| {
        let x1 = x.map(1.0);
        // The full label right of the line, or left of it; a shorter one when neither fits.
        let place = |label: &str| {
            let lw = text.width(label);
            if x1 + 4.0 + lw <= w - 4.0 {
                Some((x1 + 4.0, "start"))
            } else if x1 - 4.0 - lw >= 4.0 {
                Some((x1 - 4.0, "end"))
            } else {
                None
            }
        };
        let (label, (lx, anchor)) = [t(l, Key::BalanceLine), t(l, Key::BalanceShort), "1"]
            .into_iter()
            .find_map(|label| place(label).map(|p| (label, p)))
            .unwrap_or(("1", (x1 + 4.0, "start")));
        let y1 = top - text.line();
        (x1, y1, height - bottom, Label { x: lx, y: y1 + fs, anchor, text: label.to_string() })
    });
    let source = text_block(source_lines, height - bottom + 4.0, text);
    BarsModel { width: w, height, rows: out, balance, source, font: fs }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Bar> {
        let mut r: Vec<Bar> = vec![
            ("9211".into(), "Crop farm labourers".into(), Some(1.8)),
            ("5131".into(), "Waiters".into(), Some(0.7)),
            ("8341".into(), "Mobile farm and forestry plant operators".into(), Some(1.05)),
            ("9412".into(), "Kitchen helpers".into(), None),
            ("5120".into(), "Cooks".into(), Some(0.3)),
        ];
        sort_ranked(&mut r);
        r
    }

    fn sizes() -> [(f64, ChartText); 4] {
        [
            (328.0, ChartText::SCREEN),
            (600.0, ChartText::SCREEN),
            (1100.0, ChartText::SCREEN),
            (1200.0, ChartText::PROJECTOR),
        ]
    }

    #[test]
    fn ranked_largest_first_and_missing_values_last() {
        let r = rows();
        let codes: Vec<&str> = r.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(codes, ["9211", "8341", "5131", "5120", "9412"]);
    }

    #[test]
    fn labels_values_and_bars_fit_at_every_width() {
        for (w, text) in sizes() {
            let m = layout(&rows(), 2, true, w, text, "Source: illustrative data", Lang::En);
            assert_eq!(m.rows.len(), 5);
            for r in &m.rows {
                assert!(8.0 + text.width(&r.shown) <= w, "{w}: label {:?} too wide", r.shown);
                // Beside its bar (not stacked above it), the label ends before the bar, bold too.
                if r.bar.0 > 8.0 {
                    assert!(8.0 + text.width(&r.shown) <= r.bar.0, "{w}: {:?} runs under its bar", r.shown);
                    assert!(
                        8.0 + text.width(&r.shown_bold) * BOLD <= r.bar.0,
                        "{w}: bold {:?} runs under its bar",
                        r.shown_bold
                    );
                }
                assert!(r.shown_bold == r.label || r.shown_bold.ends_with('…'));
                assert!(r.shown == r.label || r.shown.ends_with('…'), "{w}: {:?} cut mid-word", r.shown);
                let (bx, by, bw, bh) = r.bar;
                assert!(bx >= 0.0 && bx + bw <= w && bh >= 4.0 && by + bh <= m.height);
                assert!(r.value_at.0 + text.width(&r.value) <= w + 0.5, "{w}: value {:?} past the edge", r.value);
            }
            let (x1, _, _, label) = m.balance.clone().expect("ratios up to 1.8 show the 1.0 line");
            assert!(x1 > 0.0 && x1 < w);
            let lw = text.width(&label.text);
            let (a, b) = if label.anchor == "end" { (label.x - lw, label.x) } else { (label.x, label.x + lw) };
            assert!(a >= 0.0 && b <= w, "{w}: balance label {:?} outside", label.text);
        }
    }

    #[test]
    fn narrow_charts_put_labels_above_bars_and_shorten_none_of_these() {
        let narrow = layout(&rows(), 2, false, 328.0, ChartText::SCREEN, "", Lang::En);
        let wide = layout(&rows(), 2, false, 1100.0, ChartText::SCREEN, "", Lang::En);
        assert!(narrow.rows.iter().all(|r| r.label_y < r.bar.1 + 0.1), "label above the bar");
        assert!(wide.rows.iter().all(|r| r.label_y > r.bar.1), "label beside the bar");
        assert!(wide.rows.iter().all(|r| r.bar.0 > 300.0));
        assert!(narrow.rows.iter().all(|r| r.shown == r.label), "328 px is room enough for these names");
        let tiny = layout(&rows(), 2, false, 200.0, ChartText::SCREEN, "", Lang::En);
        assert!(tiny.rows.iter().any(|r| r.shown.ends_with('…')));
    }

    #[test]
    fn ratio_bars_take_class_colours_others_one_colour() {
        let m = layout(&rows(), 2, true, 800.0, ChartText::SCREEN, "", Lang::En);
        let classes = super::super::legend::ratio(Lang::En);
        assert_eq!(m.rows[0].fill, classes.color(Some(1.8)));
        assert_ne!(m.rows[0].fill, m.rows[3].fill, "shortage and surplus differ");
        let plain = layout(&rows(), 2, false, 800.0, ChartText::SCREEN, "", Lang::En);
        assert!(plain.rows.iter().all(|r| r.fill == SEQUENTIAL[3]));
        assert!(plain.balance.is_none());
        // Longer bars for larger values; none for a missing one.
        assert!(m.rows[0].bar.2 > m.rows[1].bar.2 && m.rows[4].bar.2 == 0.0);
    }

    #[test]
    fn no_rows_and_all_zero_still_lay_out() {
        let m = layout(&[], 0, true, 360.0, ChartText::SCREEN, "", Lang::Pt);
        assert!(m.rows.is_empty() && m.height > 0.0);
        let zeros: Vec<Bar> = vec![("1".into(), "a".into(), Some(0.0)); 3];
        let m = layout(&zeros, 0, false, 360.0, ChartText::SCREEN, "", Lang::Pt);
        assert!(m.rows.iter().all(|r| r.bar.2 == 0.0 && r.value == "0"));
    }
}
