//! Label placement for scatter plots: each label goes to the first of a few
//! positions around its point that does not overlap the labels already placed
//! (points in order of importance), staying inside the plot.

/// A label box: x, y of the top-left corner, width, height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoxXY {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl BoxXY {
    fn overlaps(&self, o: &BoxXY) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

/// Approximate width of a text at `font_size`, from the width of each character class in common sans-serif
/// faces (DejaVu Sans, Segoe UI, Roboto: narrow `il.,:;'|!`, wide `mwMW@%`, capitals and digits wider
/// than lower case), erring on the wide side so that labels measured with it fit.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' => 0.32,
            ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' => 0.42,
            'm' | 'w' | 'M' | 'W' | '@' | '%' | '…' => 0.92,
            'A'..='Z' | '0'..='9' | '×' | '≥' | '–' | '—' | '→' => 0.68,
            _ => 0.63,
        })
        .sum();
    em * font_size
}

/// Places labels of size `sizes[i]` next to `points[i]` (with radius `r[i]`)
/// inside `bounds`. Returns the top-left corner of each label. When every
/// position overlaps, the one with the least overlap is used; covering
/// another label costs more than covering a marker.
pub fn place(points: &[(f64, f64)], radii: &[f64], sizes: &[(f64, f64)], bounds: BoxXY) -> Vec<(f64, f64)> {
    let markers: Vec<BoxXY> = points
        .iter()
        .enumerate()
        .map(|(i, &(x, y))| {
            let r = radii.get(i).copied().unwrap_or(0.0);
            BoxXY { x: x - r, y: y - r, w: 2.0 * r, h: 2.0 * r }
        })
        .collect();
    let mut placed: Vec<BoxXY> = Vec::with_capacity(points.len());
    let mut out = Vec::with_capacity(points.len());
    for (i, &(px, py)) in points.iter().enumerate() {
        let r = radii.get(i).copied().unwrap_or(0.0) + 3.0;
        let (w, h) = sizes.get(i).copied().unwrap_or((0.0, 0.0));
        let candidates = [
            (px + r, py - h / 2.0),
            (px - r - w, py - h / 2.0),
            (px - w / 2.0, py - r - h),
            (px - w / 2.0, py + r),
            (px + r, py - r - h),
            (px + r, py + r),
            (px - r - w, py - r - h),
            (px - r - w, py + r),
        ];
        let clamp = |(x, y): (f64, f64)| BoxXY {
            x: x.clamp(bounds.x, (bounds.x + bounds.w - w).max(bounds.x)),
            y: y.clamp(bounds.y, (bounds.y + bounds.h - h).max(bounds.y)),
            w,
            h,
        };
        let area = |b: &BoxXY, p: &BoxXY| {
            if p.overlaps(b) {
                ((b.x + b.w).min(p.x + p.w) - b.x.max(p.x)) * ((b.y + b.h).min(p.y + p.h) - b.y.max(p.y))
            } else {
                0.0
            }
        };
        let overlap = |b: &BoxXY| {
            10.0 * placed.iter().map(|p| area(b, p)).sum::<f64>() + markers.iter().map(|m| area(b, m)).sum::<f64>()
        };
        let best = candidates
            .iter()
            .map(|&c| clamp(c))
            .min_by(|a, b| overlap(a).total_cmp(&overlap(b)))
            .unwrap_or(BoxXY { x: px, y: py, w, h });
        placed.push(best);
        out.push((best.x, best.y));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: BoxXY = BoxXY { x: 0.0, y: 0.0, w: 400.0, h: 300.0 };

    #[test]
    fn close_points_get_labels_that_do_not_overlap() {
        let points = [(200.0, 150.0), (205.0, 152.0), (198.0, 149.0), (202.0, 155.0)];
        let sizes = [(80.0, 12.0); 4];
        let at = place(&points, &[4.0; 4], &sizes, BOUNDS);
        let boxes: Vec<BoxXY> = at.iter().map(|&(x, y)| BoxXY { x, y, w: 80.0, h: 12.0 }).collect();
        for i in 0..boxes.len() {
            for j in 0..i {
                assert!(!boxes[i].overlaps(&boxes[j]), "{i} overlaps {j}: {boxes:?}");
            }
        }
    }

    #[test]
    fn a_label_pushed_against_the_edge_moves_off_its_marker() {
        // At the right edge the label cannot go right: it goes left, clear of the circle.
        let at = place(&[(395.0, 150.0)], &[12.0], &[(60.0, 12.0)], BOUNDS);
        let b = BoxXY { x: at[0].0, y: at[0].1, w: 60.0, h: 12.0 };
        assert!(!b.overlaps(&BoxXY { x: 383.0, y: 138.0, w: 24.0, h: 24.0 }), "{b:?}");
    }

    #[test]
    fn labels_stay_inside_the_plot() {
        let at = place(&[(398.0, 2.0), (1.0, 299.0)], &[5.0, 5.0], &[(120.0, 12.0), (120.0, 12.0)], BOUNDS);
        for (x, y) in at {
            assert!((0.0..=280.0).contains(&x) && (0.0..=288.0).contains(&y), "{x},{y}");
        }
    }

    #[test]
    fn widths_grow_with_text() {
        assert!(text_width("Habitação", 11.0) > text_width("Língua", 11.0));
        assert_eq!(place(&[], &[], &[], BOUNDS), vec![]);
    }
}
