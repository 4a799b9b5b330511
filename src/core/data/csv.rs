//! A labour-market table exported from a spreadsheet (CSV), read with the
//! `csv` crate and checked cell by cell, every problem placed on the CSV's
//! line, column number and column name. The rows that pass are built into a
//! `LabourFile` (through serde, from checked values) and go through the same
//! labour-market validation as a JSON file.
//!
//! Dialects accepted: `,` `;` tab or `|` as separator (the one that splits
//! the header into the expected names, or Excel's `sep=;` first line); any
//! line ends (`\r\n`, `\n`, old Mac `\r`); RFC 4180 quotes, line breaks
//! inside quoted cells; a UTF-8 byte order mark; rows made only of
//! separators (skipped); a separator at the end of every line; the columns
//! in any order, names in any case. Counts follow `data::cells`.

use std::collections::HashMap;

use super::cells::{self, Count};
use super::codes::Codes;
use super::column::{Column, NA};
use super::labour::{self, Dimensions, Labour, LabourFile, Records};
use super::month::Month;
use super::parse::LoadOptions;
use super::path::{JsonPath, Seg};
use super::problem::{CodeList, Problem, ProblemKind, Report};

/// The columns a labour-market CSV must have (in any order).
pub const HEADER: [&str; 8] =
    ["month", "region", "sector", "occupation", "jobseekers", "vacancies_open", "vacancies_new", "placements"];

/// Separators tried, in order of preference on a tie.
const SEPARATORS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// A CSV checked: the validated data, the report, and the converted file
/// (every row that passed, as the labour-market JSON format).
#[derive(Debug)]
pub struct Checked {
    pub labour: Labour,
    pub report: Report,
    pub file: LabourFile,
}

/// 1-based line of each byte offset: line ends are `\r\n`, `\n` or `\r`.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        let b = text.as_bytes();
        let mut starts = vec![0];
        for i in 0..b.len() {
            if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        Lines(starts)
    }

    fn line(&self, byte: usize) -> usize {
        self.0.partition_point(|&s| s <= byte)
    }
}

/// A CSV-located problem at `line`, for the whole line or file.
fn at_line(kind: ProblemKind, line: usize) -> Problem {
    Problem::error(JsonPath::root(), kind).at_cell(line, 1, "")
}

fn records(text: &str, sep: u8) -> csv::StringRecordsIntoIter<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .into_records()
}

/// How many of the expected column names a first line has with `sep`.
fn score(text: &str, sep: u8) -> usize {
    match records(text, sep).next() {
        Some(Ok(r)) => r.iter().filter(|n| HEADER.contains(&n.trim().to_ascii_lowercase().as_str())).count(),
        _ => 0,
    }
}

/// Reads and checks a labour-market CSV (already decoded to text). Fails
/// when nothing can be used (header, no valid row); otherwise the report
/// lists every problem and `labour.dropped` counts the rows left out.
pub fn check(dataset: &str, text: &str, codes: &Codes) -> Result<Checked, Report> {
    let mut report = Report::new(dataset);
    let lines = Lines::new(text);
    let body_start = text.len() - super::parse::strip_bom(text).len();
    let mut start = body_start;
    // Excel's separator hint: a first line `sep=;`.
    let first_end = text[start..].find(['\r', '\n']).map_or(text.len(), |i| start + i);
    let hint = text[start..first_end].trim().trim_matches('"');
    let mut sep = None;
    if let Some(s) = hint.strip_prefix("sep=").filter(|s| s.len() == 1) {
        sep = Some(s.as_bytes()[0]);
        start = first_end;
    }
    let body = &text[start..];
    let sep = sep.unwrap_or_else(|| {
        // The separator splitting the header into most expected names; with
        // none, the one used most on the first line.
        let best = SEPARATORS.iter().map(|&s| score(body, s)).max().unwrap_or(0);
        let first = body.trim_start_matches(['\r', '\n']).lines().next().unwrap_or("");
        let uses = |s: u8| first.bytes().filter(|&b| b == s).count();
        let most = SEPARATORS.into_iter().max_by_key(|&s| (uses(s), std::cmp::Reverse(s))).unwrap_or(b',');
        if best == 0 {
            return most;
        }
        SEPARATORS.into_iter().find(|&s| score(body, s) == best).unwrap_or(b',')
    });

    // Records with their line (a quoted line break makes one record span lines).
    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    for rec in records(body, sep) {
        match rec {
            Ok(r) => {
                // A record's position may be the blank lines before it: skip them.
                let at = r.position().map_or(0, |p| p.byte() as usize);
                let skipped = body
                    .as_bytes()
                    .get(at..)
                    .map_or(0, |b| b.iter().take_while(|c| matches!(c, b'\r' | b'\n')).count());
                let line = lines.line(start + at + skipped);
                rows.push((line, r.iter().map(str::to_string).collect()));
            }
            Err(e) => {
                let line = e.position().map_or(1, |p| lines.line(start + p.byte() as usize));
                report.push(at_line(ProblemKind::Syntax { detail: e.to_string() }, line));
            }
        }
    }
    let blank = |cells: &[String]| cells.iter().all(|c| c.trim().is_empty());
    rows.retain(|(_, cells)| !blank(cells));
    let Some((head_line, head)) = (!rows.is_empty()).then(|| rows.remove(0)) else {
        report.push(at_line(ProblemKind::Empty { what: "header line".into() }, lines.line(start)));
        return Err(report);
    };

    // Header: every expected name once; empty names (trailing separators) ignored.
    let names: Vec<String> = head.iter().map(|n| n.trim().to_string()).collect();
    let mut col_of = [usize::MAX; 8];
    let mut unknown = Vec::new();
    for (i, n) in names.iter().enumerate() {
        match HEADER.iter().position(|h| h.eq_ignore_ascii_case(n)) {
            Some(h) if col_of[h] == usize::MAX => col_of[h] = i,
            _ if n.is_empty() => {}
            _ => unknown.push(n.clone()),
        }
    }
    let missing: Vec<String> =
        HEADER.iter().zip(col_of).filter(|(_, c)| *c == usize::MAX).map(|(h, _)| h.to_string()).collect();
    if !missing.is_empty() {
        report.push(at_line(ProblemKind::CsvHeader { missing, unknown }, head_line));
        return Err(report);
    }
    // Every expected column is there: others (notes, names) are ignored, with a warning.
    if !unknown.is_empty() {
        let kind = ProblemKind::CsvHeader { missing, unknown };
        report.push(Problem::warning(JsonPath::root(), kind).at_cell(head_line, 1, ""));
    }
    let name = |h: usize| names[col_of[h]].as_str();
    let cell = |h: usize, line: usize, kind: ProblemKind| {
        Problem::error(JsonPath::root(), kind).at_cell(line, col_of[h] + 1, name(h))
    };

    let lookups: [(CodeList, &super::codes::Index); 3] = [
        (CodeList::Region, &codes.region),
        (CodeList::Sector, &codes.sector),
        (CodeList::Occupation, &codes.occupation),
    ];
    let mut good: Vec<(usize, [String; 4], [u32; 4])> = Vec::new();
    let mut first_of: HashMap<[String; 4], usize> = HashMap::new();
    let mut markers: Vec<(usize, usize, String)> = Vec::new();
    let mut bad_rows = 0;
    for (line, cells) in &rows {
        let line = *line;
        let errors_before = report.total_errors;
        // Cells beyond the named columns must be empty (a trailing separator).
        let used = cells.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
        if used > names.len() || col_of.iter().any(|&c| c >= cells.len()) {
            report.push(at_line(ProblemKind::FieldCount { expected: names.len(), found: cells.len() }, line));
            bad_rows += 1;
            continue;
        }
        let raw = |h: usize| cells[col_of[h]].as_str();
        let key: [String; 4] = std::array::from_fn(|h| raw(h).trim().to_string());
        if Month::parse(&key[0]).is_none() {
            report.push(cell(0, line, ProblemKind::BadMonth { found: raw(0).to_string() }));
        }
        for (k, (list, index)) in lookups.iter().enumerate() {
            let code = &key[k + 1];
            if index.get(code).is_none() {
                // The code as written (the rules and suggestions work on it trimmed).
                let written = raw(k + 1).to_string();
                let kind = match codes.unknown(*list, code) {
                    ProblemKind::UnknownCode { list, suggestion, .. } => {
                        ProblemKind::UnknownCode { list, code: written, suggestion }
                    }
                    ProblemKind::OtherClassification { list, rule, .. } => {
                        ProblemKind::OtherClassification { list, code: written, rule }
                    }
                    other => other,
                };
                report.push(cell(k + 1, line, kind));
            }
        }
        let mut values = [NA; 4];
        for (m, value) in values.iter_mut().enumerate() {
            let h = 4 + m;
            let kind = match cells::count(raw(h)) {
                Count::Value(v) => {
                    *value = v;
                    continue;
                }
                Count::Empty => continue,
                Count::Marker(s) => {
                    markers.push((line, h, s));
                    continue;
                }
                Count::Negative(value) => ProblemKind::Negative { value },
                Count::TooLarge(v) => ProblemKind::TooLarge { value: i64::try_from(v).unwrap_or(i64::MAX) },
                Count::Bad(why) => ProblemKind::BadNumber { found: raw(h).to_string(), why },
            };
            report.push(cell(h, line, kind));
        }
        if report.total_errors == errors_before {
            match first_of.get(&key) {
                Some(&first_line) => report.push(cell(0, line, ProblemKind::DuplicateRow { first_line })),
                None => {
                    first_of.insert(key.clone(), line);
                }
            }
        }
        if report.total_errors > errors_before {
            bad_rows += 1;
        } else {
            good.push((line, key, values));
        }
    }
    if let Some((line, h, _)) = markers.first() {
        let mut found: Vec<String> = Vec::new();
        let mut columns: Vec<(String, usize)> = Vec::new();
        for (_, h, s) in &markers {
            if !found.contains(s) {
                found.push(s.clone());
            }
            match columns.iter_mut().find(|c| c.0 == name(*h)) {
                Some(c) => c.1 += 1,
                None => columns.push((name(*h).to_string(), 1)),
            }
        }
        let last = markers.last().map_or(*line, |m| m.0);
        let kind = ProblemKind::NotAvailable { count: markers.len(), markers: found, columns, lines: (*line, last) };
        report.push(Problem::warning(JsonPath::root(), kind).at_cell(*line, col_of[*h] + 1, name(*h)));
    }
    if good.is_empty() {
        let what = if rows.is_empty() { "record" } else { "valid record" };
        report.push(at_line(ProblemKind::Empty { what: what.into() }, head_line));
        report.sort_by_line();
        return Err(report);
    }

    // The rows that passed, as the JSON format (dimensions in order of appearance).
    let mut dims: [Vec<String>; 4] = Default::default();
    let mut dim_line: [Vec<usize>; 4] = Default::default();
    let mut index: [HashMap<String, u32>; 4] = Default::default();
    let mut keys: [Vec<u32>; 4] = Default::default();
    let mut measures: [Vec<u32>; 4] = Default::default();
    for (line, key, values) in &good {
        for d in 0..4 {
            let next = dims[d].len() as u32;
            let at = *index[d].entry(key[d].clone()).or_insert(next);
            if at == next {
                dims[d].push(key[d].clone());
                dim_line[d].push(*line);
            }
            keys[d].push(at);
        }
        for m in 0..4 {
            measures[m].push(values[m]);
        }
    }
    let [month, region, sector, occupation] = dims;
    let [km, kr, ks, ko] = keys.map(Column::from_values);
    let [js, vo, vn, pl] = measures.map(Column::from_values);
    let file = LabourFile {
        format: labour::FORMAT.into(),
        version: labour::VERSION,
        meta: None,
        dimensions: Dimensions { month, region, sector, occupation },
        records: Records {
            month: km,
            region: kr,
            sector: ks,
            occupation: ko,
            jobseekers: js,
            vacancies_open: vo,
            vacancies_new: vn,
            placements: pl,
        },
    };
    let json = serde_json::to_string(&file).unwrap_or_default();
    let lenient = LoadOptions { keep_valid: true };
    let good_lines: Vec<usize> = good.iter().map(|g| g.0).collect();
    let place = |p: &Problem| -> Option<(usize, usize)> {
        // The JSON places of the converted rows, back on the CSV.
        match p.path.0.as_slice() {
            [Seg::Key(top), Seg::Key(col), Seg::Index(i), ..] => {
                let h = HEADER.iter().position(|h| h == col)?;
                let line = if top == "records" { good_lines.get(*i) } else { dim_line.get(h)?.get(*i) };
                Some((*line?, h))
            }
            _ => None,
        }
    };
    let (labour, checked) = match labour::load_with(dataset, &json, codes, lenient) {
        Ok((l, r)) => (Some(l), r),
        Err(r) => (None, r),
    };
    for p in checked.problems {
        let p = match place(&p) {
            Some((line, h)) => Problem { path: JsonPath::root(), ..p }.at_cell(line, col_of[h] + 1, name(h)),
            None => Problem { path: JsonPath::root(), ..p }.at_cell(head_line, 1, ""),
        };
        report.push(p);
    }
    report.sort_by_line();
    let Some(mut labour) = labour else { return Err(report) };
    labour.dropped += bad_rows;
    Ok(Checked { labour, report, file })
}

/// `vagas-check --convert`: the labour-market JSON of a CSV, only when every
/// row passed every check (built by serde from the checked values).
pub fn convert(dataset: &str, text: &str, codes: &Codes) -> Result<String, Report> {
    let c = check(dataset, text, codes)?;
    if c.report.has_errors() || c.labour.dropped > 0 {
        return Err(c.report);
    }
    serde_json::to_string(&c.file).map_err(|e| {
        let mut r = c.report.clone();
        r.push(at_line(ProblemKind::Syntax { detail: e.to_string() }, 1));
        r
    })
}

/// Splits one line of a line-based CSV (the indicators' long format) into trimmed fields, RFC 4180
/// quotes included, with the `csv` crate; an empty line is one empty field.
pub fn split_fields(line: &str, sep: char) -> Vec<String> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(u8::try_from(sep).unwrap_or(b','))
        .from_reader(line.as_bytes());
    reader
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(|f| f.trim().to_string()).collect())
        .unwrap_or_else(|| vec![String::new()])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> Codes {
        super::super::codes::load("codes", include_str!("../../../data/codes.json")).unwrap().0
    }

    fn head(sep: &str) -> String {
        HEADER.join(sep)
    }

    #[test]
    fn dialects_excel_and_others_write() {
        let codes = codes();
        // sep= line, CR line ends, a row of separators, trailing separators, a quoted line break.
        let csv = format!(
            "sep=;\r{};\r2025-07;PT-08;I55;5131;10;20;;4;\r;;;;;;;;\r\"2025-08\";PT-08;\"I55\";5131;\"1\n1\";21;5;1;\r",
            head(";")
        );
        let r = check("x.csv", &csv, &codes).unwrap().report.to_string();
        assert!(r.contains("line 5, column 5 (jobseekers)"), "{r}");
        let csv = csv.replace("\"1\n1\"", "11");
        let c = check("x.csv", &csv, &codes).unwrap();
        assert_eq!(c.labour.len(), 2, "{}", c.report);
        assert_eq!(c.file.dimensions.month, vec!["2025-07", "2025-08"]);
        let v: serde_json::Value = serde_json::from_str(&convert("x.csv", &csv, &codes).unwrap()).unwrap();
        assert_eq!(v["records"]["vacancies_new"], serde_json::json!([null, 5]));
    }

    #[test]
    fn numbers_and_codes_are_located_with_the_cell_as_written() {
        let codes = codes();
        let csv = format!(
            "{}\n2025-07,PT-08,I55,5131,007,+12,120.0,#N/D\n2025-07,PT150,56101,5131.0,\"1.000\",1e3,\"310,5\",-\n",
            head(",")
        );
        let r = check("x.csv", &csv, &codes).unwrap().report;
        let text = r.to_string();
        assert!(text.contains("line 3, column 2 (region)"), "{text}");
        assert!(text.contains("\"1.000\""), "{text}");
        let rules = r.problems.iter().filter(|p| matches!(p.kind, ProblemKind::OtherClassification { .. })).count();
        assert_eq!(rules, 3, "{text}");
        // Duplicates cite the line of the first occurrence.
        let csv = format!("{}\n2025-07,PT-08,I55,5131,1,1,1,1\n\n2025-07,PT-08,I55,5131,2,2,2,2\n", head(","));
        let c = check("x.csv", &csv, &codes).unwrap();
        assert_eq!(c.labour.dropped, 1);
        assert!(matches!(c.report.problems[0].kind, ProblemKind::DuplicateRow { first_line: 2 }));
        assert_eq!(c.report.problems[0].line, Some(4));
        assert!(convert("x.csv", &csv, &codes).is_err(), "no JSON from a file with errors");
    }

    #[test]
    fn split_fields_reads_quotes_and_trims() {
        assert_eq!(split_fields(" a ;\"b;c\";d ", ';'), ["a", "b;c", "d"]);
        assert_eq!(split_fields("", ','), [""]);
    }
}
