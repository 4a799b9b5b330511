//! The deterministic generator of the bundled, ILLUSTRATIVE labour-market
//! series (and of the large files used by benchmarks).
//!
//! Figures are not official statistics. Magnitudes and seasonality are shaped
//! after published anchors (see `data/manifest.json`): IEFP monthly figures for
//! the Algarve (9,782 registered unemployed and 1,833 open job offers in June
//! 2022, all occupations; unemployment rising from October and falling from
//! April), Eurostat tour_occ_nin2m (Algarve nights in August ≈ 5× January),
//! and the AHSA 2024 survey of Alentejo agrifood employers (harvest peaks).

use crate::core::data::codes::{Codes, Focus};
use crate::core::data::column::Column;
use crate::core::data::labour::{self, Dimensions, LabourFile, Records};
use crate::core::data::Month;

/// District weights (tourism, agriculture) by ISO code: rough relative sizes.
const DISTRICTS: [(&str, f64, f64); 20] = [
    ("PT-01", 0.5, 0.5),
    ("PT-02", 0.25, 1.6),
    ("PT-03", 0.6, 0.4),
    ("PT-04", 0.2, 0.6),
    ("PT-05", 0.2, 0.5),
    ("PT-06", 0.5, 0.4),
    ("PT-07", 0.35, 1.0),
    ("PT-08", 3.0, 0.8),
    ("PT-09", 0.2, 0.4),
    ("PT-10", 0.6, 0.6),
    ("PT-11", 3.2, 0.3),
    ("PT-12", 0.15, 0.6),
    ("PT-13", 2.2, 0.4),
    ("PT-14", 0.4, 1.0),
    ("PT-15", 0.8, 0.8),
    ("PT-16", 0.35, 0.35),
    ("PT-17", 0.25, 0.6),
    ("PT-18", 0.35, 0.6),
    ("PT-20", 0.5, 0.6),
    ("PT-30", 0.9, 0.2),
];

/// Seasonal amplitude (tourism, agriculture) by district: the Algarve and the
/// Alentejo swing most.
fn amplitude(code: &str) -> (f64, f64) {
    match code {
        "PT-08" => (1.0, 0.6),
        "PT-02" => (0.4, 1.0),
        "PT-07" => (0.4, 0.8),
        "PT-12" => (0.35, 0.7),
        "PT-14" => (0.35, 0.7),
        "PT-15" => (0.5, 0.7),
        "PT-30" | "PT-20" => (0.35, 0.4),
        "PT-11" | "PT-13" => (0.2, 0.3),
        _ => (0.45, 0.45),
    }
}

/// (ISCO-08, jobseekers base, open vacancies base, [(NACE division, share)]).
type OccSpec = (&'static str, f64, f64, &'static [(&'static str, f64)]);
const OCCUPATIONS: [OccSpec; 28] = [
    ("1411", 15.0, 2.0, &[("I55", 1.0)]),
    ("1412", 20.0, 2.5, &[("I56", 1.0)]),
    ("3434", 40.0, 12.0, &[("I55", 0.4), ("I56", 0.6)]),
    ("4221", 60.0, 4.0, &[("N79", 1.0)]),
    ("4224", 90.0, 14.0, &[("I55", 1.0)]),
    ("5113", 25.0, 3.0, &[("N79", 1.0)]),
    ("5120", 260.0, 70.0, &[("I55", 0.35), ("I56", 0.65)]),
    ("5131", 250.0, 95.0, &[("I55", 0.3), ("I56", 0.7)]),
    ("5132", 70.0, 20.0, &[("I55", 0.3), ("I56", 0.7)]),
    ("5151", 35.0, 6.0, &[("I55", 1.0)]),
    ("5246", 140.0, 25.0, &[("I56", 1.0)]),
    ("9112", 420.0, 60.0, &[("I55", 0.6), ("N81", 0.4)]),
    ("9411", 60.0, 12.0, &[("I56", 1.0)]),
    ("9412", 120.0, 52.0, &[("I55", 0.35), ("I56", 0.65)]),
    ("6111", 40.0, 6.0, &[("A01", 1.0)]),
    ("6112", 30.0, 7.0, &[("A01", 1.0)]),
    ("6113", 35.0, 4.0, &[("A01", 1.0)]),
    ("6114", 10.0, 2.0, &[("A01", 1.0)]),
    ("6121", 15.0, 3.0, &[("A01", 1.0)]),
    ("6122", 5.0, 1.5, &[("A01", 1.0)]),
    ("7514", 30.0, 6.0, &[("C10", 1.0)]),
    ("8341", 25.0, 8.0, &[("A01", 0.8), ("A02", 0.2)]),
    ("9211", 160.0, 75.0, &[("A01", 0.85), ("N78", 0.15)]),
    ("9212", 30.0, 8.0, &[("A01", 1.0)]),
    ("9213", 25.0, 7.0, &[("A01", 1.0)]),
    ("9214", 40.0, 8.0, &[("A01", 1.0)]),
    ("9215", 30.0, 5.0, &[("A02", 1.0)]),
    ("9321", 110.0, 35.0, &[("A01", 0.5), ("C10", 0.5)]),
];

/// Month-of-year profiles (January first).
const TOURISM_VACANCIES: [f64; 12] = [0.35, 0.5, 0.85, 1.4, 1.8, 1.9, 1.6, 1.1, 0.7, 0.45, 0.3, 0.35];
const TOURISM_JOBSEEKERS: [f64; 12] = [1.35, 1.35, 1.25, 1.05, 0.85, 0.68, 0.6, 0.58, 0.68, 0.95, 1.25, 1.35];
const AGRI_VACANCIES: [f64; 12] = [0.7, 1.1, 1.5, 1.6, 1.4, 1.0, 0.8, 1.1, 1.5, 1.4, 1.1, 0.8];
const AGRI_JOBSEEKERS: [f64; 12] = [1.2, 1.1, 0.95, 0.9, 0.9, 1.0, 1.05, 1.0, 0.9, 0.9, 1.0, 1.15];

/// Year effects (jobseekers, tourism vacancies, agriculture vacancies),
/// with the 2020–21 pandemic collapse of tourism hiring.
fn year_effect(m: Month) -> (f64, f64, f64) {
    match (m.year(), m.month()) {
        (2020, 1..=3) => (1.0, 1.0, 1.0),
        (2020, _) => (1.25, 0.3, 0.9),
        (2021, 1..=5) => (1.22, 0.45, 0.95),
        (2021, _) => (1.1, 0.9, 1.0),
        (2022, _) => (0.92, 1.15, 1.05),
        (2023, _) => (0.95, 1.2, 1.1),
        (2024, _) => (1.0, 1.15, 1.1),
        (y, _) if y >= 2025 => (0.98, 1.12, 1.12),
        _ => (1.0, 1.0, 1.0),
    }
}

/// splitmix64: a fixed, platform-independent hash for the noise.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Deterministic noise in [1 - a, 1 + a].
fn noise(key: u64, a: f64) -> f64 {
    let u = (mix(key) >> 11) as f64 / (1u64 << 53) as f64;
    1.0 + a * (2.0 * u - 1.0)
}

fn seasonal(profile: &[f64; 12], m: Month, amp: f64) -> f64 {
    1.0 + amp * (profile[(m.month() - 1) as usize] - 1.0)
}

pub const FIRST: &str = "2019-01";
pub const LAST: &str = "2025-12";

/// One series: a (region, sector, occupation) with its share of the
/// occupation (0.05 for the unusual combinations used to reach large sizes).
struct Series {
    region: usize,
    sector: usize,
    occupation: usize,
    share: f64,
}

/// Builds the labour-market file. `records`: `None` for the bundled dataset
/// (each occupation in its usual sectors, 2019-01..2025-12); `Some(n)` for
/// exactly `n` records, adding unusual sector combinations and earlier months
/// when `n` exceeds the bundled size (for benchmarks).
pub fn labour_market(codes: &Codes, records: Option<usize>) -> LabourFile {
    let sector_code = |c: &str| codes.sector.get(c);
    let mut natural = Vec::new();
    let mut extra = Vec::new();
    for (region, _) in codes.regions().iter().enumerate() {
        for (occupation, occ) in codes.occupations().iter().enumerate() {
            let spec = OCCUPATIONS.iter().find(|s| s.0 == occ.code);
            let shares = spec.map_or(&[][..], |s| s.3);
            for (sector, _) in codes.sectors().iter().enumerate() {
                let share = shares.iter().find(|(c, _)| sector_code(c) == Some(sector)).map(|s| s.1);
                let series = Series { region, sector, occupation, share: share.unwrap_or(0.05) };
                if share.is_some() {
                    natural.push(series);
                } else {
                    extra.push(series);
                }
            }
        }
    }
    let last = Month::parse(LAST).unwrap_or_default();
    let mut first = Month::parse(FIRST).unwrap_or_default();
    let mut all = natural;
    if let Some(n) = records {
        let per_month_natural = all.len().max(1);
        let bundled = per_month_natural * first.span_to(last) as usize;
        if n > bundled {
            all.extend(extra);
            let months = n.div_ceil(all.len().max(1)) as u32;
            first = Month::from_index(last.index() + 1 - months.max(1));
        }
    }
    let months: Vec<Month> = (0..first.span_to(last)).map(|i| first.plus(i)).collect();
    let limit = records.unwrap_or(usize::MAX);

    let mut cols: [Vec<u32>; 8] = Default::default();
    'outer: for (mi, &m) in months.iter().enumerate() {
        let (yj, yt, ya) = year_effect(m);
        for s in &all {
            if cols[0].len() >= limit {
                break 'outer;
            }
            let occ = &codes.occupations()[s.occupation];
            let region_code = codes.regions()[s.region].code.as_str();
            let Some(spec) = OCCUPATIONS.iter().find(|o| o.0 == occ.code) else {
                continue;
            };
            let (_, wt, wa) = DISTRICTS.iter().find(|d| d.0 == region_code).copied().unwrap_or(("", 0.3, 0.3));
            let (at, aa) = amplitude(region_code);
            let tourism = occ.focus == Focus::Tourism;
            let (weight, j_season, v_season, yv) = if tourism {
                (wt, seasonal(&TOURISM_JOBSEEKERS, m, at), seasonal(&TOURISM_VACANCIES, m, at), yt)
            } else {
                (wa, seasonal(&AGRI_JOBSEEKERS, m, aa), seasonal(&AGRI_VACANCIES, m, aa), ya)
            };
            // New vacancies lead open ones by about a month.
            let v_next = if tourism {
                seasonal(&TOURISM_VACANCIES, m.next(), at)
            } else {
                seasonal(&AGRI_VACANCIES, m.next(), aa)
            };
            let key = ((s.region as u64) << 48)
                ^ ((s.sector as u64) << 40)
                ^ ((s.occupation as u64) << 32)
                ^ u64::from(m.index());
            let base = weight * s.share;
            let jobseekers = spec.1 * base * j_season * yj * noise(key, 0.08);
            let open = spec.2 * base * v_season * yv * noise(key ^ 1, 0.12);
            let new = spec.2 * base * v_next * yv * 1.1 * noise(key ^ 2, 0.12);
            let placements = new * 0.55 * noise(key ^ 3, 0.1);
            let row = [
                mi as u32,
                s.region as u32,
                s.sector as u32,
                s.occupation as u32,
                jobseekers.round() as u32,
                open.round() as u32,
                new.round() as u32,
                placements.round() as u32,
            ];
            for (c, v) in cols.iter_mut().zip(row) {
                c.push(v);
            }
        }
    }
    let [month, region, sector, occupation, jobseekers, vacancies_open, vacancies_new, placements] =
        cols.map(Column::from_values);
    LabourFile {
        meta: None,
        format: labour::FORMAT.to_string(),
        version: labour::VERSION,
        dimensions: Dimensions {
            month: months.iter().map(Month::to_string).collect(),
            region: codes.regions().iter().map(|e| e.code.clone()).collect(),
            sector: codes.sectors().iter().map(|e| e.code.clone()).collect(),
            occupation: codes.occupations().iter().map(|e| e.code.clone()).collect(),
        },
        records: Records { month, region, sector, occupation, jobseekers, vacancies_open, vacancies_new, placements },
    }
}

/// Serializes a labour-market file compactly, one column per line.
pub fn to_json(file: &LabourFile) -> String {
    let mut out = String::from("{\n");
    out.push_str(&format!("\"format\": \"{}\",\n\"version\": {},\n", file.format, file.version));
    let dims = serde_json::to_string(&file.dimensions).unwrap_or_default();
    out.push_str(&format!("\"dimensions\": {dims},\n\"records\": {{\n"));
    let r = &file.records;
    let cols = [
        ("month", &r.month),
        ("region", &r.region),
        ("sector", &r.sector),
        ("occupation", &r.occupation),
        ("jobseekers", &r.jobseekers),
        ("vacancies_open", &r.vacancies_open),
        ("vacancies_new", &r.vacancies_new),
        ("placements", &r.placements),
    ];
    for (i, (name, col)) in cols.iter().enumerate() {
        let sep = if i + 1 < cols.len() { "," } else { "" };
        let values = serde_json::to_string(col).unwrap_or_default();
        out.push_str(&format!("\"{name}\": {values}{sep}\n"));
    }
    out.push_str("}\n}\n");
    out
}
