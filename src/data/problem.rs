//! Located validation problems: what is wrong, where, in which dataset.

use std::fmt;

use super::path::JsonPath;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// The code list a code was looked up in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
        }
    }
}

/// What is wrong. Each kind knows what was expected and what was found.
#[derive(Clone, Debug, PartialEq)]
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
        expected: &'static str,
        found: String,
    },
    WrongVersion {
        supported: u32,
        found: u64,
    },
    UnknownCode {
        list: CodeList,
        code: String,
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
        what: &'static str,
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
        what: &'static str,
    },
    BadGeometry {
        detail: String,
    },
    Missing {
        what: String,
    },
}

impl ProblemKind {
    /// The expected/found pair in plain English (the UI translates via `i18n`).
    pub fn expected_found(&self) -> (String, String) {
        use ProblemKind::*;
        match self {
            Syntax { detail } => ("valid JSON".into(), detail.clone()),
            Shape { detail } => split_serde_detail(detail),
            WrongFormat { expected, found } => (format!("\"format\": \"{expected}\""), format!("\"{found}\"")),
            WrongVersion { supported, found } => (format!("\"version\": {supported}"), found.to_string()),
            UnknownCode { list, code } => (format!("a known {} code", list.name()), format!("\"{code}\"")),
            Duplicate { what, first } => (format!("a unique {what}"), format!("a repeat of {first}")),
            Negative { value } => ("a count ≥ 0".into(), value.to_string()),
            TooLarge { value } => ("a count ≤ 4 294 967 294".into(), value.to_string()),
            BadMonth { found } => ("a month as \"YYYY-MM\"".into(), format!("\"{found}\"")),
            BadDate { found } => ("a date as \"YYYY-MM-DD\"".into(), format!("\"{found}\"")),
            BadRange { what, found } => ((*what).into(), found.clone()),
            IndexOutOfRange { dimension, index, len } => {
                (format!("an index into dimensions.{dimension} (0–{})", len.saturating_sub(1)), index.to_string())
            }
            LengthMismatch { column, expected, found } => {
                (format!("{expected} values in records.{column} (as in records.month)"), format!("{found} values"))
            }
            Empty { what } => (format!("at least one {what}"), "none".into()),
            BadGeometry { detail } => {
                ("a Polygon or MultiPolygon with [longitude, latitude] rings".into(), detail.clone())
            }
            Missing { what } => (what.clone(), "none".into()),
        }
    }
}

/// serde's messages read "invalid type: string \"x\", expected u32"; split them
/// into the expected/found halves so every problem reads the same way.
fn split_serde_detail(detail: &str) -> (String, String) {
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

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    /// Where in the document, e.g. `$.records.region[532]`.
    pub path: JsonPath,
    /// 1-based line and column of the value, when it could be located.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn error(path: JsonPath, kind: ProblemKind) -> Problem {
        Problem { severity: Severity::Error, path, line: None, column: None, kind }
    }

    pub fn warning(path: JsonPath, kind: ProblemKind) -> Problem {
        Problem { severity: Severity::Warning, ..Problem::error(path, kind) }
    }

    pub fn at(mut self, line: usize, column: usize) -> Problem {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{} (line {l}:{c})", self.path),
            _ => self.path.to_string(),
        }
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

/// Every problem found in one dataset. `total` counts those not listed too.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub dataset: String,
    pub problems: Vec<Problem>,
    pub total_errors: usize,
    pub total_warnings: usize,
}

impl Report {
    pub fn new(dataset: &str) -> Report {
        Report { dataset: dataset.to_string(), ..Report::default() }
    }

    pub fn push(&mut self, p: Problem) {
        match p.severity {
            Severity::Error => self.total_errors += 1,
            Severity::Warning => self.total_warnings += 1,
        }
        if self.problems.len() < MAX_LISTED {
            self.problems.push(p);
        }
    }

    pub fn has_errors(&self) -> bool {
        self.total_errors > 0
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
        for p in &self.problems {
            let tag = if p.severity == Severity::Error { "error" } else { "warning" };
            writeln!(f, "  {tag}: {p}")?;
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
        for i in 0..(MAX_LISTED + 5) {
            r.push(Problem::error(JsonPath::root().index(i), ProblemKind::Negative { value: -1 }));
        }
        assert_eq!(r.problems.len(), MAX_LISTED);
        assert_eq!(r.total_errors, MAX_LISTED + 5);
        assert_eq!(r.unlisted(), 5);
    }
}
