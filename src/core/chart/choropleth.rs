//! The district map's frame: how large the map is drawn for a width (and, in the projector theme,
//! the screen's height), where its legend goes, the legend's rows and the inset names — so the view
//! only draws them. The boundaries themselves are laid out by `core::geo`; the colour of a value is
//! its class's (`legend::Classes::color`). Fills change in place on a filter change, so this model
//! is split in two: the frame (per width and language) and the legend (per set of classes).

use super::line::Label;
use super::text::{ellipsize, wrap, ChartText};

/// The map's largest side in CSS pixels (the projector's is larger: its text is too).
pub const MAX_SIDE: f64 = 560.0;
pub const MAX_SIDE_PROJECTOR: f64 = 720.0;

/// Where things go, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapFrame {
    /// The map's side (it is laid out in a square) and the SVG's width.
    pub side: f64,
    pub width: f64,
    /// The legend beside the map (projector, room enough) or under it.
    pub legend_beside: bool,
    /// Top-left of the first legend row, the legend's width and a row's height.
    pub legend_x: f64,
    pub legend_y: f64,
    pub legend_w: f64,
    pub row: f64,
    /// Top of the map (room for nothing above it: the heading is the frame's).
    pub top: f64,
}

/// The frame for a chart `width` px wide, with `text` sizes; `viewport_h` is the window's height:
/// on a projector the map must fit under the presenter bar, so its side is at most the height less
/// 250 px (never below 300 px), and the legend goes beside it when 320 px remain.
pub fn frame(width: f64, text: ChartText, viewport_h: f64) -> MapFrame {
    let projector = text.label > ChartText::SCREEN.label;
    let cap = if projector { MAX_SIDE_PROJECTOR } else { MAX_SIDE };
    let side = if projector { width.min(cap).min((viewport_h - 250.0).max(300.0)) } else { width.min(cap) };
    let legend_beside = projector && width - side >= 320.0;
    let svg_w = if legend_beside { width } else { side };
    let top = 10.0;
    let (legend_x, legend_y) =
        if legend_beside { (side + 16.0, top + 2.0 * text.line()) } else { (0.0, side + top + 8.0 + text.line()) };
    MapFrame {
        side,
        width: svg_w,
        legend_beside,
        legend_x,
        legend_y,
        legend_w: svg_w - legend_x,
        row: text.line(),
        top,
    }
}

/// "Região Autónoma dos Açores" → "Açores": the inset boxes are small.
pub fn inset_name(name: &str) -> String {
    ["Região Autónoma dos ", "Região Autónoma da ", "Autonomous Region of the ", "Autonomous Region of "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name)
        .to_string()
}

/// One legend row: its top y, the label as drawn (whole words, "…" when shortened) and in full.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendRow {
    pub y: f64,
    pub shown: String,
    pub full: String,
}

/// The legend for `labels` (one per class, then the no-data row): its bold heading (at most two
/// lines, wrapped with room for bold type, bottom line just above the first row), its rows, and the
/// top of the source line under it all (below the map too when the legend is beside it).
pub fn legend(
    f: &MapFrame,
    heading: &str,
    labels: &[String],
    no_data: &str,
    text: ChartText,
) -> (Vec<Label>, Vec<LegendRow>, f64) {
    let fs = text.label;
    // Bold text is about a tenth wider than the estimate for regular text.
    let heading_lines = wrap(heading, (f.legend_w - 16.0) / 1.12, fs, 2);
    let n = heading_lines.len();
    let heading = heading_lines
        .into_iter()
        .enumerate()
        .map(|(k, line)| Label {
            x: f.legend_x + 8.0,
            y: f.legend_y - 6.0 - f.row * (n - 1 - k) as f64,
            anchor: "start",
            text: line,
        })
        .collect();
    let rows: Vec<LegendRow> = labels
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(no_data))
        .enumerate()
        .map(|(k, label)| LegendRow {
            y: f.legend_y + f.row * k as f64,
            shown: ellipsize(label, f.legend_w - 40.0, fs).0,
            full: label.to_string(),
        })
        .collect();
    let legend_end = f.legend_y + f.row * rows.len() as f64 + 10.0;
    let source_top = if f.legend_beside { legend_end.max(f.top + f.side + 8.0) } else { legend_end };
    (heading, rows, source_top)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Vec<String> {
        [
            "Large surplus (< 0.25)",
            "Surplus (0.25–0.5)",
            "Balanced (0.9–1.1)",
            "Shortage (1.1–2)",
            "Large shortage (≥ 2)",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn phones_and_laptops_put_the_legend_under_a_capped_map() {
        for w in [328.0, 560.0, 900.0] {
            let f = frame(w, ChartText::SCREEN, 900.0);
            assert!(!f.legend_beside && f.side <= MAX_SIDE && f.side <= w && f.width == f.side);
            assert!(f.legend_y > f.top + f.side, "{w}: legend under the map");
        }
    }

    #[test]
    fn a_projector_fits_the_map_under_the_presenter_bar_with_the_legend_beside() {
        let f = frame(1240.0, ChartText::PROJECTOR, 720.0);
        assert_eq!(f.side, 470.0, "720 px high less the presenter bar");
        assert!(f.legend_beside && f.legend_x > f.side && f.width == 1240.0);
        let short = frame(1240.0, ChartText::PROJECTOR, 400.0);
        assert_eq!(short.side, 300.0, "never smaller than 300 px");
        let narrow = frame(600.0, ChartText::PROJECTOR, 720.0);
        assert!(!narrow.legend_beside, "no room for the legend beside");
    }

    #[test]
    fn legend_rows_fit_and_the_source_starts_below_everything() {
        for (w, text, vh) in [(328.0, ChartText::SCREEN, 740.0), (1240.0, ChartText::PROJECTOR, 720.0)] {
            let f = frame(w, text, vh);
            let (heading, rows, source_top) = legend(
                &f,
                "Legend: Vacancies per jobseeker, open vacancies over jobseekers",
                &labels(),
                "No data",
                text,
            );
            assert_eq!(rows.len(), 6, "five classes and no data");
            assert!(heading.len() <= 2 && heading.last().unwrap().y < rows[0].y);
            for r in &rows {
                assert!(f.legend_x + 32.0 + text.width(&r.shown) <= f.width + 0.5, "{w}: {:?}", r.shown);
            }
            assert!(source_top >= rows.last().unwrap().y + f.row);
            assert!(source_top >= f.top + f.side, "{w}: the source line never overlaps the map");
        }
    }

    #[test]
    fn inset_names_lose_the_long_prefix_only() {
        assert_eq!(inset_name("Região Autónoma dos Açores"), "Açores");
        assert_eq!(inset_name("Autonomous Region of Madeira"), "Madeira");
        assert_eq!(inset_name("Faro"), "Faro");
    }
}
