//! The priority matrix's model: one circle per theme, how often it was raised (x, outcomes) by how
//! strongly (y, mean priority 1–3), sized by mean votes, with labels placed to avoid each other
//! ([`place`]); laid out for a width in CSS pixels and the theme's text sizes.
//!
//! Layout rules: the plot is 55 % as tall as it is wide (220–420 px); the left margin fits the
//! longest priority label; x ticks are whole numbers only (never "0 0 0 1 1 1"); the most raised
//! themes are placed first and get the best label positions; labels longer than half the plot end
//! with "…"; the source line wraps to at most 4 lines.

use super::labels::{place, text_width, BoxXY};
use super::line::{text_block, Label};
use super::scale::{nice_domain, nice_ticks, Linear};
use super::text::{ellipsize, wrap, ChartText};
use crate::core::data::outcomes::ThemePoint;
use crate::core::data::Lang;
use crate::core::format;

/// One theme as drawn: its index in the input, centre, radius and label (shown text, top-left).
#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    pub index: usize,
    pub cx: f64,
    pub cy: f64,
    pub r: f64,
    pub label: String,
    pub label_at: (f64, f64),
}

/// The whole chart, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct MatrixModel {
    pub width: f64,
    pub height: f64,
    /// The plot area: left, top, right, bottom.
    pub plot: (f64, f64, f64, f64),
    /// Most raised first.
    pub dots: Vec<Dot>,
    pub x_ticks: Vec<Label>,
    /// The x axis title's anchor point (middle).
    pub x_title_at: (f64, f64),
    /// The grid line y of priority 1, 2 and 3 (low, medium, high), with their labels' anchor x.
    pub y_levels: [f64; 3],
    pub y_label_x: f64,
    pub source: Vec<Label>,
    pub font: f64,
}

/// `name` shortened to `max_px` (`ellipsize`), but never inside parentheses: a cut there goes back to
/// before the "(". The shown words then stay a run of the words of the circle's accessible name
/// (its full name), which is how WCAG 2.5.3 is checked (axe-core leaves "(…)" out of both).
fn shorten(name: &str, max_px: f64, font: f64) -> String {
    let (shown, cut) = ellipsize(name, max_px, font);
    let words = shown.trim_end_matches('…');
    match words.rfind('(') {
        Some(i) if cut && !words[i..].contains(')') && !words[..i].trim().is_empty() => {
            format!("{}…", words[..i].trim_end())
        }
        _ => shown,
    }
}

/// Lays out `points` for `width` px. `names[i]` names `points[i]`'s theme; `priority_labels` are
/// the low/medium/high labels (their width sets the left margin).
pub fn layout(
    points: &[ThemePoint],
    names: &[String],
    priority_labels: [&str; 3],
    width: f64,
    text: ChartText,
    source: &str,
    l: Lang,
) -> MatrixModel {
    let w = width;
    let fs = text.label;
    let top = 14.0_f64.max(6.0 + fs * 0.7);
    let left = 12.0 + priority_labels.iter().map(|s| text.width(s)).fold(0.0, f64::max);
    let right = 8.0 + text.width("000") / 2.0;
    let plot_h = (w * 0.55).clamp(220.0, 420.0);
    let bottom = 10.0 + 2.0 * text.line();
    let plot_bottom = top + plot_h;
    let source_lines = wrap(source, w - 16.0, fs, 4);
    let source_y = plot_bottom + bottom;
    let height = source_y + text.line() * source_lines.len() as f64 + 6.0;
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(points[i].outcomes));
    let max = points.iter().map(|p| p.outcomes).max().unwrap_or(1).max(1);
    let (_, d1) = nice_domain(0.0, f64::from(max), 5);
    let x = Linear::new((0.0, d1), (left, w - right));
    let y = Linear::new((1.0, 3.0), (plot_bottom, top));
    let max_votes = points.iter().map(|p| p.mean_votes).fold(1.0_f64, f64::max);
    let xy: Vec<(f64, f64)> =
        order.iter().map(|&i| (x.map(f64::from(points[i].outcomes)), y.map(points[i].mean_priority))).collect();
    let radii: Vec<f64> = order.iter().map(|&i| 4.0 + 10.0 * (points[i].mean_votes / max_votes).sqrt()).collect();
    let shown: Vec<String> =
        order.iter().map(|&i| shorten(names.get(i).map_or("", String::as_str), (w - left - right) * 0.5, fs)).collect();
    let sizes: Vec<(f64, f64)> = shown.iter().map(|n| (text_width(n, fs), fs + 2.0)).collect();
    let at = place(&xy, &radii, &sizes, BoxXY { x: left, y: top, w: w - left - right, h: plot_h });
    let dots = order
        .iter()
        .enumerate()
        .map(|(k, &i)| Dot {
            index: i,
            cx: xy[k].0,
            cy: xy[k].1,
            r: radii[k],
            label: shown[k].clone(),
            label_at: at[k],
        })
        .collect();
    let x_ticks = nice_ticks(0.0, d1, if w < 500.0 { 3 } else { 5 })
        .into_iter()
        .filter(|v| v.fract() == 0.0 && *v <= d1 + 1e-9)
        .map(|v| Label { x: x.map(v), y: plot_bottom + fs + 4.0, anchor: "middle", text: format::integer(l, v) })
        .collect();
    let source = text_block(source_lines, source_y, text);
    MatrixModel {
        width: w,
        height,
        plot: (left, top, w - right, plot_bottom),
        dots,
        x_ticks,
        x_title_at: ((left + w - right) / 2.0, plot_bottom + fs + 6.0 + text.line()),
        y_levels: [y.map(1.0), y.map(2.0), y.map(3.0)],
        y_label_x: left - 4.0,
        source,
        font: fs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points() -> Vec<ThemePoint> {
        vec![
            ThemePoint { theme: 0, outcomes: 2, mean_priority: 2.5, mean_votes: 3.0 },
            ThemePoint { theme: 1, outcomes: 30, mean_priority: 2.9, mean_votes: 12.0 },
            ThemePoint { theme: 2, outcomes: 29, mean_priority: 2.8, mean_votes: 11.0 },
            ThemePoint { theme: 3, outcomes: 1, mean_priority: 1.0, mean_votes: 0.0 },
        ]
    }

    fn names() -> Vec<String> {
        ["Language", "Housing", "Recognition of qualifications and skills obtained abroad", "Transport"]
            .map(String::from)
            .to_vec()
    }

    const LEVELS: [&str; 3] = ["Low", "Medium", "High"];

    #[test]
    fn dots_labels_and_ticks_stay_inside_at_every_width() {
        for (w, text) in [(328.0, ChartText::SCREEN), (700.0, ChartText::SCREEN), (1200.0, ChartText::PROJECTOR)] {
            let m = layout(&points(), &names(), LEVELS, w, text, "Source: illustrative consultations", Lang::En);
            let (left, top, right, bottom) = m.plot;
            for d in &m.dots {
                assert!(d.cx >= left && d.cx <= right && d.cy >= top && d.cy <= bottom);
                let (lx, ly) = d.label_at;
                assert!(lx >= left - 0.5 && lx + text.width(&d.label) <= right + 0.5, "{w}: {:?}", d.label);
                assert!(ly >= top - 0.5 && ly + text.label <= bottom + 0.5);
            }
            for t in &m.x_ticks {
                assert!(t.text.parse::<f64>().is_ok_and(|v| v.fract() == 0.0), "{w}: tick {:?}", t.text);
            }
            let texts: Vec<&str> = m.x_ticks.iter().map(|t| t.text.as_str()).collect();
            let mut unique = texts.clone();
            unique.dedup();
            assert_eq!(texts, unique, "{w}: repeated tick labels");
            assert!(m.y_label_x - text.width("Medium") >= 0.0);
        }
    }

    #[test]
    fn most_raised_first_larger_for_more_votes_higher_for_higher_priority() {
        let m = layout(&points(), &names(), LEVELS, 800.0, ChartText::SCREEN, "", Lang::En);
        let order: Vec<usize> = m.dots.iter().map(|d| d.index).collect();
        assert_eq!(order, [1, 2, 0, 3]);
        assert!(m.dots[0].r > m.dots[3].r);
        assert!(m.dots[0].cy < m.dots[3].cy, "priority 2.9 above priority 1");
        assert!((m.dots[3].cy - m.y_levels[0]).abs() < 1e-9);
        // The two close, most raised themes: their labels do not overlap.
        let (a, b) = (&m.dots[0], &m.dots[1]);
        let overlap_x = a.label_at.0 < b.label_at.0 + ChartText::SCREEN.width(&b.label)
            && b.label_at.0 < a.label_at.0 + ChartText::SCREEN.width(&a.label);
        let overlap_y = (a.label_at.1 - b.label_at.1).abs() < ChartText::SCREEN.label + 2.0;
        assert!(!(overlap_x && overlap_y), "{a:?} overlaps {b:?}");
    }

    #[test]
    fn a_label_is_never_cut_inside_parentheses() {
        let name = "Ethical recruitment (fees, intermediaries)";
        let fs = ChartText::SCREEN.label;
        let narrow = text_width("Ethical recruitment (fees,…", fs) + 1.0;
        assert_eq!(ellipsize(name, narrow, fs).0, "Ethical recruitment (fees,…");
        assert_eq!(shorten(name, narrow, fs), "Ethical recruitment…");
        // Whole, closed before the cut, or nothing before the "(": as `ellipsize` has it.
        assert_eq!(shorten(name, 1000.0, fs), name);
        let closed = "Housing (rent) and transport to the fields";
        let w = text_width("Housing (rent) and…", fs) + 1.0;
        assert_eq!(shorten(closed, w, fs), ellipsize(closed, w, fs).0);
        let w = text_width("(fees,…", fs) + 1.0;
        assert_eq!(shorten("(fees, intermediaries)", w, fs), ellipsize("(fees, intermediaries)", w, fs).0);
    }

    #[test]
    fn one_point_and_none_still_lay_out() {
        let one = layout(&points()[3..], &names()[3..], LEVELS, 360.0, ChartText::SCREEN, "", Lang::Pt);
        assert_eq!(one.dots.len(), 1);
        assert!(!one.x_ticks.is_empty());
        let none = layout(&[], &[], LEVELS, 360.0, ChartText::SCREEN, "", Lang::Pt);
        assert!(none.dots.is_empty() && none.height > 0.0);
    }
}
