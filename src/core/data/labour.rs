//! Labour-market records: month × district × sector (NACE) × occupation
//! (ISCO-08), stored as columns with code dictionaries so that a million
//! records stay a few tens of megabytes of JSON and ~20 MB in memory.
//!
//! Longer than 400 lines: the format's types, its validation in two steps (`parse`, then
//! `check`, so the main thread can yield between them) and the checks they share are one unit;
//! split, the checks would need the parsed file's internals made public.

use serde::{Deserialize, Serialize};

use super::codes::{Codes, Focus, Index};
use super::column::{BadCell, Column, NA};
use super::manifest::FileMeta;
use super::month::Month;
use super::parse::{Checker, Json, LoadOptions, Located};
use super::path::JsonPath;
use super::problem::{CodeList, ProblemKind, Report};

pub const FORMAT: &str = "vagas.labour_market";
pub const VERSION: u32 = 1;

/// The four measures, in the order of `Labour::measures`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// Registered jobseekers at month end (stock).
    Jobseekers,
    /// Vacancies open at month end (stock).
    VacanciesOpen,
    /// Vacancies received during the month (flow).
    VacanciesNew,
    /// Placements during the month (flow).
    Placements,
}

impl Measure {
    pub const ALL: [Measure; 4] =
        [Measure::Jobseekers, Measure::VacanciesOpen, Measure::VacanciesNew, Measure::Placements];

    pub fn column(self) -> &'static str {
        match self {
            Measure::Jobseekers => "jobseekers",
            Measure::VacanciesOpen => "vacancies_open",
            Measure::VacanciesNew => "vacancies_new",
            Measure::Placements => "placements",
        }
    }

    /// Stocks are averaged over a period; flows are summed.
    pub fn is_stock(self) -> bool {
        matches!(self, Measure::Jobseekers | Measure::VacanciesOpen)
    }
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimensions {
    pub month: Vec<String>,
    pub region: Vec<String>,
    pub sector: Vec<String>,
    pub occupation: Vec<String>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Records {
    pub month: Column,
    pub region: Column,
    pub sector: Column,
    pub occupation: Column,
    pub jobseekers: Column,
    pub vacancies_open: Column,
    pub vacancies_new: Column,
    pub placements: Column,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabourFile {
    pub format: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<FileMeta>,
    pub dimensions: Dimensions,
    pub records: Records,
}

/// Validated records. Keys are positions in the code lists (`Codes`), months
/// are offsets from `first`; measures hold `NA` where not available.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Labour {
    pub first: Month,
    pub last: Month,
    pub month: Vec<u16>,
    pub region: Vec<u16>,
    pub sector: Vec<u16>,
    pub occupation: Vec<u16>,
    pub measures: [Vec<u32>; 4],
    /// Provenance from the file's own `"meta"`, if any.
    pub meta: Option<FileMeta>,
    /// Records with errors left out because the user chose to keep the valid ones.
    pub dropped: usize,
}

impl Default for Month {
    fn default() -> Month {
        Month::from_index(0)
    }
}

impl Labour {
    pub fn len(&self) -> usize {
        self.month.len()
    }

    pub fn is_empty(&self) -> bool {
        self.month.is_empty()
    }

    pub fn measure(&self, m: Measure) -> &[u32] {
        &self.measures[m as usize]
    }
}

/// Maps a dimension's codes to code-list positions, reporting unknown,
/// malformed and repeated entries.
fn map_dimension(
    c: &mut Checker,
    code_lists: &Codes,
    name: &str,
    codes: &[String],
    lookup: impl Fn(&str) -> Option<u16>,
    list: Option<CodeList>,
) -> Vec<u16> {
    let base = JsonPath::keys(&["dimensions", name]);
    let mut seen = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(codes.len());
    for (i, code) in codes.iter().enumerate() {
        if let Some(first) = seen.insert(code.as_str(), i) {
            c.error(
                base.index(i),
                ProblemKind::Duplicate {
                    what: format!("entry in dimensions.{name}"),
                    first: base.index(first).to_string(),
                },
            );
        }
        match lookup(code) {
            Some(id) => out.push(id),
            None => {
                let kind = match list {
                    Some(list) => code_lists.unknown(list, code),
                    None => ProblemKind::BadMonth { found: code.clone() },
                };
                c.error(base.index(i), kind);
                out.push(u16::MAX);
            }
        }
    }
    if codes.is_empty() {
        c.error(base, ProblemKind::Empty { what: "entry".into() });
    }
    out
}

fn index_lookup(ix: &Index) -> impl Fn(&str) -> Option<u16> + '_ {
    |code| ix.get(code).and_then(|i| u16::try_from(i).ok())
}

fn report_bad_cells(c: &mut Checker, column: &str, col: &Column, null_allowed: bool) {
    let base = JsonPath::keys(&["records", column]);
    for (row, cell) in &col.bad {
        let kind = match cell {
            BadCell::Null if null_allowed => continue,
            BadCell::Negative(v) => ProblemKind::Negative { value: *v },
            BadCell::TooLarge(v) => ProblemKind::TooLarge { value: i64::try_from(*v).unwrap_or(i64::MAX) },
            BadCell::Fraction(v) => ProblemKind::BadRange { what: "a whole number".into(), found: v.to_string() },
            BadCell::Null => ProblemKind::BadRange {
                what: "an index (null is only allowed in measure columns)".into(),
                found: "null".into(),
            },
            BadCell::Other(what) => {
                ProblemKind::BadRange { what: "a non-negative integer".into(), found: (*what).to_string() }
            }
        };
        c.error(base.index(*row), kind);
    }
}

/// Checks a key column against its dimension and converts it to code-list ids.
fn map_keys(c: &mut Checker, column: &str, col: &Column, dim: &[u16]) -> Vec<u16> {
    report_bad_cells(c, column, col, false);
    let base = JsonPath::keys(&["records", column]);
    let mut out = Vec::with_capacity(col.len());
    for (row, &v) in col.values.iter().enumerate() {
        match dim.get(v as usize) {
            Some(&id) => out.push(id),
            None => {
                if v != NA {
                    c.error(
                        base.index(row),
                        ProblemKind::IndexOutOfRange {
                            dimension: column.to_string(),
                            index: i64::from(v),
                            len: dim.len(),
                        },
                    );
                }
                out.push(u16::MAX);
            }
        }
    }
    out
}

/// Parses and validates a labour-market file against the code lists.
pub fn load(dataset: &str, text: &str, codes: &Codes) -> Result<(Labour, Report), Report> {
    load_with(dataset, text, codes, LoadOptions::default())
}

/// As `load`; with `keep_valid`, records with errors are dropped (counted in
/// `Labour::dropped`) instead of rejecting the file, as long as the file
/// itself is sound and some records remain. The report still lists the errors.
pub fn load_with(dataset: &str, text: &str, codes: &Codes, opts: LoadOptions) -> Result<(Labour, Report), Report> {
    check(parse(dataset, text)?, codes, opts)
}

/// [`load`], the JSON deserialized by `J` (`parse::Plain` for the bundled file).
pub fn load_as<J: Json>(dataset: &str, text: &str, codes: &Codes) -> Result<(Labour, Report), Report> {
    check(parse_as::<J>(dataset, text)?, codes, LoadOptions::default())
}

/// A labour-market file read (format, version and shape checked) but not yet checked against the
/// code lists: the first half of [`load_with`], which [`check`] completes. On the bundled file
/// the halves take about the same time (~11 ms each natively, ~130 ms each in wasm at CPU 4×), so
/// a caller on the main thread can yield between them (issue #12).
pub struct Parsed<'t> {
    c: Checker<'t>,
    file: LabourFile,
}

/// Reads `text` as a labour-market file. Errors: the report of a file of another format or
/// version, or of invalid JSON or shape (with the location, as found).
pub fn parse<'t>(dataset: &str, text: &'t str) -> Result<Parsed<'t>, Report> {
    parse_as::<Located>(dataset, text)
}

/// [`parse`], the JSON deserialized by `J` (`parse::Plain` for the bundled file).
pub fn parse_as<'t, J: Json>(dataset: &str, text: &'t str) -> Result<Parsed<'t>, Report> {
    let mut c = Checker::new(dataset, text);
    match c.parse_versioned_as::<J, LabourFile>(FORMAT, VERSION, |f| (&f.format, f.version)) {
        Some(file) => Ok(Parsed { c, file }),
        None => Err(c.finish()),
    }
}

/// Checks a parsed file against the code lists and the columns against each other: the second
/// half of [`load_with`], with the same result.
pub fn check(parsed: Parsed<'_>, codes: &Codes, opts: LoadOptions) -> Result<(Labour, Report), Report> {
    let Parsed { mut c, file } = parsed;
    let (dims, rec) = (&file.dimensions, &file.records);

    let months: Vec<Option<Month>> = dims.month.iter().map(|m| Month::parse(m)).collect();
    let first = months.iter().flatten().min().copied().unwrap_or_default();
    let last = months.iter().flatten().max().copied().unwrap_or_default();
    let month_dim = map_dimension(
        &mut c,
        codes,
        "month",
        &dims.month,
        |m| Month::parse(m).and_then(|m| u16::try_from(m.index() - first.index()).ok()),
        None, // months have no code list: anything unparsable is a bad month
    );
    let region_dim =
        map_dimension(&mut c, codes, "region", &dims.region, index_lookup(&codes.region), Some(CodeList::Region));
    let sector_dim =
        map_dimension(&mut c, codes, "sector", &dims.sector, index_lookup(&codes.sector), Some(CodeList::Sector));
    let occ_dim = map_dimension(
        &mut c,
        codes,
        "occupation",
        &dims.occupation,
        index_lookup(&codes.occupation),
        Some(CodeList::Occupation),
    );

    // Figures outside tourism and agriculture are kept but flagged: the
    // dashboard's charts and consultations are about those two sectors.
    for (i, &id) in occ_dim.iter().enumerate() {
        if let Some(o) = codes.occupations().get(usize::from(id)).filter(|o| o.focus == Focus::Other) {
            c.warning(
                JsonPath::keys(&["dimensions", "occupation"]).index(i),
                ProblemKind::BadRange {
                    what: "an occupation of the focus sectors (tourism or agriculture)".into(),
                    found: format!("\"{}\", outside them", o.code),
                },
            );
        }
    }

    let n = rec.month.len();
    let columns: [(&str, &Column); 8] = [
        ("month", &rec.month),
        ("region", &rec.region),
        ("sector", &rec.sector),
        ("occupation", &rec.occupation),
        ("jobseekers", &rec.jobseekers),
        ("vacancies_open", &rec.vacancies_open),
        ("vacancies_new", &rec.vacancies_new),
        ("placements", &rec.placements),
    ];
    let mut lengths_ok = n > 0;
    for (name, col) in &columns[1..] {
        if col.len() != n {
            lengths_ok = false;
            c.error(
                JsonPath::keys(&["records", name]),
                ProblemKind::LengthMismatch { column: (*name).to_string(), expected: n, found: col.len() },
            );
        }
    }
    if n == 0 {
        c.error(JsonPath::keys(&["records", "month"]), ProblemKind::Empty { what: "record".into() });
    }
    // Rows cannot be checked across columns of different lengths; anything
    // else (unknown codes, bad values) is collected so every problem is listed.
    if !lengths_ok {
        return Err(c.finish());
    }

    let month = map_keys(&mut c, "month", &rec.month, &month_dim);
    let region = map_keys(&mut c, "region", &rec.region, &region_dim);
    let sector = map_keys(&mut c, "sector", &rec.sector, &sector_dim);
    let occupation = map_keys(&mut c, "occupation", &rec.occupation, &occ_dim);
    for m in Measure::ALL {
        report_bad_cells(&mut c, m.column(), columns[4 + m as usize].1, true);
    }
    let repeats = check_duplicates(
        &mut c,
        &rec.month.values,
        &rec.region.values,
        &rec.sector.values,
        &rec.occupation.values,
        &dims.month,
    );
    if c.has_errors() && !opts.keep_valid {
        return Err(c.finish());
    }
    // Rows to drop: a key that did not resolve, a bad count (null is fine),
    // or a repeat of an earlier record.
    let mut keep = vec![true; n];
    for keys in [&month, &region, &sector, &occupation] {
        for (row, &k) in keys.iter().enumerate() {
            if k == u16::MAX {
                keep[row] = false;
            }
        }
    }
    for (_, col) in &columns[4..] {
        for (row, cell) in &col.bad {
            if *cell != BadCell::Null {
                keep[*row] = false;
            }
        }
    }
    for row in repeats {
        keep[row] = false;
    }
    let kept = keep.iter().filter(|&&k| k).count();
    if kept == 0 {
        c.error(JsonPath::keys(&["records", "month"]), ProblemKind::Empty { what: "valid record".into() });
        return Err(c.finish());
    }
    let report = c.finish();
    let LabourFile { records, meta, .. } = file;
    fn pick<T>(v: Vec<T>, keep: &[bool]) -> Vec<T> {
        v.into_iter().zip(keep).filter(|p| *p.1).map(|p| p.0).collect()
    }
    let labour = Labour {
        first,
        last,
        month: pick(month, &keep),
        region: pick(region, &keep),
        sector: pick(sector, &keep),
        occupation: pick(occupation, &keep),
        measures: [
            pick(records.jobseekers.values, &keep),
            pick(records.vacancies_open.values, &keep),
            pick(records.vacancies_new.values, &keep),
            pick(records.placements.values, &keep),
        ],
        meta,
        dropped: n - kept,
    };
    Ok((labour, report))
}

/// Each (month, region, sector, occupation) may appear once. Sorting packed
/// keys costs ~16 bytes a record, far less than a hash map of a million keys.
/// Returns the rows that repeat an earlier record.
fn check_duplicates(c: &mut Checker, m: &[u32], r: &[u32], s: &[u32], o: &[u32], months: &[String]) -> Vec<usize> {
    let mut repeats = Vec::new();
    let mut keys: Vec<(u128, u32)> = (0..m.len())
        .map(|i| {
            let k = (u128::from(m[i]) << 96) | (u128::from(r[i]) << 64) | (u128::from(s[i]) << 32) | u128::from(o[i]);
            (k, i as u32)
        })
        .collect();
    keys.sort_unstable();
    for w in keys.windows(2) {
        if w[0].0 == w[1].0 {
            let (first, dup) = (w[0].1 as usize, w[1].1 as usize);
            let month = months.get(m[dup] as usize).map_or("?", String::as_str);
            c.error(
                JsonPath::keys(&["records", "month"]).index(dup),
                ProblemKind::Duplicate {
                    what: format!("record for month {month} with the same region, sector and occupation"),
                    first: format!("record {first}"),
                },
            );
            repeats.push(dup);
        }
    }
    repeats
}
