//! Classing values for choropleth maps and legends.
//!
//! Breaks are ascending. With breaks `b0 < b1 < … < bk`, class 0 is `< b0`, class `i` is `[b(i-1), b(i))` and
//! class `k + 1` is `≥ bk`: a value equal to a break goes into the upper class.

use super::scale::decimal;

/// The `classes - 1` inner break points of an equal-count (quantile) classification, ignoring non-finite
/// values.
///
/// Breaks are data values chosen so each class holds about the same number of values (with `1..=10` in 5
/// classes: 3, 5, 7, 9). They are ascending and deduplicated, and never equal the minimum (which would leave
/// class 0 empty), so ties or few distinct values give fewer breaks. Empty input or `classes < 2` gives none.
pub fn quantile_breaks(values: &[f64], classes: usize) -> Vec<f64> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() || classes < 2 {
        return Vec::new();
    }
    sorted.sort_by(f64::total_cmp);
    // Candidate breaks: each distinct value above the minimum, with how many values fall below it.
    let candidates: Vec<(f64, usize)> =
        (1..sorted.len()).filter(|&i| sorted[i] > sorted[i - 1]).map(|i| (sorted[i], i)).collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let n = sorted.len() as f64;
    let mut breaks: Vec<f64> = (1..classes)
        .map(|k| {
            // The candidate whose count-below is closest to the ideal k/classes share.
            let target = n * k as f64 / classes as f64;
            let j = candidates.partition_point(|&(_, below)| (below as f64) < target);
            let after = candidates.get(j);
            let before = j.checked_sub(1).map(|j| candidates[j]);
            match (before, after) {
                (Some(b), Some(a)) if target - b.1 as f64 <= a.1 as f64 - target => b.0,
                (_, Some(a)) => a.0,
                (Some(b), None) => b.0,
                (None, None) => unreachable!("candidates is not empty"),
            }
        })
        .collect();
    breaks.dedup();
    breaks
}

/// Class index of `value` (`0..=breaks.len()`), or `None` for NaN/infinite values ("no data").
///
/// A value equal to a break belongs to the upper class.
pub fn classify(value: f64, breaks: &[f64]) -> Option<usize> {
    value.is_finite().then(|| breaks.partition_point(|&b| b <= value))
}

/// The largest 1, 2 or 5 × 10^e not above `x > 0`, as `(mantissa, exponent)`.
fn nice_floor(x: f64) -> (i64, i32) {
    let exp = x.log10().floor() as i32;
    // A hair of tolerance so 5 computed as 4.999… still counts as 5.
    let r = x / 10f64.powi(exp) * (1.0 + 1e-9);
    match r {
        r if r >= 10.0 => (1, exp + 1),
        r if r >= 5.0 => (5, exp),
        r if r >= 2.0 => (2, exp),
        _ => (1, exp),
    }
}

/// Breaks symmetric around 0, with 0 itself a break, for diverging data such as "change vs last year".
///
/// The step is the largest 1/2/5 × 10^k not above `max|v| / classes_per_side`, giving `2 × classes_per_side - 1`
/// breaks (`classes_per_side` classes each side; the outermost ones are open-ended). Non-finite values are
/// ignored; no finite values gives no breaks, all zeros (or `classes_per_side ≤ 1`) gives just `[0]`.
pub fn diverging_breaks(values: &[f64], classes_per_side: usize) -> Vec<f64> {
    let Some(max_abs) = values.iter().filter(|v| v.is_finite()).map(|v| v.abs()).reduce(f64::max) else {
        return Vec::new();
    };
    let side = classes_per_side.max(1) as i64 - 1;
    let raw = max_abs / (side + 1) as f64;
    if side == 0 || raw == 0.0 {
        return vec![0.0];
    }
    let (m, e) = nice_floor(raw);
    (-side..=side).map(|i| decimal(i * m, e)).collect()
}

/// Legend labels for the classes made by `breaks`: `"< a"`, `"a – b"`, …, `"≥ z"` (one more label than
/// breaks), with each number written by `fmt`.
///
/// With no breaks there is a single class holding everything; its label is empty, for the caller to omit
/// or replace (e.g. with a translated "all").
pub fn class_labels(breaks: &[f64], fmt: impl Fn(f64) -> String) -> Vec<String> {
    let (Some(&first), Some(&last)) = (breaks.first(), breaks.last()) else {
        return vec![String::new()];
    };
    let mut labels = vec![format!("< {}", fmt(first))];
    labels.extend(breaks.windows(2).map(|w| format!("{} – {}", fmt(w[0]), fmt(w[1]))));
    labels.push(format!("≥ {}", fmt(last)));
    labels
}

/// Fixed breaks of vacancies per jobseeker, centred on 1.0 (as many vacancies as jobseekers), so a colour
/// means the same in every view and every period: `< 0.25`, `0.25 – 0.5`, `0.5 – 0.9`, `0.9 – 1.1`
/// (balanced, ±10 % around 1), `1.1 – 2`, `≥ 2`. A district at 1.11 and one at 0.68 never share a class.
pub const RATIO_BREAKS: [f64; 5] = [0.25, 0.5, 0.9, 1.1, 2.0];

/// What a class of [`RATIO_BREAKS`] means, from the largest surplus of jobseekers to the most severe shortage
/// of workers. The index of a variant is its class index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatioClass {
    /// Fewer than 0.25 vacancies per jobseeker (4 or more jobseekers per vacancy).
    LargeSurplus,
    /// 0.25 – 0.5: 2 to 4 jobseekers per vacancy.
    Surplus,
    /// 0.5 – 0.9: more jobseekers than vacancies.
    MildSurplus,
    /// 0.9 – 1.1: about as many vacancies as jobseekers.
    Balanced,
    /// 1.1 – 2: more vacancies than jobseekers.
    Shortage,
    /// 2 or more vacancies per jobseeker.
    SevereShortage,
}

impl RatioClass {
    /// Every class, in break order (class index = position).
    pub const ALL: [RatioClass; 6] = [
        RatioClass::LargeSurplus,
        RatioClass::Surplus,
        RatioClass::MildSurplus,
        RatioClass::Balanced,
        RatioClass::Shortage,
        RatioClass::SevereShortage,
    ];

    /// The class of a ratio, or `None` for a missing or non-finite one.
    pub fn of(ratio: Option<f64>) -> Option<RatioClass> {
        ratio.and_then(|r| classify(r, &RATIO_BREAKS)).map(|k| Self::ALL[k])
    }

    /// Whether the class is a shortage of workers (more vacancies than jobseekers, beyond the balanced band).
    pub fn is_shortage(self) -> bool {
        matches!(self, RatioClass::Shortage | RatioClass::SevereShortage)
    }
}

/// Round `x` to two significant digits, but never finer than `decimals` (the precision it is shown with).
fn round_display(x: f64, decimals: usize) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 1 - x.abs().log10().floor() as i32;
    let digits = digits.min(decimals as i32);
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

/// Quantile breaks (see [`quantile_breaks`]) rounded to two significant digits and to the precision values
/// are shown with (`decimals`), then deduplicated, so that legend labels are round and no two are equal.
///
/// Breaks stay strictly ascending and above the minimum value (no empty first class). All values equal, one
/// value, or none give no breaks (one class).
pub fn rounded_quantile_breaks(values: &[f64], classes: usize, decimals: usize) -> Vec<f64> {
    let min = values.iter().copied().filter(|v| v.is_finite()).reduce(f64::min);
    let mut breaks: Vec<f64> =
        quantile_breaks(values, classes).into_iter().map(|b| round_display(b, decimals)).collect();
    breaks.retain(|&b| min.is_some_and(|m| b > m));
    breaks.dedup();
    breaks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_classes_break_at_balance() {
        // The case seen: 1.11 and 0.68 were in one class.
        assert_eq!(RatioClass::of(Some(1.11)), Some(RatioClass::Shortage));
        assert_eq!(RatioClass::of(Some(0.68)), Some(RatioClass::MildSurplus));
        assert_eq!(RatioClass::of(Some(1.0)), Some(RatioClass::Balanced));
        assert_eq!(RatioClass::of(Some(0.9)), Some(RatioClass::Balanced));
        assert_eq!(RatioClass::of(Some(1.1)), Some(RatioClass::Shortage));
        assert_eq!(RatioClass::of(Some(0.0)), Some(RatioClass::LargeSurplus));
        assert_eq!(RatioClass::of(Some(7.5)), Some(RatioClass::SevereShortage));
        assert_eq!(RatioClass::of(None), None);
        assert_eq!(RatioClass::of(Some(f64::NAN)), None);
        assert!(RatioClass::Shortage.is_shortage() && !RatioClass::Balanced.is_shortage());
        // Centred on 1: the balanced band is symmetric around it.
        assert!(((RATIO_BREAKS[2] + RATIO_BREAKS[3]) / 2.0 - 1.0).abs() < 1e-12);
        assert_eq!(RatioClass::ALL.len(), RATIO_BREAKS.len() + 1);
    }

    #[test]
    fn rounded_breaks_are_round_and_distinct() {
        // Near-identical values gave two classes labelled "0.49 – 0.49".
        let v = [0.47, 0.47, 0.48, 0.48, 0.481, 0.482, 0.483, 0.484, 0.49, 0.491, 0.492, 0.493, 0.494];
        let b = rounded_quantile_breaks(&v, 5, 2);
        let labels = class_labels(&b, |x| format!("{x:.2}"));
        let mut uniq = labels.clone();
        uniq.dedup();
        assert_eq!(labels, uniq, "{labels:?}");
        assert!(b.windows(2).all(|w| w[0] < w[1]), "{b:?}");
        for &x in &b {
            assert_eq!(format!("{x:.2}").parse::<f64>().unwrap(), x);
        }
        // Counts are rounded to two significant digits.
        let v: Vec<f64> = (0..100).map(|i| 1000.0 + 37.0 * f64::from(i)).collect();
        let b = rounded_quantile_breaks(&v, 5, 0);
        assert_eq!(b, vec![1700.0, 2500.0, 3200.0, 4000.0]);
    }

    #[test]
    fn rounded_breaks_degenerate() {
        assert!(rounded_quantile_breaks(&[], 5, 0).is_empty());
        assert!(rounded_quantile_breaks(&[3.0], 5, 0).is_empty());
        assert!(rounded_quantile_breaks(&[3.0; 9], 5, 0).is_empty());
        assert!(rounded_quantile_breaks(&[f64::NAN, f64::INFINITY], 5, 0).is_empty());
        // Rounding down onto the minimum would leave the first class empty: that break is dropped.
        assert_eq!(rounded_quantile_breaks(&[101.0, 102.0], 2, 0), Vec::<f64>::new());
        assert_eq!(rounded_quantile_breaks(&[0.0, 0.0, 1.0, 1.0], 2, 0), vec![1.0]);
        assert_eq!(round_display(0.0, 2), 0.0);
        assert_eq!(round_display(-1234.0, 0), -1200.0);
        assert_eq!(round_display(0.4849, 2), 0.48);
    }

    #[test]
    fn quantiles_of_one_to_ten() {
        let v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(quantile_breaks(&v, 5), vec![3.0, 5.0, 7.0, 9.0]);
        assert_eq!(quantile_breaks(&v, 2), vec![6.0]);
        // Every class holds two values.
        let b = quantile_breaks(&v, 5);
        let mut counts = [0; 5];
        for &x in &v {
            counts[classify(x, &b).unwrap()] += 1;
        }
        assert_eq!(counts, [2; 5]);
    }

    #[test]
    fn quantiles_ignore_order_and_non_finite() {
        let v = [9.0, f64::NAN, 2.0, 7.0, f64::INFINITY, 1.0, 10.0, 4.0, f64::NEG_INFINITY, 3.0, 8.0, 6.0, 5.0];
        assert_eq!(quantile_breaks(&v, 5), vec![3.0, 5.0, 7.0, 9.0]);
    }

    #[test]
    fn quantiles_with_duplicates() {
        // Few distinct levels: fewer breaks, deduplicated, none equal to the minimum.
        assert_eq!(quantile_breaks(&[1.0, 1.0, 1.0, 1.0, 2.0], 3), vec![2.0]);
        assert_eq!(quantile_breaks(&[1.0, 2.0, 2.0, 2.0, 2.0], 2), vec![2.0]);
        assert_eq!(quantile_breaks(&[5.0; 8], 4), Vec::<f64>::new());
        let v = [0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0];
        let b = quantile_breaks(&v, 5);
        assert!(b.windows(2).all(|w| w[0] < w[1]), "{b:?}");
        assert_eq!(b, vec![1.0, 2.0, 3.0]);
    }

    #[test]
    fn quantiles_degenerate() {
        assert!(quantile_breaks(&[], 5).is_empty());
        assert!(quantile_breaks(&[f64::NAN, f64::INFINITY], 5).is_empty());
        assert!(quantile_breaks(&[1.0, 2.0, 3.0], 1).is_empty());
        assert!(quantile_breaks(&[1.0, 2.0, 3.0], 0).is_empty());
        // More classes than values: one break per distinct non-minimum value at most.
        assert_eq!(quantile_breaks(&[1.0, 2.0, 3.0], 10), vec![2.0, 3.0]);
    }

    #[test]
    fn classify_edges() {
        let b = [10.0, 20.0, 30.0];
        assert_eq!(classify(-1e9, &b), Some(0));
        assert_eq!(classify(9.999, &b), Some(0));
        // Equal to a break: upper class.
        assert_eq!(classify(10.0, &b), Some(1));
        assert_eq!(classify(19.0, &b), Some(1));
        assert_eq!(classify(20.0, &b), Some(2));
        assert_eq!(classify(30.0, &b), Some(3));
        assert_eq!(classify(1e9, &b), Some(3));
        assert_eq!(classify(f64::NAN, &b), None);
        assert_eq!(classify(f64::INFINITY, &b), None);
        assert_eq!(classify(f64::NEG_INFINITY, &b), None);
        assert_eq!(classify(42.0, &[]), Some(0));
    }

    #[test]
    fn diverging_symmetric_with_zero() {
        let v = [-12.0, 3.0, 37.0, f64::NAN, -5.0];
        let b = diverging_breaks(&v, 3);
        assert_eq!(b, vec![-20.0, -10.0, 0.0, 10.0, 20.0]);
        for per_side in 1..6 {
            for v in [&[-0.37, 0.05][..], &[4.9], &[-1234.0, 17.0], &[0.003]] {
                let b = diverging_breaks(v, per_side);
                assert_eq!(b.len(), 2 * per_side - 1, "{v:?} {per_side}: {b:?}");
                assert!(b.contains(&0.0));
                assert!(b.windows(2).all(|w| w[0] < w[1]), "{b:?}");
                for (lo, hi) in b.iter().zip(b.iter().rev()) {
                    assert_eq!(*lo, -hi);
                }
                // Outermost break within the data, so the outer classes are not empty.
                let max_abs = v.iter().map(|x| x.abs()).fold(0.0, f64::max);
                assert!(b.last().unwrap().abs() <= max_abs, "{v:?}: {b:?}");
            }
        }
        // Nice, noise-free values.
        assert_eq!(diverging_breaks(&[0.37], 3), vec![-0.2, -0.1, 0.0, 0.1, 0.2]);
        assert_eq!(diverging_breaks(&[-15.0], 3), vec![-10.0, -5.0, 0.0, 5.0, 10.0]);
    }

    #[test]
    fn diverging_degenerate() {
        assert!(diverging_breaks(&[], 3).is_empty());
        assert!(diverging_breaks(&[f64::NAN], 3).is_empty());
        assert_eq!(diverging_breaks(&[0.0, -0.0], 3), vec![0.0]);
        assert_eq!(diverging_breaks(&[5.0], 1), vec![0.0]);
        assert_eq!(diverging_breaks(&[5.0], 0), vec![0.0]);
        assert_eq!(classify(0.0, &diverging_breaks(&[5.0], 3)), Some(3));
    }

    #[test]
    fn labels() {
        let fmt = |x: f64| format!("{x}");
        assert_eq!(class_labels(&[3.0, 5.0, 7.0], fmt), vec!["< 3", "3 – 5", "5 – 7", "≥ 7"]);
        assert_eq!(class_labels(&[0.0], fmt), vec!["< 0", "≥ 0"]);
        assert_eq!(class_labels(&[], fmt), vec![""]);
        let pct = class_labels(&[-0.1, 0.0, 0.1], |x| format!("{:+.0}%", x * 100.0));
        assert_eq!(pct, vec!["< -10%", "-10% – +0%", "+0% – +10%", "≥ +10%"]);
    }
}
