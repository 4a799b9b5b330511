//! What a chart's read-out says about one mark (hover, keyboard focus or touch): its name, its value with
//! the unit, its rank among the marks shown, and its change vs a year earlier where the indicator allows.

use crate::core::data::Lang;
use crate::core::format;
use crate::core::i18n::{tf, Key};

/// Rank (1 = highest) of each value among the finite ones, ties sharing the better rank; `None` for a
/// missing value. Returns the ranks and how many values were ranked.
pub fn ranks(values: &[Option<f64>]) -> (Vec<Option<usize>>, usize) {
    let finite: Vec<f64> = values.iter().flatten().copied().filter(|v| v.is_finite()).collect();
    let ranks = values
        .iter()
        .map(|v| v.filter(|v| v.is_finite()).map(|v| 1 + finite.iter().filter(|&&o| o > v).count()))
        .collect();
    (ranks, finite.len())
}

/// "Faro: 0.30 Vacancies per jobseeker · 3rd of 20 · +5.2% vs a year earlier" (pt: "3.º de 20",
/// "+5,2 % face ao ano anterior"); parts that are not known are left out, and a missing value reads "—".
pub fn line(
    l: Lang,
    name: &str,
    value: Option<f64>,
    decimals: usize,
    unit: &str,
    rank: Option<(usize, usize)>,
    change: Option<f64>,
) -> String {
    let mut out = format!("{name}: {} {unit}", format::maybe(l, value, decimals));
    if let (Some((r, of)), Some(_)) = (rank, value) {
        let rank = if l == Lang::Pt { format!("{r}.º") } else { ordinal_en(r) };
        out.push_str(" · ");
        out.push_str(&tf(l, Key::RankOf, &[("rank", &rank), ("total", &of.to_string())]));
    }
    if let Some(c) = change.filter(|c| c.is_finite()) {
        let sign = if c > 0.0 { "+" } else { "" };
        let change = format!("{sign}{}", format::number(l, c, 1));
        out.push_str(" · ");
        out.push_str(&tf(l, Key::ChangeVsYearEarlier, &[("change", &change)]));
    }
    out
}

fn ordinal_en(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_with_ties_and_gaps() {
        let (r, n) = ranks(&[Some(0.3), None, Some(0.5), Some(0.3), Some(f64::NAN)]);
        assert_eq!(r, vec![Some(2), None, Some(1), Some(2), None]);
        assert_eq!(n, 3);
        assert_eq!(ranks(&[]), (vec![], 0));
    }

    #[test]
    fn lines_in_both_languages() {
        assert_eq!(
            line(Lang::En, "Faro", Some(0.304), 2, "Vacancies per jobseeker", Some((3, 20)), Some(5.24)),
            "Faro: 0.30 Vacancies per jobseeker · 3rd of 20 · +5.2% vs a year earlier"
        );
        assert_eq!(
            line(Lang::Pt, "Faro", Some(1234.0), 0, "Vagas em aberto", Some((1, 20)), Some(-12.0)),
            "Faro: 1\u{a0}234 Vagas em aberto · 1.º de 20 · −12,0 % face ao ano anterior"
        );
        assert_eq!(line(Lang::En, "Beja", None, 2, "x", Some((1, 20)), None), "Beja: — x");
        assert_eq!(ordinal_en(11), "11th");
        assert_eq!(ordinal_en(22), "22nd");
        assert_eq!(ordinal_en(103), "103rd");
    }
}
