//! A spreadsheet export (CSV, one record per line) turned into the
//! labour-market format, so that it goes through the same validation; the
//! problems found are then placed back on the CSV's lines and columns.

use std::collections::HashMap;

use super::path::{JsonPath, Seg};
use super::problem::{Problem, ProblemKind, Report};

/// The header a labour-market CSV must have, in this order.
pub const HEADER: [&str; 8] =
    ["month", "region", "sector", "occupation", "jobseekers", "vacancies_open", "vacancies_new", "placements"];

/// The JSON text of the converted file, and where each piece came from.
pub struct Converted {
    pub json: String,
    /// CSV line (1-based) of each record.
    lines: Vec<usize>,
    /// For each key column, the CSV line where each dimension entry first appears.
    dim_lines: [Vec<usize>; 4],
}

/// Splits one CSV line into fields (RFC 4180 quotes, doubled quotes inside).
fn fields(line: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter().map(|f| f.trim().to_string()).collect()
}

/// Splits one CSV line into trimmed fields (RFC 4180 quotes), for the other
/// CSV formats (indicators).
pub fn split_fields(line: &str, sep: char) -> Vec<String> {
    fields(line, sep)
}

/// A count cell as a JSON token: empty is `null` (not available), a number
/// stays a number (negative or fractional ones are then reported by the
/// labour-market checks), anything else becomes a string, reported as such.
fn cell(f: &str) -> String {
    if f.is_empty() {
        "null".into()
    } else if f.parse::<i64>().is_ok() || f.parse::<f64>().is_ok_and(f64::is_finite) {
        f.to_string()
    } else {
        serde_json::to_string(f).unwrap_or_else(|_| "\"?\"".into())
    }
}

/// Converts a labour-market CSV. Fails only when the CSV itself cannot be
/// read as such (header, field counts); the values are checked afterwards.
pub fn labour_from_csv(dataset: &str, text: &str) -> Result<Converted, Report> {
    let text = super::parse::strip_bom(text);
    let mut report = Report::new(dataset);
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let Some((_, head)) = lines.next() else {
        report.push(Problem::error(JsonPath::root(), ProblemKind::Empty { what: "header line".into() }).at(1, 1));
        return Err(report);
    };
    let sep = if head.matches(';').count() > head.matches(',').count() { ';' } else { ',' };
    let names = fields(head, sep);
    if names.iter().map(|n| n.to_ascii_lowercase()).ne(HEADER.iter().map(|h| h.to_string())) {
        let found = names.join(&sep.to_string());
        report.push(
            Problem::error(
                JsonPath::root(),
                ProblemKind::BadRange { what: format!("the header \"{}\"", HEADER.join(",")).into(), found },
            )
            .at(1, 1),
        );
        return Err(report);
    }
    let mut dims: [Vec<String>; 4] = Default::default();
    let mut dim_lines: [Vec<usize>; 4] = Default::default();
    let mut index: [HashMap<String, usize>; 4] = Default::default();
    let mut keys: [Vec<usize>; 4] = Default::default();
    let mut measures: [Vec<String>; 4] = Default::default();
    let mut record_lines = Vec::new();
    for (i, line) in lines {
        let f = fields(line, sep);
        if f.len() != HEADER.len() {
            report.push(
                Problem::error(
                    JsonPath::root(),
                    ProblemKind::BadRange {
                        what: format!("{} fields separated by \"{sep}\"", HEADER.len()).into(),
                        found: format!("{} fields", f.len()),
                    },
                )
                .at(i + 1, 1),
            );
            continue;
        }
        for d in 0..4 {
            let next = dims[d].len();
            let at = *index[d].entry(f[d].clone()).or_insert(next);
            if at == next {
                dims[d].push(f[d].clone());
                dim_lines[d].push(i + 1);
            }
            keys[d].push(at);
        }
        for m in 0..4 {
            measures[m].push(cell(&f[4 + m]));
        }
        record_lines.push(i + 1);
    }
    if report.has_errors() {
        return Err(report);
    }
    let list = |v: &[String]| serde_json::to_string(v).unwrap_or_default();
    let ints = |v: &[usize]| format!("[{}]", v.iter().map(usize::to_string).collect::<Vec<_>>().join(","));
    let tokens = |v: &[String]| format!("[{}]", v.join(","));
    let json = format!(
        "{{\"format\":\"vagas.labour_market\",\"version\":1,\"dimensions\":{{\"month\":{},\"region\":{},\"sector\":{},\"occupation\":{}}},\"records\":{{\"month\":{},\"region\":{},\"sector\":{},\"occupation\":{},\"jobseekers\":{},\"vacancies_open\":{},\"vacancies_new\":{},\"placements\":{}}}}}",
        list(&dims[0]),
        list(&dims[1]),
        list(&dims[2]),
        list(&dims[3]),
        ints(&keys[0]),
        ints(&keys[1]),
        ints(&keys[2]),
        ints(&keys[3]),
        tokens(&measures[0]),
        tokens(&measures[1]),
        tokens(&measures[2]),
        tokens(&measures[3]),
    );
    Ok(Converted { json, lines: record_lines, dim_lines })
}

impl Converted {
    /// Rewrites the locations of a report on the converted JSON as CSV
    /// places: `$.vacancies_open[3]` (record 3) at line 5, column 6.
    pub fn relocate(&self, report: &mut Report) {
        for p in &mut report.problems {
            let old_key = p.group_key();
            let (line, column, path) = match p.path.0.as_slice() {
                [Seg::Key(top), Seg::Key(col), rest @ ..] => {
                    let c = HEADER.iter().position(|h| h == col);
                    let index = match rest.first() {
                        Some(Seg::Index(i)) => Some(*i),
                        _ => None,
                    };
                    let line = match (top.as_str(), c, index) {
                        ("records", _, Some(i)) => self.lines.get(i).copied(),
                        ("dimensions", Some(c), Some(i)) if c < 4 => self.dim_lines[c].get(i).copied(),
                        // A whole column (empty, say): its header.
                        _ => Some(1),
                    };
                    let path = index.map_or_else(|| JsonPath::keys(&[col]), |i| JsonPath::keys(&[col]).index(i));
                    (line, c.map(|c| c + 1), path)
                }
                // The file as a whole: its first line.
                _ => (Some(1), Some(1), p.path.clone()),
            };
            p.path = path;
            p.line = line;
            p.column = column;
            // Keep the problem in its group under its new place.
            let new_key = p.group_key();
            if let Some(g) = report.groups.iter_mut().find(|g| g.key == old_key) {
                g.key = new_key;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_with_either_separator_and_quotes() {
        let csv = "\u{feff}month;region;sector;occupation;jobseekers;vacancies_open;vacancies_new;placements\n\
                   2025-07;PT-08;I55;5131;10;20;;4\n\"2025-08\";PT-08;I55;\"5131\";11;21;5;-1\n";
        let c = labour_from_csv("x.csv", csv).unwrap();
        let v: serde_json::Value = serde_json::from_str(&c.json).unwrap();
        assert_eq!(v["dimensions"]["month"], serde_json::json!(["2025-07", "2025-08"]));
        assert_eq!(v["records"]["vacancies_new"], serde_json::json!([null, 5]));
        assert_eq!(v["records"]["placements"], serde_json::json!([4, -1]));
        assert_eq!(c.lines, vec![2, 3]);
    }

    #[test]
    fn a_wrong_header_or_field_count_is_located() {
        let r = labour_from_csv("x.csv", "mes,regiao\n1,2\n").err().unwrap();
        assert_eq!(r.problems[0].line, Some(1));
        let head = HEADER.join(",");
        let r = labour_from_csv("x.csv", &format!("{head}\n2025-07,PT-08,I55\n")).err().unwrap();
        assert_eq!(r.problems[0].line, Some(2));
    }

    #[test]
    fn problems_go_back_to_csv_lines() {
        let head = HEADER.join(",");
        let c = labour_from_csv(
            "x.csv",
            &format!("{head}\n\n2025-07,PT-08,I55,5131,1,2,3,4\n2025-07,PT-08,I55,9999,1,2,3,4\n"),
        )
        .unwrap();
        let mut r = Report::new("x.csv");
        r.push(Problem::error(
            JsonPath::keys(&["records", "jobseekers"]).index(1),
            ProblemKind::Negative { value: -1 },
        ));
        r.push(Problem::error(
            JsonPath::keys(&["dimensions", "occupation"]).index(1),
            ProblemKind::Empty { what: "x".into() },
        ));
        c.relocate(&mut r);
        assert_eq!((r.problems[0].line, r.problems[0].column), (Some(4), Some(5)));
        assert_eq!(r.problems[0].path.to_string(), "$.jobseekers[1]");
        assert_eq!((r.problems[1].line, r.problems[1].column), (Some(4), Some(4)));
    }
}
