//! Colour classes of an indicator, ready to draw: breaks, one colour per class and one legend label per
//! class, in the interface language. The map, the heatmap and their legends all take their colours from here,
//! so a colour means the same thing everywhere.

use super::classify::{class_labels, classify, diverging_breaks, rounded_quantile_breaks, RatioClass, RATIO_BREAKS};
use super::palette::{DIVERGING, NO_DATA, RATIO, SEQUENTIAL};
use crate::core::data::Indicator;
use crate::core::data::Lang;
use crate::core::format;
use crate::core::i18n::{t, Key};

/// Classes of one indicator: `breaks` ascending (class `k` is `[breaks[k-1], breaks[k])`, see
/// [`classify`]), `colors[k]` and `labels[k]` for every class (`breaks.len() + 1` of each).
#[derive(Clone, Debug, PartialEq)]
pub struct Classes {
    pub breaks: Vec<f64>,
    pub colors: Vec<&'static str>,
    pub labels: Vec<String>,
}

impl Classes {
    /// The fill of a value: its class colour, or the no-data grey for a missing or non-finite value.
    pub fn color(&self, value: Option<f64>) -> &'static str {
        match value.and_then(|v| classify(v, &self.breaks)) {
            Some(k) => self.colors.get(k).copied().unwrap_or(NO_DATA),
            None => NO_DATA,
        }
    }
}

/// The name of a vacancies-per-jobseeker class, by meaning.
pub fn ratio_class_name(l: Lang, c: RatioClass) -> &'static str {
    t(
        l,
        match c {
            RatioClass::LargeSurplus => Key::RatioLargeSurplus,
            RatioClass::Surplus => Key::RatioSurplus,
            RatioClass::MildSurplus => Key::RatioMildSurplus,
            RatioClass::Balanced => Key::RatioBalanced,
            RatioClass::Shortage => Key::RatioShortage,
            RatioClass::SevereShortage => Key::RatioSevereShortage,
        },
    )
}

/// The fixed vacancies-per-jobseeker classes ([`RATIO_BREAKS`], centred on 1.0), each labelled by meaning
/// and range: "Shortage (1.1 – 2)".
pub fn ratio(l: Lang) -> Classes {
    let ranges = class_labels(&RATIO_BREAKS, |v| format::number(l, v, decimals_of(v)));
    Classes {
        breaks: RATIO_BREAKS.to_vec(),
        colors: RATIO.to_vec(),
        labels: RatioClass::ALL.iter().zip(ranges).map(|(&c, r)| format!("{} ({r})", ratio_class_name(l, c))).collect(),
    }
}

/// Fewest decimals (0–2) that write `v` exactly: 2, 0.5, 0.25.
fn decimals_of(v: f64) -> usize {
    (0..2).find(|&d| ((v * 10f64.powi(d as i32)).round() - v * 10f64.powi(d as i32)).abs() < 1e-9).unwrap_or(2)
}

/// Classes for the values of `ind` shown together (e.g. one per district): the fixed ratio scale for
/// vacancies per jobseeker; classes symmetric around 0 on a diverging palette for the change vs a year
/// earlier; otherwise up to five equal-count classes with round, distinct breaks on a sequential palette.
/// All values equal, one value or none give a single class (labelled "all values").
pub fn for_indicator(ind: Indicator, values: &[f64], l: Lang) -> Classes {
    let (breaks, palette): (Vec<f64>, &[&'static str]) = match ind {
        Indicator::Ratio => return ratio(l),
        Indicator::Change => (diverging_breaks(values, 3), &DIVERGING),
        _ => return sequential(values, ind.decimals(), l),
    };
    spread(breaks, palette, ind.decimals(), l)
}

/// Up to five equal-count classes with round, distinct breaks on the sequential palette, for any values
/// shown with `decimals` decimals (counts, shares of an indicators dataset).
pub fn sequential(values: &[f64], decimals: usize, l: Lang) -> Classes {
    spread(rounded_quantile_breaks(values, SEQUENTIAL.len(), decimals), &SEQUENTIAL, decimals, l)
}

fn spread(breaks: Vec<f64>, palette: &[&'static str], decimals: usize, l: Lang) -> Classes {
    let fmt = |v: f64| format::number(l, v, decimals);
    let n = breaks.len() + 1;
    // Spread the classes over the palette (3 classes: lightest, middle, darkest).
    let colors: Vec<&'static str> =
        (0..n).map(|k| palette[if n == 1 { palette.len() / 2 } else { k * (palette.len() - 1) / (n - 1) }]).collect();
    let mut labels = class_labels(&breaks, fmt);
    if n == 1 {
        labels = vec![t(l, Key::AllValues).to_string()];
    }
    Classes { breaks, colors, labels }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_legend_by_meaning() {
        let c = ratio(Lang::En);
        assert_eq!(c.labels.len(), 6);
        assert_eq!(c.labels[0], "Large surplus of jobseekers (< 0.25)");
        assert_eq!(c.labels[3], "Balanced (0.9 – 1.1)");
        assert_eq!(c.labels[5], "Severe shortage (≥ 2)");
        let pt = ratio(Lang::Pt);
        assert_eq!(pt.labels[4], "Escassez de trabalhadores (1,1 – 2)");
        // 1.11 and 0.68 differ; shortage gets the shortage colour.
        assert_ne!(c.color(Some(1.11)), c.color(Some(0.68)));
        assert_eq!(c.color(Some(1.11)), RATIO[4]);
        assert_eq!(c.color(None), NO_DATA);
        // Same scale whatever the values: the ratio ignores them.
        assert_eq!(for_indicator(Indicator::Ratio, &[0.3, 0.31], Lang::En), c);
    }

    #[test]
    fn other_indicators_have_distinct_labels_and_colours() {
        for ind in Indicator::ALL {
            for values in [
                vec![],
                vec![5.0],
                vec![5.0; 20],
                (0..20).map(|i| 0.47 + f64::from(i) * 0.001).collect::<Vec<_>>(),
                (0..20).map(|i| 100.0 * f64::from(i)).collect(),
                (0..20).map(|i| f64::from(i) - 10.0).collect(),
            ] {
                for l in [Lang::Pt, Lang::En] {
                    let c = for_indicator(ind, &values, l);
                    assert_eq!(c.labels.len(), c.breaks.len() + 1, "{ind:?} {values:?}");
                    assert_eq!(c.colors.len(), c.labels.len());
                    let mut labels = c.labels.clone();
                    labels.sort();
                    labels.dedup();
                    assert_eq!(labels.len(), c.labels.len(), "equal labels for {ind:?} {values:?}: {:?}", c.labels);
                    let mut colors = c.colors.clone();
                    colors.sort();
                    colors.dedup();
                    assert_eq!(colors.len(), c.colors.len(), "{ind:?} {values:?}");
                }
            }
        }
        let one = for_indicator(Indicator::VacanciesOpen, &[7.0; 3], Lang::En);
        assert_eq!(one.labels, vec!["all values"]);
        let c = for_indicator(Indicator::VacanciesOpen, &(0..100).map(f64::from).collect::<Vec<_>>(), Lang::En);
        assert_eq!(c.labels, vec!["< 20", "20 – 40", "40 – 60", "60 – 80", "≥ 80"]);
    }
}
