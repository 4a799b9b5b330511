//! Chart text at its real size: the type scale of charts in CSS pixels (never scaled by a `viewBox`, as
//! charts are laid out for their measured width), and fitting labels into the room they have.

use super::labels::text_width;

/// Text sizes of a chart, in CSS pixels. Minimums: 12 px on screens (laptop and phone), 20 px in the
/// projector theme, so that a back row at a workshop can read every label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartText {
    /// Axis ticks, legend entries, row labels, the source line.
    pub label: f64,
    /// The chart's own title line (drawn for exports).
    pub title: f64,
}

impl ChartText {
    /// Laptop and phone screens.
    pub const SCREEN: ChartText = ChartText { label: 12.0, title: 14.0 };
    /// The projector theme (also on while presenting).
    pub const PROJECTOR: ChartText = ChartText { label: 20.0, title: 22.0 };

    /// The scale for the theme in use.
    pub fn for_theme(projector: bool) -> ChartText {
        if projector {
            Self::PROJECTOR
        } else {
            Self::SCREEN
        }
    }

    /// Height of one line of label text, with leading.
    pub fn line(&self) -> f64 {
        (self.label * 1.4).round()
    }

    /// Approximate width of `text` at the label size.
    pub fn width(&self, text: &str) -> f64 {
        text_width(text, self.label)
    }
}

/// How much wider a label is drawn bold (a selected bar or row) than regular: 1.11–1.13 in
/// Chromium's `system-ui` at 13 px (measured with `measureText` on the app's occupation and
/// sector names); a label that must fit bold is fitted to its room divided by this.
pub const BOLD: f64 = 1.13;

/// `text` shortened to fit `max_px` at `font` px: whole when it fits; otherwise cut after the last whole
/// word that fits (or, when even the first word does not fit, at the last character that fits) and ended
/// with "…". Whole words keep the visible text part of the element's accessible name (WCAG 2.5.3).
/// Returns the text to draw and whether it was shortened (the full text then goes in a tooltip).
pub fn ellipsize(text: &str, max_px: f64, font: f64) -> (String, bool) {
    if text_width(text, font) <= max_px {
        return (text.to_string(), false);
    }
    let chars: Vec<char> = text.chars().collect();
    // The longest prefix that fits with its "…".
    let mut n = chars.len();
    while n > 0 && text_width(&format!("{}…", chars[..n].iter().collect::<String>()), font) > max_px {
        n -= 1;
    }
    let cut: String = chars[..n].iter().collect();
    let at_word = match cut.rfind(' ') {
        _ if chars.get(n) == Some(&' ') => cut.trim_end().to_string(),
        Some(i) if i > 0 => cut[..i].trim_end().to_string(),
        _ => cut.trim_end().to_string(),
    };
    (format!("{at_word}…"), true)
}

/// `text` broken into lines of at most `max_px` at `font` px, at spaces; a word longer than a line is
/// ellipsized. At most `max_lines` lines: the last one ends with "…" when text remains.
pub fn wrap(text: &str, max_px: f64, font: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let candidate = if cur.is_empty() { word.to_string() } else { format!("{cur} {word}") };
        if text_width(&candidate, font) <= max_px || cur.is_empty() {
            cur = candidate;
        } else {
            lines.push(std::mem::take(&mut cur));
            cur = word.to_string();
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    let mut lines: Vec<String> = lines.into_iter().map(|l| ellipsize(&l, max_px, font).0).collect();
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            let (short, _) = ellipsize(&format!("{last} …"), max_px, font);
            *last = if short.ends_with('…') { short } else { format!("{last}…") };
        }
    }
    lines
}

/// Positions of legend entries (swatch + label) flowing left to right and onto new rows within `width`:
/// `(x, y)` of each entry's top-left corner, relative to the legend's origin, and the legend's height.
/// Entries are `swatch + gap + label width` wide, with `gap` between entries.
pub fn flow_legend(labels: &[String], width: f64, text: ChartText, swatch: f64) -> (Vec<(f64, f64)>, f64) {
    let gap = text.label;
    let mut out = Vec::with_capacity(labels.len());
    let (mut x, mut y) = (0.0, 0.0);
    for label in labels {
        let w = swatch + 6.0 + text.width(label);
        if x > 0.0 && x + w > width {
            x = 0.0;
            y += text.line();
        }
        out.push((x, y));
        x += w + gap;
    }
    let height = if labels.is_empty() { 0.0 } else { y + text.line() };
    (out, height)
}

/// How many x-axis labels of `label_px` width fit along `axis_px`: the step (1 = every label, 2 = every
/// other…) so that labels keep at least one label height apart.
pub fn label_step(count: usize, axis_px: f64, label_px: f64, font: f64) -> usize {
    if count == 0 || axis_px <= 0.0 {
        return 1;
    }
    let per = axis_px / count as f64;
    ((label_px + font) / per).ceil().max(1.0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimum_sizes() {
        for (theme, min) in [(ChartText::SCREEN, 12.0), (ChartText::PROJECTOR, 20.0)] {
            assert!(theme.label >= min, "{theme:?}");
        }
        assert_eq!(ChartText::for_theme(true), ChartText::PROJECTOR);
        assert!(ChartText::SCREEN.line() > ChartText::SCREEN.label);
    }

    #[test]
    fn ellipsis_at_a_word_and_never_wider() {
        let long = "8341 Mobile farm and forestry plant operators";
        for max in [60.0, 120.0, 200.0, 400.0] {
            for font in [12.0, 20.0] {
                let (s, cut) = ellipsize(long, max, font);
                assert!(text_width(&s, font) <= max.max(font * 0.56 * 2.0), "{s} at {max}/{font}");
                assert_eq!(cut, s != long);
                if cut {
                    assert!(s.ends_with('…'));
                }
            }
        }
        assert_eq!(ellipsize(long, 200.0, 12.0).0, "8341 Mobile farm and…");
        // Never a part of a word when a whole word fits.
        assert_eq!(ellipsize("1411 Diretores de hotelaria", 88.0, 12.0).0, "1411…");
        assert_eq!(ellipsize("Supercalifragilistic", 60.0, 12.0).0, "Superc…");
        assert_eq!(ellipsize("short", 200.0, 12.0), ("short".to_string(), false));
        // Multibyte text is cut at characters, not bytes.
        assert!(ellipsize("Número de contributos ação", 80.0, 12.0).0.ends_with('…'));
    }

    #[test]
    fn wrapping_keeps_every_line_inside() {
        let text = "Summer: more vacancies than jobseekers in hotels and restaurants";
        for (max, font) in [(150.0, 12.0), (300.0, 20.0), (1000.0, 12.0)] {
            let lines = wrap(text, max, font, 3);
            assert!(!lines.is_empty() && lines.len() <= 3);
            for l in &lines {
                assert!(text_width(l, font) <= max, "{l:?} at {max}/{font}");
            }
        }
        assert_eq!(wrap(text, 1000.0, 12.0, 2), vec![text.to_string()]);
        let two = wrap(text, 150.0, 12.0, 2);
        assert_eq!(two.len(), 2);
        assert!(two[1].ends_with('…'));
        assert!(wrap("", 100.0, 12.0, 2).is_empty());
    }

    #[test]
    fn legends_flow_within_the_width() {
        let labels: Vec<String> =
            ["Portugal", "Faro", "Beja", "Setúbal", "Évora"].iter().map(|s| s.to_string()).collect();
        for width in [320.0, 700.0, 1200.0] {
            for text in [ChartText::SCREEN, ChartText::PROJECTOR] {
                let (pos, h) = flow_legend(&labels, width, text, 14.0);
                assert_eq!(pos.len(), labels.len());
                for ((x, _), l) in pos.iter().zip(&labels) {
                    assert!(x + 20.0 + text.width(l) <= width, "{l} at {x} in {width}");
                }
                assert!(h >= text.line());
            }
        }
        let (pos, h) = flow_legend(&labels, 1200.0, ChartText::SCREEN, 14.0);
        assert!(pos.iter().all(|p| p.1 == 0.0) && h == ChartText::SCREEN.line());
        assert!(flow_legend(&labels, 320.0, ChartText::PROJECTOR, 14.0).1 > ChartText::PROJECTOR.line());
    }

    #[test]
    fn label_steps() {
        assert_eq!(label_step(7, 700.0, 30.0, 12.0), 1);
        assert_eq!(label_step(84, 300.0, 30.0, 12.0), 12);
        assert_eq!(label_step(0, 300.0, 30.0, 12.0), 1);
    }
}
