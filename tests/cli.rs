//! The command-line check prints the same located report as the app.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vagas-check"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("vagas-check runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn bundled_datasets_are_valid() {
    let (code, out) = run(&[
        "data/manifest.json",
        "data/codes.json",
        "data/labour_market.json",
        "data/consultations.json",
        "data/regions.geojson",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("data/labour_market.json: valid (62160 records)"), "{out}");
    assert!(out.contains("data/regions.geojson: valid (20 regions)"), "{out}");
}

#[test]
fn broken_files_get_located_reports_and_a_failing_status() {
    let (code, out) =
        run(&["tests/corpus/lm_negative.json", "tests/corpus/cons_unknown_theme.json", "tests/corpus/empty.json"]);
    assert_eq!(code, 1);
    assert!(out.contains("$.records.vacancies_open[1] (line 16:"), "{out}");
    assert!(out.contains("expected a count ≥ 0, found -5"), "{out}");
    assert!(out.contains("$.outcomes[1].theme"), "{out}");
    assert!(out.contains("tests/corpus/empty.json: 1 error(s)"), "{out}");
}
