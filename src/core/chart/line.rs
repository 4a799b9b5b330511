//! The line chart's model: everything the series view draws, laid out for a width in CSS pixels
//! and the theme's text sizes ([`ChartText`]), so the view only turns it into SVG elements.
//!
//! Layout rules: the left margin fits the widest value label; the plot is 200 px tall below 500 px
//! of width, 260 px above (60 px more with projector text); x labels are thinned
//! ([`label_step`]) and never cross the right edge or the label before; the legend flows onto as
//! many rows as it needs ([`flow_legend`]); the source line wraps to at most 4 lines.

use super::palette::SERIES;
use super::scale::{nice_domain, nice_ticks, Linear};
use super::text::{flow_legend, label_step, wrap, ChartText};
use crate::core::data::Lang;
use crate::core::format;
use crate::core::i18n::{t, Key};
use crate::core::table::{Table, Value};

/// Space kept right of the plot, px.
const RIGHT: f64 = 16.0;

/// What a line chart shows: one line per area over points in time.
#[derive(Clone, Debug, PartialEq)]
pub struct LineData {
    /// Header of the first table column ("Month", "Year").
    pub x_header: String,
    /// Each point as in the table ("2025-07") and as read out ("jul 2025").
    pub keys: Vec<String>,
    pub points: Vec<String>,
    /// Axis labels: (point, label), with a grid line.
    pub ticks: Vec<(usize, String)>,
    /// (name, values per point) of each line, in legend order.
    pub lines: Vec<(String, Vec<Option<f64>>)>,
    pub decimals: usize,
    /// The [`SERIES`] colour index of each line (see `palette::keep_colours`); missing ones use the
    /// line's position.
    pub colours: Vec<usize>,
    /// Points shaded as the selected period (first, last), if any.
    pub shade: Option<(usize, usize)>,
}

/// A text placed on the chart: anchor point (px), `text-anchor` and the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    /// `"start"`, `"middle"` or `"end"`.
    pub anchor: &'static str,
    pub text: String,
}

/// Lines of text one under the other at the chart's left margin (x = 8 px), the first baseline
/// one font size below `top`, then one line height apart: the source line, hints.
pub fn text_block(lines: Vec<String>, top: f64, text: ChartText) -> Vec<Label> {
    lines
        .into_iter()
        .enumerate()
        .map(|(k, line)| Label { x: 8.0, y: top + text.label + text.line() * k as f64, anchor: "start", text: line })
        .collect()
}

/// One line: its colour, its SVG path (`M x y L x y …`, broken where a value is missing) and, for
/// a line with a single value, the dot that shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinePath {
    pub colour: &'static str,
    pub d: String,
    pub dot: Option<(f64, f64)>,
}

/// The whole chart, in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct LineModel {
    pub width: f64,
    pub height: f64,
    /// The plot area: left, top, right, bottom.
    pub plot: (f64, f64, f64, f64),
    /// The x scale (point index → px), for the read-out under the pointer.
    pub x: Linear,
    /// The selected period: x and width.
    pub shade: Option<(f64, f64)>,
    /// Vertical grid lines (x) at every tick, and the tick labels that fit.
    pub x_grid: Vec<f64>,
    pub x_labels: Vec<Label>,
    /// Horizontal grid lines (y) with their value labels.
    pub y_grid: Vec<(f64, Label)>,
    pub paths: Vec<LinePath>,
    /// Legend: swatch position (x, y), colour, name.
    pub legend: Vec<(f64, f64, &'static str, String)>,
    /// The source line, wrapped: one label per line.
    pub source: Vec<Label>,
    /// Font size of every label, px.
    pub font: f64,
}

impl LineModel {
    /// The point nearest to x (px), for the read-out under the pointer.
    pub fn point_at(&self, px: f64, points: usize) -> usize {
        self.x.invert(px).round().clamp(0.0, points.saturating_sub(1) as f64) as usize
    }
}

/// Lays out `d` for `width` px with `text` sizes; `source` is the source line under the chart.
pub fn layout(d: &LineData, width: f64, text: ChartText, source: &str, l: Lang) -> LineModel {
    let w = width;
    let fs = text.label;
    let dec = d.decimals;
    let colour = |k: usize| SERIES[d.colours.get(k).copied().unwrap_or(k) % SERIES.len()];
    let n = d.keys.len().max(1);
    let all: Vec<f64> = d.lines.iter().flat_map(|(_, v)| v).flatten().copied().filter(|v| v.is_finite()).collect();
    let lo = all.iter().copied().fold(0.0_f64, f64::min);
    let hi = all.iter().copied().fold(0.0_f64, f64::max);
    let (d0, d1) = nice_domain(lo, if hi > lo { hi } else { lo + 1.0 }, 5);
    let ticks = nice_ticks(d0, d1, if w < 500.0 { 4 } else { 5 });
    let tick_label = |v: f64| format::number(l, v, if dec > 0 { 1 } else { 0 });
    let left = 10.0 + ticks.iter().map(|v| text.width(&tick_label(*v))).fold(0.0, f64::max);
    let names: Vec<String> = d.lines.iter().map(|(name, _)| name.clone()).collect();
    let (legend_pos, legend_h) = flow_legend(&names, w - 16.0, text, 14.0);
    let source_lines = wrap(source, w - 16.0, fs, 4);
    // Room above the plot for the top tick label, which is centred on its grid line.
    let top = 6.0 + fs * 0.7;
    let plot_h = if w < 500.0 { 200.0 } else { 260.0 } + if fs > 12.0 { 60.0 } else { 0.0 };
    let plot_bottom = top + plot_h;
    let legend_y = plot_bottom + text.line() + 10.0;
    let source_y = legend_y + legend_h + 8.0;
    let height = source_y + text.line() * source_lines.len() as f64 + 6.0;
    let x = Linear::new((0.0, (n - 1).max(1) as f64), (left, w - RIGHT));
    let y = Linear::new((d0, d1), (plot_bottom, top));
    let paths = d
        .lines
        .iter()
        .enumerate()
        .map(|(k, (_, line))| {
            let mut path = String::new();
            let mut pen_up = true;
            for (i, v) in line.iter().enumerate() {
                match v {
                    Some(v) if v.is_finite() => {
                        path.push_str(&format!(
                            "{}{:.1} {:.1} ",
                            if pen_up { "M" } else { "L" },
                            x.map(i as f64),
                            y.map(*v)
                        ));
                        pen_up = false;
                    }
                    _ => pen_up = true,
                }
            }
            let values: Vec<(usize, f64)> =
                line.iter().enumerate().filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (i, v))).collect();
            let dot = (values.len() == 1).then(|| (x.map(values[0].0 as f64), y.map(values[0].1)));
            LinePath { colour: colour(k), d: path.trim_end().to_string(), dot }
        })
        .collect();
    let shade = d.shade.map(|(a, b)| {
        let (xa, xb) = (x.map(a as f64), x.map(b as f64));
        (xa, (xb - xa).max(2.0))
    });
    // Axis labels that fit: every k-th when they would crowd, never past the right edge, and never
    // over the label before (the last one may be drawn leftwards from its line).
    let widest = d.ticks.iter().map(|(_, s)| text.width(s)).fold(0.0, f64::max);
    let step = label_step(d.ticks.len(), w - left - RIGHT, widest, fs);
    let mut last_right = f64::NEG_INFINITY;
    let mut x_grid = Vec::new();
    let mut x_labels = Vec::new();
    for (k, (i, label)) in d.ticks.iter().enumerate() {
        let xi = x.map(*i as f64);
        x_grid.push(xi);
        let lw = text.width(label);
        let (lx, anchor, left_edge) =
            if xi + 3.0 + lw > w - 2.0 { (xi - 3.0, "end", xi - 3.0 - lw) } else { (xi + 3.0, "start", xi + 3.0) };
        if k % step == 0 && left_edge >= last_right + fs * 0.5 {
            last_right = left_edge + lw;
            x_labels.push(Label { x: lx, y: plot_bottom + fs + 2.0, anchor, text: label.clone() });
        }
    }
    let y_grid = ticks
        .iter()
        .map(|v| {
            let yy = y.map(*v);
            (yy, Label { x: left - 6.0, y: yy + fs * 0.35, anchor: "end", text: tick_label(*v) })
        })
        .collect();
    let legend = names
        .into_iter()
        .zip(&legend_pos)
        .enumerate()
        .map(|(k, (name, (lx, ly)))| (8.0 + lx, legend_y + ly, colour(k), name))
        .collect();
    let source = text_block(source_lines, source_y, text);
    LineModel {
        width: w,
        height,
        plot: (left, top, w - RIGHT, plot_bottom),
        x,
        shade,
        x_grid,
        x_labels,
        y_grid,
        paths,
        legend,
        source,
        font: fs,
    }
}

/// The table behind the chart: one row per point (its key, then each line's value), and, when a
/// period is shaded, a last column saying which rows are in it ("yes"/"sim"), so a CSV of every
/// month still says which months the chart's filters chose.
pub fn table(d: &LineData, l: Lang) -> Table {
    let mut headers = vec![d.x_header.clone()];
    headers.extend(d.lines.iter().map(|(name, _)| name.clone()));
    if d.shade.is_some() {
        headers.push(t(l, Key::InChosenPeriod).to_string());
    }
    let rows = d
        .keys
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let mut row = vec![Value::Text(key.clone())];
            row.extend(d.lines.iter().map(|(_, line)| Value::Num(line.get(i).copied().flatten(), d.decimals)));
            if let Some((a, b)) = d.shade {
                row.push(Value::Text(if (a..=b).contains(&i) { t(l, Key::Yes).to_string() } else { String::new() }));
            }
            row
        })
        .collect();
    Table { headers, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ten years of months for three areas, one with a gap and one with a single value.
    fn data() -> LineData {
        let n = 120;
        LineData {
            x_header: "Month".into(),
            keys: (0..n).map(|i| format!("k{i}")).collect(),
            points: (0..n).map(|i| format!("p{i}")).collect(),
            ticks: (0..n).step_by(12).map(|i| (i, (2015 + i / 12).to_string())).collect(),
            lines: vec![
                ("Portugal".into(), (0..n).map(|i| Some(0.4 + (i % 12) as f64 / 10.0)).collect()),
                ("Algarve".into(), (0..n).map(|i| if i == 50 { None } else { Some(1.5) }).collect()),
                ("Beja".into(), (0..n).map(|i| if i == 7 { Some(0.9) } else { None }).collect()),
            ],
            decimals: 2,
            colours: vec![0, 2, 1],
            shade: Some((108, 119)),
        }
    }

    fn widths() -> [(f64, ChartText); 4] {
        [
            (328.0, ChartText::SCREEN),
            (640.0, ChartText::SCREEN),
            (1100.0, ChartText::SCREEN),
            (1200.0, ChartText::PROJECTOR),
        ]
    }

    #[test]
    fn every_label_stays_inside_the_chart_at_every_width() {
        for (w, text) in widths() {
            let m = layout(&data(), w, text, "Source: illustrative data, IEFP-style monthly series", Lang::En);
            assert_eq!(m.font, text.label);
            let labels = m.x_labels.iter().chain(m.y_grid.iter().map(|(_, l)| l)).chain(&m.source);
            for l in labels {
                let lw = text.width(&l.text);
                let (x0, x1) = match l.anchor {
                    "end" => (l.x - lw, l.x),
                    "middle" => (l.x - lw / 2.0, l.x + lw / 2.0),
                    _ => (l.x, l.x + lw),
                };
                assert!(x0 >= 0.0 && x1 <= w, "{w}: {:?} spans {x0}–{x1}", l.text);
                assert!(l.y > 0.0 && l.y <= m.height, "{w}: {:?} at y {}", l.text, l.y);
            }
            let (_, top, right, bottom) = m.plot;
            assert!(right <= w && top > 0.0 && bottom < m.height);
        }
    }

    #[test]
    fn x_labels_never_overlap_and_thin_out_on_narrow_charts() {
        let mut shown = Vec::new();
        for (w, text) in widths() {
            let m = layout(&data(), w, text, "", Lang::En);
            for pair in m.x_labels.windows(2) {
                let right_of_first = pair[0].x + text.width(&pair[0].text);
                let left_of_second =
                    if pair[1].anchor == "end" { pair[1].x - text.width(&pair[1].text) } else { pair[1].x };
                assert!(left_of_second >= right_of_first, "{w}: {:?} overlaps {:?}", pair[0].text, pair[1].text);
            }
            assert_eq!(m.x_grid.len(), 10, "a grid line for every year, labelled or not");
            shown.push(m.x_labels.len());
        }
        assert!(shown[0] < shown[2], "fewer year labels at 328 px than at 1100 px: {shown:?}");
        assert_eq!(shown[2], 10);
    }

    #[test]
    fn paths_break_at_gaps_and_a_single_value_gets_a_dot() {
        let m = layout(&data(), 640.0, ChartText::SCREEN, "", Lang::En);
        assert_eq!(m.paths.len(), 3);
        assert_eq!(m.paths[0].d.matches('M').count(), 1);
        assert_eq!(m.paths[1].d.matches('M').count(), 2, "the gap at point 50 lifts the pen");
        assert!(m.paths[1].dot.is_none());
        assert!(m.paths[2].dot.is_some(), "one value: drawn as a dot");
        // Colours follow the kept colour indices, not the position.
        assert_eq!(m.paths[1].colour, SERIES[2]);
        assert_eq!(m.legend[1].2, SERIES[2]);
    }

    #[test]
    fn values_map_into_the_plot_and_the_pointer_finds_points() {
        let m = layout(&data(), 800.0, ChartText::SCREEN, "", Lang::En);
        let (left, top, right, bottom) = m.plot;
        for p in &m.paths {
            for pair in p.d.split(['M', 'L']).filter(|s| !s.trim().is_empty()) {
                let xy: Vec<f64> = pair.split_whitespace().map(|v| v.parse().unwrap()).collect();
                assert!(xy[0] >= left - 0.1 && xy[0] <= right + 0.1 && xy[1] >= top - 0.1 && xy[1] <= bottom + 0.1);
            }
        }
        assert_eq!(m.point_at(left, 120), 0);
        assert_eq!(m.point_at(right + 50.0, 120), 119);
        let (sx, sw) = m.shade.unwrap();
        assert!(sx > left && sx + sw <= right + 0.1);
    }

    #[test]
    fn projector_text_makes_a_taller_plot_and_the_legend_wraps_on_phones() {
        let screen = layout(&data(), 1200.0, ChartText::SCREEN, "", Lang::Pt);
        let projector = layout(&data(), 1200.0, ChartText::PROJECTOR, "", Lang::Pt);
        assert!(projector.plot.3 - projector.plot.1 > screen.plot.3 - screen.plot.1);
        let mut d = data();
        d.lines.extend((0..2).map(|k| (format!("Área de comparação longa {k}"), vec![Some(1.0); 120])));
        let phone = layout(&d, 328.0, ChartText::SCREEN, "", Lang::Pt);
        let rows: std::collections::BTreeSet<i64> = phone.legend.iter().map(|(_, y, _, _)| *y as i64).collect();
        assert!(rows.len() >= 2, "five names do not fit one row at 328 px");
    }

    #[test]
    fn the_table_marks_the_chosen_period() {
        let tb = table(&data(), Lang::En);
        assert_eq!(tb.headers.len(), 5);
        assert_eq!(tb.headers[4], "In the chosen period");
        assert_eq!(tb.rows.len(), 120);
        let marked: Vec<usize> = (0..120).filter(|&i| matches!(&tb.rows[i][4], Value::Text(s) if s == "yes")).collect();
        assert_eq!(marked, (108..=119).collect::<Vec<_>>());
        let unshaded = LineData { shade: None, ..data() };
        assert_eq!(table(&unshaded, Lang::Pt).headers.len(), 4);
    }

    #[test]
    fn empty_and_flat_data_still_lay_out() {
        let empty = LineData { keys: vec![], points: vec![], ticks: vec![], lines: vec![], ..data() };
        let m = layout(&empty, 360.0, ChartText::SCREEN, "", Lang::En);
        assert!(m.paths.is_empty() && m.height > 0.0 && !m.y_grid.is_empty());
        let mut flat = data();
        flat.lines = vec![("Portugal".into(), vec![Some(0.0); 120])];
        let m = layout(&flat, 360.0, ChartText::SCREEN, "", Lang::En);
        assert!(m.paths[0].d.starts_with('M') && m.y_grid.len() >= 2);
    }
}
