//! Scales (value → pixel) and "nice" axis ticks.

/// Upper bound on the number of ticks asked for, so absurd counts cannot exhaust memory.
const MAX_TICKS: usize = 1000;

/// A linear map from a data domain `[d0, d1]` to a pixel range `[r0, r1]`.
///
/// Either interval may be reversed (e.g. `r0 > r1` for a y axis growing upwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Linear {
    /// A scale mapping `domain.0 → range.0` and `domain.1 → range.1`.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear { d0: domain.0, d1: domain.1, r0: range.0, r1: range.1 }
    }

    /// Pixel position of `v`; a zero-width (or non-finite) domain maps everything to the middle of the range.
    pub fn map(&self, v: f64) -> f64 {
        lerp(v, (self.d0, self.d1), (self.r0, self.r1))
    }

    /// Data value at pixel `px`; a zero-width range gives the middle of the domain.
    pub fn invert(&self, px: f64) -> f64 {
        lerp(px, (self.r0, self.r1), (self.d0, self.d1))
    }
}

/// Maps `v` from interval `from` to interval `to`, falling back to the middle of `to` when `from` is degenerate.
fn lerp(v: f64, from: (f64, f64), to: (f64, f64)) -> f64 {
    let width = from.1 - from.0;
    if width == 0.0 || !width.is_finite() {
        return to.0 + (to.1 - to.0) / 2.0;
    }
    to.0 + (v - from.0) / width * (to.1 - to.0)
}

/// `mantissa × 10^exp` as the nearest `f64`, so ticks print as `0.3`, never `0.30000000000000004`.
pub(crate) fn decimal(mantissa: i64, exp: i32) -> f64 {
    format!("{mantissa}e{exp}").parse().unwrap_or(f64::NAN)
}

/// The 1, 2 or 5 × 10^e step closest (on a log scale) to `raw`, as `(mantissa, exponent)`.
fn nice_step(raw: f64) -> (i64, i32) {
    let exp = raw.log10().floor() as i32;
    let r = raw / 10f64.powi(exp);
    if r >= 50f64.sqrt() {
        (1, exp + 1)
    } else if r >= 10f64.sqrt() {
        (5, exp)
    } else if r >= 2f64.sqrt() {
        (2, exp)
    } else {
        (1, exp)
    }
}

/// Evenly spaced "nice" ticks (steps of 1, 2 or 5 × 10^k) covering `[min, max]`: the first tick is ≤ `min`,
/// the last ≥ `max`, and there are about `count` of them.
///
/// The bounds may come in either order. `min == max` gives the single tick `[min]`; NaN or infinite input
/// (or a span too wide for `f64`) gives no ticks. When the span is too narrow to be resolved at the values'
/// magnitude, the ticks are just `[min, max]`.
pub fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    let (min, max) = if min <= max { (min, max) } else { (max, min) };
    let span = max - min;
    if !span.is_finite() {
        return Vec::new();
    }
    if span == 0.0 {
        return vec![min];
    }
    let intervals = count.clamp(2, MAX_TICKS) - 1;
    let (m, e) = nice_step(span / intervals as f64);
    let step = decimal(m, e);
    let tick = |i: i64| decimal(i * m, e);
    let (lo, hi) = ((min / step).ceil(), (max / step).floor());
    let limit = 2f64.powi(53) / 10.0;
    if !(step > 0.0 && step.is_finite() && lo.abs() < limit && hi.abs() < limit) {
        return vec![min, max];
    }
    let (mut lo, mut hi) = (lo as i64, hi as i64);
    // Correct the rounding of the division so the ticks exactly cover [min, max].
    if tick(lo) > min {
        lo -= 1;
    }
    if tick(hi) < max {
        hi += 1;
    }
    if !(tick(lo).is_finite() && tick(hi).is_finite()) {
        return vec![min, max];
    }
    (lo..=hi).map(tick).collect()
}

/// The first and last of [`nice_ticks`]: an axis domain with nice ends (pass `min = 0` for axes starting at
/// zero). Falls back to `(min, max)` when no ticks can be made, or `(0, 1)` if those are not finite.
pub fn nice_domain(min: f64, max: f64, count: usize) -> (f64, f64) {
    let ticks = nice_ticks(min, max, count);
    match (ticks.first(), ticks.last()) {
        (Some(&a), Some(&b)) => (a, b),
        _ if min.is_finite() && max.is_finite() => (min.min(max), min.max(max)),
        _ => (0.0, 1.0),
    }
}

/// A band scale for bar charts: `n` equal bands across a pixel range with proportional padding.
///
/// `padding` (clamped to `[0, 1]`) is the fraction of each step left empty between bands; the same gap is
/// also left at each end, as in d3's `scaleBand().padding(p)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    n: usize,
    r0: f64,
    r1: f64,
    padding: f64,
}

impl Band {
    /// `n` bands across `range`; band 0 sits at `range.0` (a reversed range puts it at the high end).
    pub fn new(n: usize, range: (f64, f64), padding: f64) -> Band {
        let padding = if padding.is_finite() { padding.clamp(0.0, 1.0) } else { 0.0 };
        Band { n, r0: range.0, r1: range.1, padding }
    }

    /// Distance between the starts of consecutive bands (always ≥ 0).
    fn step(&self) -> f64 {
        (self.r1 - self.r0).abs() / (self.n as f64 + self.padding).max(1.0)
    }

    /// Lower pixel edge (left or top) of band `i`; indices past `n` extrapolate rather than panic.
    pub fn position(&self, i: usize) -> f64 {
        let step = self.step();
        let outer = step * self.padding;
        if self.r0 <= self.r1 {
            self.r0 + outer + i as f64 * step
        } else {
            // Band 0 at r0 (the high end): its lower edge is one band-width below.
            self.r0 - outer - i as f64 * step - self.bandwidth()
        }
    }

    /// Width of each band in pixels (≥ 0).
    pub fn bandwidth(&self) -> f64 {
        self.step() * (1.0 - self.padding)
    }

    /// Centre of band `i`, e.g. for its axis label.
    pub fn center(&self, i: usize) -> f64 {
        self.position(i) + self.bandwidth() / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    /// Significant digits in the shortest representation of `x` (noise like 0.30000000000000004 has 17).
    fn digits(x: f64) -> usize {
        let s = format!("{:e}", x.abs());
        s.split('e').next().unwrap().chars().filter(char::is_ascii_digit).count()
    }

    /// Coverage, even 1/2/5 spacing and float-noise-free values.
    fn check(min: f64, max: f64, count: usize) {
        let t = nice_ticks(min, max, count);
        let what = format!("{min}..{max} ({count}): {t:?}");
        assert!(t.len() >= 2, "{what}");
        assert!(t.len() <= 2 * count.max(2) + 1, "{what}");
        assert!(t[0] <= min.min(max) && *t.last().unwrap() >= max.max(min), "{what}");
        // No tick is wasted: the second is above min, the second-to-last below max.
        assert!(t[1] > min.min(max) && t[t.len() - 2] < max.max(min), "{what}");
        let step = t[1] - t[0];
        let mag = 10f64.powf(step.log10().floor());
        let unit = step / mag;
        // Differences of large neighbouring ticks carry rounding error, hence the loose tolerance.
        assert!([1.0, 2.0, 5.0, 10.0].iter().any(|&u| (unit - u).abs() < 1e-6), "step {step} {what}");
        for w in t.windows(2) {
            assert!(close(w[1] - w[0], step) || (w[1] - w[0] - step).abs() < step * 1e-6, "{what}");
        }
        for &x in &t {
            assert!(digits(x) <= 12, "noisy tick {x} in {what}");
        }
    }

    #[test]
    fn ticks_nice_and_covering_on_many_ranges() {
        let ranges = [
            (0.0, 1.0),
            (0.0, 9_782.0),
            (0.03, 0.97),
            (-5.0, 5.0),
            (-0.7, -0.1),
            (0.1, 0.3),
            (1.0, 1.0 + 1e-9),
            (0.0, 1e-9),
            (-3e-9, 7e-9),
            (12_345.0, 12_400.0),
            (0.0, 1.0e12),
            (-1.0e6, 2.5e5),
            (3.0, 3.3),
            (0.0, 0.0003),
        ];
        for (a, b) in ranges {
            for count in [2, 3, 5, 7, 10] {
                check(a, b, count);
                check(b, a, count);
            }
        }
    }

    #[test]
    fn ticks_known_values() {
        assert_eq!(nice_ticks(0.0, 1.0, 6), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(0.0, 9_782.0, 5), vec![0.0, 2000.0, 4000.0, 6000.0, 8000.0, 10_000.0]);
        assert_eq!(nice_ticks(-5.0, 5.0, 5), vec![-6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0]);
        assert_eq!(nice_ticks(0.1, 0.3, 3), vec![0.1, 0.2, 0.3]);
        assert_eq!(nice_ticks(0.03, 0.97, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    }

    #[test]
    fn ticks_have_no_float_noise() {
        for count in 2..12 {
            for t in nice_ticks(0.0, 1.0, count).into_iter().chain(nice_ticks(0.7, 3.1, count)) {
                let s = t.to_string();
                assert!(s.len() <= 6, "{s}");
            }
        }
        assert!(nice_ticks(0.0, 1.0, 11).contains(&0.3));
    }

    #[test]
    fn ticks_degenerate_input() {
        assert_eq!(nice_ticks(4.0, 4.0, 5), vec![4.0]);
        assert_eq!(nice_ticks(0.0, 0.0, 5), vec![0.0]);
        assert!(nice_ticks(f64::NAN, 1.0, 5).is_empty());
        assert!(nice_ticks(0.0, f64::NAN, 5).is_empty());
        assert!(nice_ticks(0.0, f64::INFINITY, 5).is_empty());
        assert!(nice_ticks(-f64::MAX, f64::MAX, 5).is_empty());
        // Counts of 0 or 1 still give an axis; huge counts are capped.
        assert_eq!(nice_ticks(0.0, 10.0, 0), vec![0.0, 10.0]);
        assert_eq!(nice_ticks(0.0, 10.0, 1), vec![0.0, 10.0]);
        assert!(nice_ticks(0.0, 1.0, usize::MAX).len() <= 2 * MAX_TICKS);
        // Too narrow to resolve at this magnitude: just the bounds.
        let t = nice_ticks(1e20, 1e20 + 16_384.0, 5);
        assert_eq!(t, vec![1e20, 1e20 + 16_384.0]);
        // Extremes stay finite.
        assert_eq!(nice_ticks(0.0, f64::MAX, 5), vec![0.0, f64::MAX]);
        assert_eq!(nice_ticks(0.0, 1e300, 5), vec![0.0, 2e299, 4e299, 6e299, 8e299, 1e300]);
    }

    #[test]
    fn nice_domain_ends() {
        assert_eq!(nice_domain(0.0, 9_782.0, 5), (0.0, 10_000.0));
        assert_eq!(nice_domain(-0.3, 0.97, 5), (-0.5, 1.0));
        assert_eq!(nice_domain(-0.3, 0.97, 6), (-0.4, 1.0));
        assert_eq!(nice_domain(0.0, 0.83, 5), (0.0, 1.0));
        assert_eq!(nice_domain(7.0, 7.0, 5), (7.0, 7.0));
        assert_eq!(nice_domain(5.0, f64::INFINITY, 5), (0.0, 1.0));
    }

    #[test]
    fn linear_maps_and_round_trips() {
        let s = Linear::new((0.0, 100.0), (300.0, 0.0));
        assert_eq!(s.map(0.0), 300.0);
        assert_eq!(s.map(100.0), 0.0);
        assert_eq!(s.map(25.0), 225.0);
        for v in [-50.0, 0.0, 0.1, 33.3, 99.99, 250.0] {
            assert!(close(s.invert(s.map(v)), v), "{v}");
        }
        let s = Linear::new((-2.5, 7.5), (10.0, 610.0));
        for px in [0.0, 10.0, 123.4, 610.0] {
            assert!(close(s.map(s.invert(px)), px), "{px}");
        }
    }

    #[test]
    fn linear_degenerate_is_finite() {
        let s = Linear::new((5.0, 5.0), (0.0, 200.0));
        assert_eq!(s.map(5.0), 100.0);
        assert_eq!(s.map(-1e9), 100.0);
        let s = Linear::new((0.0, 10.0), (50.0, 50.0));
        assert_eq!(s.invert(50.0), 5.0);
        let s = Linear::new((f64::NAN, 1.0), (0.0, 10.0));
        assert_eq!(s.map(0.5), 5.0);
    }

    #[test]
    fn band_positions() {
        let b = Band::new(4, (0.0, 100.0), 0.0);
        assert_eq!(b.bandwidth(), 25.0);
        assert_eq!((0..4).map(|i| b.position(i)).collect::<Vec<_>>(), vec![0.0, 25.0, 50.0, 75.0]);
        assert_eq!(b.center(1), 37.5);

        // padding 0.2: step = 105 / 4.2 = 25, bands of 20 with gaps of 5 between them and at both ends.
        let b = Band::new(4, (0.0, 105.0), 0.2);
        assert!(close(b.bandwidth(), 20.0));
        assert!(close(b.position(0), 5.0));
        assert!(close(b.position(1), 30.0));
        assert!(close(b.position(3), 80.0));
        assert!(close(b.position(3) + b.bandwidth() + 5.0, 105.0));

        // Reversed range: band 0 at the high end, positions still lower edges.
        let r = Band::new(4, (105.0, 0.0), 0.2);
        assert!(close(r.bandwidth(), 20.0));
        assert!(close(r.position(0), 80.0));
        assert!(close(r.position(3), 5.0));
    }

    #[test]
    fn band_degenerate() {
        let b = Band::new(0, (0.0, 100.0), 0.0);
        assert_eq!(b.bandwidth(), 100.0);
        let b = Band::new(3, (0.0, 90.0), f64::NAN);
        assert_eq!(b.bandwidth(), 30.0);
        let b = Band::new(3, (0.0, 90.0), 5.0);
        assert_eq!(b.bandwidth(), 0.0);
        assert!(b.position(2).is_finite());
    }
}
