//! What every export says about itself: the file name naming the view and its filters, the title lines
//! drawn into PNG/SVG exports, and the context columns of CSV exports. Pure: the app fills an
//! [`ExportContext`] from the view state, the code lists and the manifest; this module only writes.

use crate::core::data::Lang;
use crate::core::i18n::{t, Key};
use crate::core::table::{CsvDialect, Table};

/// The active filters and the provenance of one exported view.
///
/// Codes are as in the URL (`ind` code, ISO 3166-2:PT or focus-area code, NACE Rev. 2 prefix, ISCO-08
/// prefix, months `YYYY-MM`); `*_label` are the same in words, in the export's language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportContext {
    /// The chart's id ("map", "series", "rank-occupations"…).
    pub view: String,
    /// Indicator code and label, for labour-market views; `None` for consultation views.
    pub indicator: Option<(String, String)>,
    /// Area code and name ("PT-08", "Faro").
    pub area: (String, String),
    /// Sector (NACE Rev. 2 section or division) code and label, when filtered.
    pub sector: Option<(String, String)>,
    /// Occupation (ISCO-08 group) code and label, when filtered.
    pub occupation: Option<(String, String)>,
    /// Consultation theme, stakeholder group and recommendation status, when filtered (code, label).
    pub theme: Option<(String, String)>,
    pub group: Option<(String, String)>,
    pub status: Option<(String, String)>,
    /// The period shown (months `YYYY-MM`) and in words ("jun 2024 – ago 2024"); `None`: every date.
    pub period: Option<(String, String, String)>,
    /// The source line, as on screen (publisher/title of the datasets in use, records left out).
    pub source: String,
    /// The date of the figures, as the manifest gives it (e.g. "2026-01").
    pub data_date: Option<String>,
    /// Whether any figure shown is illustrative (not official statistics).
    pub illustrative: bool,
}

/// Characters safe in a file name on every system: letters, digits, `-`; anything else becomes `-`.
fn file_part(s: &str) -> String {
    let out: String = s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    out.trim_matches('-').to_string()
}

impl ExportContext {
    /// `vagas_<view>_<indicator>_<area>[_<sector>][_<occupation>][_<theme>][_<group>]_<from>_<to>.<ext>`,
    /// e.g. `vagas_map_ratio_PT-08_I_5131_2024-06_2024-08.csv`; parts not filtered are left out.
    pub fn file_name(&self, ext: &str) -> String {
        let mut parts = vec!["vagas".to_string(), file_part(&self.view)];
        if let Some((code, _)) = &self.indicator {
            parts.push(file_part(code));
        }
        parts.push(file_part(&self.area.0));
        for f in [&self.sector, &self.occupation, &self.theme, &self.group, &self.status].into_iter().flatten() {
            parts.push(file_part(&f.0));
        }
        if let Some((from, to, _)) = &self.period {
            parts.push(file_part(from));
            parts.push(file_part(to));
        }
        parts.retain(|p| !p.is_empty());
        format!("{}.{ext}", parts.join("_"))
    }

    /// The filters in words, one line: "Vacancies per jobseeker · Faro · I Accommodation and food ·
    /// 5131 Waiters · Jun 2024 – Aug 2024".
    pub fn filters_line(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some((_, label)) = &self.indicator {
            parts.push(label);
        }
        parts.push(&self.area.1);
        for f in [&self.sector, &self.occupation, &self.theme, &self.group, &self.status].into_iter().flatten() {
            parts.push(&f.1);
        }
        if let Some((_, _, words)) = &self.period {
            parts.push(words);
        }
        parts.join(" · ")
    }

    /// What the view is restricted to, in words, without the indicator: "Faro · 9412 Kitchen helpers ·
    /// Jun 2024 – Jul 2024" — shown under every chart heading, so a chart never hides its filters.
    pub fn scope_line(&self) -> String {
        let mut parts: Vec<&str> = vec![&self.area.1];
        for f in [&self.sector, &self.occupation, &self.theme, &self.group, &self.status].into_iter().flatten() {
            parts.push(&f.1);
        }
        if let Some((_, _, words)) = &self.period {
            parts.push(words);
        }
        parts.join(" · ")
    }

    /// The same as [`Self::provenance_line`], with the illustrative stamp on a line of its own so that it
    /// is never broken across lines.
    pub fn provenance_lines(&self, l: Lang) -> Vec<String> {
        let mut first = self.source.clone();
        if let Some(d) = &self.data_date {
            first.push_str(&format!(" {}: {d}.", t(l, Key::DataDate)));
        }
        let mut lines = vec![first];
        if self.illustrative {
            lines.push(t(l, Key::IllustrativeStamp).to_string());
        }
        lines
    }

    /// The provenance line of image exports: the source, the date of the figures, and the illustrative stamp
    /// when any figure is illustrative.
    pub fn provenance_line(&self, l: Lang) -> String {
        self.provenance_lines(l).join(" ")
    }

    /// The context columns added to every CSV row: (header, value), in the export's language.
    pub fn columns(&self, l: Lang) -> Vec<(String, String)> {
        let mut cols = Vec::new();
        let code = |o: &Option<(String, String)>| o.as_ref().map(|(c, _)| c.clone()).unwrap_or_default();
        if let Some((c, _)) = &self.indicator {
            cols.push((t(l, Key::Indicator).to_string(), c.clone()));
        }
        cols.push((t(l, Key::CsvArea).to_string(), self.area.0.clone()));
        if self.indicator.is_some() {
            cols.push((t(l, Key::CsvSector).to_string(), code(&self.sector)));
            cols.push((t(l, Key::CsvOccupation).to_string(), code(&self.occupation)));
        } else {
            cols.push((t(l, Key::CsvSector).to_string(), code(&self.sector)));
            cols.push((t(l, Key::CsvTheme).to_string(), code(&self.theme)));
            cols.push((t(l, Key::CsvGroup).to_string(), code(&self.group)));
            cols.push((t(l, Key::CsvStatus).to_string(), code(&self.status)));
        }
        let (from, to) = self.period.as_ref().map(|(f, to, _)| (f.clone(), to.clone())).unwrap_or_default();
        cols.push((t(l, Key::CsvFrom).to_string(), from));
        cols.push((t(l, Key::CsvTo).to_string(), to));
        cols.push((t(l, Key::CsvSource).to_string(), self.source.clone()));
        cols.push((t(l, Key::DataDate).to_string(), self.data_date.clone().unwrap_or_default()));
        cols.push((
            t(l, Key::CsvIllustrative).to_string(),
            t(l, if self.illustrative { Key::Yes } else { Key::No }).to_string(),
        ));
        cols
    }
}

/// The CSV of an exported table: RFC 4180 quoting in the language's dialect ([`CsvDialect`]), numbers
/// without grouping, formula-like cells guarded with an apostrophe, CRLF line ends, and the context columns
/// of `ctx` repeated on every row, so that rows keep their meaning when pasted elsewhere. `note` (records
/// left out, the user's data) follows after a blank line.
pub fn table_csv(table: &Table, ctx: &ExportContext, l: Lang, note: Option<&str>) -> String {
    table.to_csv_in(CsvDialect::for_lang(l), &ctx.columns(l), note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::table::Value;

    fn ctx() -> ExportContext {
        ExportContext {
            view: "map".into(),
            indicator: Some(("ratio".into(), "Vacancies per jobseeker".into())),
            area: ("PT-08".into(), "Faro".into()),
            sector: Some(("I".into(), "I Accommodation and food service activities".into())),
            occupation: Some(("5131".into(), "5131 Waiters".into())),
            period: Some(("2024-06".into(), "2024-08".into(), "Jun 2024 – Aug 2024".into())),
            source: "Source: illustrative sample; mine".into(),
            data_date: Some("2026-01".into()),
            illustrative: true,
            ..Default::default()
        }
    }

    #[test]
    fn file_names_name_the_view() {
        assert_eq!(ctx().file_name("csv"), "vagas_map_ratio_PT-08_I_5131_2024-06_2024-08.csv");
        let plain = ExportContext { sector: None, occupation: None, ..ctx() };
        assert_eq!(plain.file_name("png"), "vagas_map_ratio_PT-08_2024-06_2024-08.png");
        let cons = ExportContext {
            view: "barriers".into(),
            indicator: None,
            area: ("algarve".into(), "Algarve".into()),
            theme: Some(("housing".into(), "Housing".into())),
            period: None,
            ..Default::default()
        };
        assert_eq!(cons.file_name("svg"), "vagas_barriers_algarve_housing.svg");
        // Nothing a file system would refuse.
        let odd = ExportContext { view: "a/b".into(), area: ("..\\x".into(), String::new()), ..Default::default() };
        assert_eq!(odd.file_name("csv"), "vagas_a-b_x.csv");
    }

    #[test]
    fn title_and_provenance_lines() {
        let c = ctx();
        assert_eq!(
            c.filters_line(),
            "Vacancies per jobseeker · Faro · I Accommodation and food service activities · 5131 Waiters · Jun 2024 – Aug 2024"
        );
        let p = c.provenance_line(Lang::En);
        assert!(p.starts_with("Source: illustrative sample; mine Date of the figures: 2026-01."), "{p}");
        assert!(p.ends_with("ILLUSTRATIVE DATA — not official statistics"), "{p}");
        assert_eq!(
            c.scope_line(),
            "Faro · I Accommodation and food service activities · 5131 Waiters · Jun 2024 – Aug 2024"
        );
        assert_eq!(c.provenance_lines(Lang::En).join(" "), p);
        let official = ExportContext { illustrative: false, ..ctx() };
        assert!(!official.provenance_line(Lang::En).contains("ILLUSTRATIVE"));
    }

    fn table() -> Table {
        Table {
            headers: vec!["Region".into(), "Ratio".into()],
            rows: vec![
                vec![Value::Text("Faro".into()), Value::Num(Some(1234.456), 2)],
                vec![Value::Text("Beja; \"sul\"".into()), Value::Num(None, 2)],
                vec![Value::Text("=HYPERLINK(1)".into()), Value::Num(Some(-1.5), 1)],
            ],
        }
    }

    #[test]
    fn portuguese_csv_uses_semicolons_and_decimal_commas() {
        let csv = table_csv(&table(), &ctx(), Lang::Pt, None);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Region;Ratio;Indicador;Filtro: região;Filtro: setor;Filtro: ocupação;De;Até;Fonte;Data dos valores;Dados ilustrativos"
        );
        assert_eq!(
            lines[1],
            "Faro;1234,46;ratio;PT-08;I;5131;2024-06;2024-08;\"Source: illustrative sample; mine\";2026-01;sim"
        );
        assert!(lines[2].starts_with("\"Beja; \"\"sul\"\"\";;ratio;"), "{}", lines[2]);
        assert!(lines[3].starts_with("'=HYPERLINK(1);-1,5;"), "{}", lines[3]);
        assert_eq!(lines.len(), 5);
    }

    #[test]
    fn english_csv_and_note() {
        let csv = table_csv(&table(), &ctx(), Lang::En, Some("3 records with errors were left out"));
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Region,Ratio,Indicator,Filter: area,Filter: sector,Filter: occupation,From,To,Source,Date of the figures,Illustrative data"
        );
        assert!(lines[1].starts_with("Faro,1234.46,ratio,PT-08,I,5131,2024-06,2024-08,"), "{}", lines[1]);
        assert!(lines[1].ends_with(",2026-01,yes"), "{}", lines[1]);
        assert_eq!(lines[lines.len() - 2], "3 records with errors were left out");
    }
}
