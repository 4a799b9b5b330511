//! The data behind every chart as a table: shown as an accessible, sortable
//! table and downloaded as CSV with exactly the same rows.

use crate::core::data::Lang;
use crate::core::format;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    /// A number with the decimals to show; `None` is "not available".
    Num(Option<f64>, usize),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Value {
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Num(v, d) => format::maybe(lang, *v, *d),
        }
    }

    /// Machine-readable: dot decimals, no grouping, empty when not available.
    pub fn raw(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Num(Some(v), d) if v.is_finite() => format!("{v:.d$}"),
            Value::Num(..) => String::new(),
        }
    }
}

impl Table {
    /// Rows sorted by column `col` (numbers numerically, missing last; text
    /// alphabetically), ascending or not. Stable: ties keep their order.
    pub fn sorted(&self, col: usize, ascending: bool) -> Vec<Vec<Value>> {
        let mut rows = self.rows.clone();
        rows.sort_by(|a, b| {
            use std::cmp::Ordering;
            let ord = match (a.get(col), b.get(col)) {
                (Some(Value::Num(x, _)), Some(Value::Num(y, _))) => match (x, y) {
                    (Some(x), Some(y)) => x.total_cmp(y),
                    (Some(_), None) => return Ordering::Less,
                    (None, Some(_)) => return Ordering::Greater,
                    (None, None) => Ordering::Equal,
                },
                (Some(x), Some(y)) => x.raw().to_lowercase().cmp(&y.raw().to_lowercase()),
                _ => Ordering::Equal,
            };
            if ascending {
                ord
            } else {
                ord.reverse()
            }
        });
        rows
    }

    /// RFC 4180 CSV in `dialect` (CRLF line ends, quotes where needed; cells a spreadsheet would run as a
    /// formula get a leading apostrophe; numbers without grouping), with the `extra` columns (header,
    /// value) repeated on every row and a closing `note` row (provenance, records left out) after a blank
    /// line, so that the table itself stays rectangular.
    pub fn to_csv_in(&self, dialect: CsvDialect, extra: &[(String, String)], note: Option<&str>) -> String {
        let d = dialect;
        let sep = d.separator.to_string();
        let line = |cells: Vec<String>| cells.iter().map(|c| d.cell(c)).collect::<Vec<_>>().join(&sep) + "\r\n";
        let mut out = line(self.headers.iter().cloned().chain(extra.iter().map(|(h, _)| h.clone())).collect());
        for r in &self.rows {
            out.push_str(&line(r.iter().map(|v| d.value(v)).chain(extra.iter().map(|(_, v)| v.clone())).collect()));
        }
        if let Some(n) = note {
            out.push_str("\r\n");
            out.push_str(&d.cell(n));
            out.push_str("\r\n");
        }
        out
    }

    /// The CSV with a closing note row, in the English dialect (`,` and `.`).
    pub fn to_csv_with_note(&self, note: Option<&str>) -> String {
        self.to_csv_in(CsvDialect::for_lang(Lang::En), &[], note)
    }

    /// The CSV in the English dialect (`,` and `.`).
    pub fn to_csv(&self) -> String {
        self.to_csv_with_note(None)
    }
}

/// The CSV dialect of an export: Portuguese spreadsheets (Excel and LibreOffice with Portuguese regional
/// settings) read `;`-separated files with decimal commas; English ones `,` and `.`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvDialect {
    pub separator: char,
    pub decimal: char,
}

impl CsvDialect {
    /// `;` and `,` for Portuguese; `,` and `.` for English.
    pub fn for_lang(l: Lang) -> CsvDialect {
        match l {
            Lang::Pt => CsvDialect { separator: ';', decimal: ',' },
            Lang::En => CsvDialect { separator: ',', decimal: '.' },
        }
    }

    pub(crate) fn cell(self, s: &str) -> String {
        let guarded = match s.chars().next() {
            Some('=' | '+' | '@' | '\t' | '\r') => format!("'{s}"),
            Some('-') if s.replace(self.decimal, ".").parse::<f64>().is_err() => format!("'{s}"),
            _ => s.to_string(),
        };
        if guarded.contains([self.separator, '"', '\n', '\r']) {
            format!("\"{}\"", guarded.replace('"', "\"\""))
        } else {
            guarded
        }
    }

    pub(crate) fn value(self, v: &Value) -> String {
        let raw = v.raw();
        match v {
            Value::Num(..) if self.decimal != '.' => raw.replace('.', &self.decimal.to_string()),
            _ => raw,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            headers: vec!["Region".into(), "Ratio".into()],
            rows: vec![
                vec![Value::Text("Faro".into()), Value::Num(Some(0.456), 2)],
                vec![Value::Text("Beja, \"sul\"".into()), Value::Num(None, 2)],
                vec![Value::Text("=HYPERLINK(1)".into()), Value::Num(Some(-1.5), 1)],
            ],
        }
    }

    #[test]
    fn csv_is_quoted_guarded_and_machine_readable() {
        assert_eq!(table().to_csv(), "Region,Ratio\r\nFaro,0.46\r\n\"Beja, \"\"sul\"\"\",\r\n'=HYPERLINK(1),-1.5\r\n");
        let noted = table().to_csv_with_note(Some("Source: mine, 3 records left out"));
        assert!(noted.ends_with(",-1.5\r\n\r\n\"Source: mine, 3 records left out\"\r\n"), "{noted}");
    }

    #[test]
    fn sorting_puts_missing_values_last() {
        let t = table();
        let asc: Vec<String> = t.sorted(1, true).iter().map(|r| r[0].raw()).collect();
        assert_eq!(asc, ["=HYPERLINK(1)", "Faro", "Beja, \"sul\""]);
        let desc: Vec<String> = t.sorted(1, false).iter().map(|r| r[0].raw()).collect();
        assert_eq!(desc, ["Faro", "=HYPERLINK(1)", "Beja, \"sul\""]);
        let by_name: Vec<String> = t.sorted(0, true).iter().map(|r| r[0].raw()).collect();
        assert_eq!(by_name[0], "=HYPERLINK(1)");
    }

    #[test]
    fn display_follows_the_language() {
        let v = Value::Num(Some(1234.5), 1);
        assert_eq!(v.display(Lang::Pt), "1\u{a0}234,5");
        assert_eq!(v.display(Lang::En), "1,234.5");
        assert_eq!(v.raw(), "1234.5");
    }
}
