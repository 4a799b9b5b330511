//! The model of a "bar table": a ranked table whose rows are named by a code and a name, with
//! numeric columns and, in one of them, an inline bar scaled to the column's largest value (the
//! overview's most-short occupations and consultation outcomes by theme). Everything the view
//! shows is here: the header cells, each row's header, its cells already formatted, the bar's
//! fraction 0..1, the row's flag class ("short") and the text shown when there are no rows.

use crate::core::data::Lang;
use crate::core::format;
use crate::core::i18n::{t, Key};

/// A numeric column: its header and the decimals its values are shown with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub header: Key,
    pub decimals: usize,
}

/// What a bar table shows, independent of its rows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spec {
    /// The header of the row-header column (the rows' names).
    pub head: Key,
    /// The numeric columns, in order.
    pub columns: &'static [Column],
    /// The index in `columns` of the column that carries the bar (its values set the bar's length).
    pub bar: usize,
    /// The bar in the second colour (`bar-fill alt`) rather than the first (`bar-fill`).
    pub alt: bool,
    /// A row whose bar value is above this gets the flag class `short` (a shortage: more vacancies
    /// than jobseekers).
    pub flag_above: Option<f64>,
    /// The row header shows the code before the name.
    pub show_code: bool,
    /// The text shown when there are no rows.
    pub empty: Key,
}

/// One row of input: its code, its name and one value per column of the spec (`None`: not
/// available, shown as "—").
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub code: String,
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// One row as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub code: String,
    pub name: String,
    /// One formatted text per numeric column.
    pub cells: Vec<String>,
    /// The bar's length as a fraction of the longest, 0..1 (0 when the value is missing or no
    /// value is positive).
    pub bar: f64,
    /// The row's class: `Some("short")` when flagged.
    pub class: Option<&'static str>,
}

impl Row {
    /// The bar's CSS width, one decimal: "42.5%".
    pub fn bar_width(&self) -> String {
        format!("{:.1}%", 100.0 * self.bar)
    }
}

/// The whole table.
#[derive(Clone, Debug, PartialEq)]
pub struct BarTable {
    /// The header cells: the row-header column's, then one per numeric column.
    pub headers: Vec<String>,
    /// The index among a row's `cells` of the cell with the bar.
    pub bar_column: usize,
    /// The class of the bar's fill: `bar-fill` or `bar-fill alt`.
    pub bar_class: &'static str,
    pub show_code: bool,
    pub rows: Vec<Row>,
    /// What to show instead of the table when there are no rows.
    pub empty: String,
}

/// The flag class of a row above `Spec::flag_above`.
pub const FLAG_CLASS: &str = "short";

/// The table of `entries` as `spec` says, in `l`'s number format. Missing values (and values past
/// the end of an entry's `values`) show as "—" and draw no bar.
pub fn model(spec: Spec, entries: &[Entry], l: Lang) -> BarTable {
    let bar_value = |e: &Entry| e.values.get(spec.bar).copied().flatten().filter(|v| v.is_finite());
    let max = entries.iter().filter_map(bar_value).fold(0.0_f64, f64::max);
    let rows = entries
        .iter()
        .map(|e| {
            let v = bar_value(e);
            let bar = match v {
                Some(v) if max > 0.0 => (v / max).clamp(0.0, 1.0),
                _ => 0.0,
            };
            let flagged = matches!((v, spec.flag_above), (Some(v), Some(limit)) if v > limit);
            Row {
                code: e.code.clone(),
                name: e.name.clone(),
                cells: spec
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(k, c)| format::maybe(l, e.values.get(k).copied().flatten(), c.decimals))
                    .collect(),
                bar,
                class: flagged.then_some(FLAG_CLASS),
            }
        })
        .collect();
    BarTable {
        headers: std::iter::once(spec.head)
            .chain(spec.columns.iter().map(|c| c.header))
            .map(|k| t(l, k).to_string())
            .collect(),
        bar_column: spec.bar,
        bar_class: if spec.alt { "bar-fill alt" } else { "bar-fill" },
        show_code: spec.show_code,
        rows,
        empty: t(l, spec.empty).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: [Column; 3] = [
        Column { header: Key::VacanciesOpen, decimals: 0 },
        Column { header: Key::Jobseekers, decimals: 0 },
        Column { header: Key::Ratio, decimals: 2 },
    ];
    const SPEC: Spec = Spec {
        head: Key::Occupation,
        columns: &COLUMNS,
        bar: 2,
        alt: false,
        flag_above: Some(1.0),
        show_code: true,
        empty: Key::NoData,
    };

    fn entry(code: &str, values: [Option<f64>; 3]) -> Entry {
        Entry { code: code.into(), name: format!("name {code}"), values: values.to_vec() }
    }

    fn entries() -> Vec<Entry> {
        vec![
            entry("9412", [Some(1234.0), Some(617.0), Some(2.0)]),
            entry("5131", [Some(75.0), None, Some(1.0)]),
            entry("2221", [Some(10.0), Some(40.0), Some(0.25)]),
        ]
    }

    #[test]
    fn no_rows_keep_the_headers_and_say_why() {
        let m = model(SPEC, &[], Lang::En);
        assert!(m.rows.is_empty());
        assert_eq!(
            m.headers,
            ["Occupation (ISCO-08)", "Open vacancies", "Registered jobseekers", "Vacancies per jobseeker"]
        );
        assert_eq!(m.empty, "No data for this selection.");
        assert_eq!(model(SPEC, &[], Lang::Pt).empty, "Sem dados para esta seleção.");
    }

    #[test]
    fn all_zeros_draw_no_bar_and_flag_nothing() {
        let zeros = [entry("1", [Some(0.0); 3]), entry("2", [Some(0.0), Some(0.0), None])];
        let m = model(SPEC, &zeros, Lang::En);
        for r in &m.rows {
            assert_eq!(r.bar, 0.0);
            assert_eq!(r.bar_width(), "0.0%");
            assert_eq!(r.class, None);
        }
        assert_eq!(m.rows[0].cells, ["0", "0", "0.00"]);
        assert_eq!(m.rows[1].cells[2], "—");
    }

    #[test]
    fn the_largest_value_is_the_full_bar_and_the_others_in_proportion() {
        let m = model(SPEC, &entries(), Lang::En);
        let bars: Vec<f64> = m.rows.iter().map(|r| r.bar).collect();
        assert_eq!(bars, [1.0, 0.5, 0.125]);
        let widths: Vec<String> = m.rows.iter().map(Row::bar_width).collect();
        assert_eq!(widths, ["100.0%", "50.0%", "12.5%"]);
        assert_eq!(m.bar_column, 2);
        assert_eq!(m.bar_class, "bar-fill");
        // Flagged only above the limit: a ratio of exactly 1 is balance, not shortage.
        let classes: Vec<Option<&str>> = m.rows.iter().map(|r| r.class).collect();
        assert_eq!(classes, [Some("short"), None, None]);
        // The largest value wherever it is, and never past the full bar.
        let mut reversed = entries();
        reversed.reverse();
        assert_eq!(model(SPEC, &reversed, Lang::En).rows[2].bar, 1.0);
        let negative = [entry("1", [None, None, Some(-3.0)]), entry("2", [None, None, Some(3.0)])];
        let bars: Vec<f64> = model(SPEC, &negative, Lang::En).rows.iter().map(|r| r.bar).collect();
        assert_eq!(bars, [0.0, 1.0]);
    }

    #[test]
    fn cells_are_formatted_in_each_language() {
        let en = model(SPEC, &entries(), Lang::En);
        assert_eq!(en.rows[0].cells, ["1,234", "617", "2.00"]);
        assert_eq!(en.rows[1].cells, ["75", "—", "1.00"]);
        assert_eq!(en.rows[2].cells[2], "0.25");
        let pt = model(SPEC, &entries(), Lang::Pt);
        assert_eq!(pt.rows[0].cells, ["1\u{a0}234", "617", "2,00"]);
        assert_eq!(pt.rows[2].cells[2], "0,25");
        assert_eq!(pt.headers[0], "Ocupação (CITP/ISCO-08)");
        assert_eq!((pt.rows[0].code.as_str(), pt.rows[0].name.as_str()), ("9412", "name 9412"));
    }

    #[test]
    fn the_second_colour_a_bar_in_the_first_column_and_no_flag() {
        const THEMES: [Column; 2] =
            [Column { header: Key::Outcomes, decimals: 0 }, Column { header: Key::Votes, decimals: 0 }];
        let spec = Spec {
            head: Key::Theme,
            columns: &THEMES,
            bar: 0,
            alt: true,
            flag_above: None,
            show_code: false,
            empty: Key::NoOutcomes,
        };
        let rows = [
            Entry { code: "housing".into(), name: "Housing".into(), values: vec![Some(30.0), Some(1200.0)] },
            Entry { code: "language".into(), name: "Language".into(), values: vec![Some(10.0), Some(80.0)] },
        ];
        let m = model(spec, &rows, Lang::Pt);
        assert_eq!(m.headers, ["Tema", "Contributos", "Apoios"]);
        assert_eq!((m.bar_column, m.bar_class, m.show_code), (0, "bar-fill alt", false));
        assert_eq!(m.rows[0].cells, ["30", "1\u{a0}200"]);
        assert_eq!(m.rows[1].bar_width(), "33.3%");
        assert!(m.rows.iter().all(|r| r.class.is_none()));
    }
}
