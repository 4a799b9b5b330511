//! Checks dataset files with the same validation as the app and prints the
//! same located report, for people preparing data in bulk.
//!
//! Usage: vagas-check [--codes codes.json] FILE...
//!        vagas-check --convert labour.csv > labour_market.json
//! The kind of each file is read from its "format" field (GeoJSON files are
//! region boundaries; a CSV is a labour-market table). Exit status: 0 when no
//! file has errors, 1 otherwise, 2 on bad usage or unreadable files.

use std::process::ExitCode;

use vagas::data::ingest::{self, Data};
use vagas::data::parse::LoadOptions;
use vagas::data::{codes, csv, manifest, regions, Report};

const BUNDLED_CODES: &str = include_str!("../../data/codes.json");

/// The dataset kind, from the file's `format` field.
fn kind_of(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: Option<String>,
        #[serde(rename = "type")]
        kind: Option<String>,
    }
    let head: Head = serde_json::from_str(vagas::data::parse::strip_bom(text)).ok()?;
    head.format.or_else(|| head.kind.filter(|k| k == "FeatureCollection").map(|_| "geojson".into()))
}

fn check(name: &str, bytes: &[u8], codes: &codes::Codes) -> Result<(String, Report), Report> {
    let n = |x: usize, what: &str| format!("{x} {what}");
    let text = ingest::decode(name, bytes)?;
    match kind_of(text).as_deref() {
        Some(codes::FORMAT) => codes::load(name, text).map(|(c, r)| (n(c.occupations().len(), "occupations"), r)),
        Some(manifest::FORMAT) => manifest::load(name, text).map(|(m, r)| (n(m.datasets.len(), "datasets"), r)),
        Some("geojson") => regions::load(name, text, codes).map(|(g, r)| (n(g.shapes.len(), "regions"), r)),
        // What users load in the app goes through the app's own entry point.
        _ => match ingest::ingest(name, bytes, codes, LoadOptions::default()) {
            Ok(i) => {
                let what = if let Data::Labour(_) = i.data { "records" } else { "outcomes" };
                Ok((n(i.data.records(), what), i.report))
            }
            Err(rejected) => {
                let mut report = rejected.report;
                if let Some((kept, dropped)) = rejected.salvage {
                    // Printed after the report: what "keep the valid records" would do.
                    report.dataset =
                        format!("{} (keeping the valid records would keep {kept} and drop {dropped})", report.dataset);
                }
                Err(report)
            }
        },
    }
}

/// `--convert`: a labour-market CSV to the JSON format, on standard output.
fn convert(file: &str) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => return usage(&format!("cannot read {file}: {e}")),
    };
    match ingest::decode(file, &bytes).and_then(|text| csv::labour_from_csv(file, text)) {
        Ok(c) => {
            println!("{}", c.json);
            ExitCode::SUCCESS
        }
        Err(r) => {
            eprint!("{r}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    let mut codes_text = BUNDLED_CODES.to_string();
    let mut files = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--codes" => match args.next().map(std::fs::read_to_string) {
                Some(Ok(t)) => codes_text = t,
                Some(Err(e)) => return usage(&format!("cannot read the code lists: {e}")),
                None => return usage("--codes needs a file"),
            },
            "--convert" => return args.next().map_or_else(|| usage("--convert needs a CSV file"), |f| convert(&f)),
            "-h" | "--help" => return usage(""),
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        return usage("no file given");
    }
    let codes = match codes::load("codes", &codes_text) {
        Ok((c, _)) => c,
        Err(r) => {
            eprint!("{r}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for f in &files {
        let bytes = match std::fs::read(f) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{f}: cannot read: {e}");
                return ExitCode::from(2);
            }
        };
        match check(f, &bytes, &codes) {
            Ok((what, report)) => {
                println!("{f}: valid ({what}), {} warning(s)", report.total_warnings);
                for p in &report.problems {
                    println!("  warning: {p}");
                }
            }
            Err(report) => {
                print!("{report}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("vagas-check: {problem}");
    }
    eprintln!(
        "usage: vagas-check [--codes codes.json] FILE...\n       vagas-check --convert labour.csv > labour_market.json"
    );
    ExitCode::from(2)
}
