//! Longer than 400 lines: the period figures, the series and the per-dataset index share one
//! columnar scan design (windows, lookup tables, cubes) that reads best in one place.
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

/// What the aggregation needs to know about a dataset, computed once per
/// dataset (not per filter change): where each month's records are, which
/// months have records, and the sums by month × region over everything (the
/// compared areas' series without a sector or occupation filter).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prepared {
    /// When the records are sorted by month: month `m`'s records are the rows
    /// `month_starts[m]..month_starts[m + 1]`. `None` when they are not sorted.
    month_starts: Option<Vec<usize>>,
    /// Months (offsets from `Labour::first`) with at least one record.
    month_has_rows: Vec<bool>,
    /// Sums by month × region (`m * n_regions + r`) over every record.
    by_month_region: Vec<Sums>,
    n_regions: usize,
}

impl Prepared {
    pub fn new(labour: &Labour, codes: &Codes) -> Prepared {
        let n_months = labour.first.span_to(labour.last) as usize;
        let n_regions = codes.regions().len();
        let sorted = labour.month.windows(2).all(|w| w[0] <= w[1]);
        let mut month_has_rows = vec![false; n_months];
        let mut counts = vec![0usize; n_months + 1];
        let mut by_month_region = vec![Sums::default(); n_months * n_regions];
        let [js, vo, vn, pl] = &labour.measures;
        let n = labour.len();
        let cols = (&labour.month[..n], &labour.region[..n], &js[..n], &vo[..n], &vn[..n], &pl[..n]);
        for i in 0..n {
            let (m, r) = (usize::from(cols.0[i]), usize::from(cols.1[i]));
            if m < n_months {
                month_has_rows[m] = true;
                counts[m + 1] += 1;
                if r < n_regions {
                    by_month_region[m * n_regions + r].add_row(&[cols.2[i], cols.3[i], cols.4[i], cols.5[i]]);
                }
            }
        }
        // Sorted and every month in range: prefix sums of the counts give each month's rows.
        let month_starts = (sorted && counts.iter().sum::<usize>() == n).then(|| {
            for m in 1..counts.len() {
                counts[m] += counts[m - 1];
            }
            counts
        });
        Prepared { month_starts, month_has_rows, by_month_region, n_regions }
    }

    /// The rows that may hold months `lo..=hi` (offsets; clamped to the data).
    fn rows(&self, len: usize, lo: i64, hi: i64) -> std::ops::Range<usize> {
        match &self.month_starts {
            Some(starts) if hi >= 0 && lo < starts.len() as i64 - 1 => {
                let last = starts.len() - 1;
                let lo = lo.max(0) as usize;
                let hi = (hi as usize).min(last - 1);
                starts[lo]..starts[hi + 1]
            }
            Some(_) => 0..0,
            None => 0..len,
        }
    }
}

/// `table[code]` for every possible `u16`: lookups need no bounds check.
fn lookup_table(ok: impl Iterator<Item = bool>) -> Box<[u8; 1 << 16]> {
    let mut t = Box::new([0u8; 1 << 16]);
    for (i, ok) in ok.enumerate().take(1 << 16) {
        t[i] = u8::from(ok);
    }
    t
}

/// Adds a record's four values (skipping NA) without branches.
#[inline(always)]
fn add_vals(s: &mut Sums, v: [u32; 4]) {
    for (k, &x) in v.iter().enumerate() {
        let ok = x != NA;
        s.sum[k] += if ok { u64::from(x) } else { 0 };
        s.n[k] += u32::from(ok);
    }
}

/// Computes every aggregate for the filter and the compared areas.
pub fn aggregate(labour: &Labour, codes: &Codes, f: &Filter, compare: &[Area]) -> Aggregates {
    let prepared = Prepared::new(labour, codes);
    let mut a = aggregate_period(labour, codes, &prepared, f);
    if !(labour.is_empty() || f.from.span_to(f.to) == 0) {
        a.series = series(labour, codes, &prepared, f.sector.as_deref(), f.occupation.as_deref(), compare);
    } else {
        a.series = vec![vec![Sums::default(); labour.first.span_to(labour.last) as usize]; compare.len()];
    }
    a
}

/// For each compared area, the sums of every month of the data with a sector
/// and an occupation prefix (as in `Filter`; the period and area do not
/// matter): `Aggregates::series`.
pub fn series(
    labour: &Labour,
    codes: &Codes,
    prepared: &Prepared,
    sector: Option<&str>,
    occupation: Option<&str>,
    compare: &[Area],
) -> Vec<Vec<Sums>> {
    let n_months = labour.first.span_to(labour.last) as usize;
    let n_regions = codes.regions().len();
    let mut out = vec![vec![Sums::default(); n_months]; compare.len()];
    if compare.is_empty() || labour.is_empty() {
        return out;
    }
    let scanned;
    let by_mr: &[Sums] = if sector.is_none() && occupation.is_none() && prepared.n_regions == n_regions {
        &prepared.by_month_region
    } else {
        let sector_ok = lookup_table(prefix_mask(codes.sectors().iter().map(|s| s.code.as_str()), sector).into_iter());
        let occ_ok =
            lookup_table(prefix_mask(codes.occupations().iter().map(|o| o.code.as_str()), occupation).into_iter());
        let mut cube = vec![Sums::default(); n_months * n_regions];
        let n = labour.len();
        let [js, vo, vn, pl] = &labour.measures;
        let (month, region) = (&labour.month[..n], &labour.region[..n]);
        let (sec_col, occ_col) = (&labour.sector[..n], &labour.occupation[..n]);
        let (js, vo, vn, pl) = (&js[..n], &vo[..n], &vn[..n], &pl[..n]);
        for i in 0..n {
            if sector_ok[usize::from(sec_col[i])] & occ_ok[usize::from(occ_col[i])] == 0 {
                continue;
            }
            let (m, r) = (usize::from(month[i]), usize::from(region[i]));
            if m < n_months && r < n_regions {
                add_vals(&mut cube[m * n_regions + r], [js[i], vo[i], vn[i], pl[i]]);
            }
        }
        scanned = cube;
        &scanned
    };
    for (k, area) in compare.iter().enumerate() {
        let regions: Vec<usize> = area.mask(codes).iter().enumerate().filter(|p| *p.1).map(|p| p.0).collect();
        for (m, cell) in out[k].iter_mut().enumerate() {
            for &r in &regions {
                cell.merge(&by_mr[m * n_regions + r]);
            }
        }
    }
    out
}

/// Every aggregate but the compared areas' series (left empty): the figures
/// for the filter's period, a year before, and the months of year.
pub fn aggregate_period(labour: &Labour, codes: &Codes, prepared: &Prepared, f: &Filter) -> Aggregates {
    let n_regions = codes.regions().len();
    let n_sectors = codes.sectors().len();
    let n_occ = codes.occupations().len();
    let span = f.from.span_to(f.to) as usize;
    let mut a = Aggregates {
        monthly: vec![Sums::default(); span],
        by_region: vec![Sums::default(); n_regions],
        prev_by_region: vec![Sums::default(); n_regions],
        by_sector: vec![Sums::default(); n_sectors],
        series_first: labour.first,
        ..Aggregates::default()
    };
    if labour.is_empty() || span == 0 {
        return a;
    }
    let area = f.area.mask(codes);
    let area_ok = lookup_table(area.iter().copied());
    let sector_ok =
        lookup_table(prefix_mask(codes.sectors().iter().map(|s| s.code.as_str()), f.sector.as_deref()).into_iter());
    let occ_ok = lookup_table(
        prefix_mask(codes.occupations().iter().map(|o| o.code.as_str()), f.occupation.as_deref()).into_iter(),
    );
    // Month offsets relative to the data's first month.
    let base = i64::from(labour.first.index());
    let lo = i64::from(f.from.index()) - base;
    let hi = i64::from(f.to.index()) - base;
    // Seasonality needs a whole year: the period, or the 12 months ending with it.
    let season_lo = lo.min(hi - 11);
    // The window of months any figure reads: the period, the year before it, the seasons.
    let w_lo = season_lo.min(lo - 12);
    let w_len = (hi - w_lo + 1) as usize;
    const PERIOD: u8 = 1;
    const PREV: u8 = 2;
    const SEASON: u8 = 4;
    // Per month of the window: which figures it feeds, and its month of year.
    let mut flags = vec![0u8; w_len];
    let mut moy = vec![0usize; w_len];
    for (t, (fl, y)) in flags.iter_mut().zip(moy.iter_mut()).enumerate() {
        let m = w_lo + t as i64;
        *fl = if m >= lo && m <= hi { PERIOD } else { 0 }
            | if m + 12 >= lo && m + 12 <= hi { PREV } else { 0 }
            | if m >= season_lo && m <= hi { SEASON } else { 0 };
        *y = (m + base).rem_euclid(12) as usize;
    }
    // Records with the sector and occupation, by window month × region (rows counted for
    // `records`); with the area and sector, by window month × occupation; with the area
    // and occupation, by sector (period only).
    let mut mr = vec![Sums::default(); w_len * n_regions];
    let mut mr_rows = vec![0u32; w_len * n_regions];
    let mut mo = vec![Sums::default(); w_len * n_occ];
    let n = labour.len();
    let rows = prepared.rows(n, w_lo, hi);
    let [js, vo, vn, pl] = &labour.measures;
    let (month, region, sector, occ) =
        (&labour.month[..n], &labour.region[..n], &labour.sector[..n], &labour.occupation[..n]);
    let (js, vo, vn, pl) = (&js[..n], &vo[..n], &vn[..n], &pl[..n]);
    for i in rows {
        let t = (i64::from(month[i]) - w_lo) as usize;
        let Some(&fl) = flags.get(t) else { continue };
        if fl == 0 {
            continue;
        }
        let (r, s, o) = (region[i], sector[i], occ[i]);
        let a_ok = area_ok[usize::from(r)];
        let s_ok = sector_ok[usize::from(s)];
        let o_ok = occ_ok[usize::from(o)];
        let vals = [js[i], vo[i], vn[i], pl[i]];
        let (r, s, o) = (usize::from(r), usize::from(s), usize::from(o));
        if s_ok & o_ok != 0 && fl & (PERIOD | PREV) != 0 {
            if let Some(cell) = mr.get_mut(t * n_regions + r).filter(|_| r < n_regions) {
                add_vals(cell, vals);
                mr_rows[t * n_regions + r] += 1;
            }
        }
        if a_ok & s_ok != 0 && fl & (PERIOD | SEASON) != 0 && o < n_occ {
            add_vals(&mut mo[t * n_occ + o], vals);
        }
        if a_ok & o_ok != 0 && fl & PERIOD != 0 && s < n_sectors {
            add_vals(&mut a.by_sector[s], vals);
        }
    }
    let mut by_occ = vec![Sums::default(); n_occ];
    let mut season = vec![[Sums::default(); 12]; n_occ];
    for (t, &fl) in flags.iter().enumerate() {
        let cells = &mr[t * n_regions..(t + 1) * n_regions];
        if fl & PERIOD != 0 {
            let monthly = &mut a.monthly[(w_lo + t as i64 - lo) as usize];
            for (r, cell) in cells.iter().enumerate() {
                a.by_region[r].merge(cell);
                if area[r] {
                    monthly.merge(cell);
                    a.records += mr_rows[t * n_regions + r] as usize;
                }
            }
            for (o, cell) in mo[t * n_occ..(t + 1) * n_occ].iter().enumerate() {
                by_occ[o].merge(cell);
            }
        }
        if fl & PREV != 0 {
            for (r, cell) in cells.iter().enumerate() {
                a.prev_by_region[r].merge(cell);
                if area[r] {
                    a.prev_totals.merge(cell);
                }
            }
        }
        if fl & SEASON != 0 {
            for (o, cell) in mo[t * n_occ..(t + 1) * n_occ].iter().enumerate() {
                season[o][moy[t]].merge(cell);
            }
        }
    }
    for ms in &a.monthly {
        a.totals.merge(ms);
    }
    let months = &prepared.month_has_rows;
    a.months_with_data = (lo.max(0)..=hi).filter(|&m| months.get(m as usize).copied().unwrap_or(false)).count() as u32;
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
