//! Imports the official figures kept unchanged in `data-raw/` (see
//! `data-raw/SOURCES.md`) into the bundled indicators dataset
//! `data/indicators_official.json` (format `vagas.indicators`).
//!
//! ```sh
//! cargo run --example import_official            # rewrites data/indicators_official.json
//! ```
//!
//! `tests/official_import.rs` runs the same `build` and checks that the
//! bundled file is byte for byte its output, and known values from the raw
//! files. Spreadsheets are read with `calamine`, a native-only
//! dev-dependency: it never ships in the wasm.
//!
//! Series written:
//! - `ss_contributors`: foreign nationals with Social Security contributions
//!   paid, by district of residence, 2015–2025 (ISS / GEP-MTSSS, sheet Q1);
//! - `ss_new_registrations`: new Social Security registrations of foreign
//!   nationals, by district, 2015–2025 (sheet Q7). In both, "OUTRO"
//!   (residence unknown or abroad) is only part of the national total `PT`;
//! - `aima_residents`: foreign residents at end-2024 by district (sum of the
//!   municipalities of the AIMA annex) and `PT` (their sum, 1 543 697);
//! - `qp_foreign_share_i`, `qp_foreign_share_a`: foreign employees as a share
//!   of all employees in CAE Rev. 3 sections I and A, mainland Portugal
//!   (`PT1`), October 2014–2024 (GEP/MTSSS, Quadros de Pessoal q13_E / q13);
//! - `qp_foreign_employees_nuts2`, `qp_foreign_share_nuts2`: foreign
//!   employees by NUTS 2024 region (q16_E), and their share of all employees
//!   (q16_E / q16), mainland and its seven NUTS II regions.

#![allow(dead_code)] // `build` is also used by tests/official_import.rs.

// The spreadsheet reader is a native-only dev-dependency: nothing of this
// example exists in a wasm32 build (where `cargo clippy --all-targets` also
// compiles examples).
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::run()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {

    use std::collections::BTreeMap;
    use std::path::Path;

    use calamine::{open_workbook, Data, Range, Reader, Xlsx};
    use vagas::core::data::indicators::{PeriodType, Series, Unit};
    use vagas::core::data::Text;

    pub const SS_FILE: &str = "ss-foreign-nationals-2015-2025.xlsx";
    pub const AIMA_FILE: &str = "aima-foreign-residents-2024-by-municipality.csv";
    pub const QP_FILE: &str = "gep-quadros-pessoal-2014-2024.xlsx";

    /// District names as the publishers write them (upper case, as in the
    /// Social Security tables) → ISO 3166-2:PT.
    const DISTRICTS: [(&str, &str); 20] = [
        ("AVEIRO", "PT-01"),
        ("BEJA", "PT-02"),
        ("BRAGA", "PT-03"),
        ("BRAGANÇA", "PT-04"),
        ("CASTELO BRANCO", "PT-05"),
        ("COIMBRA", "PT-06"),
        ("ÉVORA", "PT-07"),
        ("FARO", "PT-08"),
        ("GUARDA", "PT-09"),
        ("LEIRIA", "PT-10"),
        ("LISBOA", "PT-11"),
        ("PORTALEGRE", "PT-12"),
        ("PORTO", "PT-13"),
        ("SANTARÉM", "PT-14"),
        ("SETÚBAL", "PT-15"),
        ("VIANA DO CASTELO", "PT-16"),
        ("VILA REAL", "PT-17"),
        ("VISEU", "PT-18"),
        ("RA AÇORES", "PT-20"),
        ("RA MADEIRA", "PT-30"),
    ];

    /// NUTS 2024 level-2 regions of the mainland as Quadros de Pessoal names them.
    const NUTS2_MAINLAND: [(&str, &str); 7] = [
        ("Norte", "PT11"),
        ("Algarve", "PT15"),
        ("Centro", "PT19"),
        ("Grande Lisboa", "PT1A"),
        ("Península de Setúbal", "PT1B"),
        ("Alentejo", "PT1C"),
        ("Oeste e Vale do Tejo", "PT1D"),
    ];

    /// A district name from either file ("FARO", "Faro", "Açores", "RA AÇORES").
    pub fn district_code(name: &str) -> Option<&'static str> {
        let up = name.trim().to_uppercase();
        let up = match up.as_str() {
            "AÇORES" => "RA AÇORES".to_string(),
            "MADEIRA" => "RA MADEIRA".to_string(),
            _ => up,
        };
        DISTRICTS.iter().find(|(n, _)| *n == up).map(|(_, c)| *c)
    }

    fn num(d: &Data) -> Option<f64> {
        match d {
            Data::Int(i) => Some(*i as f64),
            Data::Float(f) => Some(*f),
            Data::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    fn text(d: &Data) -> String {
        match d {
            Data::String(s) => s.trim().to_string(),
            Data::Empty => String::new(),
            other => other.to_string(),
        }
    }

    /// A table row: its label and a value per year.
    type Labelled = (String, Vec<Option<f64>>);

    /// A table whose header row holds years, with a label column: returns
    /// (years, rows of (label, values per year)). The labels are read from
    /// `label_cols` (the first non-empty one wins).
    fn year_table(range: &Range<Data>, label_cols: &[usize]) -> Result<(Vec<u16>, Vec<Labelled>), String> {
        let rows: Vec<&[Data]> = range.rows().collect();
        let (head_row, year_cols) = rows
            .iter()
            .enumerate()
            .find_map(|(r, row)| {
                let cols: Vec<(usize, u16)> = row
                    .iter()
                    .enumerate()
                    .filter_map(|(c, d)| num(d).filter(|v| (2000.0..2100.0).contains(v)).map(|v| (c, v as u16)))
                    .collect();
                (cols.len() >= 5).then_some((r, cols))
            })
            .ok_or("no header row of years")?;
        let years = year_cols.iter().map(|c| c.1).collect();
        let mut out = Vec::new();
        for row in &rows[head_row + 1..] {
            let label = label_cols.iter().map(|&c| row.get(c).map(text).unwrap_or_default()).find(|s| !s.is_empty());
            let Some(label) = label else { continue };
            let values: Vec<Option<f64>> = year_cols.iter().map(|(c, _)| row.get(*c).and_then(num)).collect();
            if values.iter().any(Option::is_some) {
                out.push((label, values));
            }
        }
        Ok((years, out))
    }

    fn sheet(wb: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> Result<Range<Data>, String> {
        let r = wb.worksheet_range(name).map_err(|e| format!("sheet {name}: {e}"))?;
        if r.start() != Some((0, 0)) {
            return Err(format!("sheet {name}: expected the title in A1, the table starts at {:?}", r.start()));
        }
        Ok(r)
    }

    /// One observation line: (series, area, period, value).
    type Row = (String, String, String, Option<f64>);

    /// A Social Security table (Q1, Q7): districts, OUTRO, TOTAL × years.
    fn ss_table(range: &Range<Data>, series: &str, out: &mut Vec<Row>) -> Result<(), String> {
        let (years, rows) = year_table(range, &[0])?;
        let mut seen = 0;
        for (label, values) in rows {
            let area = match label.as_str() {
                "TOTAL" => "PT",
                // Residence unknown or abroad: part of the national total only.
                "OUTRO" => continue,
                l => match district_code(l) {
                    Some(c) => c,
                    None => return Err(format!("{series}: unknown district {l:?}")),
                },
            };
            seen += 1;
            for (y, v) in years.iter().zip(values) {
                out.push((series.into(), area.into(), y.to_string(), v));
            }
        }
        if seen != 21 {
            return Err(format!("{series}: {seen} areas, expected 20 districts and the total"));
        }
        Ok(())
    }

    /// Rounds away spreadsheet float artefacts (291252.00000000017).
    fn whole(v: f64) -> f64 {
        v.round()
    }

    fn share(part: Option<f64>, all: Option<f64>) -> Option<f64> {
        match (part, all) {
            (Some(p), Some(a)) if a > 0.0 => Some((whole(p) / whole(a) * 1000.0).round() / 10.0),
            _ => None,
        }
    }

    /// The row of a CAE section (column A holds the letter) or of a NUTS II region.
    fn find<'a>(rows: &'a [Labelled], label: &str) -> Result<&'a [Option<f64>], String> {
        rows.iter().find(|(l, _)| l == label).map(|(_, v)| v.as_slice()).ok_or(format!("no row {label:?}"))
    }

    fn value_text(v: Option<f64>) -> String {
        match v {
            None => "null".into(),
            Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
            Some(v) => format!("{v}"),
        }
    }

    /// Reads the three raw files in `raw` and returns the dataset's JSON text.
    pub fn build(raw: &Path) -> Result<String, String> {
        let mut obs: Vec<Row> = Vec::new();

        let mut ss: Xlsx<_> = open_workbook(raw.join(SS_FILE)).map_err(|e| format!("{SS_FILE}: {e}"))?;
        ss_table(&sheet(&mut ss, "Q1")?, "ss_contributors", &mut obs)?;
        ss_table(&sheet(&mut ss, "Q7")?, "ss_new_registrations", &mut obs)?;

        // AIMA: DISTRITO,CONCELHO,TOTAL per municipality (UTF-8 with BOM), summed by district.
        let csv = std::fs::read_to_string(raw.join(AIMA_FILE)).map_err(|e| format!("{AIMA_FILE}: {e}"))?;
        let mut lines = csv.trim_start_matches('\u{feff}').lines();
        if lines.next().map(str::trim) != Some("DISTRITO,CONCELHO,TOTAL") {
            return Err(format!("{AIMA_FILE}: unexpected header"));
        }
        let mut by_district: BTreeMap<&str, f64> = BTreeMap::new();
        let mut municipalities = 0;
        for (i, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let f: Vec<&str> = line.split(',').collect();
            let (Some(d), Some(total)) = (f.first(), f.last().and_then(|t| t.trim().parse::<f64>().ok())) else {
                return Err(format!("{AIMA_FILE}: line {}: {line:?}", i + 2));
            };
            let code = district_code(d).ok_or(format!("{AIMA_FILE}: line {}: unknown district {d:?}", i + 2))?;
            *by_district.entry(code).or_default() += total;
            municipalities += 1;
        }
        if municipalities != 308 {
            return Err(format!("{AIMA_FILE}: {municipalities} municipalities, expected 308"));
        }
        for (code, v) in &by_district {
            obs.push(("aima_residents".into(), (*code).into(), "2024".into(), Some(*v)));
        }
        obs.push(("aima_residents".into(), "PT".into(), "2024".into(), Some(by_district.values().sum())));

        let mut qp: Xlsx<_> = open_workbook(raw.join(QP_FILE)).map_err(|e| format!("{QP_FILE}: {e}"))?;
        let (years, all) = year_table(&sheet(&mut qp, "q13")?, &[0])?;
        let (years_e, foreign) = year_table(&sheet(&mut qp, "q13_E")?, &[0])?;
        if years != years_e {
            return Err("q13 and q13_E cover different years".into());
        }
        for (section, id) in [("I", "qp_foreign_share_i"), ("A", "qp_foreign_share_a")] {
            let (a, f) = (find(&all, section)?, find(&foreign, section)?);
            for (k, y) in years.iter().enumerate() {
                obs.push((id.into(), "PT1".into(), y.to_string(), share(f[k], a[k])));
            }
        }
        let (years, all) = year_table(&sheet(&mut qp, "q16")?, &[0])?;
        let (years_e, foreign) = year_table(&sheet(&mut qp, "q16_E")?, &[0])?;
        if years != years_e {
            return Err("q16 and q16_E cover different years".into());
        }
        let areas = std::iter::once(("Total", "PT1")).chain(NUTS2_MAINLAND);
        for (label, code) in areas {
            let (a, f) = (find(&all, label)?, find(&foreign, label)?);
            for (k, y) in years.iter().enumerate() {
                obs.push(("qp_foreign_employees_nuts2".into(), code.into(), y.to_string(), f[k].map(whole)));
                obs.push(("qp_foreign_share_nuts2".into(), code.into(), y.to_string(), share(f[k], a[k])));
            }
        }

        let mut out = String::from("{\n  \"format\": \"vagas.indicators\",\n  \"version\": 1,\n  \"series\": ");
        out.push_str(&series_json());
        out.push_str(",\n  \"observations\": [\n");
        let lines: Vec<String> = obs
            .iter()
            .map(|(s, a, p, v)| {
                format!(
                    "    {{\"series\": {}, \"area\": {}, \"period\": {}, \"value\": {}}}",
                    serde_json::to_string(s).unwrap_or_default(),
                    serde_json::to_string(a).unwrap_or_default(),
                    serde_json::to_string(p).unwrap_or_default(),
                    value_text(*v)
                )
            })
            .collect();
        out.push_str(&lines.join(",\n"));
        out.push_str("\n  ]\n}\n");
        Ok(out)
    }

    /// The series' descriptions, with their provenance as SOURCES.md gives it.
    fn series_json() -> String {
        let ss_source = (
            "Instituto da Segurança Social / GEP-MTSSS, «Pessoas Estrangeiras na Segurança Social, 2015 a 2025»",
            "Instituto da Segurança Social / GEP-MTSSS, \"Pessoas Estrangeiras na Segurança Social, 2015 a 2025\"",
        );
        let qp_source = (
            "GEP/MTSSS, «Séries Quadros de Pessoal 2014–2024» (fonte: DGCP/MTSSS, Quadros de Pessoal)",
            "GEP/MTSSS, \"Séries Quadros de Pessoal 2014–2024\" (source: DGCP/MTSSS, Quadros de Pessoal)",
        );
        let ss_note = (
            "Situação da base de dados em 7 de fevereiro de 2026; dados sujeitos a atualizações. «OUTRO» (residência desconhecida ou no estrangeiro) só entra no total nacional.",
            "Database as of 7 February 2026; figures subject to revision. \"OUTRO\" (residence unknown or abroad) is counted in the national total only.",
        );
        let qp_note = (
            "Trabalhadores por conta de outrem ao serviço em outubro de cada ano, só Portugal continental. Percentagem calculada pela Vagas: estrangeiros ÷ todos.",
            "Employees at work in October of each year, mainland Portugal only. Share computed by Vagas: foreign ÷ all.",
        );
        let licence = "Estatísticas públicas: citar o editor, o quadro e a data / Public statistics: credit the publisher, table and date";
        #[allow(clippy::type_complexity)]
        let series: [(&str, (&str, &str), &str, (&str, &str), &str, &str, &str, bool, (&str, &str)); 7] = [
            (
                "ss_contributors",
                (
                    "Pessoas estrangeiras com contribuições pagas à Segurança Social",
                    "Foreign nationals with Social Security contributions paid",
                ),
                "persons",
                ss_source,
                "ISS / GEP-MTSSS",
                "Q1",
                "2026-02-07",
                true,
                ss_note,
            ),
            (
                "ss_new_registrations",
                (
                    "Novas inscrições na Segurança Social de pessoas estrangeiras",
                    "New Social Security registrations of foreign nationals",
                ),
                "persons",
                ss_source,
                "ISS / GEP-MTSSS",
                "Q7",
                "2026-02-07",
                true,
                ss_note,
            ),
            (
                "aima_residents",
                ("População estrangeira residente (fim de 2024)", "Foreign residents (end of 2024)"),
                "persons",
                (
                    "AIMA, «Relatório de Migrações e Asilo 2024», anexo da população estrangeira residente por concelho",
                    "AIMA, \"Relatório de Migrações e Asilo 2024\", annex of foreign residents by municipality",
                ),
                "AIMA",
                "Anexo: população estrangeira residente por concelho",
                "2024-12-31",
                false,
                (
                    "Soma dos concelhos de cada distrito; anexo transcrito do PDF do relatório por terceiros (somas verificadas: total 1 543 697).",
                    "Sum of each district's municipalities; annex transcribed from the report's PDF by a third party (sums checked: total 1,543,697).",
                ),
            ),
            (
                "qp_foreign_share_i",
                (
                    "Estrangeiros no emprego por conta de outrem: alojamento e restauração (CAE I), %",
                    "Foreign employees' share: accommodation and food (CAE I), %",
                ),
                "percent",
                qp_source,
                "GEP/MTSSS",
                "q13_E/q13",
                "2024-10",
                false,
                qp_note,
            ),
            (
                "qp_foreign_share_a",
                (
                    "Estrangeiros no emprego por conta de outrem: agricultura (CAE A), %",
                    "Foreign employees' share: agriculture (CAE A), %",
                ),
                "percent",
                qp_source,
                "GEP/MTSSS",
                "q13_E/q13",
                "2024-10",
                false,
                qp_note,
            ),
            (
                "qp_foreign_employees_nuts2",
                (
                    "Trabalhadores por conta de outrem estrangeiros, por região NUTS II (NUTS 2024)",
                    "Foreign employees by NUTS II region (NUTS 2024)",
                ),
                "persons",
                qp_source,
                "GEP/MTSSS",
                "q16_E",
                "2024-10",
                false,
                qp_note,
            ),
            (
                "qp_foreign_share_nuts2",
                (
                    "Estrangeiros no emprego por conta de outrem, por região NUTS II, %",
                    "Foreign employees' share of all employees by NUTS II region, %",
                ),
                "percent",
                qp_source,
                "GEP/MTSSS",
                "q16_E/q16",
                "2024-10",
                false,
                qp_note,
            ),
        ];
        let items: Vec<String> = series
            .iter()
            .map(|(id, title, unit, source, publisher, table, date, revision, note)| {
                let v = Series {
                    id: id.to_string(),
                    title: Text::new(title.0, title.1),
                    unit: match *unit {
                        "percent" => Unit::Percent,
                        _ => Unit::Persons,
                    },
                    period: PeriodType::Year,
                    source: Text::new(source.0, source.1),
                    publisher: publisher.to_string(),
                    table: table.to_string(),
                    date: date.to_string(),
                    licence: licence.to_string(),
                    illustrative: false,
                    subject_to_revision: *revision,
                    note: Text::new(note.0, note.1),
                };
                let text = serde_json::to_string_pretty(&v).unwrap_or_default();
                text.lines().map(|l| format!("    {l}")).collect::<Vec<_>>().join("\n")
            })
            .collect();
        format!("[\n{}\n  ]", items.join(",\n"))
    }

    pub fn run() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        match build(&root.join("data-raw")) {
            Ok(text) => {
                let out = root.join("data/indicators_official.json");
                if let Err(e) = std::fs::write(&out, text) {
                    eprintln!("{}: {e}", out.display());
                    std::process::exit(1);
                }
                println!("wrote {}", out.display());
            }
            Err(e) => {
                eprintln!("import failed: {e}");
                std::process::exit(1);
            }
        }
    }
}
