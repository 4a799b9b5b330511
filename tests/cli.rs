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
    assert!(out.contains("expected a count ≥ 0; found -5"), "{out}");
    assert!(out.contains("$.outcomes[1].theme"), "{out}");
    assert!(out.contains("tests/corpus/empty.json: 1 error,"), "{out}");
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
    // Located on the CSV (line, column number and name), never by a JSON path.
    assert!(report.contains("line 2, column 4 (occupation)"), "{report}");
    assert!(report.contains("Did you mean 5131?"), "{report}");
    assert!(report.contains("would keep 1 and drop 1"), "{report}");
}

#[test]
fn messages_in_portuguese_and_no_invalid_json_from_the_converter() {
    let dir = std::env::temp_dir().join(format!("vagas-cli-pt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("in.csv");
    let head = "month;region;sector;occupation;jobseekers;vacancies_open;vacancies_new;placements";
    // 007 and +12 are read as 7 and 12: the JSON written holds numbers any reader accepts.
    std::fs::write(&csv, format!("{head}\n2025-07;PT-08;I55;5131;007;+12;120.0;#N/D\n")).unwrap();
    let (code, json) = run(&["--convert", csv.to_str().unwrap()]);
    assert_eq!(code, 0, "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v["records"]["jobseekers"], serde_json::json!([7]));
    assert_eq!(v["records"]["vacancies_open"], serde_json::json!([12]));
    assert_eq!(v["records"]["vacancies_new"], serde_json::json!([120]));
    assert_eq!(v["records"]["placements"], serde_json::json!([null]));
    // An ambiguous count: no JSON at all, and the message in Portuguese quotes the cell.
    std::fs::write(&csv, format!("{head}\n2025-07;PT-08;I55;5131;1.000;1;1;1\n")).unwrap();
    let (code, json) = run(&["--lang", "pt", "--convert", csv.to_str().unwrap()]);
    assert_eq!((code, json.as_str()), (1, ""));
    let (code, report) = run(&["--lang", "pt", csv.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(report.contains("erro · Não é uma contagem — linha 2, coluna 5 (jobseekers)"), "{report}");
    assert!(report.contains("encontrado \"1.000\" — ambíguo"), "{report}");
    assert!(report.contains("2 erros, 0 avisos"), "{report}");
}
