//! Writes the bundled, illustrative labour-market dataset (or a larger one for
//! benchmarks). Deterministic: the same arguments give the same bytes.
//!
//! Usage:
//!   cargo run --release --example generate                      # data/labour_market.json
//!   cargo run --release --example generate -- --records 1000000 --out /tmp/lm-1m.json
//!   cargo run --release --example generate -- --check           # fails if the committed file is stale

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut records = None;
    let mut out = "data/labour_market.json".to_string();
    let mut check = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--records" => match it.next().and_then(|n| n.replace('_', "").parse().ok()) {
                Some(n) => records = Some(n),
                None => return fail("--records needs a whole number"),
            },
            "--out" => match it.next() {
                Some(p) => out = p.clone(),
                None => return fail("--out needs a path"),
            },
            "--check" => check = true,
            other => return fail(&format!("unknown argument {other:?}")),
        }
    }
    let codes_text = match std::fs::read_to_string("data/codes.json") {
        Ok(t) => t,
        Err(e) => return fail(&format!("cannot read data/codes.json: {e}")),
    };
    let codes = match vagas::core::data::codes::load("codes", &codes_text) {
        Ok((c, _)) => c,
        Err(report) => return fail(&report.to_string()),
    };
    let file = vagas::core::sample::labour_market(&codes, records);
    let json = vagas::core::sample::to_json(&file);
    if check {
        return match std::fs::read_to_string(&out) {
            Ok(existing) if existing == json => {
                println!("{out} is up to date ({} records)", file.records.month.len());
                ExitCode::SUCCESS
            }
            _ => fail(&format!("{out} is stale: run `cargo run --release --example generate`")),
        };
    }
    if let Err(e) = std::fs::write(&out, &json) {
        return fail(&format!("cannot write {out}: {e}"));
    }
    println!("wrote {out}: {} records, {} bytes", file.records.month.len(), json.len());
    ExitCode::SUCCESS
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("generate: {msg}");
    ExitCode::FAILURE
}
