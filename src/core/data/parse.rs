//! Turning text into typed datasets: JSON errors located, headers checked,
//! and a collector that locates every semantic problem in one pass.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::path::{locate, JsonPath};
use super::path_at::{path_at, About};
use super::problem::{Problem, ProblemKind, Report, Severity};

/// How strict a load is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Keep the records without errors and drop the others (the user chose
    /// it after seeing the report) instead of rejecting the whole file.
    pub keep_valid: bool,
}

/// How a dataset's JSON text becomes typed data ([`Located`] or [`Plain`]).
pub trait Json {
    /// Deserializes all of `text` (its byte order mark already gone) as `T`; on failure, one
    /// problem.
    #[allow(clippy::result_large_err)]
    fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Problem>;
}

/// Deserializes with the JSON path and line:column of the first failure (`path_at::path_at`):
/// for every file whose report a person may read.
pub enum Located {}

impl Json for Located {
    fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
        parse_located(text)
    }
}

/// Deserializes as [`Located`] does (the same serde_json instantiation per type), without
/// looking for the JSON path of a failure: the page's first module carries no `path_at` scan
/// (issue #12). A failure has its line:column but no path. For the files that are expected to be
/// sound (the bundled datasets): a caller that gets a failure validates again with [`Located`]
/// for the report it shows.
pub enum Plain {}

impl Json for Plain {
    fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
        if text.trim().is_empty() {
            return Err(Problem::error(JsonPath::root(), ProblemKind::Syntax { detail: "an empty file".into() }));
        }
        serde_json::from_str(text).map_err(|e| serde_problem(text, JsonPath::root(), &e))
    }
}

/// Collects problems while a dataset is checked, then locates them all at once.
pub struct Checker<'t> {
    text: &'t str,
    report: Report,
}

impl<'t> Checker<'t> {
    pub fn new(dataset: &str, text: &'t str) -> Checker<'t> {
        Checker { text: strip_bom(text), report: Report::new(dataset) }
    }

    pub fn error(&mut self, path: JsonPath, kind: ProblemKind) {
        self.report.push(Problem::error(path, kind));
    }

    pub fn warning(&mut self, path: JsonPath, kind: ProblemKind) {
        self.report.push(Problem::warning(path, kind));
    }

    pub fn has_errors(&self) -> bool {
        self.report.has_errors()
    }

    /// Errors so far: compare before and after checking one record to know
    /// whether that record is valid.
    pub fn error_count(&self) -> usize {
        self.report.total_errors
    }

    /// Deserializes the whole text as `T`; on failure records one located
    /// problem and returns `None`.
    pub fn parse<T: DeserializeOwned>(&mut self) -> Option<T> {
        self.parse_as::<Located, T>()
    }

    /// [`parse`](Self::parse), deserialized by `J`.
    pub fn parse_as<J: Json, T: DeserializeOwned>(&mut self) -> Option<T> {
        match J::parse(self.text) {
            Ok(v) => Some(v),
            Err(p) => {
                self.report.push(p);
                None
            }
        }
    }

    /// Checks `format` and `version` before the body, so that a file of another
    /// kind or a newer version gets that message rather than a type error.
    pub fn header(&mut self, expected: &'static str, supported: u32) -> bool {
        self.header_as::<Located>(expected, supported)
    }

    /// [`header`](Self::header), deserialized by `J`.
    pub fn header_as<J: Json>(&mut self, expected: &'static str, supported: u32) -> bool {
        #[derive(Deserialize)]
        struct Header {
            format: Option<serde_json::Value>,
            version: Option<serde_json::Value>,
        }
        let Some(h) = self.parse_as::<J, Header>() else {
            return false;
        };
        let found = match &h.format {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => "no \"format\" field".to_string(),
        };
        if found != expected {
            self.error(JsonPath::keys(&["format"]), ProblemKind::WrongFormat { expected: expected.into(), found });
            return false;
        }
        match &h.version {
            Some(v) if v.as_u64() == Some(u64::from(supported)) => true,
            other => {
                // As written: a version given as text (`"1"`) is not the number 1.
                let found = other.as_ref().map_or_else(|| "no \"version\" field".to_string(), |v| v.to_string());
                self.error(JsonPath::keys(&["version"]), ProblemKind::WrongVersion { supported, found });
                false
            }
        }
    }

    /// [`header`](Self::header) then [`parse`](Self::parse) in one pass when the file is sound:
    /// the body is parsed first and its `format` and `version` (read by `head`) checked after;
    /// only when the body does not parse is the header read on its own, so a file of another kind
    /// or version still gets that message rather than a type error. Reading the header first scans
    /// the whole file twice: ~40% of the bundled labour-market file's parse (issue #12).
    pub fn parse_versioned<T: DeserializeOwned>(
        &mut self,
        expected: &'static str,
        supported: u32,
        head: fn(&T) -> (&str, u32),
    ) -> Option<T> {
        self.parse_versioned_as::<Located, T>(expected, supported, head)
    }

    /// [`parse_versioned`](Self::parse_versioned), deserialized by `J`.
    pub fn parse_versioned_as<J: Json, T: DeserializeOwned>(
        &mut self,
        expected: &'static str,
        supported: u32,
        head: fn(&T) -> (&str, u32),
    ) -> Option<T> {
        match J::parse::<T>(self.text) {
            Ok(v) => {
                let (format, version) = head(&v);
                if format != expected {
                    let found = format.to_string();
                    self.error(
                        JsonPath::keys(&["format"]),
                        ProblemKind::WrongFormat { expected: expected.into(), found },
                    );
                    None
                } else if version != supported {
                    self.error(
                        JsonPath::keys(&["version"]),
                        ProblemKind::WrongVersion { supported, found: version.to_string() },
                    );
                    None
                } else {
                    Some(v)
                }
            }
            Err(p) => {
                if self.header_as::<J>(expected, supported) {
                    self.report.push(p);
                }
                None
            }
        }
    }

    /// Locates every listed problem that has no position yet and returns the report.
    pub fn finish(mut self) -> Report {
        let pending: Vec<usize> =
            (0..self.report.problems.len()).filter(|&i| self.report.problems[i].line.is_none()).collect();
        let paths: Vec<JsonPath> = pending.iter().map(|&i| self.report.problems[i].path.clone()).collect();
        let found = locate(self.text, &paths);
        for (&i, pos) in pending.iter().zip(found) {
            if let Some((line, col)) = pos {
                let p = &mut self.report.problems[i];
                p.line = Some(line);
                p.column = Some(col);
            }
        }
        // A missing field has no position: point at the object that lacks it
        // (the nearest enclosing value that exists), one scan per level.
        let mut parents: Vec<(usize, JsonPath)> = (0..self.report.problems.len())
            .filter(|&i| self.report.problems[i].line.is_none())
            .map(|i| (i, self.report.problems[i].path.clone()))
            .collect();
        while !parents.is_empty() {
            parents.retain_mut(|(_, p)| p.0.pop().is_some());
            let paths: Vec<JsonPath> = parents.iter().map(|(_, p)| p.clone()).collect();
            let found = locate(self.text, &paths);
            let mut still = Vec::new();
            for ((i, path), pos) in parents.into_iter().zip(found) {
                match pos {
                    Some((line, col)) => {
                        self.report.problems[i].line = Some(line);
                        self.report.problems[i].column = Some(col);
                    }
                    None => still.push((i, path)),
                }
            }
            parents = still;
        }
        // Errors first, then warnings, each in document order.
        self.report.problems.sort_by_key(|p| (p.severity == Severity::Warning, p.line.unwrap_or(usize::MAX), p.column));
        self.report
    }
}

/// A UTF-8 byte order mark is tolerated (spreadsheet tools write one).
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Deserializes with the JSON path and line:column of the first failure.
/// (A `Problem` is a few hundred bytes; this is called once per file.)
#[allow(clippy::result_large_err)]
pub fn parse_located<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    let text = strip_bom(text);
    if text.trim().is_empty() {
        return Err(Problem::error(JsonPath::root(), ProblemKind::Syntax { detail: "an empty file".into() }));
    }
    // The path is found after the fact, from where serde_json stopped (`path_at`): following it
    // while deserializing (`serde_path_to_error`) cost its wrappers for every type (issue #12).
    serde_json::from_str(text).map_err(|e| {
        let path = match e.line() {
            0 => JsonPath::root(),
            line => path_at(text, line, e.column(), About::of(&e.to_string())),
        };
        serde_problem(text, path, &e)
    })
}

/// serde_json's failure as a problem at `path`, placed at its line and column in characters (as
/// every other problem: serde_json counts bytes, and each accented letter before the failure on
/// its line would move it one column further).
fn serde_problem(text: &str, path: JsonPath, inner: &serde_json::Error) -> Problem {
    let message = inner.to_string();
    let detail = match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message,
    };
    let kind = if inner.is_data() { ProblemKind::Shape { detail } } else { ProblemKind::Syntax { detail } };
    let p = Problem::error(path, kind);
    if inner.line() > 0 {
        p.at(inner.line(), char_column(text, inner.line(), inner.column()))
    } else {
        p
    }
}

/// The column in characters of serde_json's `column` (bytes consumed on 1-based `line`).
fn char_column(text: &str, line: usize, column: usize) -> usize {
    let Some(start) = super::path_at::line_start(text, line) else { return column };
    let l = text[start..].split('\n').next().unwrap_or_default();
    let mut end = column.min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    l[..end].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        rows: Vec<u32>,
    }

    #[test]
    fn type_errors_have_path_and_position() {
        let p = parse_located::<Doc>("{\n \"rows\": [1, \"2\"]\n}").unwrap_err();
        assert_eq!(p.path.to_string(), "$.rows[1]");
        assert_eq!(p.line, Some(2));
        assert!(matches!(p.kind, ProblemKind::Shape { .. }));
        assert_eq!(p.kind.expected_found(), ("u32".into(), "string \"2\"".into()));
    }

    #[test]
    fn columns_count_characters() {
        // serde_json stops after `"ção"`: 20 bytes into the line, 18 characters.
        let p = parse_located::<Doc>("{\n \"rows\": [1, \"ção\", 2]}").unwrap_err();
        assert_eq!(p.path.to_string(), "$.rows[1]");
        assert_eq!((p.line, p.column), (Some(2), Some(18)));
        assert_eq!(char_column("ab\ncçd", 2, 3), 2);
        assert_eq!(char_column("ab\ncçd", 2, 2), 1, "inside a character: the one before");
        assert_eq!(char_column("ab", 5, 3), 3, "no such line: as given");
    }

    #[test]
    fn syntax_errors_and_empty_files() {
        let p = parse_located::<Doc>("{\"rows\": [1, 2").unwrap_err();
        assert!(matches!(p.kind, ProblemKind::Syntax { .. }));
        assert_eq!(p.line, Some(1));
        let p = parse_located::<Doc>("  \n").unwrap_err();
        assert!(matches!(p.kind, ProblemKind::Syntax { .. }));
        let p = parse_located::<Doc>("{\"rows\": []} x").unwrap_err();
        assert!(matches!(p.kind, ProblemKind::Syntax { .. }));
    }

    #[test]
    fn bom_is_tolerated_and_unknown_fields_rejected() {
        assert!(parse_located::<Doc>("\u{feff}{\"rows\": [1]}").is_ok());
        let p = parse_located::<Doc>("{\"rows\": [], \"extra\": 1}").unwrap_err();
        assert!(p.kind.expected_found().1.contains("extra"));
    }

    #[test]
    fn header_mismatch_is_reported_before_the_body() {
        let mut c = Checker::new("x", "{\"format\": \"vagas.codes\", \"version\": 1, \"rows\": 5}");
        assert!(!c.header("vagas.labour_market", 1));
        let r = c.finish();
        assert_eq!(r.total_errors, 1);
        assert!(matches!(r.problems[0].kind, ProblemKind::WrongFormat { .. }));
        assert_eq!(r.problems[0].line, Some(1));
        let mut c = Checker::new("x", "{\"format\": \"vagas.codes\", \"version\": 2}");
        assert!(!c.header("vagas.codes", 1));
        assert!(matches!(c.finish().problems[0].kind, ProblemKind::WrongVersion { ref found, .. } if found == "2"));
        // As written: the text "1" is not the version 1.
        let mut c = Checker::new("x", "{\"format\": \"vagas.codes\", \"version\": \"1\"}");
        assert!(!c.header("vagas.codes", 1));
        assert!(matches!(c.finish().problems[0].kind, ProblemKind::WrongVersion { ref found, .. } if found == "\"1\""));
    }

    /// `parse_versioned` reports what `header` then `parse` report, for a sound file, a file of
    /// another kind or version (whether or not its body has this kind's shape) and a sound header
    /// over a broken body.
    #[test]
    fn parse_versioned_reports_as_header_then_parse() {
        #[derive(Debug, Deserialize, PartialEq)]
        #[serde(deny_unknown_fields)]
        struct Versioned {
            format: String,
            version: u32,
            rows: Vec<u32>,
        }
        let two_passes = |text: &str| {
            let mut c = Checker::new("x", text);
            let v = if c.header("vagas.x", 1) { c.parse::<Versioned>() } else { None };
            (v, c.finish())
        };
        let one_pass = |text: &str| {
            let mut c = Checker::new("x", text);
            let v = c.parse_versioned::<Versioned>("vagas.x", 1, |v| (&v.format, v.version));
            (v, c.finish())
        };
        for text in [
            r#"{"format": "vagas.x", "version": 1, "rows": [1, 2]}"#,
            r#"{"format": "vagas.y", "version": 1, "rows": [1, 2]}"#,
            r#"{"format": "vagas.x", "version": 2, "rows": [1, 2]}"#,
            r#"{"format": "vagas.y", "version": 1, "other": true}"#,
            r#"{"format": "vagas.x", "version": 3, "rows": "no"}"#,
            r#"{"format": "vagas.x", "version": 1, "rows": [1, "two"]}"#,
            r#"{"version": 1, "rows": []}"#,
            r#"{"format": "vagas.x", "version": 1, "rows": [1,"#,
        ] {
            let (a, b) = (two_passes(text), one_pass(text));
            assert_eq!(a.0, b.0, "{text}");
            assert_eq!(a.1.problems, b.1.problems, "{text}");
            assert_eq!(b.0.is_some(), b.1.total_errors == 0, "{text}");
        }
    }
}
