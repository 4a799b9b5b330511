//! One entry point for a file a user brings: bytes → UTF-8 text → which kind
//! of dataset → validated data, or a report saying what is wrong and whether
//! keeping the valid records is possible. Used by the app (in its worker) and
//! by `vagas-check`.

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::codes::Codes;
use super::consultations::{self, Consultations};
use super::csv;
use super::indicators::{self, Indicators};
use super::labour::{self, Labour};
use super::manifest::{FileMeta, Kind};
use super::parse::{Checker, LoadOptions};
use super::path::JsonPath;
use super::problem::{Problem, ProblemKind, Report};

/// Dataset kinds a user can load (code lists and boundaries are fixed).
pub const LOADABLE: &str = "vagas.labour_market, vagas.consultations or vagas.indicators";

#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    Labour(Labour),
    Consultations(Consultations),
    Indicators(Indicators),
}

impl Data {
    pub fn kind(&self) -> Kind {
        match self {
            Data::Labour(_) => Kind::LabourMarket,
            Data::Consultations(_) => Kind::Consultations,
            Data::Indicators(_) => Kind::Indicators,
        }
    }

    /// Records kept: labour-market records, or consultation outcomes.
    pub fn records(&self) -> usize {
        match self {
            Data::Labour(l) => l.len(),
            Data::Consultations(c) => c.outcomes().len(),
            Data::Indicators(i) => i.len(),
        }
    }

    pub fn dropped(&self) -> usize {
        match self {
            Data::Labour(l) => l.dropped,
            Data::Consultations(c) => c.dropped,
            Data::Indicators(i) => i.dropped,
        }
    }

    pub fn meta(&self) -> Option<&FileMeta> {
        match self {
            Data::Labour(l) => l.meta.as_ref(),
            Data::Consultations(c) => c.file.meta.as_ref(),
            Data::Indicators(i) => i.meta.as_ref(),
        }
    }
}

/// A file applied: its data, and the report (warnings, plus the errors of
/// the dropped records when the user chose to keep the valid ones).
#[derive(Clone, Debug, PartialEq)]
pub struct Ingested {
    pub data: Data,
    pub report: Report,
}

/// A file not applied. `salvage`: (records kept, records dropped) if the
/// user chose to keep the valid records; `None` when nothing can be kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    pub report: Report,
    pub salvage: Option<(usize, usize)>,
}

/// What a text holds, judged from its `format` field (or its looks, for CSV).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sniffed {
    Format(String),
    Csv,
    /// Not a JSON object with a `format` string.
    Unknown,
}

/// UTF-8 text, or a located problem at the first byte that is not.
pub fn decode<'b>(dataset: &str, bytes: &'b [u8]) -> Result<&'b str, Report> {
    std::str::from_utf8(bytes).map_err(|e| super::decode::not_utf8(dataset, bytes, e.valid_up_to()))
}

pub fn sniff(name: &str, text: &str) -> Sniffed {
    let body = super::parse::strip_bom(text).trim_start();
    if !body.starts_with('{') {
        let first = body.lines().next().unwrap_or("");
        let lower = name.to_ascii_lowercase();
        let csv_like =
            [".csv", ".tsv", ".txt"].iter().any(|x| lower.ends_with(x)) || first.contains([',', ';', '\t', '|']);
        return if csv_like && !body.starts_with('[') { Sniffed::Csv } else { Sniffed::Unknown };
    }
    // Other fields are skipped, not built: cheap even for 50 MB.
    #[derive(Deserialize)]
    struct Head {
        format: Option<String>,
    }
    match serde_json::from_str::<Head>(body) {
        Ok(Head { format: Some(f), .. }) => Sniffed::Format(f),
        _ => Sniffed::Unknown,
    }
}

/// Validates a file of any loadable kind. The checks run in keep-valid mode
/// once; without `opts.keep_valid` a file with errors is rejected as a whole,
/// saying how many records keeping the valid ones would keep and drop.
pub fn ingest(name: &str, bytes: &[u8], codes: &Codes, opts: LoadOptions) -> Result<Ingested, Rejected> {
    let reject = |report| Rejected { report, salvage: None };
    let (text, encoding) = super::decode::decode(name, bytes).map_err(reject)?;
    let text = text.as_ref();
    let lenient = LoadOptions { keep_valid: true };
    let result = match sniff(name, text) {
        Sniffed::Format(f) if f == labour::FORMAT => {
            labour::load_with(name, text, codes, lenient).map(|(l, r)| (Data::Labour(l), r))
        }
        Sniffed::Format(f) if f == consultations::FORMAT => {
            consultations::load_with(name, text, codes, lenient).map(|(c, r)| (Data::Consultations(c), r))
        }
        Sniffed::Format(f) if f == indicators::FORMAT => {
            indicators::load_with(name, text, codes, lenient).map(|(i, r)| (Data::Indicators(i), r))
        }
        Sniffed::Csv if is_indicators_csv(text) => {
            let converted = indicators::from_csv(name, text).map_err(reject)?;
            indicators::load_with(name, &converted.json, codes, lenient)
                .map(|(i, mut r)| {
                    converted.relocate(&mut r);
                    (Data::Indicators(i), r)
                })
                .map_err(|mut r| {
                    converted.relocate(&mut r);
                    r
                })
        }
        Sniffed::Csv => csv::check(name, text, codes).map(|c| (Data::Labour(c.labour), c.report)),
        _ => Err(not_loadable(name, text)),
    };
    // Text read from another encoding than UTF-8: a warning says which.
    let notice = |mut r: Report| {
        if let Some(encoding) = encoding {
            let p = Problem::warning(JsonPath::root(), ProblemKind::Decoded { encoding });
            r.push(if matches!(sniff(name, text), Sniffed::Csv) { p.at_cell(1, 1, "") } else { p });
            r.sort_by_line();
        }
        r
    };
    let (data, report) = result.map(|(d, r)| (d, notice(r))).map_err(|r| reject(notice(r)))?;
    if report.has_errors() && !opts.keep_valid {
        return Err(Rejected { report, salvage: Some((data.records(), data.dropped())) });
    }
    Ok(Ingested { data, report })
}

/// A long indicators CSV starts with the column `series` (a labour-market
/// CSV with `month`).
fn is_indicators_csv(text: &str) -> bool {
    let head = super::parse::strip_bom(text).trim_start().lines().next().unwrap_or("");
    head.trim_start_matches('"').to_ascii_lowercase().starts_with("series")
}

/// The report for a file of no loadable kind: its JSON error if it is not
/// JSON, else the `format` it has.
fn not_loadable(name: &str, text: &str) -> Report {
    let mut c = Checker::new(name, text);
    if c.parse::<IgnoredAny>().is_some() {
        c.header(LOADABLE, 1);
    }
    let mut report = c.finish();
    if !report.has_errors() {
        let p = Problem::error(JsonPath::root(), ProblemKind::Missing { what: format!("\"format\": {LOADABLE}") });
        report.push(p);
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> Codes {
        super::super::codes::load("codes", include_str!("../../../data/codes.json")).unwrap().0
    }

    #[test]
    fn non_utf8_bytes_are_located() {
        let r = decode("x", b"{\n  \"a\": \"caf\xe9\"\n}").unwrap_err();
        assert!(matches!(r.problems[0].kind, ProblemKind::NotUtf8 { .. }));
        assert_eq!((r.problems[0].line, r.problems[0].column), (Some(2), Some(12)));
    }

    #[test]
    fn kinds_are_recognised() {
        assert_eq!(sniff("a.json", "{\"format\": \"vagas.codes\", \"x\": [1]}"), Sniffed::Format("vagas.codes".into()));
        assert_eq!(sniff("a.csv", "month,region\n"), Sniffed::Csv);
        assert_eq!(sniff("a.json", "[1, 2]"), Sniffed::Unknown);
        assert_eq!(sniff("a.json", "{\"format\": 3}"), Sniffed::Unknown);
    }

    #[test]
    fn bundled_files_ingest_and_others_are_refused_with_a_reason() {
        let codes = codes();
        let lm =
            ingest("lm", include_bytes!("../../../data/labour_market.json"), &codes, LoadOptions::default()).unwrap();
        assert_eq!(lm.data.records(), 62_160);
        let r =
            ingest("codes", include_bytes!("../../../data/codes.json"), &codes, LoadOptions::default()).unwrap_err();
        assert!(matches!(&r.report.problems[0].kind, ProblemKind::WrongFormat { found, .. } if found == "vagas.codes"));
        let r = ingest("x", b"{\"a\": [1, 2}", &codes, LoadOptions::default()).unwrap_err();
        assert!(matches!(r.report.problems[0].kind, ProblemKind::Syntax { .. }));
    }

    #[test]
    fn keeping_the_valid_records_is_offered_then_applied() {
        let codes = codes();
        let text = "{\"format\":\"vagas.labour_market\",\"version\":1,\
            \"dimensions\":{\"month\":[\"2025-07\",\"2025-08\"],\"region\":[\"PT-08\",\"PT-99\"],\"sector\":[\"I55\"],\"occupation\":[\"5131\"]},\
            \"records\":{\"month\":[0,0,1],\"region\":[0,1,0],\"sector\":[0,0,0],\"occupation\":[0,0,0],\
            \"jobseekers\":[1,2,3],\"vacancies_open\":[1,2,-3],\"vacancies_new\":[null,null,null],\"placements\":[0,0,0]}}";
        let r = ingest("x", text.as_bytes(), &codes, LoadOptions::default()).unwrap_err();
        assert_eq!(r.salvage, Some((1, 2)));
        let ok = ingest("x", text.as_bytes(), &codes, LoadOptions { keep_valid: true }).unwrap();
        assert_eq!((ok.data.records(), ok.data.dropped()), (1, 2));
        assert_eq!(ok.report.total_errors, 2, "{}", ok.report);
        let hint = ok.report.problems.iter().find_map(|p| match &p.kind {
            ProblemKind::UnknownCode { suggestion, .. } => suggestion.clone(),
            _ => None,
        });
        assert_eq!(hint.as_deref(), Some("PT-09"), "one character away");
    }

    #[test]
    fn indicators_json_and_csv_are_recognised() {
        let codes = codes();
        let ok = ingest("i.csv", b"series,area,period,value\nmine,PT-08,2025,3\n", &codes, LoadOptions::default());
        assert_eq!(ok.unwrap().data.kind(), Kind::Indicators);
        let bad = "series,area,period,value\nmine,PT-08,2025,3\nmine,PT-08,2025,4\n";
        let r = ingest("i.csv", bad.as_bytes(), &codes, LoadOptions::default()).unwrap_err();
        assert_eq!(r.salvage, Some((1, 1)));
        assert_eq!(r.report.problems[0].line, Some(3));
        let bundled = include_bytes!("../../../data/indicators_official.json");
        let i = ingest("official", bundled, &codes, LoadOptions::default()).unwrap();
        assert_eq!(i.data.kind(), Kind::Indicators);
    }

    #[test]
    fn csv_is_converted_and_checked_with_csv_locations() {
        let codes = codes();
        let csv = "month,region,sector,occupation,jobseekers,vacancies_open,vacancies_new,placements\n\
                   2025-07,PT-08,I55,5131,10,20,,4\n2025-07,PT-08,I55,51311,10,20,,4\n";
        let r = ingest("x.csv", csv.as_bytes(), &codes, LoadOptions::default()).unwrap_err();
        let p = &r.report.problems[0];
        assert_eq!((p.line, p.column), (Some(3), Some(4)));
        assert!(matches!(&p.kind, ProblemKind::UnknownCode { suggestion: Some(s), .. } if s == "5131"));
        assert_eq!(r.salvage, Some((1, 1)));
    }
}
