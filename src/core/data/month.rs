//! Calendar months ("YYYY-MM") and dates ("YYYY-MM-DD") as used in datasets.

use std::fmt;

/// A calendar month, stored as months since year 0 so ranges are plain integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(u32);

/// Years outside this range are treated as typing errors, not data.
const MIN_YEAR: u32 = 1900;
const MAX_YEAR: u32 = 2100;

impl Month {
    pub fn new(year: u32, month: u32) -> Option<Month> {
        if (MIN_YEAR..=MAX_YEAR).contains(&year) && (1..=12).contains(&month) {
            Some(Month(year * 12 + month - 1))
        } else {
            None
        }
    }

    /// Parses exactly `YYYY-MM`.
    pub fn parse(s: &str) -> Option<Month> {
        let b = s.as_bytes();
        if b.len() != 7 || b[4] != b'-' {
            return None;
        }
        let year = digits(&b[0..4])?;
        let month = digits(&b[5..7])?;
        Month::new(year, month)
    }

    pub fn year(self) -> u32 {
        self.0 / 12
    }

    /// 1..=12
    pub fn month(self) -> u32 {
        self.0 % 12 + 1
    }

    pub fn index(self) -> u32 {
        self.0
    }

    pub fn from_index(i: u32) -> Month {
        Month(i)
    }

    pub fn next(self) -> Month {
        Month(self.0 + 1)
    }

    pub fn plus(self, months: u32) -> Month {
        Month(self.0 + months)
    }

    /// Number of months from `self` to `other`, both included; 0 if reversed.
    pub fn span_to(self, other: Month) -> u32 {
        if other.0 < self.0 {
            0
        } else {
            other.0 - self.0 + 1
        }
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    let mut n = 0u32;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

/// Validates `YYYY-MM-DD` (with real month lengths) and returns its month.
pub fn parse_date(s: &str) -> Option<(Month, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[7] != b'-' {
        return None;
    }
    let month = Month::parse(&s[0..7])?;
    let day = digits(&b[8..10])?;
    let year = month.year();
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let len = match month.month() {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=len).contains(&day).then_some((month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let m = Month::parse("2019-01").unwrap();
        assert_eq!((m.year(), m.month()), (2019, 1));
        assert_eq!(m.to_string(), "2019-01");
        assert_eq!(m.plus(11).to_string(), "2019-12");
        assert_eq!(m.plus(12).to_string(), "2020-01");
        assert_eq!(m.span_to(Month::parse("2025-12").unwrap()), 84);
    }

    #[test]
    fn rejects_bad_months() {
        for bad in ["2019-13", "2019-00", "2019-1", "19-01", "2019/01", "", "2019-01-01", "abcd-ef", "1800-01"] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_respect_month_length() {
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("2023-02-29").is_none());
        assert!(parse_date("2023-04-31").is_none());
        assert!(parse_date("2023-4-01").is_none());
        assert_eq!(parse_date("2023-12-31").unwrap().1, 31);
    }
}
