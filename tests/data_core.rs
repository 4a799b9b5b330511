//! Native tests of the data core on the bundled datasets and on a corpus of
//! broken files (tests/corpus), each with the located error it must produce.

use vagas::core::data::aggregate::{self, Area, Filter};
use vagas::core::data::codes::{self, Codes};
use vagas::core::data::labour::{self, Measure};
use vagas::core::data::problem::ProblemKind;
use vagas::core::data::{consultations, manifest, outcomes, regions, Month, Report};

fn bundled_codes() -> Codes {
    codes::load("codes", include_str!("../data/codes.json")).expect("bundled codes").0
}

fn corpus(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/corpus/{name}", env!("CARGO_MANIFEST_DIR"))).expect("corpus file")
}

/// Asserts the report's first error: its JSON path, line, and kind.
fn assert_first_error(r: &Report, path: &str, line: usize, kind: fn(&ProblemKind) -> bool) {
    let p = r.errors().next().unwrap_or_else(|| panic!("no error in {r}"));
    assert_eq!(p.path.to_string(), path, "{r}");
    assert_eq!(p.line, Some(line), "{r}");
    assert!(p.column.is_some(), "{r}");
    assert!(kind(&p.kind), "unexpected kind in {r}");
}

#[test]
fn valid_corpus_file_loads() {
    let c = bundled_codes();
    let (l, r) = labour::load("lm", &corpus("lm_valid.json"), &c).expect("valid");
    assert_eq!(r.total_errors + r.total_warnings, 0);
    assert_eq!(l.len(), 3);
    assert_eq!(l.first.to_string(), "2025-01");
    assert_eq!(l.measure(Measure::Placements)[2], vagas::core::data::column::NA);
    // A byte order mark is accepted.
    assert!(labour::load("lm", &corpus("lm_bom.json"), &c).is_ok());
}

#[test]
fn broken_labour_files_give_located_errors() {
    let c = bundled_codes();
    type Case = (&'static str, &'static str, usize, fn(&ProblemKind) -> bool);
    let cases: [Case; 14] = [
        (
            "lm_unknown_occupation.json",
            "$.dimensions.occupation[1]",
            8,
            |k| matches!(k, ProblemKind::UnknownCode { code, .. } if code == "51311"),
        ),
        ("lm_unknown_region.json", "$.dimensions.region[1]", 6, |k| matches!(k, ProblemKind::UnknownCode { .. })),
        ("lm_negative.json", "$.records.vacancies_open[1]", 16, |k| matches!(k, ProblemKind::Negative { value: -5 })),
        ("lm_fraction_and_string.json", "$.records.jobseekers[1]", 15, |k| matches!(k, ProblemKind::BadRange { .. })),
        ("lm_bad_month.json", "$.dimensions.month[1]", 5, |k| matches!(k, ProblemKind::BadMonth { .. })),
        ("lm_duplicate.json", "$.records.month[2]", 11, |k| matches!(k, ProblemKind::Duplicate { .. })),
        ("lm_length_mismatch.json", "$.records.placements", 18, |k| {
            matches!(k, ProblemKind::LengthMismatch { expected: 3, found: 2, .. })
        }),
        ("lm_index_out_of_range.json", "$.records.region[2]", 12, |k| {
            matches!(k, ProblemKind::IndexOutOfRange { index: 7, len: 2, .. })
        }),
        ("lm_wrong_format.json", "$.format", 2, |k| matches!(k, ProblemKind::WrongFormat { .. })),
        ("lm_version_2.json", "$.version", 3, |k| matches!(k, ProblemKind::WrongVersion { found, .. } if found == "2")),
        ("lm_wrong_type.json", "$.dimensions.month", 5, |k| matches!(k, ProblemKind::Shape { .. })),
        ("lm_unknown_field.json", "$.extra", 20, |k| matches!(k, ProblemKind::Shape { .. })),
        // Cut short after the jobseekers column's first value: the path names the second (`path_at`).
        ("lm_truncated.json", "$.records.jobseekers[1]", 15, |k| matches!(k, ProblemKind::Syntax { .. })),
        ("not_json.json", "$", 1, |k| matches!(k, ProblemKind::Syntax { .. })),
    ];
    for (file, path, line, kind) in cases {
        let r = labour::load(file, &corpus(file), &c).expect_err(file);
        assert_eq!(r.dataset, file);
        assert_first_error(&r, path, line, kind);
    }
}

#[test]
fn fraction_and_string_are_both_reported() {
    let r = labour::load("x", &corpus("lm_fraction_and_string.json"), &bundled_codes()).unwrap_err();
    assert_eq!(r.total_errors, 2, "{r}");
}

#[test]
fn an_empty_file_is_a_located_syntax_error() {
    let r = labour::load("empty.json", &corpus("empty.json"), &bundled_codes()).unwrap_err();
    assert!(matches!(r.problems[0].kind, ProblemKind::Syntax { .. }), "{r}");
}

#[test]
fn broken_consultation_files_give_located_errors() {
    let c = bundled_codes();
    assert!(consultations::load("ok", &corpus("cons_valid.json"), &c).is_ok());
    type Case = (&'static str, &'static str, fn(&ProblemKind) -> bool);
    let cases: [Case; 6] = [
        ("cons_unknown_theme.json", "$.outcomes[1].theme", |k| matches!(k, ProblemKind::UnknownCode { .. })),
        ("cons_bad_date.json", "$.events[0].date", |k| matches!(k, ProblemKind::BadDate { .. })),
        ("cons_duplicate_id.json", "$.outcomes[1].id", |k| matches!(k, ProblemKind::Duplicate { .. })),
        ("cons_unknown_event.json", "$.outcomes[0].event", |k| matches!(k, ProblemKind::UnknownCode { .. })),
        ("cons_bad_priority.json", "$.outcomes[0].priority", |k| matches!(k, ProblemKind::Shape { .. })),
        ("cons_negative_votes.json", "$.outcomes[0].votes", |k| matches!(k, ProblemKind::Shape { .. })),
    ];
    for (file, path, kind) in cases {
        let r = consultations::load(file, &corpus(file), &c).expect_err(file);
        let p = r.errors().next().expect("an error");
        assert_eq!(p.path.to_string(), path, "{r}");
        assert!(p.line.is_some(), "{r}");
        assert!(kind(&p.kind), "{r}");
    }
}

#[test]
fn html_in_text_is_data_not_an_error() {
    // Rendering as text is the views' job; the core keeps the string intact.
    let (x, _) = consultations::load("x", &corpus("cons_html_payloads.json"), &bundled_codes()).unwrap();
    assert!(x.outcomes()[0].text.pt.starts_with("<script>"));
}

#[test]
fn every_problem_in_a_file_is_reported() {
    let c = bundled_codes();
    let text = corpus("lm_valid.json").replace("[30, 25, 45]", "[-1, -2, -3]").replace("\"9211\"", "\"92111\"");
    let r = labour::load("x", &text, &c).unwrap_err();
    assert_eq!(r.total_errors, 4, "{r}");
}

#[test]
fn bundled_datasets_are_valid() {
    let c = bundled_codes();
    let (m, _) = manifest::load("manifest", include_str!("../data/manifest.json")).unwrap();
    assert_eq!(m.datasets.len(), 6, "codes, regions, labour market, consultations, official indicators, story");
    let (l, r) = labour::load("lm", include_str!("../data/labour_market.json"), &c).unwrap();
    assert_eq!(r.total_errors, 0);
    assert_eq!(l.first.to_string(), "2019-01");
    assert_eq!(l.last.to_string(), "2025-12");
    let (cons, r) = consultations::load("c", include_str!("../data/consultations.json"), &c).unwrap();
    assert_eq!(r.total_errors, 0, "{r}");
    assert_eq!(r.total_warnings, 0, "{r}");
    assert!(cons.events().len() >= 6);
    assert!(cons.outcomes().len() >= 120);
    let (g, r) = regions::load("r", include_str!("../data/regions.geojson"), &c).unwrap();
    assert_eq!(r.total_errors + r.total_warnings, 0, "{r}");
    assert_eq!(g.shapes.len(), 20);
}

#[test]
fn bundled_sample_matches_the_generator() {
    let c = bundled_codes();
    let generated = vagas::core::sample::to_json(&vagas::core::sample::labour_market(&c, None));
    assert!(
        generated == include_str!("../data/labour_market.json"),
        "data/labour_market.json is stale: run `cargo run --release --example generate`"
    );
    let big = vagas::core::sample::labour_market(&c, Some(300_000));
    assert_eq!(big.records.month.len(), 300_000);
    let (l, _) = labour::load("big", &vagas::core::sample::to_json(&big), &c).expect("large sample is valid");
    assert_eq!(l.len(), 300_000);
}

fn month(s: &str) -> Month {
    Month::parse(s).unwrap()
}

#[test]
fn seasonality_follows_the_published_pattern() {
    let c = bundled_codes();
    let (l, _) = labour::load("lm", include_str!("../data/labour_market.json"), &c).unwrap();
    let faro = Area::District(c.region.get("PT-08").unwrap());
    let at = |m: &str, occ: &str| {
        let f = Filter { from: month(m), to: month(m), area: faro, sector: None, occupation: Some(occ.to_string()) };
        aggregate::aggregate(&l, &c, &f, &[])
    };
    // Algarve tourism: jobseekers peak in winter, open vacancies in early summer.
    let (jan, jun) = (at("2024-01", "5131"), at("2024-06", "5131"));
    assert!(jan.value(Measure::Jobseekers) > jun.value(Measure::Jobseekers));
    assert!(jun.value(Measure::VacanciesOpen).unwrap() > 2.0 * jan.value(Measure::VacanciesOpen).unwrap());
    // Kitchen helpers swing from shortage (summer) to surplus (winter).
    assert!(at("2024-06", "9412").ratio().unwrap() > 1.0);
    assert!(at("2024-01", "9412").ratio().unwrap() < 1.0);
}

#[test]
fn aggregates_by_hand_on_a_small_file() {
    let c = bundled_codes();
    let (l, _) = labour::load("lm", &corpus("lm_valid.json"), &c).unwrap();
    let f =
        Filter { from: month("2025-01"), to: month("2025-02"), area: Area::Portugal, sector: None, occupation: None };
    let o = aggregate::aggregate(&l, &c, &f, &[]);
    assert_eq!(o.records, 3);
    assert_eq!(o.months_with_data, 2);
    // Stocks: monthly average; flows: totals; NA placements skipped.
    assert_eq!(o.value(Measure::Jobseekers), Some((120.0 + 40.0 + 110.0) / 2.0));
    assert_eq!(o.value(Measure::VacanciesNew), Some(62.0));
    assert_eq!(o.value(Measure::Placements), Some(14.0));
    assert_eq!(o.ratio(), Some(100.0 / 270.0));
    // Most short first: 9211 (25/40) before 5131 (75/230).
    assert_eq!(c.occupations()[o.by_occupation[0].occupation].code, "9211");
    // The Algarve focus area is Faro only.
    let alg = c.focus_areas().iter().position(|a| a.code == "algarve").unwrap();
    let o = aggregate::aggregate(&l, &c, &Filter { area: Area::Focus(alg), ..f.clone() }, &[]);
    assert_eq!(o.records, 2);
    // A period outside the data.
    let o = aggregate::aggregate(&l, &c, &Filter { from: month("2020-01"), to: month("2020-03"), ..f }, &[]);
    assert_eq!((o.records, o.value(Measure::Jobseekers)), (0, None));
}

/// Outcomes by theme, following the labour-market period (`cdates=period`).
fn themes(x: &vagas::core::data::consultations::Consultations, c: &Codes, f: &Filter) -> Vec<outcomes::ThemeRow> {
    let q = outcomes::OutcomeQuery { follow_period: true, ..Default::default() };
    let idx = outcomes::matching(x, c, f, &q);
    outcomes::theme_summary(x, c, &idx)
}

#[test]
fn outcomes_by_theme_respect_area_period_and_sector() {
    let c = bundled_codes();
    let (x, _) = consultations::load("c", &corpus("cons_valid.json"), &c).unwrap();
    let f = Filter {
        from: month("2024-01"),
        to: month("2024-12"),
        area: Area::District(c.region.get("PT-08").unwrap()),
        sector: None,
        occupation: None,
    };
    let rows = themes(&x, &c, &f);
    assert_eq!(rows.len(), 2);
    let housing = c.theme.get("housing").unwrap();
    let h = rows.iter().find(|r| r.theme == housing).unwrap();
    assert_eq!((h.outcomes, h.votes, h.weighted), (1, 12, 3));
    // Sector A01: the I55 outcome drops out, the cross-sector one stays.
    let rows = themes(&x, &c, &Filter { sector: Some("A01".into()), ..f.clone() });
    assert_eq!(rows.len(), 1);
    // Another district or period: nothing.
    assert!(themes(&x, &c, &Filter { area: Area::District(0), ..f.clone() }).is_empty());
    assert!(themes(&x, &c, &Filter { from: month("2025-01"), to: month("2025-12"), ..f.clone() }).is_empty());
    // By default, consultations keep their own dates: the same 2025 filter shows both outcomes.
    let f2025 = Filter { from: month("2025-01"), to: month("2025-12"), ..f };
    let all = outcomes::matching(&x, &c, &f2025, &outcomes::OutcomeQuery::default());
    assert_eq!(outcomes::theme_summary(&x, &c, &all).len(), 2);
}

#[test]
fn breakdowns_ignore_their_own_filter_and_changes_use_the_year_before() {
    let c = bundled_codes();
    let (l, _) = labour::load("lm", include_str!("../data/labour_market.json"), &c).unwrap();
    let faro = c.region.get("PT-08").unwrap();
    let f = Filter {
        from: month("2024-01"),
        to: month("2024-12"),
        area: Area::District(faro),
        sector: Some("I".into()),
        occupation: Some("5131".into()),
    };
    let a = aggregate::aggregate(&l, &c, &f, &[Area::Portugal, Area::District(faro)]);
    // The map keeps every region; the totals are Faro's.
    assert!(a.by_region.iter().filter(|s| !s.is_empty()).count() == 20);
    assert_eq!(a.by_region[faro], a.totals);
    // The occupation ranking keeps every tourism occupation (sector I), not only 5131.
    assert!(a.by_occupation.len() > 5);
    assert!(a.by_occupation.iter().all(|r| c.occupations()[r.occupation].code != "6111"));
    // Sector ranking keeps I55 and I56 though the filter is the section.
    let i55 = c.sector.get("I55").unwrap();
    assert!(!a.by_sector[i55].is_empty());
    // Change vs 2023, by hand from the two years' sums.
    let prev = aggregate::aggregate(&l, &c, &Filter { from: month("2023-01"), to: month("2023-12"), ..f.clone() }, &[]);
    let now = a.value(Measure::VacanciesOpen).unwrap();
    let before = prev.value(Measure::VacanciesOpen).unwrap();
    let change = a.indicator(vagas::core::data::Indicator::Change).unwrap();
    assert!((change - 100.0 * (now - before) / before).abs() < 1e-9);
    // Series: every month of the data, Faro's equal to the monthly totals in the period.
    assert_eq!(a.series.len(), 2);
    assert_eq!(a.series[1].len(), 84);
    let offset = (month("2024-01").index() - l.first.index()) as usize;
    assert_eq!(a.series[1][offset], a.monthly[0]);
    // Seasonality over a summer-only period still covers the whole year before.
    let summer =
        aggregate::aggregate(&l, &c, &Filter { from: month("2024-06"), to: month("2024-08"), ..f.clone() }, &[]);
    let row = summer.seasonality.iter().find(|r| c.occupations()[r.occupation].code == "5131").unwrap();
    assert!(row.months.iter().all(|s| !s.is_empty()));
    // Seasonality: waiters in Faro swing between shortage and surplus.
    let waiters = c.occupation.get("5131").unwrap();
    let row = a.seasonality.iter().find(|r| r.occupation == waiters).unwrap();
    assert!(row.swings);
    assert!(row.ratio(6).unwrap() > 1.0 && row.ratio(0).unwrap() < 1.0);
}

#[test]
fn compared_areas_over_the_period_equal_the_area_totals() {
    use vagas::core::data::Indicator;
    let c = bundled_codes();
    let (l, _) = labour::load("lm", include_str!("../data/labour_market.json"), &c).unwrap();
    let faro = c.region.get("PT-08").unwrap();
    let f = Filter {
        from: month("2024-06"),
        to: month("2024-08"),
        area: Area::District(faro),
        sector: Some("I".into()),
        occupation: None,
    };
    let a = aggregate::aggregate(&l, &c, &f, &[Area::Portugal, Area::District(faro)]);
    for ind in [Indicator::Ratio, Indicator::VacanciesOpen, Indicator::VacanciesNew, Indicator::Jobseekers] {
        let (v, change) = a.area_period(1, ind, f.from, f.to);
        let want = a.indicator(ind).unwrap();
        assert!((v.unwrap() - want).abs() < 1e-9, "{ind:?}: {v:?} vs {want}");
        // Change vs the same months of 2023, computed from a second aggregation.
        let prev =
            aggregate::aggregate(&l, &c, &Filter { from: month("2023-06"), to: month("2023-08"), ..f.clone() }, &[]);
        let before = prev.indicator(ind).unwrap();
        assert!((change.unwrap() - 100.0 * (want - before) / before).abs() < 1e-9, "{ind:?}");
    }
    // The change of open vacancies is the "change" indicator itself.
    let (_, open_change) = a.area_period(1, Indicator::VacanciesOpen, f.from, f.to);
    assert!((open_change.unwrap() - a.indicator(Indicator::Change).unwrap()).abs() < 1e-9);
    assert_eq!(a.area_period(1, Indicator::Change, f.from, f.to).1, None);
    // No data a year before the first month: no change; an area not compared: nothing.
    assert_eq!(a.area_period(0, Indicator::Ratio, month("2019-01"), month("2019-03")).1, None);
    assert_eq!(a.area_period(7, Indicator::Ratio, f.from, f.to), (None, None));
}

#[test]
fn a_period_longer_than_a_year_counts_overlapping_months_in_both() {
    let c = bundled_codes();
    let (l, _) = labour::load("lm", include_str!("../data/labour_market.json"), &c).unwrap();
    let f =
        Filter { from: month("2023-01"), to: month("2024-12"), area: Area::Portugal, sector: None, occupation: None };
    let a = aggregate::aggregate(&l, &c, &f, &[]);
    assert_eq!(a.months_with_data, 24);
    assert_eq!(a.prev_months, 24);
    assert!(a.indicator(vagas::core::data::Indicator::Change).is_some());
}
