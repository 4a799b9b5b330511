//! The aggregation (`core::data::aggregate`, a tight columnar scan with a per-dataset index)
//! against a straightforward reference: the record-by-record implementation it replaced, kept
//! here verbatim. Both must give identical results (integer sums: bit-identical) for many
//! filters, on generated data sorted by month, shuffled, with gaps and with NA values.

use vagas::core::data::aggregate::{self, shortage_ratio, Aggregates, Area, Filter, OccupationRow, SeasonRow, Sums};
use vagas::core::data::codes::{self, Codes};
use vagas::core::data::column::NA;
use vagas::core::data::labour::{self, Labour};
use vagas::core::data::Month;

fn bundled_codes() -> Codes {
    codes::load("codes", include_str!("../data/codes.json")).expect("bundled codes").0
}

fn prefix_mask<'a>(codes: impl Iterator<Item = &'a str>, prefix: Option<&str>) -> Vec<bool> {
    codes.map(|c| prefix.is_none_or(|p| c.starts_with(p))).collect()
}

fn add_row(s: &mut Sums, vals: &[u32; 4]) {
    for (k, &v) in vals.iter().enumerate() {
        if v != NA {
            s.sum[k] += u64::from(v);
            s.n[k] += 1;
        }
    }
}

fn merge(s: &mut Sums, o: &Sums) {
    for k in 0..4 {
        s.sum[k] += o.sum[k];
        s.n[k] += o.n[k];
    }
}

/// The previous implementation, record by record.
#[allow(clippy::all)]
fn reference(labour: &Labour, codes: &Codes, f: &Filter, compare: &[Area]) -> Aggregates {
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
                        add_row(cell, &vals);
                    }
                }
            }
        }
        if in_season && a_ok && s_ok {
            add_row(&mut season[o][((m + base) % 12) as usize], &vals);
        }
        if in_period {
            if let Some(x) = seen.get_mut(m as usize) {
                *x = true;
            }
            if s_ok && o_ok {
                add_row(&mut a.by_region[r], &vals);
            }
            if a_ok && o_ok {
                add_row(&mut a.by_sector[s], &vals);
            }
            if a_ok && s_ok {
                add_row(&mut by_occ[o], &vals);
                if o_ok {
                    a.records += 1;
                    add_row(&mut a.monthly[(m - lo) as usize], &vals);
                }
            }
        }
        // Not `else`: with a period longer than a year, a month is both.
        if in_prev && s_ok && o_ok {
            add_row(&mut a.prev_by_region[r], &vals);
            if a_ok {
                add_row(&mut a.prev_totals, &vals);
            }
        }
    }
    for ms in &a.monthly {
        merge(&mut a.totals, ms);
    }
    a.months_with_data = seen.iter().skip(lo.max(0) as usize).take(span).filter(|&&x| x).count() as u32;
    // Months of the year before: those with previous-year data for this area.
    a.prev_months = if a.prev_totals.is_empty() {
        0
    } else {
        {
            let n = i64::from(labour.first.span_to(labour.last));
            (lo - 12..=hi - 12).filter(|m| (0..n).contains(m)).count() as u32
        }
    };
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

/// A deterministic generator of numbers (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn generated(codes: &Codes, n: usize) -> Labour {
    let json = vagas::core::sample::to_json(&vagas::core::sample::labour_market(codes, Some(n)));
    labour::load("gen", &json, codes).expect("generated data loads").0
}

/// The same records in another order (not sorted by month any more).
fn shuffled(l: &Labour, rng: &mut Rng) -> Labour {
    let mut order: Vec<usize> = (0..l.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
    }
    let pick16 = |v: &Vec<u16>| order.iter().map(|&i| v[i]).collect::<Vec<u16>>();
    let pick32 = |v: &Vec<u32>| order.iter().map(|&i| v[i]).collect::<Vec<u32>>();
    Labour {
        month: pick16(&l.month),
        region: pick16(&l.region),
        sector: pick16(&l.sector),
        occupation: pick16(&l.occupation),
        measures: [pick32(&l.measures[0]), pick32(&l.measures[1]), pick32(&l.measures[2]), pick32(&l.measures[3])],
        ..l.clone()
    }
}

/// Some values NA, and two months without any record.
fn holed(l: &Labour, rng: &mut Rng) -> Labour {
    let mut out = l.clone();
    for col in &mut out.measures {
        for v in col.iter_mut() {
            if rng.next().is_multiple_of(7) {
                *v = NA;
            }
        }
    }
    let keep: Vec<bool> = l.month.iter().map(|&m| m != 3 && m != 20).collect();
    let f16 = |v: &Vec<u16>| v.iter().zip(&keep).filter(|p| *p.1).map(|p| *p.0).collect::<Vec<u16>>();
    let f32 = |v: &Vec<u32>| v.iter().zip(&keep).filter(|p| *p.1).map(|p| *p.0).collect::<Vec<u32>>();
    Labour {
        month: f16(&out.month),
        region: f16(&out.region),
        sector: f16(&out.sector),
        occupation: f16(&out.occupation),
        measures: [f32(&out.measures[0]), f32(&out.measures[1]), f32(&out.measures[2]), f32(&out.measures[3])],
        ..out
    }
}

fn filters(l: &Labour, codes: &Codes) -> Vec<Filter> {
    let (first, last) = (l.first.index(), l.last.index());
    let m = Month::from_index;
    let periods = [
        (m(last - 11), m(last)),
        (m(first), m(last)),
        (m(last), m(last)),
        (m(first), m(first)),
        (m(first + 14), m(first + 30)),
        (m(first + 13), m(first + 13)),
        (m(first.saturating_sub(5)), m(first + 6)),
        (m(last - 3), m(last + 8)),
        (m(last + 2), m(last + 20)),
        (m(first.saturating_sub(30)), m(first.saturating_sub(2))),
    ];
    let areas =
        [Area::Portugal, Area::Focus(0), Area::Focus(1), Area::District(0), Area::District(7), Area::District(19)];
    let sector = codes.sectors().first().map(|s| s.code.clone());
    let sectors = [None, Some("I".to_string()), Some("A".to_string()), sector, Some("Z9".to_string())];
    let occ = codes.occupations().last().map(|o| o.code.clone());
    let occupations = [None, Some("5".to_string()), Some("51".to_string()), Some("9".to_string()), occ];
    let mut out = Vec::new();
    for (i, &(from, to)) in periods.iter().enumerate() {
        for (j, &area) in areas.iter().enumerate() {
            for (k, sector) in sectors.iter().enumerate() {
                for (q, occupation) in occupations.iter().enumerate() {
                    // Every period × area, and a rotating share of the sector × occupation pairs.
                    if (i + j + k + q).is_multiple_of(3) || (k == 0 && q == 0) {
                        out.push(Filter { from, to, area, sector: sector.clone(), occupation: occupation.clone() });
                    }
                }
            }
        }
    }
    out
}

fn check(l: &Labour, codes: &Codes, what: &str) {
    let compares: [&[Area]; 3] =
        [&[], &[Area::Portugal, Area::Focus(0), Area::Focus(1)], &[Area::District(7), Area::Portugal]];
    let prepared = aggregate::Prepared::new(l, codes);
    let fs = filters(l, codes);
    assert!(fs.len() > 300, "{}", fs.len());
    for (i, f) in fs.iter().enumerate() {
        let compare = compares[i % 3];
        let want = reference(l, codes, f, compare);
        assert_eq!(aggregate::aggregate(l, codes, f, compare), want, "{what}: {f:?} {compare:?}");
        // The app's path: the dataset prepared once, the series computed apart.
        let mut got = aggregate::aggregate_period(l, codes, &prepared, f);
        if f.from.span_to(f.to) > 0 {
            got.series = aggregate::series(l, codes, &prepared, f.sector.as_deref(), f.occupation.as_deref(), compare);
            assert_eq!(got, want, "{what} (prepared): {f:?} {compare:?}");
        }
    }
}

#[test]
fn aggregation_equals_the_reference_on_generated_data() {
    let codes = bundled_codes();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let sorted = generated(&codes, 20_000);
    assert!(sorted.month.windows(2).all(|w| w[0] <= w[1]), "the generator writes months in order");
    check(&sorted, &codes, "sorted");
    check(&shuffled(&sorted, &mut rng), &codes, "shuffled");
    let holed = holed(&sorted, &mut rng);
    check(&holed, &codes, "NA and gaps");
    check(&shuffled(&holed, &mut rng), &codes, "NA and gaps, shuffled");
    let bundled = labour::load("lm", include_str!("../data/labour_market.json"), &codes).expect("bundled").0;
    check(&bundled, &codes, "bundled");
}
