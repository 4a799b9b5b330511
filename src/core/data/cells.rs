//! Counts as people write them in spreadsheet exports, read by stated rules.
//! A cell is trimmed (spaces, tabs, no-break spaces) and then:
//!
//! - empty, or a "not available" marker (`MARKERS`: `#N/D`, `#N/A`, `-`,
//!   `n.d.`, `..`, `:`…) → not available (`null`);
//! - digits, optionally with a leading `+` and leading zeros (`007` = 7,
//!   `+12` = 12) → that count;
//! - thousands grouped by spaces or no-break spaces (`1 234`), or by `.`/`,`
//!   used at least twice (`1.234.567`) or next to the other one as decimal
//!   mark (`1.234,0`, `1,234.00`), always in groups of three → that count;
//! - a decimal whose fraction is all zeros (`120.0`, `120,00`: pandas writes
//!   whole numbers so once a column has a gap) → that whole number;
//! - refused, saying why: one `.` or `,` followed by exactly three digits
//!   (`1.000`: a thousand, or one?) — ambiguous; any other fraction (`310,5`);
//!   scientific notation (`1e3`: spreadsheets write it when digits may have
//!   been lost); spreadsheet errors (`#VALUE!`); separators not in groups of
//!   three; anything else. Negative counts are reported as such.

use super::column::NA;
use super::problem::NumberIssue;

/// Markers read as "not available" (compared ignoring case), as written by
/// Excel in Portuguese (`#N/D`) and English (`#N/A`), Eurostat (`:`), INE
/// (`..`, `n.d.`), R (`NA`) and people (`-`, `–`).
pub const MARKERS: [&str; 12] = ["#N/D", "#N/A", "N/A", "N/D", "n.d.", "n/d", "NA", "NaN", "-", "–", "..", ":"];

/// What a count cell holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Count {
    Value(u32),
    /// Empty: not available.
    Empty,
    /// A "not available" marker (as written, trimmed).
    Marker(String),
    Negative(i64),
    TooLarge(u64),
    Bad(NumberIssue),
}

/// Spaces that may surround a cell or group thousands.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Reads one count cell (see the module's rules).
pub fn count(cell: &str) -> Count {
    let s = cell.trim_matches(is_space);
    if s.is_empty() {
        return Count::Empty;
    }
    if MARKERS.iter().any(|m| m.eq_ignore_ascii_case(s)) {
        return Count::Marker(s.to_string());
    }
    if s.starts_with('#') && (s.ends_with('!') || s.ends_with('?') || s.ends_with("/0")) {
        return Count::Bad(NumberIssue::SpreadsheetError);
    }
    let (negative, body) = match s.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim_start_matches(is_space)),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if body.is_empty() {
        return Count::Bad(NumberIssue::NotNumber);
    }
    if body.contains(['e', 'E']) && body.chars().all(|c| c.is_ascii_digit() || "eE+-.,".contains(c)) {
        return Count::Bad(NumberIssue::Scientific);
    }
    if !body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',' || is_space(c)) {
        return Count::Bad(NumberIssue::NotNumber);
    }
    let whole = match whole_digits(body) {
        Ok(d) => d,
        Err(issue) => return Count::Bad(issue),
    };
    // Leading zeros are decimal (007 = 7); very long inputs are too large.
    let digits = whole.trim_start_matches('0');
    let value: u64 = if digits.is_empty() {
        0
    } else if digits.len() > 19 {
        u64::MAX
    } else {
        digits.parse().unwrap_or(u64::MAX)
    };
    if negative && value > 0 {
        return Count::Negative(-i64::try_from(value).unwrap_or(i64::MAX));
    }
    if value >= u64::from(NA) {
        return Count::TooLarge(value);
    }
    Count::Value(value as u32)
}

/// The digits of the whole number `body` (digits, `.`, `,`, spaces) stands
/// for, or why it is not one.
fn whole_digits(body: &str) -> Result<String, NumberIssue> {
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let spaced = body.contains(is_space);
    // The decimal mark: the last of `.`/`,` if it appears once and after
    // the other (1.234,5), or the only separator used once.
    let (int_part, frac) = match (dots, commas) {
        (0, 0) => (body, None),
        (1, 0) | (0, 1) => {
            let sep = if dots == 1 { '.' } else { ',' };
            let (a, b) = body.split_once(sep).unwrap_or((body, ""));
            if b.len() == 3 && !spaced && !a.trim_start_matches('0').is_empty() && b.bytes().all(|c| c.is_ascii_digit())
            {
                return Err(NumberIssue::Ambiguous);
            }
            (a, Some(b))
        }
        _ => {
            let last = body.rfind(['.', ',']).unwrap_or(0);
            let mark = body[last..].chars().next().unwrap_or('.');
            let other = if mark == '.' { ',' } else { '.' };
            if body.matches(mark).count() == 1 && body[..last].contains(other) {
                (&body[..last], Some(&body[last + 1..]))
            } else {
                (body, None)
            }
        }
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|c| c.is_ascii_digit()) {
            return Err(NumberIssue::Grouping);
        }
        if f.bytes().any(|c| c != b'0') {
            return Err(NumberIssue::Fraction);
        }
    }
    // What is left may be grouped by one kind of separator, in threes.
    let groups: Vec<&str> = int_part.split(|c: char| c == '.' || c == ',' || is_space(c)).collect();
    let seps: std::collections::BTreeSet<char> = int_part.chars().filter(|c| !c.is_ascii_digit()).collect();
    if groups.len() > 1 {
        let first = groups[0];
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3 && g.bytes().all(|c| c.is_ascii_digit()));
        let first_ok = (1..=3).contains(&first.len()) && first.bytes().all(|c| c.is_ascii_digit());
        let one_kind = seps.iter().all(|c| is_space(*c)) || seps.len() == 1;
        if !(rest_ok && first_ok && one_kind) {
            return Err(NumberIssue::Grouping);
        }
    } else if int_part.is_empty() {
        return Err(NumberIssue::NotNumber);
    }
    Ok(groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Count::*;

    #[test]
    fn counts_as_people_write_them() {
        for (cell, want) in [
            ("120", Value(120)),
            (" 120 ", Value(120)),
            ("120.0", Value(120)),
            ("120,00", Value(120)),
            ("007", Value(7)),
            ("+12", Value(12)),
            ("1 234", Value(1234)),
            ("1\u{a0}234\u{a0}567", Value(1_234_567)),
            ("1.234.567", Value(1_234_567)),
            ("1.234,0", Value(1234)),
            ("1,234.00", Value(1234)),
            ("0", Value(0)),
            ("0.500", Bad(NumberIssue::Fraction)),
            ("", Empty),
            ("#N/D", Marker("#N/D".into())),
            ("n.d.", Marker("n.d.".into())),
            ("-", Marker("-".into())),
            ("..", Marker("..".into())),
            (":", Marker(":".into())),
            ("1.000", Bad(NumberIssue::Ambiguous)),
            ("2,500", Bad(NumberIssue::Ambiguous)),
            ("310,5", Bad(NumberIssue::Fraction)),
            ("1.234,5", Bad(NumberIssue::Fraction)),
            ("1e3", Bad(NumberIssue::Scientific)),
            ("1,2E+05", Bad(NumberIssue::Scientific)),
            ("#VALUE!", Bad(NumberIssue::SpreadsheetError)),
            ("#DIV/0!", Bad(NumberIssue::SpreadsheetError)),
            ("1 23", Bad(NumberIssue::Grouping)),
            ("1.2.3", Bad(NumberIssue::Grouping)),
            ("doze", Bad(NumberIssue::NotNumber)),
            ("-5", Negative(-5)),
            ("4294967295", TooLarge(4_294_967_295)),
        ] {
            assert_eq!(count(cell), want, "{cell:?}");
        }
    }
}
