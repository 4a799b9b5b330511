//! Aggregations behind the overview, computed once per filter change in one
//! pass over the records (never per view).

use super::codes::Codes;
use super::column::NA;
use super::consultations::Consultations;
use super::labour::{Labour, Measure};
use super::month::Month;

/// Which territory the figures cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Area {
    Portugal,
    /// Index into `Codes::focus_areas`.
    Focus(usize),
    /// Index into the region code list.
    District(usize),
}

impl Area {
    /// `mask[r]` is true when region `r` belongs to the area.
    pub fn mask(self, codes: &Codes) -> Vec<bool> {
        let n = codes.regions().len();
        match self {
            Area::Portugal => vec![true; n],
            Area::District(r) => (0..n).map(|i| i == r).collect(),
            Area::Focus(f) => {
                let mut m = vec![false; n];
                for &r in codes.focus_regions.get(f).map_or(&[][..], Vec::as_slice) {
                    if let Some(x) = m.get_mut(r) {
                        *x = true;
                    }
                }
                m
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Filter {
    pub from: Month,
    pub to: Month,
    pub area: Area,
    /// Sector position in the code list; `None` = all sectors.
    pub sector: Option<usize>,
    /// Occupation position in the code list; `None` = all occupations.
    pub occupation: Option<usize>,
}

/// Sums per measure; `n` counts the values that were available (not NA).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sums {
    pub sum: [u64; 4],
    pub n: [u32; 4],
}

impl Sums {
    #[inline]
    fn add(&mut self, k: usize, v: u32) {
        if v != NA {
            self.sum[k] += u64::from(v);
            self.n[k] += 1;
        }
    }

    pub fn get(&self, m: Measure) -> Option<u64> {
        (self.n[m as usize] > 0).then_some(self.sum[m as usize])
    }
}

/// Figures for one measure over the period: stocks as the monthly average,
/// flows as the total. `None` when no value was available.
pub fn period_value(s: &Sums, m: Measure, months: u32) -> Option<f64> {
    let sum = s.get(m)? as f64;
    if m.is_stock() {
        (months > 0).then(|| sum / f64::from(months))
    } else {
        Some(sum)
    }
}

/// Open vacancies per registered jobseeker.
pub fn shortage_ratio(s: &Sums) -> Option<f64> {
    let v = s.get(Measure::VacanciesOpen)? as f64;
    let j = s.get(Measure::Jobseekers)? as f64;
    (j > 0.0).then(|| v / j)
}

#[derive(Clone, Debug, PartialEq)]
pub struct OccupationRow {
    pub occupation: usize,
    pub sums: Sums,
    pub ratio: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    /// Months in the period that have at least one matching record.
    pub months_with_data: u32,
    pub records: usize,
    pub totals: Sums,
    /// One entry per month of the period, from `filter.from`.
    pub monthly: Vec<Sums>,
    pub by_region: Vec<Sums>,
    pub by_sector: Vec<Sums>,
    /// Occupations with data, most short first (highest vacancies per jobseeker).
    pub by_occupation: Vec<OccupationRow>,
}

impl Overview {
    pub fn value(&self, m: Measure) -> Option<f64> {
        period_value(&self.totals, m, self.months_with_data)
    }

    pub fn ratio(&self) -> Option<f64> {
        shortage_ratio(&self.totals)
    }
}

pub fn overview(labour: &Labour, codes: &Codes, f: &Filter) -> Overview {
    let mask = f.area.mask(codes);
    let span = f.from.span_to(f.to) as usize;
    let mut o = Overview {
        monthly: vec![Sums::default(); span],
        by_region: vec![Sums::default(); codes.regions().len()],
        by_sector: vec![Sums::default(); codes.sectors().len()],
        ..Overview::default()
    };
    let mut by_occ = vec![Sums::default(); codes.occupations().len()];
    if span == 0 || labour.is_empty() {
        return o;
    }
    // Month offsets of the period relative to the dataset's first month.
    let lo = i64::from(f.from.index()) - i64::from(labour.first.index());
    let hi = i64::from(f.to.index()) - i64::from(labour.first.index());
    let sector = f.sector.map(|s| s as u16);
    let occupation = f.occupation.map(|s| s as u16);
    let [js, vo, vn, pl] = &labour.measures;
    for i in 0..labour.len() {
        let m = i64::from(labour.month[i]);
        if m < lo || m > hi {
            continue;
        }
        let r = labour.region[i] as usize;
        if !mask.get(r).copied().unwrap_or(false) {
            continue;
        }
        if sector.is_some_and(|s| s != labour.sector[i]) || occupation.is_some_and(|x| x != labour.occupation[i]) {
            continue;
        }
        o.records += 1;
        let vals = [js[i], vo[i], vn[i], pl[i]];
        let targets: [&mut Sums; 4] = [
            &mut o.monthly[(m - lo) as usize],
            &mut o.by_region[r],
            &mut o.by_sector[labour.sector[i] as usize],
            &mut by_occ[labour.occupation[i] as usize],
        ];
        for t in targets {
            for (k, &v) in vals.iter().enumerate() {
                t.add(k, v);
            }
        }
    }
    for ms in &o.monthly {
        for k in 0..4 {
            o.totals.sum[k] += ms.sum[k];
            o.totals.n[k] += ms.n[k];
        }
    }
    o.months_with_data = o.monthly.iter().filter(|s| s.n.iter().any(|&n| n > 0)).count() as u32;
    o.by_occupation = by_occ
        .into_iter()
        .enumerate()
        .filter(|(_, s)| s.n.iter().any(|&n| n > 0))
        .map(|(occupation, sums)| OccupationRow { occupation, ratio: shortage_ratio(&sums), sums })
        .collect();
    o.by_occupation.sort_by(|a, b| {
        let key = |r: &OccupationRow| r.ratio.unwrap_or(-1.0);
        key(b).total_cmp(&key(a)).then(a.occupation.cmp(&b.occupation))
    });
    o
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThemeRow {
    pub theme: usize,
    pub outcomes: u32,
    pub votes: u32,
    /// Sum of priority weights (high 3, medium 2, low 1).
    pub weighted: u32,
}

/// Outcomes raised in the area and period, by theme (most raised first).
/// With a sector chosen, cross-sector outcomes (no sector) are kept: they
/// apply to every sector. The occupation filter does not apply.
pub fn outcomes_by_theme(cons: &Consultations, codes: &Codes, f: &Filter) -> Vec<ThemeRow> {
    let mask = f.area.mask(codes);
    let mut rows: Vec<ThemeRow> =
        (0..codes.themes().len()).map(|theme| ThemeRow { theme, ..ThemeRow::default() }).collect();
    for (o, ids) in cons.outcomes().iter().zip(&cons.ids) {
        let in_area = mask.get(ids.region).copied().unwrap_or(false);
        let in_period = ids.month >= f.from && ids.month <= f.to;
        let in_sector = f.sector.is_none() || ids.sector.is_none() || ids.sector == f.sector;
        if in_area && in_period && in_sector {
            if let Some(r) = rows.get_mut(ids.theme) {
                r.outcomes += 1;
                r.votes += o.votes;
                r.weighted += o.priority.weight();
            }
        }
    }
    rows.retain(|r| r.outcomes > 0);
    rows.sort_by(|a, b| b.outcomes.cmp(&a.outcomes).then(b.votes.cmp(&a.votes)).then(a.theme.cmp(&b.theme)));
    rows
}
