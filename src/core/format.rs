//! Number and date formatting for pt-PT ("1 234,5") and English ("1,234.5").

use crate::core::data::{Lang, Month};

/// pt-PT groups thousands with a no-break space so figures never wrap.
const PT_GROUP: char = '\u{a0}';

fn group(int_part: &str, sep: char) -> String {
    let mut out = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Formats `x` with `decimals` decimal places in the language's convention.
pub fn number(lang: Lang, x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
    let (sep, dec) = match lang {
        Lang::Pt => (PT_GROUP, ','),
        Lang::En => (',', '.'),
    };
    // "-0" after rounding is just "0".
    let negative = x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&group(int_part, sep));
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(frac);
    }
    out
}

pub fn integer(lang: Lang, x: f64) -> String {
    number(lang, x, 0)
}

/// An optional figure; "—" when not available.
pub fn maybe(lang: Lang, x: Option<f64>, decimals: usize) -> String {
    x.map_or_else(|| "—".to_string(), |v| number(lang, v, decimals))
}

const MONTHS_PT: [&str; 12] = ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"];
const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

pub fn month_name(lang: Lang, month_of_year: u32) -> &'static str {
    let i = (month_of_year.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Pt => MONTHS_PT[i],
        Lang::En => MONTHS_EN[i],
    }
}

/// "jan 2025" / "Jan 2025".
pub fn month(lang: Lang, m: Month) -> String {
    format!("{} {}", month_name(lang, m.month()), m.year())
}

/// "jan 2025 – dez 2025".
pub fn period(lang: Lang, from: Month, to: Month) -> String {
    if from == to {
        month(lang, from)
    } else {
        format!("{} – {}", month(lang, from), month(lang, to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portuguese_groups_with_spaces_and_decimal_comma() {
        assert_eq!(number(Lang::Pt, 1234.5, 1), "1\u{a0}234,5");
        assert_eq!(number(Lang::Pt, 1234567.0, 0), "1\u{a0}234\u{a0}567");
        assert_eq!(number(Lang::Pt, 999.0, 0), "999");
        assert_eq!(number(Lang::Pt, 0.256, 2), "0,26");
    }

    #[test]
    fn english_groups_with_commas() {
        assert_eq!(number(Lang::En, 1234.5, 1), "1,234.5");
        assert_eq!(number(Lang::En, 100000.0, 0), "100,000");
        assert_eq!(integer(Lang::En, 9781.6), "9,782");
    }

    #[test]
    fn negatives_nan_and_missing() {
        assert_eq!(number(Lang::En, -1234.0, 0), "−1,234");
        assert_eq!(number(Lang::En, -0.001, 1), "0.0");
        assert_eq!(number(Lang::Pt, f64::NAN, 1), "—");
        assert_eq!(maybe(Lang::Pt, None, 1), "—");
    }

    #[test]
    fn months() {
        let m = Month::parse("2025-08").unwrap();
        assert_eq!(month(Lang::Pt, m), "ago 2025");
        assert_eq!(month(Lang::En, m), "Aug 2025");
        assert_eq!(period(Lang::En, m, m), "Aug 2025");
    }
}
