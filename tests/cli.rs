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

#[test]
fn csv_converts_to_a_valid_labour_market_file() {
    let dir = std::env::temp_dir().join(format!("vagas-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("in.csv");
    std::fs::write(
        &csv,
        "month;region;sector;occupation;jobseekers;vacancies_open;vacancies_new;placements\n\
         2025-07;PT-08;I55;5131;10;20;;4\n2025-07;PT-02;A01;6111;7;3;1;1\n",
    )
    .unwrap();
    let (code, json) = run(&["--convert", csv.to_str().unwrap()]);
    assert_eq!(code, 0);
    let out = dir.join("out.json");
    std::fs::write(&out, json).unwrap();
    let (code, report) = run(&[out.to_str().unwrap(), csv.to_str().unwrap()]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report.matches("valid (2 records)").count(), 2, "{report}");
    // A typo gets a located error with a hint, and what keeping the valid records would do.
    std::fs::write(&csv, "month,region,sector,occupation,jobseekers,vacancies_open,vacancies_new,placements\n2025-07,PT-08,I55,51311,1,1,1,1\n2025-07,PT-08,I55,5131,1,1,1,1\n").unwrap();
    let (code, report) = run(&[csv.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(report.contains("$.occupation[0] (line 2:4)"), "{report}");
    assert!(report.contains("did you mean 5131?"), "{report}");
    assert!(report.contains("would keep 1 and drop 1"), "{report}");
}
