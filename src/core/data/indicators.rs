//! Regional indicators (format `vagas.indicators`): any figure published per
//! area and period — official series (with publisher, table and date of the
//! figures) or illustrative ones — and the queries the views need (a value
//! per district for a period, growth over a span, yearly series).
//!
//! Areas are `PT` (Portugal), `PT1` (mainland Portugal, NUTS 2024 level 1),
//! the NUTS 2024 level-2 regions (`PT11` … `PT1D`, `PT20`, `PT30`), an
//! ISO 3166-2:PT district (`PT-01` … `PT-18`, `PT-20`, `PT-30`) or a focus
//! area of the code lists (`algarve`, `alentejo`). NUTS II Algarve (`PT15`)
//! is the same territory as Faro district (`PT-08`), so a figure given for
//! one answers for the other; NUTS II Alentejo (`PT1C`) is not Beja + Évora
//! + Portalegre (it includes Alentejo Litoral, mostly in Setúbal district,
//!   and since NUTS 2024 excludes Lezíria do Tejo), so it stays its own area.
//!
//! Pure Rust, no browser APIs.
//!
//! Longer than 400 lines: one dataset kind end to end (its JSON and CSV forms, every check with
//! its located problem, and the queries the workforce page makes); split, each part would need the
//! others' private row types.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::codes::Codes;
use super::manifest::FileMeta;
use super::month::{parse_date, Month};
use super::parse::{Checker, Json, LoadOptions, Located};
use super::path::{JsonPath, Seg};
use super::problem::{CodeList, Problem, ProblemKind, Report};
use super::text::Text;

pub const FORMAT: &str = "vagas.indicators";
pub const VERSION: u32 = 1;

/// NUTS 2024 level-2 regions (Delegated Regulation (EU) 2023/674), with
/// their names, usable as areas of an indicator.
pub const NUTS2: [(&str, &str, &str); 9] = [
    ("PT11", "Norte", "Norte"),
    ("PT15", "Algarve (NUTS II)", "Algarve (NUTS II)"),
    ("PT19", "Centro", "Centro"),
    ("PT1A", "Grande Lisboa", "Grande Lisboa"),
    ("PT1B", "Península de Setúbal", "Península de Setúbal"),
    ("PT1C", "Alentejo (NUTS II)", "Alentejo (NUTS II)"),
    ("PT1D", "Oeste e Vale do Tejo", "Oeste e Vale do Tejo"),
    ("PT20", "Região Autónoma dos Açores (NUTS II)", "Autonomous Region of the Azores (NUTS II)"),
    ("PT30", "Região Autónoma da Madeira (NUTS II)", "Autonomous Region of Madeira (NUTS II)"),
];

/// Mainland Portugal (NUTS 2024 level 1).
pub const MAINLAND: &str = "PT1";

/// Areas that are exactly the same territory: NUTS II Algarve and Faro
/// district (the 16 municipalities of the Algarve).
pub const SAME_TERRITORY: [(&str, &str); 1] = [("PT15", "PT-08")];

/// What the figures count or measure. Counts and shares cannot be negative.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A number of people (non-negative; district figures add up).
    Persons,
    /// A percentage, 0–100 (non-negative).
    Percent,
    /// Euros (non-negative; district figures add up).
    Euros,
    /// Any other number (may be negative).
    Number,
}

impl Unit {
    pub fn non_negative(self) -> bool {
        !matches!(self, Unit::Number)
    }

    /// Figures of districts add up to the figure of a group of districts.
    pub fn additive(self) -> bool {
        matches!(self, Unit::Persons | Unit::Euros)
    }

    /// Decimals shown.
    pub fn decimals(self) -> usize {
        match self {
            Unit::Percent => 1,
            Unit::Number => 1,
            _ => 0,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Unit::Persons => "persons",
            Unit::Percent => "percent",
            Unit::Euros => "euros",
            Unit::Number => "number",
        }
    }
}

/// The periods of a series: years ("2025"), quarters ("2025-Q1") or months ("2025-01").
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodType {
    Year,
    Quarter,
    Month,
}

impl PeriodType {
    fn expected(self) -> &'static str {
        match self {
            PeriodType::Year => "a year as \"YYYY\" (the series' period type is year)",
            PeriodType::Quarter => "a quarter as \"YYYY-Qn\" (the series' period type is quarter)",
            PeriodType::Month => "a month as \"YYYY-MM\" (the series' period type is month)",
        }
    }
}

/// A period: year, and quarter (1–4) or month (1–12) within it, or 0 for a whole year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub year: u16,
    pub kind: u8,
    pub sub: u8,
}

impl Period {
    pub fn year(year: u16) -> Period {
        Period { year, kind: 0, sub: 0 }
    }

    /// Parses a period written as the period type requires.
    pub fn parse(s: &str, t: PeriodType) -> Option<Period> {
        let b = s.as_bytes();
        let year = |b: &[u8]| -> Option<u16> {
            if b.len() != 4 || !b.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let y: u16 = std::str::from_utf8(b).ok()?.parse().ok()?;
            (1900..=2100).contains(&y).then_some(y)
        };
        match t {
            PeriodType::Year => Some(Period::year(year(b)?)),
            PeriodType::Quarter => {
                if b.len() != 7 || &b[4..6] != b"-Q" || !(b'1'..=b'4').contains(&b[6]) {
                    return None;
                }
                Some(Period { year: year(&b[..4])?, kind: 1, sub: b[6] - b'0' })
            }
            PeriodType::Month => {
                let m = Month::parse(s)?;
                Some(Period { year: u16::try_from(m.year()).ok()?, kind: 2, sub: u8::try_from(m.month()).ok()? })
            }
        }
    }

    /// The period type a written period looks like (for a CSV, which has no series metadata).
    pub fn sniff(s: &str) -> PeriodType {
        if s.len() == 7 && s.as_bytes()[5] == b'Q' {
            PeriodType::Quarter
        } else if s.len() == 7 {
            PeriodType::Month
        } else {
            PeriodType::Year
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            0 => write!(f, "{:04}", self.year),
            1 => write!(f, "{:04}-Q{}", self.year, self.sub),
            _ => write!(f, "{:04}-{:02}", self.year, self.sub),
        }
    }
}

/// One series: what it measures, in which unit and periods, and where the
/// figures come from.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// A short code, unique in the file, e.g. "ss_contributors".
    pub id: String,
    pub title: Text,
    pub unit: Unit,
    /// The type of every period of the series.
    pub period: PeriodType,
    /// The source as cited on screen and in exports.
    pub source: Text,
    /// Who published the figures, e.g. "ISS / GEP-MTSSS".
    pub publisher: String,
    /// The table (sheet, annex) the figures come from, e.g. "Q1".
    pub table: String,
    /// Date of the figures (database extraction or publication): "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    pub date: String,
    /// Licence or terms of use.
    pub licence: String,
    /// True for figures made up for a sample (never official).
    pub illustrative: bool,
    /// The publisher says the figures may still be revised.
    #[serde(default)]
    pub subject_to_revision: bool,
    /// Anything a reader needs: coverage, method, what is included.
    #[serde(default)]
    pub note: Text,
}

/// One figure: a series, an area and a period; `value` null when not available.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    pub series: String,
    /// `PT`, `PT1`, a NUTS 2024 level-2 code, an ISO 3166-2:PT district or a focus area.
    pub area: String,
    pub period: String,
    pub value: Option<f64>,
    /// A remark on this figure as the publisher gives it, e.g. "provisional".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorsFile {
    pub format: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<FileMeta>,
    pub series: Vec<Series>,
    pub observations: Vec<Observation>,
}

/// A validated figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Obs {
    /// Position in `Indicators::series`.
    pub series: usize,
    pub area: String,
    pub period: Period,
    pub value: Option<f64>,
    pub flag: Option<String>,
}

/// Validated indicators, observations sorted by series, area and period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Indicators {
    pub series: Vec<Series>,
    pub obs: Vec<Obs>,
    pub meta: Option<FileMeta>,
    /// Observations with errors left out at the user's request.
    pub dropped: usize,
    index: HashMap<(usize, String, Period), usize>,
}

/// Every area code an indicator may use, with the code lists' districts and focus areas.
pub fn known_areas(codes: &Codes) -> Vec<&str> {
    let mut v = vec!["PT", MAINLAND];
    v.extend(NUTS2.iter().map(|n| n.0));
    v.extend(codes.regions().iter().map(|r| r.code.as_str()));
    v.extend(codes.focus_areas().iter().map(|f| f.code.as_str()));
    v
}

/// The name of an area code in `lang` (the code itself when unknown).
pub fn area_label(code: &str, codes: &Codes, lang: super::Lang) -> String {
    let pt = lang == super::Lang::Pt;
    match code {
        "PT" => return "Portugal".into(),
        MAINLAND => return if pt { "Portugal continental" } else { "Mainland Portugal" }.into(),
        _ => {}
    }
    if let Some(n) = NUTS2.iter().find(|n| n.0 == code) {
        return if pt { n.1 } else { n.2 }.to_string();
    }
    if let Some(i) = codes.region.get(code) {
        return codes.regions()[i].name.get(lang).to_string();
    }
    if let Some(f) = codes.focus_areas().iter().find(|f| f.code == code) {
        return f.name.get(lang).to_string();
    }
    code.to_string()
}

impl Indicators {
    fn build(series: Vec<Series>, mut obs: Vec<Obs>, meta: Option<FileMeta>, dropped: usize) -> Indicators {
        obs.sort_by(|a, b| (a.series, &a.area, a.period).cmp(&(b.series, &b.area, b.period)));
        let index = obs.iter().enumerate().map(|(i, o)| ((o.series, o.area.clone(), o.period), i)).collect();
        Indicators { series, obs, meta, dropped, index }
    }

    pub fn len(&self) -> usize {
        self.obs.len()
    }

    /// The file these indicators were read from, without what was left out
    /// (to hand them from the checking worker to the page, and to export).
    pub fn to_file(&self) -> IndicatorsFile {
        IndicatorsFile {
            format: FORMAT.into(),
            version: VERSION,
            meta: self.meta.clone(),
            series: self.series.clone(),
            observations: self
                .obs
                .iter()
                .map(|o| Observation {
                    series: self.series[o.series].id.clone(),
                    area: o.area.clone(),
                    period: o.period.to_string(),
                    value: o.value,
                    flag: o.flag.clone(),
                })
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.obs.is_empty()
    }

    pub fn find(&self, id: &str) -> Option<usize> {
        self.series.iter().position(|s| s.id == id)
    }

    /// The observation itself, if the file has one.
    pub fn get(&self, series: usize, area: &str, period: Period) -> Option<&Obs> {
        self.index.get(&(series, area.to_string(), period)).map(|&i| &self.obs[i])
    }

    /// The periods of a series, in order.
    pub fn periods(&self, series: usize) -> Vec<Period> {
        let set: BTreeSet<Period> = self.obs.iter().filter(|o| o.series == series).map(|o| o.period).collect();
        set.into_iter().collect()
    }

    /// The areas a series has figures for, in first-seen order.
    pub fn areas(&self, series: usize) -> Vec<String> {
        let set: BTreeSet<&str> = self.obs.iter().filter(|o| o.series == series).map(|o| o.area.as_str()).collect();
        set.into_iter().map(str::to_string).collect()
    }

    /// The figure for an area and period: the area's own, else the one of
    /// the same territory under another code (`SAME_TERRITORY`), else — for
    /// additive units and a focus area — the sum of its districts when every
    /// one of them has a figure. `None`: not available.
    pub fn value(&self, series: usize, area: &str, period: Period, codes: &Codes) -> Option<f64> {
        if let Some(o) = self.get(series, area, period) {
            return o.value;
        }
        for (a, b) in SAME_TERRITORY {
            let other = if area == a {
                b
            } else if area == b {
                a
            } else {
                continue;
            };
            if let Some(o) = self.get(series, other, period) {
                return o.value;
            }
        }
        let f = codes.focus_areas().iter().position(|f| f.code == area)?;
        if !self.series.get(series)?.unit.additive() {
            // A focus area of one district is that district.
            let regions = &codes.focus_regions[f];
            return match regions.as_slice() {
                [r] => self.value(series, &codes.regions()[*r].code, period, codes),
                _ => None,
            };
        }
        codes.focus_regions[f].iter().map(|&r| self.value(series, &codes.regions()[r].code, period, codes)).sum()
    }

    /// The figure of each district (code-list order) for a period.
    pub fn district_values(&self, series: usize, period: Period, codes: &Codes) -> Vec<Option<f64>> {
        codes.regions().iter().map(|r| self.value(series, &r.code, period, codes)).collect()
    }

    /// Growth of an area from one period to another: (factor, change in %).
    pub fn growth(&self, series: usize, area: &str, from: Period, to: Period, codes: &Codes) -> Option<(f64, f64)> {
        let a = self.value(series, area, from, codes)?;
        let b = self.value(series, area, to, codes)?;
        (a > 0.0).then(|| (b / a, (b / a - 1.0) * 100.0))
    }

    /// The last period of `year` the series has (its only one for yearly series).
    pub fn period_in_year(&self, series: usize, year: u16) -> Option<Period> {
        self.periods(series).into_iter().rfind(|p| p.year == year)
    }

    /// What a view of the indicators shows: the series `id` (else the first
    /// with district figures, else the first), the last period of `year`
    /// (else the latest), and the span's first and last periods (else the
    /// series' first and latest). `None` when there are no figures at all.
    pub fn select(
        &self,
        id: Option<&str>,
        year: Option<u16>,
        span: Option<(u16, u16)>,
        codes: &Codes,
    ) -> Option<Selection> {
        let series = id
            .and_then(|id| self.find(id))
            .or_else(|| (0..self.series.len()).find(|&s| self.has_districts(s, codes)))
            .or((!self.series.is_empty()).then_some(0))?;
        let periods = self.periods(series);
        let (first, last) = (*periods.first()?, *periods.last()?);
        let period = year.and_then(|y| self.period_in_year(series, y)).unwrap_or(last);
        let (from, to) = span
            .and_then(|(a, b)| Some((self.period_in_year(series, a)?, self.period_in_year(series, b)?)))
            .filter(|(a, b)| a < b)
            .unwrap_or((first, last));
        Some(Selection { series, period, from, to })
    }

    /// The latest figure of an area: (period, value).
    pub fn latest(&self, series: usize, area: &str, codes: &Codes) -> Option<(Period, f64)> {
        self.periods(series).into_iter().rev().find_map(|p| Some((p, self.value(series, area, p, codes)?)))
    }

    /// The areas of a series that are compared with each other in rankings:
    /// its own areas except the national and mainland totals and focus areas.
    fn ranked_areas(&self, series: usize, codes: &Codes) -> Vec<String> {
        self.areas(series)
            .into_iter()
            .filter(|a| a != "PT" && a != MAINLAND && !codes.focus_areas().iter().any(|f| &f.code == a))
            .collect()
    }

    /// Areas by their figure for a period, largest first (not available last).
    pub fn ranking(&self, series: usize, period: Period, codes: &Codes) -> Vec<(String, Option<f64>)> {
        let mut out: Vec<(String, Option<f64>)> = self
            .ranked_areas(series, codes)
            .into_iter()
            .map(|a| {
                let v = self.value(series, &a, period, codes);
                (a, v)
            })
            .collect();
        sort_desc(&mut out);
        out
    }

    /// Areas by their growth from one period to another (change in %),
    /// largest first, with the factor: (area, Some((factor, %))).
    pub fn growth_ranking(
        &self,
        series: usize,
        from: Period,
        to: Period,
        codes: &Codes,
    ) -> Vec<(String, Option<(f64, f64)>)> {
        let mut out: Vec<(String, Option<(f64, f64)>)> = self
            .ranked_areas(series, codes)
            .into_iter()
            .map(|a| {
                let g = self.growth(series, &a, from, to, codes);
                (a, g)
            })
            .collect();
        out.sort_by(|a, b| match (a.1, b.1) {
            (Some(x), Some(y)) => y.1.total_cmp(&x.1),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.0.cmp(&b.0),
        });
        out
    }

    /// The figures for an area the overview and profile show: for each
    /// series that has one, its latest figure and the growth since the
    /// series' first period with a figure for the area.
    pub fn area_figures(&self, area: &str, codes: &Codes) -> Vec<AreaFigure> {
        (0..self.series.len())
            .filter_map(|s| {
                let (period, value) = self.latest(s, area, codes)?;
                let first = self.periods(s).into_iter().find(|p| self.value(s, area, *p, codes).is_some())?;
                let growth = (first < period)
                    .then(|| self.growth(s, area, first, period, codes).map(|(f, pct)| (first, f, pct)))
                    .flatten();
                let own = self.same_territory(area).into_iter().find(|a| self.get(s, a, period).is_some());
                let flag = own.as_deref().and_then(|a| self.get(s, a, period)).and_then(|o| o.flag.clone());
                let area = own.unwrap_or_else(|| area.to_string());
                Some(AreaFigure { series: s, area, period, value, growth, flag })
            })
            .collect()
    }

    /// The area itself and the codes of the same territory (`SAME_TERRITORY`).
    fn same_territory(&self, area: &str) -> Vec<String> {
        let mut out = vec![area.to_string()];
        for (a, b) in SAME_TERRITORY {
            if area == a {
                out.push(b.to_string());
            } else if area == b {
                out.push(a.to_string());
            }
        }
        out
    }

    /// True when the series has at least one figure for a district.
    pub fn has_districts(&self, series: usize, codes: &Codes) -> bool {
        self.obs.iter().any(|o| o.series == series && codes.region.get(&o.area).is_some())
    }
}

/// The series, period and growth span a view shows (see `Indicators::select`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    pub series: usize,
    pub period: Period,
    pub from: Period,
    pub to: Period,
}

/// A figure of an area as the overview and profile show it.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaFigure {
    /// Position in `Indicators::series` (its provenance and unit).
    pub series: usize,
    /// The area the figure is given for: the one asked for, the same
    /// territory under another code (`PT15` for `PT-08`), or the focus area
    /// whose districts were added up.
    pub area: String,
    pub period: Period,
    pub value: f64,
    /// Since (period, factor, change in %).
    pub growth: Option<(Period, f64, f64)>,
    /// The publisher's remark on the figure, e.g. "provisional".
    pub flag: Option<String>,
}

fn sort_desc(v: &mut [(String, Option<f64>)]) {
    v.sort_by(|a, b| match (a.1, b.1) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.0.cmp(&b.0),
    });
}

/// Parses and validates an indicators file against the code lists.
pub fn load(dataset: &str, text: &str, codes: &Codes) -> Result<(Indicators, Report), Report> {
    load_with(dataset, text, codes, LoadOptions::default())
}

/// As `load`; with `keep_valid`, observations with errors (and those of a
/// series with errors) are left out instead of rejecting the file, as long as
/// some remain.
pub fn load_with(dataset: &str, text: &str, codes: &Codes, opts: LoadOptions) -> Result<(Indicators, Report), Report> {
    load_inner::<Located>(dataset, text, codes, opts)
}

/// [`load`], the JSON deserialized by `J` (`parse::Plain` for the bundled file).
pub fn load_as<J: Json>(dataset: &str, text: &str, codes: &Codes) -> Result<(Indicators, Report), Report> {
    load_inner::<J>(dataset, text, codes, LoadOptions::default())
}

fn load_inner<J: Json>(
    dataset: &str,
    text: &str,
    codes: &Codes,
    opts: LoadOptions,
) -> Result<(Indicators, Report), Report> {
    let mut c = Checker::new(dataset, text);
    if !c.header_as::<J>(FORMAT, VERSION) {
        return Err(c.finish());
    }
    let Some(file) = c.parse_as::<J, IndicatorsFile>() else {
        return Err(c.finish());
    };
    let areas = known_areas(codes);
    let area_set: std::collections::HashSet<&str> = areas.iter().copied().collect();

    let mut bad_series = vec![false; file.series.len()];
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, s) in file.series.iter().enumerate() {
        let before = c.error_count();
        let at = JsonPath::keys(&["series"]).index(i);
        if s.id.trim().is_empty() {
            c.error(at.key("id"), ProblemKind::Empty { what: "character in the id".into() });
        }
        if let Some(first) = ids.insert(s.id.as_str(), i) {
            c.error(
                at.key("id"),
                ProblemKind::Duplicate {
                    what: "series id".into(),
                    first: JsonPath::keys(&["series"]).index(first).to_string(),
                },
            );
        }
        if s.title.is_empty() {
            c.error(at.key("title"), ProblemKind::Empty { what: "title (pt or en)".into() });
        }
        let date_ok = parse_date(&s.date).is_some()
            || Month::parse(&s.date).is_some()
            || Period::parse(&s.date, PeriodType::Year).is_some();
        // An illustrative series may leave its date empty (a CSV has none).
        if !date_ok && (!s.date.is_empty() || !s.illustrative) {
            c.error(at.key("date"), ProblemKind::BadDate { found: s.date.clone() });
        }
        if !s.illustrative {
            // An official figure is only worth showing with its provenance.
            for (field, value) in [("publisher", &s.publisher), ("table", &s.table)] {
                if value.trim().is_empty() {
                    c.error(
                        at.key(field),
                        ProblemKind::Empty { what: format!("{field} (required for an official series)").into() },
                    );
                }
            }
            if s.source.is_empty() {
                c.error(at.key("source"), ProblemKind::Empty { what: "source (pt or en)".into() });
            }
        } else if s.note.is_empty() {
            c.warning(at.key("note"), ProblemKind::Empty { what: "note explaining what is illustrative".into() });
        }
        if c.error_count() > before {
            bad_series[i] = true;
        }
    }

    let mut seen: HashMap<(usize, &str, Period), usize> = HashMap::new();
    let mut obs = Vec::with_capacity(file.observations.len());
    let mut bad_obs = 0usize;
    for (i, o) in file.observations.iter().enumerate() {
        let before = c.error_count();
        let at = JsonPath::keys(&["observations"]).index(i);
        let series = match ids.get(o.series.as_str()) {
            Some(&s) => Some(s),
            None => {
                let known = file.series.iter().map(|s| s.id.as_str());
                c.error(at.key("series"), ProblemKind::unknown(CodeList::Series, &o.series, known));
                None
            }
        };
        if !area_set.contains(o.area.as_str()) {
            c.error(at.key("area"), ProblemKind::unknown(CodeList::Area, &o.area, areas.iter().copied()));
        }
        let period = series.and_then(|s| {
            let t = file.series[s].period;
            let p = Period::parse(&o.period, t);
            if p.is_none() {
                c.error(
                    at.key("period"),
                    ProblemKind::BadRange { what: t.expected().into(), found: format!("\"{}\"", o.period) },
                );
            }
            p
        });
        if let (Some(s), Some(v)) = (series, o.value) {
            let unit = file.series[s].unit;
            if !v.is_finite() {
                c.error(at.key("value"), ProblemKind::BadRange { what: "a number".into(), found: v.to_string() });
            } else if v < 0.0 && unit.non_negative() {
                c.error(
                    at.key("value"),
                    ProblemKind::BadRange {
                        what: format!("a value ≥ 0 (the unit is {})", unit.code()).into(),
                        found: v.to_string(),
                    },
                );
            } else if unit == Unit::Percent && v > 100.0 {
                c.error(
                    at.key("value"),
                    ProblemKind::BadRange { what: "a percentage between 0 and 100".into(), found: v.to_string() },
                );
            }
        }
        if let (Some(s), Some(p)) = (series, period) {
            if let Some(first) = seen.insert((s, o.area.as_str(), p), i) {
                c.error(
                    at.key("period"),
                    ProblemKind::Duplicate {
                        what: format!("observation of {} for {} in {}", o.series, o.area, o.period),
                        first: JsonPath::keys(&["observations"]).index(first).to_string(),
                    },
                );
            }
        }
        let ok = c.error_count() == before && series.is_some_and(|s| !bad_series[s]);
        match (ok, series, period) {
            (true, Some(series), Some(period)) => obs.push(Obs {
                series,
                area: o.area.clone(),
                period,
                value: o.value,
                flag: o.flag.clone().filter(|f| !f.trim().is_empty()),
            }),
            _ => bad_obs += 1,
        }
    }
    if file.series.is_empty() {
        c.error(JsonPath::keys(&["series"]), ProblemKind::Empty { what: "series".into() });
    }
    if file.observations.is_empty() {
        c.error(JsonPath::keys(&["observations"]), ProblemKind::Empty { what: "observation".into() });
    }
    if c.has_errors() && (!opts.keep_valid || obs.is_empty()) {
        if obs.is_empty() && !file.observations.is_empty() {
            c.error(JsonPath::keys(&["observations"]), ProblemKind::Empty { what: "valid observation".into() });
        }
        return Err(c.finish());
    }
    let report = c.finish();
    // Series with errors are dropped with their observations; positions shift.
    let mut new_pos = vec![usize::MAX; file.series.len()];
    let mut series = Vec::new();
    for (i, s) in file.series.into_iter().enumerate() {
        if !bad_series[i] {
            new_pos[i] = series.len();
            series.push(s);
        }
    }
    for o in &mut obs {
        o.series = new_pos[o.series];
    }
    let dropped = bad_obs + bad_series.iter().filter(|b| **b).count();
    Ok((Indicators::build(series, obs, file.meta, dropped), report))
}

/// Indicators of `base` and `added` together: a series of `added` replaces
/// the series of `base` with the same id (with all its figures).
pub fn add(base: &Indicators, added: &Indicators) -> Indicators {
    let mut series: Vec<Series> = Vec::new();
    let mut obs = Vec::new();
    for s in &base.series {
        if added.find(&s.id).is_none() {
            series.push(s.clone());
        }
    }
    for o in &base.obs {
        if let Some(pos) = series.iter().position(|s| s.id == base.series[o.series].id) {
            obs.push(Obs { series: pos, ..o.clone() });
        }
    }
    let offset = series.len();
    series.extend(added.series.iter().cloned());
    obs.extend(added.obs.iter().map(|o| Obs { series: o.series + offset, ..o.clone() }));
    Indicators::build(series, obs, base.meta.clone(), base.dropped + added.dropped)
}

/// The header of a long indicators CSV (a fifth column `flag` is optional).
pub const CSV_HEADER: [&str; 4] = ["series", "area", "period", "value"];

/// A long CSV (`series,area,period,value[,flag]`, `,` or `;`) turned into an
/// indicators file, so it goes through the same checks. A CSV carries no
/// provenance: each series gets its id as title, the unit `number`, the
/// period type of its first period, and is marked illustrative (not
/// official) with a note saying so. Problems are then placed back on the
/// CSV's lines by `CsvIndicators::relocate`.
pub struct CsvIndicators {
    pub json: String,
    /// CSV line (1-based) of each observation.
    lines: Vec<usize>,
}

pub fn from_csv(dataset: &str, text: &str) -> Result<CsvIndicators, Report> {
    let text = super::parse::strip_bom(text);
    let mut report = Report::new(dataset);
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let Some((_, head)) = lines.next() else {
        report.push(Problem::error(JsonPath::root(), ProblemKind::Empty { what: "header line".into() }).at(1, 1));
        return Err(report);
    };
    let sep = if head.matches(';').count() > head.matches(',').count() { ';' } else { ',' };
    let names: Vec<String> = super::csv::split_fields(head, sep).iter().map(|n| n.to_ascii_lowercase()).collect();
    let with_flag = names.len() == 5 && names[4] == "flag";
    if names[..names.len().min(4)] != CSV_HEADER || !(names.len() == 4 || with_flag) {
        let found = names.join(&sep.to_string());
        report.push(
            Problem::error(
                JsonPath::root(),
                ProblemKind::BadRange {
                    what: format!("the header \"{}\" (optionally \",flag\")", CSV_HEADER.join(",")).into(),
                    found,
                },
            )
            .at(1, 1),
        );
        return Err(report);
    }
    let mut series: Vec<(String, PeriodType)> = Vec::new();
    let mut observations = Vec::new();
    let mut rows = Vec::new();
    for (i, line) in lines {
        let f = super::csv::split_fields(line, sep);
        if f.len() != names.len() {
            report.push(
                Problem::error(
                    JsonPath::root(),
                    ProblemKind::BadRange {
                        what: format!("{} fields separated by \"{sep}\"", names.len()).into(),
                        found: format!("{} fields", f.len()),
                    },
                )
                .at(i + 1, 1),
            );
            continue;
        }
        if !series.iter().any(|s| s.0 == f[0]) {
            series.push((f[0].clone(), Period::sniff(&f[2])));
        }
        let value = if f[3].is_empty() {
            serde_json::Value::Null
        } else {
            match f[3].replace(',', ".").parse::<f64>() {
                Ok(v) if v.is_finite() => serde_json::json!(v),
                _ => serde_json::Value::String(f[3].clone()),
            }
        };
        let mut o = serde_json::json!({"series": f[0], "area": f[1], "period": f[2], "value": value});
        if with_flag && !f[4].is_empty() {
            o["flag"] = serde_json::Value::String(f[4].clone());
        }
        observations.push(o);
        rows.push(i + 1);
    }
    if report.has_errors() {
        return Err(report);
    }
    let note = Text::new(
        "Carregado de um CSV sem proveniência: tratado como ilustrativo (não oficial).",
        "Loaded from a CSV without provenance: treated as illustrative (not official).",
    );
    let series: Vec<serde_json::Value> = series
        .into_iter()
        .map(|(id, period)| {
            serde_json::json!({
                "id": id, "title": {"pt": id, "en": id}, "unit": "number", "period": period,
                "source": {"pt": dataset, "en": dataset}, "publisher": "", "table": "", "date": "",
                "licence": "", "illustrative": true, "note": note,
            })
        })
        .collect();
    let json = serde_json::json!({
        "format": FORMAT, "version": VERSION, "series": series, "observations": observations,
    })
    .to_string();
    Ok(CsvIndicators { json, lines: rows })
}

impl CsvIndicators {
    /// Rewrites the locations of a report on the converted JSON as CSV
    /// places: `$.observations[3].area` at line 5, column 2.
    pub fn relocate(&self, report: &mut Report) {
        for p in &mut report.problems {
            let old_key = p.group_key();
            let (line, column, path) = match p.path.0.as_slice() {
                [Seg::Key(top), Seg::Index(i), Seg::Key(col), ..] if top == "observations" => {
                    let c = CSV_HEADER.iter().position(|h| h == col).map(|c| c + 1);
                    (self.lines.get(*i).copied(), c, JsonPath::keys(&[col]).index(*i))
                }
                [Seg::Key(top), Seg::Index(i), ..] if top == "observations" => {
                    (self.lines.get(*i).copied(), Some(1), JsonPath::root().index(*i))
                }
                // Series are made from the CSV: their problems concern the file.
                _ => (Some(1), Some(1), p.path.clone()),
            };
            p.path = path;
            p.line = line;
            p.column = column;
            let new_key = p.group_key();
            if let Some(g) = report.groups.iter_mut().find(|g| g.key == old_key) {
                g.key = new_key;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> Codes {
        super::super::codes::load("codes", include_str!("../../../data/codes.json")).unwrap().0
    }

    fn file(series_extra: &str, observations: &str) -> String {
        format!(
            r#"{{"format": "vagas.indicators", "version": 1,
  "series": [
    {{"id": "contrib", "title": {{"pt": "Contribuintes", "en": "Contributors"}}, "unit": "persons",
      "period": "year", "source": {{"pt": "ISS", "en": "ISS"}}, "publisher": "ISS", "table": "Q1",
      "date": "2026-02-07", "licence": "public statistics", "illustrative": false{series_extra}}}
  ],
  "observations": [
{observations}
  ]}}"#
        )
    }

    #[test]
    fn valid_file_loads_and_answers_queries() {
        let c = codes();
        let obs = r#"    {"series": "contrib", "area": "PT-08", "period": "2015", "value": 100},
    {"series": "contrib", "area": "PT-08", "period": "2025", "value": 250},
    {"series": "contrib", "area": "PT-02", "period": "2025", "value": 10},
    {"series": "contrib", "area": "PT-07", "period": "2025", "value": 20},
    {"series": "contrib", "area": "PT-12", "period": "2025", "value": 30, "flag": "provisional"},
    {"series": "contrib", "area": "PT", "period": "2025", "value": null}"#;
        let (ind, r) = load("x", &file("", obs), &c).unwrap();
        assert_eq!((r.total_errors, r.total_warnings), (0, 0), "{r}");
        assert_eq!(ind.len(), 6);
        let s = ind.find("contrib").unwrap();
        let y = |y| Period::year(y);
        assert_eq!(ind.value(s, "PT-08", y(2025), &c), Some(250.0));
        assert_eq!(ind.value(s, "PT15", y(2025), &c), Some(250.0), "NUTS II Algarve is Faro district");
        assert_eq!(ind.value(s, "algarve", y(2025), &c), Some(250.0));
        assert_eq!(ind.value(s, "alentejo", y(2025), &c), Some(60.0), "sum of Beja, Évora, Portalegre");
        assert_eq!(ind.value(s, "PT", y(2025), &c), None);
        assert_eq!(ind.growth(s, "PT-08", y(2015), y(2025), &c), Some((2.5, 150.0)));
        assert_eq!(ind.periods(s), vec![y(2015), y(2025)]);
        assert_eq!(ind.get(s, "PT-12", y(2025)).unwrap().flag.as_deref(), Some("provisional"));
        let figures = ind.area_figures("PT-08", &c);
        assert_eq!(figures.len(), 1);
        assert_eq!((figures[0].period, figures[0].value), (y(2025), 250.0));
        assert_eq!(figures[0].growth, Some((y(2015), 2.5, 150.0)));
        let rank = ind.ranking(s, y(2025), &c);
        assert_eq!(rank[0], ("PT-08".to_string(), Some(250.0)));
        assert_eq!(rank.last().unwrap().0, "PT-02");
        assert!(rank.iter().all(|(a, _)| a != "PT"), "totals are not ranked");
        assert_eq!(ind.growth_ranking(s, y(2015), y(2025), &c)[0].1, Some((2.5, 150.0)));
        let sel = ind.select(None, None, None, &c).unwrap();
        assert_eq!((sel.series, sel.period, sel.from, sel.to), (s, y(2025), y(2015), y(2025)));
        let sel = ind.select(Some("nope"), Some(2015), Some((2025, 2015)), &c).unwrap();
        assert_eq!((sel.period, sel.from), (y(2015), y(2015)), "a reversed span falls back");
        let d = ind.district_values(s, y(2025), &c);
        assert_eq!(d[c.region.get("PT-08").unwrap()], Some(250.0));
        assert_eq!(d[c.region.get("PT-01").unwrap()], None);
    }

    #[test]
    fn unknown_area_duplicate_bad_period_and_negative_are_located() {
        let c = codes();
        let obs = r#"    {"series": "contrib", "area": "PT-08", "period": "2025", "value": 1},
    {"series": "contrib", "area": "PT-8", "period": "2024", "value": 1},
    {"series": "contrib", "area": "PT-08", "period": "2025", "value": 2},
    {"series": "contrib", "area": "PT-02", "period": "2025-Q1", "value": 1},
    {"series": "contrib", "area": "PT-07", "period": "2025", "value": -5},
    {"series": "other", "area": "PT-07", "period": "2025", "value": 5}"#;
        let r = load("x", &file("", obs), &c).unwrap_err();
        assert_eq!(r.total_errors, 5, "{r}");
        let at = |tag: &str| r.problems.iter().find(|p| p.kind.tag() == tag).unwrap();
        let unknown = r.problems.iter().find(|p| p.path.to_string() == "$.observations[1].area").unwrap();
        assert_eq!(unknown.line, Some(9), "{r}");
        assert!(
            matches!(&unknown.kind, ProblemKind::UnknownCode { list: CodeList::Area, suggestion: Some(s), .. } if s == "PT-08")
        );
        let dup = at("duplicate");
        assert_eq!(dup.path.to_string(), "$.observations[2].period");
        assert_eq!(dup.line, Some(10));
        let period = r.problems.iter().find(|p| p.path.to_string() == "$.observations[3].period").unwrap();
        assert!(period.kind.expected_found().0.contains("YYYY"), "{r}");
        let neg = r.problems.iter().find(|p| p.path.to_string() == "$.observations[4].value").unwrap();
        assert!(neg.kind.expected_found().0.contains("≥ 0"), "{r}");
        assert_eq!(neg.line, Some(12));
        let series = r.problems.iter().find(|p| p.path.to_string() == "$.observations[5].series").unwrap();
        assert!(matches!(series.kind, ProblemKind::UnknownCode { list: CodeList::Series, .. }));
        // Keeping the valid ones: the first observation only.
        let (ind, r) = load_with("x", &file("", obs), &c, LoadOptions { keep_valid: true }).unwrap();
        assert_eq!((ind.len(), ind.dropped, r.total_errors), (1, 5, 5));
    }

    #[test]
    fn negative_values_are_fine_where_the_unit_allows_them() {
        let c = codes();
        let text = file("", r#"    {"series": "contrib", "area": "PT", "period": "2025", "value": -1}"#)
            .replace("\"persons\"", "\"number\"");
        assert!(load("x", &text, &c).is_ok());
        let text = file("", r#"    {"series": "contrib", "area": "PT1", "period": "2025", "value": 101}"#)
            .replace("\"persons\"", "\"percent\"");
        assert!(load("x", &text, &c).is_err());
    }

    #[test]
    fn official_series_need_their_provenance() {
        let c = codes();
        let text = file("", r#"    {"series": "contrib", "area": "PT", "period": "2025", "value": 1}"#)
            .replace("\"publisher\": \"ISS\"", "\"publisher\": \"\"");
        let r = load("x", &text, &c).unwrap_err();
        assert_eq!(r.problems[0].path.to_string(), "$.series[0].publisher");
    }

    #[test]
    fn periods_follow_the_period_type() {
        assert_eq!(Period::parse("2025-Q3", PeriodType::Quarter).unwrap().to_string(), "2025-Q3");
        assert_eq!(Period::parse("2025-07", PeriodType::Month).unwrap().to_string(), "2025-07");
        assert_eq!(Period::parse("2025", PeriodType::Year).unwrap().to_string(), "2025");
        for (bad, t) in [
            ("2025-Q5", PeriodType::Quarter),
            ("2025", PeriodType::Quarter),
            ("2025-13", PeriodType::Month),
            ("25", PeriodType::Year),
            ("2025-01", PeriodType::Year),
        ] {
            assert_eq!(Period::parse(bad, t), None, "{bad}");
        }
    }

    #[test]
    fn csv_is_converted_and_problems_go_back_to_its_lines() {
        let c = codes();
        let csv = "series;area;period;value\nmine;PT-08;2024;5\nmine;PT-08;2025;7,5\nmine;PT-99;2025;1\n";
        let conv = from_csv("m.csv", csv).unwrap();
        let mut r = load("m.csv", &conv.json, &c).unwrap_err();
        conv.relocate(&mut r);
        let p = &r.problems[0];
        assert_eq!((p.line, p.column, p.path.to_string()), (Some(4), Some(2), "$.area[2]".to_string()), "{r}");
        let ok = "series,area,period,value\nmine,PT-08,2024,5\nmine,PT-08,2025,7.5\n";
        let (ind, _) = load("m.csv", &from_csv("m.csv", ok).unwrap().json, &c).unwrap();
        let s = ind.find("mine").unwrap();
        assert!(ind.series[s].illustrative);
        assert_eq!(ind.value(s, "PT-08", Period::year(2025), &c), Some(7.5));
        assert!(from_csv("m.csv", "a,b\n1,2\n").is_err());
    }

    #[test]
    fn added_series_replace_those_with_the_same_id() {
        let c = codes();
        let a = load("a", &file("", r#"    {"series": "contrib", "area": "PT", "period": "2025", "value": 1}"#), &c)
            .unwrap()
            .0;
        let b = load("b", &file("", r#"    {"series": "contrib", "area": "PT", "period": "2025", "value": 2}"#), &c)
            .unwrap()
            .0;
        let m = add(&a, &b);
        assert_eq!(m.series.len(), 1);
        assert_eq!(m.value(0, "PT", Period::year(2025), &c), Some(2.0));
    }
}
