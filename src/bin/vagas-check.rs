//! Checks dataset files with the same validation as the app and prints the
//! same located report, for people preparing data in bulk.
//!
//! Usage: vagas-check [--lang pt|en] [--codes codes.json] FILE...
//!        vagas-check [--lang pt|en] [--codes codes.json] --convert labour.csv > labour_market.json
//! The kind of each file is read from its "format" field (GeoJSON files are
//! region boundaries; a CSV is a labour-market table). Messages are the
//! app's, in English (default) or Portuguese. `--convert` writes the JSON
//! only when every row of the CSV passes every check. Exit status: 0 when no
//! file has errors, 1 otherwise, 2 on bad usage or unreadable files.

use std::process::ExitCode;

use vagas::core::data::ingest::{self, Data};
use vagas::core::data::parse::LoadOptions;
use vagas::core::data::{codes, csv, manifest, regions, Lang, Report};
use vagas::core::i18n::problems::{count, report_text};

const BUNDLED_CODES: &str = include_str!("../../data/codes.json");

/// The dataset kind, from the file's `format` field.
fn kind_of(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: Option<String>,
        #[serde(rename = "type")]
        kind: Option<String>,
    }
    let head: Head = serde_json::from_str(vagas::core::data::parse::strip_bom(text)).ok()?;
    head.format.or_else(|| head.kind.filter(|k| k == "FeatureCollection").map(|_| "geojson".into()))
}

fn check(lang: Lang, name: &str, bytes: &[u8], codes: &codes::Codes) -> Result<(String, Report), Report> {
    let pt = lang == Lang::Pt;
    let n = |x: usize, pt_: (&str, &str), en: (&str, &str)| count(lang, x, pt_, en);
    // What users load in the app goes through the app's own entry point;
    // the app's own reference files (codes, manifest, regions) are checked here too.
    let text = std::str::from_utf8(bytes).ok().map(vagas::core::data::parse::strip_bom);
    match text.and_then(kind_of).as_deref() {
        Some(codes::FORMAT) => codes::load(name, text.unwrap_or_default())
            .map(|(c, r)| (n(c.occupations().len(), ("ocupação", "ocupações"), ("occupation", "occupations")), r)),
        Some(manifest::FORMAT) => manifest::load(name, text.unwrap_or_default()).map(|(m, r)| {
            (n(m.datasets.len(), ("conjunto de dados", "conjuntos de dados"), ("dataset", "datasets")), r)
        }),
        Some("geojson") => regions::load(name, text.unwrap_or_default(), codes)
            .map(|(g, r)| (n(g.shapes.len(), ("região", "regiões"), ("region", "regions")), r)),
        _ => match ingest::ingest(name, bytes, codes, LoadOptions::default()) {
            Ok(i) => {
                let x = i.data.records();
                let what = if let Data::Labour(_) = i.data {
                    n(x, ("registo", "registos"), ("record", "records"))
                } else {
                    n(x, ("contributo", "contributos"), ("outcome", "outcomes"))
                };
                Ok((what, i.report))
            }
            Err(rejected) => {
                let mut report = rejected.report;
                if let Some((kept, dropped)) = rejected.salvage {
                    // Printed after the report: what "keep the valid records" would do.
                    report.dataset = if pt {
                        format!(
                            "{} (manter os registos válidos manteria {kept} e deixaria de fora {dropped})",
                            report.dataset
                        )
                    } else {
                        format!("{} (keeping the valid records would keep {kept} and drop {dropped})", report.dataset)
                    };
                }
                Err(report)
            }
        },
    }
}

/// `--convert`: a labour-market CSV to the JSON format, on standard output.
/// The JSON is built by serde from checked values, and written only when
/// every row passed; otherwise the report goes to standard error.
fn convert(lang: Lang, file: &str, codes: &codes::Codes) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => return usage(&format!("cannot read {file}: {e}")),
    };
    let result = vagas::core::data::decode::decode(file, &bytes).and_then(|(text, encoding)| {
        let json = csv::convert(file, &text, codes)?;
        if let Some(e) = encoding {
            let note = if lang == Lang::Pt { "lido como" } else { "read as" };
            eprintln!("{file}: {note} {}", e.name());
        }
        Ok(json)
    });
    match result {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(r) => {
            eprint!("{}", report_text(lang, &r));
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).peekable();
    let mut codes_text = BUNDLED_CODES.to_string();
    let mut files = Vec::new();
    let mut lang = Lang::En;
    let mut to_convert = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => match args.next().as_deref().and_then(Lang::from_code) {
                Some(l) => lang = l,
                None => return usage("--lang takes pt or en"),
            },
            "--codes" => match args.next().map(std::fs::read_to_string) {
                Some(Ok(t)) => codes_text = t,
                Some(Err(e)) => return usage(&format!("cannot read the code lists: {e}")),
                None => return usage("--codes needs a file"),
            },
            "--convert" => match args.next() {
                Some(f) => to_convert = Some(f),
                None => return usage("--convert needs a CSV file"),
            },
            "-h" | "--help" => return usage(""),
            _ => files.push(a),
        }
    }
    if files.is_empty() && to_convert.is_none() {
        return usage("no file given");
    }
    let codes = match codes::load("codes", &codes_text) {
        Ok((c, _)) => c,
        Err(r) => {
            eprint!("{}", report_text(lang, &r));
            return ExitCode::from(2);
        }
    };
    if let Some(f) = to_convert {
        return convert(lang, &f, &codes);
    }
    let mut failed = false;
    for f in &files {
        let bytes = match std::fs::read(f) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{f}: cannot read: {e}");
                return ExitCode::from(2);
            }
        };
        match check(lang, f, &bytes, &codes) {
            Ok((what, report)) => {
                let valid = if lang == Lang::Pt { "válido" } else { "valid" };
                let warnings = count(lang, report.total_warnings, ("aviso", "avisos"), ("warning", "warnings"));
                println!("{f}: {valid} ({what}), {warnings}");
                for p in &report.problems {
                    println!("  {}", vagas::core::i18n::describe(lang, p));
                    if let Some(h) = vagas::core::i18n::hint(lang, p) {
                        println!("    → {h}");
                    }
                }
            }
            Err(report) => {
                print!("{}", report_text(lang, &report));
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
        "usage: vagas-check [--lang pt|en] [--codes codes.json] FILE...\n       vagas-check [--lang pt|en] --convert labour.csv > labour_market.json"
    );
    ExitCode::from(2)
}
