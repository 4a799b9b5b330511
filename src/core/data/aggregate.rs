//! Aggregations behind every view, computed in one pass over the records per
//! filter change (never per view). Each breakdown ignores its own dimension's
//! filter so that views can cross-filter: the map shows every region, the
//! sector ranking every sector, the occupation ranking every occupation.

use super::codes::Codes;
use super::column::NA;
use super::labour::{Labour, Measure};
use super::month::Month;
use super::Indicator;

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
    /// NACE prefix: a section ("I") or a division ("I55"); `None` = all.
    pub sector: Option<String>,
    /// ISCO-08 prefix: "5", "51" or "5131"; `None` = all.
    pub occupation: Option<String>,
}

/// For each code, whether it matches an optional prefix.
fn prefix_mask<'a>(codes: impl Iterator<Item = &'a str>, prefix: Option<&str>) -> Vec<bool> {
    codes.map(|c| prefix.is_none_or(|p| c.starts_with(p))).collect()
}

/// Sums per measure; `n` counts the values that were available (not NA).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sums {
    pub sum: [u64; 4],
    pub n: [u32; 4],
}

impl Sums {
    #[inline]
    fn add_row(&mut self, vals: &[u32; 4]) {
        for (k, &v) in vals.iter().enumerate() {
            if v != NA {
                self.sum[k] += u64::from(v);
                self.n[k] += 1;
            }
        }
    }

    fn merge(&mut self, o: &Sums) {
        for k in 0..4 {
            self.sum[k] += o.sum[k];
            self.n[k] += o.n[k];
        }
    }

    pub fn get(&self, m: Measure) -> Option<u64> {
        (self.n[m as usize] > 0).then_some(self.sum[m as usize])
    }

    pub fn is_empty(&self) -> bool {
        self.n.iter().all(|&n| n == 0)
    }
}

/// A measure over a period: stocks as the monthly average, flows as the total.
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

/// The value of an indicator for sums over `months` months; `prev` is the
/// same figure a year earlier (needed for `Indicator::Change`).
pub fn indicator_value(ind: Indicator, s: &Sums, months: u32, prev: Option<(&Sums, u32)>) -> Option<f64> {
    match ind {
        Indicator::Ratio => shortage_ratio(s),
        Indicator::VacanciesOpen => period_value(s, Measure::VacanciesOpen, months),
        Indicator::VacanciesNew => period_value(s, Measure::VacanciesNew, months),
        Indicator::Jobseekers => period_value(s, Measure::Jobseekers, months),
        Indicator::Placements => period_value(s, Measure::Placements, months),
        Indicator::Change => {
            let now = period_value(s, Measure::VacanciesOpen, months)?;
            let (p, pm) = prev?;
            let before = period_value(p, Measure::VacanciesOpen, pm)?;
            (before > 0.0).then(|| 100.0 * (now - before) / before)
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct OccupationRow {
    pub occupation: usize,
    pub sums: Sums,
    pub ratio: Option<f64>,
}

/// One occupation's sums by month of year (January first) over the period.
#[derive(Clone, Debug, PartialEq)]
pub struct SeasonRow {
    pub occupation: usize,
    pub months: [Sums; 12],
    /// Vacancies exceed jobseekers in some months and fall short in others.
    pub swings: bool,
}

impl SeasonRow {
    pub fn ratio(&self, month_of_year: usize) -> Option<f64> {
        self.months.get(month_of_year).and_then(shortage_ratio)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Aggregates {
    /// Months of the period present in the data (divisor of monthly averages).
    pub months_with_data: u32,
    /// The same for the year before (for changes).
    pub prev_months: u32,
    /// Records matching every filter.
    pub records: usize,
    pub totals: Sums,
    pub prev_totals: Sums,
    /// One entry per month of the period (all filters).
    pub monthly: Vec<Sums>,
    /// Every region (area filter ignored), for the period and a year before.
    pub by_region: Vec<Sums>,
    pub prev_by_region: Vec<Sums>,
    /// Every sector (sector filter ignored).
    pub by_sector: Vec<Sums>,
    /// Occupations with data (occupation filter ignored), most short first.
    pub by_occupation: Vec<OccupationRow>,
    /// Occupations with data by month of year (occupation filter ignored),
    /// over the period or, if shorter, the 12 months ending with it.
    pub seasonality: Vec<SeasonRow>,
    /// For each compared area, every month of the data from `series_first`.
    pub series: Vec<Vec<Sums>>,
    pub series_first: Month,
}

impl Aggregates {
    pub fn value(&self, m: Measure) -> Option<f64> {
        period_value(&self.totals, m, self.months_with_data)
    }

    pub fn ratio(&self) -> Option<f64> {
        shortage_ratio(&self.totals)
    }

    pub fn indicator(&self, ind: Indicator) -> Option<f64> {
        indicator_value(ind, &self.totals, self.months_with_data, Some((&self.prev_totals, self.prev_months)))
    }

    pub fn region_indicator(&self, ind: Indicator, region: usize) -> Option<f64> {
        let s = self.by_region.get(region)?;
        let p = self.prev_by_region.get(region)?;
        indicator_value(ind, s, self.months_with_data, Some((p, self.prev_months)))
    }

    /// The change of `ind` for district `region` vs the same months a year earlier, in percent: `None` for
    /// [`Indicator::Change`] (a change already), without data a year before, or from a zero base.
    pub fn region_change(&self, ind: Indicator, region: usize) -> Option<f64> {
        if ind == Indicator::Change || self.prev_months == 0 {
            return None;
        }
        let now = indicator_value(ind, self.by_region.get(region)?, self.months_with_data, None)?;
        let before = indicator_value(ind, self.prev_by_region.get(region)?, self.prev_months, None)?;
        (before > 0.0).then(|| 100.0 * (now - before) / before)
    }

    /// The indicator for compared area `k` over the months `from..=to` (stocks averaged over the months with
    /// data, flows summed), and its change vs the same months a year earlier in percent (`None` where the
    /// year before has no data or a zero base, and for [`Indicator::Change`], which is a change already).
    /// Months outside the data are skipped.
    pub fn area_period(&self, k: usize, ind: Indicator, from: Month, to: Month) -> (Option<f64>, Option<f64>) {
        let Some(s) = self.series.get(k) else { return (None, None) };
        let base = i64::from(self.series_first.index());
        let sum = |lo: i64, hi: i64| {
            let mut total = Sums::default();
            let mut months = 0u32;
            for m in lo.max(0)..=hi {
                if let Some(cell) = usize::try_from(m).ok().and_then(|m| s.get(m)) {
                    if !cell.is_empty() {
                        total.merge(cell);
                        months += 1;
                    }
                }
            }
            (total, months)
        };
        let (lo, hi) = (i64::from(from.index()) - base, i64::from(to.index()) - base);
        let (now, n_now) = sum(lo, hi);
        let (prev, n_prev) = sum(lo - 12, hi - 12);
        let prev_arg = (n_prev > 0).then_some((&prev, n_prev));
        let value = if n_now > 0 { indicator_value(ind, &now, n_now, prev_arg) } else { None };
        let change = match (ind, value, prev_arg) {
            (Indicator::Change, _, _) | (_, None, _) | (_, _, None) => None,
            (_, Some(v), Some((p, pm))) => {
                indicator_value(ind, p, pm, None).filter(|b| *b > 0.0).map(|b| 100.0 * (v - b) / b)
            }
        };
        (value, change)
    }

    /// The indicator for compared area `k`, month by month (a month's stock
    /// is its own average), `None` where not computable.
    pub fn series_values(&self, ind: Indicator, k: usize) -> Vec<Option<f64>> {
        let Some(s) = self.series.get(k) else { return Vec::new() };
        (0..s.len())
            .map(|i| {
                let prev = i.checked_sub(12).map(|j| (&s[j], 1));
                indicator_value(ind, &s[i], 1, prev)
            })
            .collect()
    }
}

/// Computes every aggregate for the filter and the compared areas.
pub fn aggregate(labour: &Labour, codes: &Codes, f: &Filter, compare: &[Area]) -> Aggregates {
    let n_regions = codes.regions().len();
    let n_occ = codes.occupations().len();
    let span = f.from.span_to(f.to) as usize;
    let n_series_months = labour.first.span_to(labour.last) as usize;
    let mut a = Aggregates {
        monthly: vec![Sums::default(); span],
        by_region: vec![Sums::default(); n_regions],
        prev_by_region: vec![Sums::default(); n_regions],
        by_sector: vec![Sums::default(); codes.sectors().len()],
        series: vec![vec![Sums::default(); n_series_months]; compare.len()],
        series_first: labour.first,
        ..Aggregates::default()
    };
    if labour.is_empty() || span == 0 {
        return a;
    }
    let area = f.area.mask(codes);
    let sector_ok = prefix_mask(codes.sectors().iter().map(|s| s.code.as_str()), f.sector.as_deref());
    let occ_ok = prefix_mask(codes.occupations().iter().map(|o| o.code.as_str()), f.occupation.as_deref());
    let compare_masks: Vec<Vec<bool>> = compare.iter().map(|c| c.mask(codes)).collect();
    let mut by_occ = vec![Sums::default(); n_occ];
    let mut season = vec![[Sums::default(); 12]; n_occ];
    // Month offsets relative to the data's first month.
    let base = i64::from(labour.first.index());
    let lo = i64::from(f.from.index()) - base;
    let hi = i64::from(f.to.index()) - base;
    // Seasonality needs a whole year: the period, or the 12 months ending with it.
    let season_lo = lo.min(hi - 11);
    let mut seen = vec![false; n_series_months];
    let [js, vo, vn, pl] = &labour.measures;
    for i in 0..labour.len() {
        let m = i64::from(labour.month[i]);
        let r = labour.region[i] as usize;
        let s = labour.sector[i] as usize;
        let o = labour.occupation[i] as usize;
        let s_ok = sector_ok.get(s).copied().unwrap_or(false);
        let o_ok = occ_ok.get(o).copied().unwrap_or(false);
        let in_period = m >= lo && m <= hi;
        let in_prev = m + 12 >= lo && m + 12 <= hi;
        let in_season = m >= season_lo && m <= hi;
        if !(in_period || in_prev || in_season || (!compare.is_empty() && s_ok && o_ok)) {
            continue;
        }
        let vals = [js[i], vo[i], vn[i], pl[i]];
        let a_ok = area.get(r).copied().unwrap_or(false);
        if s_ok && o_ok {
            for (k, mask) in compare_masks.iter().enumerate() {
                if mask.get(r).copied().unwrap_or(false) {
                    if let Some(cell) = a.series[k].get_mut(m as usize) {
                        cell.add_row(&vals);
                    }
                }
            }
        }
        if in_season && a_ok && s_ok {
            season[o][((m + base) % 12) as usize].add_row(&vals);
        }
        if in_period {
            if let Some(x) = seen.get_mut(m as usize) {
                *x = true;
            }
            if s_ok && o_ok {
                a.by_region[r].add_row(&vals);
            }
            if a_ok && o_ok {
                a.by_sector[s].add_row(&vals);
            }
            if a_ok && s_ok {
                by_occ[o].add_row(&vals);
                if o_ok {
                    a.records += 1;
                    a.monthly[(m - lo) as usize].add_row(&vals);
                }
            }
        }
        // Not `else`: with a period longer than a year, a month is both.
        if in_prev && s_ok && o_ok {
            a.prev_by_region[r].add_row(&vals);
            if a_ok {
                a.prev_totals.add_row(&vals);
            }
        }
    }
    for ms in &a.monthly {
        a.totals.merge(ms);
    }
    a.months_with_data = seen.iter().skip(lo.max(0) as usize).take(span).filter(|&&x| x).count() as u32;
    // Months of the year before: those with previous-year data for this area.
    a.prev_months = if a.prev_totals.is_empty() { 0 } else { prev_month_count(labour, lo, hi) };
    a.by_occupation = by_occ
        .into_iter()
        .enumerate()
        .filter(|(_, s)| !s.is_empty())
        .map(|(occupation, sums)| OccupationRow { occupation, ratio: shortage_ratio(&sums), sums })
        .collect();
    a.by_occupation.sort_by(|x, y| {
        let key = |r: &OccupationRow| r.ratio.unwrap_or(-1.0);
        key(y).total_cmp(&key(x)).then(x.occupation.cmp(&y.occupation))
    });
    a.seasonality = season
        .into_iter()
        .enumerate()
        .filter(|(_, m)| m.iter().any(|s| !s.is_empty()))
        .map(|(occupation, months)| {
            let ratios: Vec<f64> = months.iter().filter_map(shortage_ratio).collect();
            let swings = ratios.iter().any(|&r| r > 1.0) && ratios.iter().any(|&r| r < 1.0);
            SeasonRow { occupation, months, swings }
        })
        .collect();
    a
}

/// Months between `lo - 12` and `hi - 12` (offsets) that lie inside the data.
fn prev_month_count(labour: &Labour, lo: i64, hi: i64) -> u32 {
    let n = i64::from(labour.first.span_to(labour.last));
    (lo - 12..=hi - 12).filter(|m| (0..n).contains(m)).count() as u32
}
