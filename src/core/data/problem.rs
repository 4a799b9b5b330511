//! Located validation problems: what is wrong, where, in which dataset.
//!
//! Longer than 400 lines: the closed list of problem kinds (one enum variant per rule the
//! checks apply) and the report that groups them; the kinds are its bulk.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::code_rules::CodeRule;
use super::path::JsonPath;

/// A fixed or computed piece of a message (serializable both ways, so that
/// reports can cross from the parsing worker to the page).
pub type Msg = Cow<'static, str>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

/// The code list a code was looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodeList {
    Region,
    Sector,
    Section,
    Occupation,
    Theme,
    StakeholderGroup,
    EventFormat,
    Event,
    Dataset,
    /// A series id of an indicators file.
    Series,
    /// An area of an indicators file (PT, NUTS 2024, district or focus area).
    Area,
}

impl CodeList {
    pub fn name(self) -> &'static str {
        match self {
            CodeList::Region => "ISO 3166-2:PT region",
            CodeList::Sector => "NACE Rev. 2 sector",
            CodeList::Section => "NACE Rev. 2 section",
            CodeList::Occupation => "ISCO-08 occupation",
            CodeList::Theme => "theme",
            CodeList::StakeholderGroup => "stakeholder group",
            CodeList::EventFormat => "event format",
            CodeList::Event => "consultation event",
            CodeList::Dataset => "dataset",
            CodeList::Series => "series id",
            CodeList::Area => "area (PT, PT1, NUTS 2024 region, ISO 3166-2:PT district or focus area)",
        }
    }
}

/// What is wrong. Each kind knows what was expected and what was found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ProblemKind {
    /// Not JSON at all (truncated, stray characters, empty file).
    Syntax {
        detail: String,
    },
    /// JSON, but a value has the wrong type or a field is missing/unknown.
    Shape {
        detail: String,
    },
    WrongFormat {
        expected: Msg,
        found: String,
    },
    WrongVersion {
        supported: u32,
        /// The version as written (`2`, `"1"`), or that there is none.
        found: String,
    },
    UnknownCode {
        list: CodeList,
        code: String,
        /// The closest known code, if one is close enough to be a likely typo.
        #[serde(default)]
        suggestion: Option<String>,
    },
    Duplicate {
        what: String,
        first: String,
    },
    Negative {
        value: i64,
    },
    TooLarge {
        value: i64,
    },
    BadMonth {
        found: String,
    },
    BadDate {
        found: String,
    },
    BadRange {
        what: Msg,
        found: String,
    },
    IndexOutOfRange {
        dimension: String,
        index: i64,
        len: usize,
    },
    LengthMismatch {
        column: String,
        expected: usize,
        found: usize,
    },
    Empty {
        what: Msg,
    },
    BadGeometry {
        detail: String,
    },
    Missing {
        what: String,
    },
    /// A spreadsheet workbook (or another binary file), recognised by its
    /// first bytes, where a CSV or JSON text was expected.
    Workbook {
        kind: Workbook,
    },
    /// A JSON file that is not UTF-8 (JSON must be): the first bad byte.
    NotUtf8 {
        byte: usize,
    },
    /// A warning: the text was not UTF-8 and was read as `encoding`.
    Decoded {
        encoding: Encoding,
    },
    /// A CSV cell where a count is expected that is not one, as written.
    BadNumber {
        found: String,
        why: NumberIssue,
    },
    /// A warning: cells holding a "not available" marker, read as not
    /// available. `count` cells; `markers` as written; `columns`: each
    /// column's name and count; `lines`: the first and last line.
    NotAvailable {
        count: usize,
        markers: Vec<String>,
        columns: Vec<(String, usize)>,
        lines: (usize, usize),
    },
    /// A CSV header that is not the labour-market header: the names missing
    /// and those not known, as written.
    CsvHeader {
        missing: Vec<String>,
        unknown: Vec<String>,
    },
    /// A CSV line with a different number of cells than the header.
    FieldCount {
        expected: usize,
        found: usize,
    },
    /// A CSV record repeating the month, region, sector and occupation of
    /// the one on line `first_line`.
    DuplicateRow {
        first_line: usize,
    },
    /// A code of another classification (CPP/2010, CAE Rev. 3, NUTS, a
    /// district number or name), with the rule giving the code to use.
    OtherClassification {
        list: CodeList,
        code: String,
        rule: CodeRule,
    },
    /// The check of a user's file could not run: the browser's background checker (a Web Worker
    /// with its own wasm module) did not start (`started: false`: blocked, or its module failed
    /// to load), or stopped during the check; `detail`: the browser's error as given ("" if none).
    CheckerFailed {
        started: bool,
        detail: String,
    },
}

/// Files recognised by their signature (first bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Workbook {
    /// `PK\x03\x04`: a zip, as .xlsx (Excel) and .ods (LibreOffice) are.
    Zip,
    /// `D0 CF 11 E0`: an OLE compound file, as legacy .xls workbooks are.
    Ole,
    /// `%PDF`.
    Pdf,
}

/// Text encodings read besides UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    /// Excel's "CSV" on Windows in Western European settings.
    Windows1252,
    /// Excel's "Unicode text" (little-endian, tab-separated).
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }
}

/// Why a cell is not a count (see `data::cells` for the rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumberIssue {
    /// `1.000`, `2,500`: one separator followed by three digits — a
    /// thousand, or a decimal?
    Ambiguous,
    /// `310,5`, `2.25`: a fractional value where a count is expected.
    Fraction,
    /// `1e3`, `1,2E+05`: scientific notation (digits may have been lost).
    Scientific,
    /// `#VALUE!`, `#REF!`: a spreadsheet formula error.
    SpreadsheetError,
    /// `1 23`, `1.2.3`: separators not in groups of three digits.
    Grouping,
    /// Anything else that is not a number.
    NotNumber,
}

impl ProblemKind {
    /// The kind's name, used to group repeated problems.
    pub fn tag(&self) -> &'static str {
        use ProblemKind::*;
        match self {
            Syntax { .. } => "syntax",
            Shape { .. } => "shape",
            WrongFormat { .. } => "format",
            WrongVersion { .. } => "version",
            UnknownCode { .. } => "unknown_code",
            Duplicate { .. } => "duplicate",
            Negative { .. } => "negative",
            TooLarge { .. } => "too_large",
            BadMonth { .. } => "month",
            BadDate { .. } => "date",
            BadRange { .. } => "range",
            IndexOutOfRange { .. } => "index",
            LengthMismatch { .. } => "length",
            Empty { .. } => "empty",
            BadGeometry { .. } => "geometry",
            Missing { .. } => "missing",
            Workbook { .. } => "workbook",
            NotUtf8 { .. } => "not_utf8",
            Decoded { .. } => "decoded",
            BadNumber { .. } => "number",
            NotAvailable { .. } => "not_available",
            CsvHeader { .. } => "csv_header",
            FieldCount { .. } => "field_count",
            DuplicateRow { .. } => "duplicate_row",
            OtherClassification { .. } => "other_classification",
            CheckerFailed { .. } => "checker",
        }
    }

    /// An unknown code, with the closest of `known` as a suggestion when it is
    /// a likely typo (see `suggest`).
    pub fn unknown<'a>(list: CodeList, code: &str, known: impl Iterator<Item = &'a str>) -> ProblemKind {
        ProblemKind::UnknownCode { list, code: code.to_string(), suggestion: suggest(code, known) }
    }
}

/// The known code a mistyped one most likely meant: one with a digit too many
/// or too few ("51311" → "5131"), a missing zero or prefix ("PT-8" → "PT-08",
/// "55" → "I55"), a different case, or one character changed. `None` when
/// no single candidate stands out.
pub fn suggest<'a>(code: &str, known: impl Iterator<Item = &'a str>) -> Option<String> {
    let code = code.trim();
    if code.is_empty() || code.len() > 64 {
        return None;
    }
    let wanted = normalise(code);
    let mut best: Option<(u8, &str)> = None;
    let mut tie = false;
    for k in known {
        let score = if k.eq_ignore_ascii_case(code) {
            0
        } else if normalise(k) == wanted {
            1
        } else if (code.starts_with(k) || k.starts_with(code)) && code.len().abs_diff(k.len()) == 1 {
            2
        } else if k.ends_with(code) && k.len() > code.len() {
            3
        } else if k.len() == code.len() && k.chars().zip(code.chars()).filter(|(a, b)| a != b).count() == 1 {
            4
        } else {
            continue;
        };
        match best {
            Some((s, _)) if s < score => {}
            Some((s, _)) if s == score => tie = true,
            _ => {
                best = Some((score, k));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, k)| k.to_string())
}

/// Letters and digits only, upper case, numbers without leading zeros:
/// "pt-08" and "PT 8" both give "PT8".
fn normalise(code: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    for c in code.chars().filter(char::is_ascii_alphanumeric) {
        if c.is_ascii_digit() {
            if c == '0' && !in_number {
                continue;
            }
            in_number = true;
        } else {
            in_number = false;
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// serde's messages read "invalid type: string \"x\", expected u32"; split them
/// into the expected/found halves so every problem reads the same way.
pub(crate) fn split_serde_detail(detail: &str) -> (String, String) {
    if let Some((found, expected)) = detail.split_once(", expected ") {
        let found = found.trim_start_matches("invalid type: ").trim_start_matches("invalid value: ").to_string();
        (expected.to_string(), found)
    } else if let Some(field) = detail.strip_prefix("missing field ") {
        (format!("the field {field}"), "no such field".into())
    } else if let Some(rest) = detail.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", expected ").unwrap_or((rest, "a known field"));
        (expected.to_string(), format!("unknown field {field}"))
    } else {
        ("a value of the documented type".into(), detail.to_string())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub severity: Severity,
    /// Where in the document, e.g. `$.records.region[532]`.
    pub path: JsonPath,
    /// 1-based line and column of the value, when it could be located.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub kind: ProblemKind,
    /// CSV files: the column's name from the header. `line` and `column` are
    /// then the CSV's line and column number, and `path` is not shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csv_column: Option<String>,
}

impl Problem {
    /// Problems with the same key are "the same error" repeated: same
    /// severity and kind at the same place of different records.
    pub fn group_key(&self) -> String {
        match &self.csv_column {
            // CSV: one group per kind, so that the report reads in line order.
            Some(_) => format!("{:?} {} csv", self.severity, self.kind.tag()),
            None => format!("{:?} {} {}", self.severity, self.kind.tag(), self.path.pattern()),
        }
    }

    pub fn error(path: JsonPath, kind: ProblemKind) -> Problem {
        Problem { severity: Severity::Error, path, line: None, column: None, kind, csv_column: None }
    }

    pub fn warning(path: JsonPath, kind: ProblemKind) -> Problem {
        Problem { severity: Severity::Warning, ..Problem::error(path, kind) }
    }

    pub fn at(mut self, line: usize, column: usize) -> Problem {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Places the problem at a CSV cell: line, column number and name.
    pub fn at_cell(mut self, line: usize, column: usize, name: &str) -> Problem {
        self.line = Some(line);
        self.column = Some(column);
        self.csv_column = Some(name.to_string());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (expected, found) = self.kind.expected_found();
        write!(f, "{}: expected {expected}, found {found}", self.location())
    }
}

/// Keep reports readable and memory bounded for a file with a million bad rows.
pub const MAX_LISTED: usize = 200;

/// At most this many examples of one repeated problem are listed.
pub const GROUP_LISTED: usize = 10;
/// Distinct groups kept; problems beyond fall into the last one.
const MAX_GROUPS: usize = 60;

/// The same problem repeated across records: how often, and how many listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub key: String,
    pub severity: Severity,
    pub count: usize,
    pub listed: usize,
}

/// Every problem found in one dataset. `total` counts those not listed too.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub dataset: String,
    pub problems: Vec<Problem>,
    pub total_errors: usize,
    pub total_warnings: usize,
    /// Repeated problems counted by `Problem::group_key`, in order of first appearance.
    #[serde(default)]
    pub groups: Vec<Group>,
}

impl Report {
    pub fn new(dataset: &str) -> Report {
        Report { dataset: dataset.to_string(), ..Report::default() }
    }

    /// The check did not run (`ProblemKind::CheckerFailed`): nothing is known about the file.
    pub fn unchecked(&self) -> bool {
        self.problems.iter().any(|p| matches!(p.kind, ProblemKind::CheckerFailed { .. }))
    }

    pub fn push(&mut self, p: Problem) {
        match p.severity {
            Severity::Error => self.total_errors += 1,
            Severity::Warning => self.total_warnings += 1,
        }
        let key = p.group_key();
        let g = match self.groups.iter().position(|g| g.key == key) {
            Some(i) => i,
            None if self.groups.len() < MAX_GROUPS => {
                self.groups.push(Group { key: key.clone(), severity: p.severity, count: 0, listed: 0 });
                self.groups.len() - 1
            }
            None => self.groups.len() - 1,
        };
        let g = &mut self.groups[g];
        g.count += 1;
        if g.listed < GROUP_LISTED && self.problems.len() < MAX_LISTED && g.key == key {
            g.listed += 1;
            self.problems.push(p);
        }
    }

    /// The groups with their listed problems, errors first.
    pub fn grouped(&self) -> Vec<(&Group, Vec<&Problem>)> {
        let mut out: Vec<(&Group, Vec<&Problem>)> = self.groups.iter().map(|g| (g, Vec::new())).collect();
        for p in &self.problems {
            let key = p.group_key();
            if let Some(slot) = out.iter_mut().find(|(g, _)| g.key == key) {
                slot.1.push(p);
            }
        }
        out.sort_by_key(|(g, _)| g.severity == Severity::Warning);
        out
    }

    pub fn has_errors(&self) -> bool {
        self.total_errors > 0
    }

    /// Lists problems in line order, and groups in the order of their first
    /// listed line (errors still before warnings in `grouped`).
    pub fn sort_by_line(&mut self) {
        self.problems.sort_by_key(|p| (p.line.unwrap_or(usize::MAX), p.column));
        let first =
            |key: &str| self.problems.iter().find(|p| p.group_key() == key).and_then(|p| p.line).unwrap_or(usize::MAX);
        let mut keyed: Vec<(usize, Group)> = self.groups.drain(..).map(|g| (first(&g.key), g)).collect();
        keyed.sort_by_key(|(line, _)| *line);
        self.groups = keyed.into_iter().map(|(_, g)| g).collect();
    }

    pub fn unlisted(&self) -> usize {
        self.total_errors + self.total_warnings - self.problems.len()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Error)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: {} error(s), {} warning(s)", self.dataset, self.total_errors, self.total_warnings)?;
        for (g, problems) in self.grouped() {
            let tag = if g.severity == Severity::Error { "error" } else { "warning" };
            if g.count > 1 {
                writeln!(f, "  the same {tag} in {} places; first {} shown:", g.count, problems.len())?;
            }
            for p in problems {
                writeln!(f, "  {tag}: {p}")?;
                if let Some(h) = p.hint() {
                    writeln!(f, "    hint: {h}")?;
                }
            }
        }
        if self.unlisted() > 0 {
            writeln!(f, "  … and {} more not listed", self.unlisted())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_split_into_expected_and_found() {
        let k = ProblemKind::Shape { detail: "invalid type: string \"12\", expected u32".into() };
        assert_eq!(k.expected_found(), ("u32".to_string(), "string \"12\"".to_string()));
        let k = ProblemKind::Shape { detail: "missing field `title`".into() };
        assert_eq!(k.expected_found().0, "the field `title`");
    }

    #[test]
    fn report_caps_the_list_but_counts_everything() {
        let mut r = Report::new("x");
        // 30 kinds of problem (one per column), 10 each: only MAX_LISTED are listed.
        for col in 0..30 {
            for i in 0..10 {
                let at = JsonPath::keys(&[&format!("c{col}")]).index(i);
                r.push(Problem::error(at, ProblemKind::Negative { value: -1 }));
            }
        }
        assert_eq!(r.problems.len(), MAX_LISTED);
        assert_eq!(r.total_errors, 300);
        assert_eq!(r.unlisted(), 100);
        assert_eq!(r.groups.len(), 30);
    }

    #[test]
    fn repeated_problems_are_grouped_with_ten_examples() {
        let mut r = Report::new("x");
        for i in 0..3204 {
            let at = JsonPath::keys(&["records", "jobseekers"]).index(i);
            r.push(Problem::error(at, ProblemKind::Negative { value: -1 }));
        }
        r.push(Problem::warning(JsonPath::keys(&["meta"]), ProblemKind::Empty { what: "note".into() }));
        let groups = r.grouped();
        assert_eq!(groups.len(), 2);
        assert_eq!((groups[0].0.count, groups[0].1.len()), (3204, GROUP_LISTED));
        assert_eq!(groups[1].0.severity, Severity::Warning);
        assert!(r.to_string().contains("the same error in 3204 places; first 10 shown"));
    }

    #[test]
    fn suggestions_catch_typos_but_not_guesses() {
        let occ = ["5131", "5132", "9412", "6111"];
        assert_eq!(suggest("51311", occ.iter().copied()).as_deref(), Some("5131"));
        assert_eq!(suggest("9413", ["9412", "7777"].iter().copied()).as_deref(), Some("9412"));
        assert_eq!(suggest("PT-8", ["PT-08", "PT-18"].iter().copied()).as_deref(), Some("PT-08"));
        assert_eq!(suggest("55", ["I55", "I56", "A01"].iter().copied()).as_deref(), Some("I55"));
        assert_eq!(suggest("pt-08", ["PT-08"].iter().copied()).as_deref(), Some("PT-08"));
        // Two equally close candidates, or none: no suggestion.
        assert_eq!(suggest("513", occ.iter().copied()), None);
        assert_eq!(suggest("zzzz", occ.iter().copied()), None);
    }
}
