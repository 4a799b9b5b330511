//! The bundled official indicators are exactly what the import of the raw
//! files in data-raw/ writes (examples/import_official.rs), and hold the
//! figures published in those files.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../examples/import_official.rs"]
mod import_official;

use std::path::Path;

use vagas::core::data::indicators::{self, Period};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn codes() -> vagas::core::data::codes::Codes {
    let text = std::fs::read_to_string(root().join("data/codes.json")).unwrap();
    vagas::core::data::codes::load("codes", &text).unwrap().0
}

#[test]
fn bundled_file_is_the_import_of_the_raw_files() {
    let built = import_official::build(&root().join("data-raw")).expect("the raw files import");
    let bundled = std::fs::read_to_string(root().join("data/indicators_official.json")).unwrap();
    assert!(built == bundled, "data/indicators_official.json is stale: run cargo run --example import_official");
}

#[test]
fn the_import_reproduces_the_published_figures() {
    let codes = codes();
    let text = std::fs::read_to_string(root().join("data/indicators_official.json")).unwrap();
    let (ind, report) = indicators::load("indicators_official.json", &text, &codes).unwrap();
    assert_eq!((report.total_errors, report.total_warnings), (0, 0), "{report}");
    let v = |id: &str, area: &str, year: u16| ind.value(ind.find(id).unwrap(), area, Period::year(year), &codes);
    // Social Security, sheet Q1.
    assert_eq!(v("ss_contributors", "PT-08", 2025), Some(97_924.0));
    assert_eq!(v("ss_contributors", "PT-02", 2015), Some(6_313.0));
    assert_eq!(v("ss_contributors", "PT-02", 2025), Some(35_357.0));
    assert_eq!(v("ss_contributors", "PT", 2025), Some(1_115_541.0), "TOTAL, with OUTRO");
    // "OUTRO" is in the national total only: the districts sum to the total minus OUTRO (15 169).
    let s = ind.find("ss_contributors").unwrap();
    let districts: f64 = ind.district_values(s, Period::year(2025), &codes).iter().flatten().sum();
    assert_eq!(districts, 1_115_541.0 - 15_169.0);
    assert!(ind.areas(s).iter().all(|a| a == "PT" || codes.region.get(a).is_some()));
    assert_eq!(ind.periods(s).len(), 11, "2015–2025");
    // Sheet Q7.
    assert_eq!(v("ss_new_registrations", "PT-08", 2022), Some(41_673.0));
    assert_eq!(v("ss_new_registrations", "PT", 2015), Some(52_680.0));
    // AIMA, end of 2024: district sums of the municipalities.
    assert_eq!(v("aima_residents", "PT", 2024), Some(1_543_697.0));
    assert_eq!(v("aima_residents", "PT-08", 2024), Some(167_321.0));
    assert_eq!(v("aima_residents", "PT-02", 2024), Some(37_878.0));
    let a = ind.find("aima_residents").unwrap();
    let sum: f64 = ind.district_values(a, Period::year(2024), &codes).iter().flatten().sum();
    assert_eq!(sum, 1_543_697.0);
    // Quadros de Pessoal: the shares are q13_E / q13 (CAE A: 7 062 of 54 661 in 2014).
    assert_eq!(v("qp_foreign_share_i", "PT1", 2024), Some(31.6), "93 337 of 295 279");
    assert_eq!(v("qp_foreign_share_i", "PT1", 2014), Some(12.2), "21 269 of 174 663");
    assert_eq!(v("qp_foreign_share_a", "PT1", 2014), Some((7_062.0_f64 / 54_661.0 * 1000.0).round() / 10.0));
    assert_eq!(v("qp_foreign_share_a", "PT1", 2024), Some((30_673.0_f64 / 80_117.0 * 1000.0).round() / 10.0));
    // NUTS II: float artefacts rounded; Algarve (PT15) answers for Faro district.
    assert_eq!(v("qp_foreign_employees_nuts2", "PT15", 2024), Some(52_164.0));
    assert_eq!(v("qp_foreign_employees_nuts2", "PT-08", 2024), Some(52_164.0));
    assert_eq!(v("qp_foreign_employees_nuts2", "PT1", 2024), Some(509_783.0));
    assert_eq!(v("qp_foreign_employees_nuts2", "PT1C", 2024), Some(25_468.0));
    assert_eq!(v("qp_foreign_employees_nuts2", "alentejo", 2024), None, "NUTS II Alentejo is not the focus area");
    // Every series is official and keeps its provenance.
    for s in &ind.series {
        assert!(!s.illustrative && !s.publisher.is_empty() && !s.table.is_empty() && !s.date.is_empty(), "{}", s.id);
    }
    assert!(ind.series[s].subject_to_revision);
}

#[test]
fn district_names_map_to_iso_codes() {
    assert_eq!(import_official::district_code("ÉVORA"), Some("PT-07"));
    assert_eq!(import_official::district_code("Évora"), Some("PT-07"));
    assert_eq!(import_official::district_code("RA AÇORES"), Some("PT-20"));
    assert_eq!(import_official::district_code("Madeira"), Some("PT-30"));
    assert_eq!(import_official::district_code("OUTRO"), None);
}

#[test]
fn the_story_slide_on_official_figures_says_what_its_view_shows() {
    let codes = codes();
    let text = std::fs::read_to_string(root().join("data/indicators_official.json")).unwrap();
    let (ind, _) = indicators::load("indicators_official.json", &text, &codes).unwrap();
    let story = std::fs::read_to_string(root().join("data/story.json")).unwrap();
    let (story, _) = vagas::core::story::load("story.json", &story).unwrap();
    let slide =
        story.slides.iter().find(|s| s.view.contains("focus=official-figures")).expect("a slide on official figures");
    let v = slide.state();
    let sel = ind.select(v.series.as_deref(), v.year, v.span, &codes).unwrap();
    let area = v.area.as_deref().unwrap();
    let (from, to) = (ind.value(sel.series, area, sel.from, &codes), ind.value(sel.series, area, sel.to, &codes));
    let (factor, _) = ind.growth(sel.series, area, sel.from, sel.to, &codes).unwrap();
    assert_eq!((area, from, to), ("PT-08", Some(26_507.0), Some(97_924.0)));
    // The title's factor, rounded to one decimal, in each language.
    let one = format!("{:.1}", factor);
    assert!(slide.title.en.contains(&format!("×{one}")), "{} vs ×{one}", slide.title.en);
    assert!(slide.title.pt.contains(&format!("×{}", one.replace('.', ","))), "{}", slide.title.pt);
    assert!(slide.notes.en.contains("26,507") && slide.notes.en.contains("97,924") && slide.notes.en.contains("×3.69"));
    assert!(slide.notes.pt.contains("26 507") && slide.notes.pt.contains("97 924") && slide.notes.pt.contains("×3,69"));
    assert_eq!(format!("{factor:.2}"), "3.69");
    assert!(!ind.series[sel.series].illustrative);
}
