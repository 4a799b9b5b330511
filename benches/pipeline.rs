//! Parse + validate + aggregate timings for generated labour-market files.
//! Run: `cargo bench --bench pipeline` (prints figures; asserts nothing).
//! Sizes: VAGAS_BENCH_RECORDS="100000,1000000" by default.

use std::time::Instant;

use vagas::core::data::aggregate::{self, Area, Filter};
use vagas::core::data::{codes, labour};

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let codes_text = std::fs::read_to_string("data/codes.json").unwrap_or_else(|e| panic!("data/codes.json: {e}"));
    let (codes, _) = codes::load("codes", &codes_text).unwrap_or_else(|r| panic!("{r}"));
    let sizes = std::env::var("VAGAS_BENCH_RECORDS").unwrap_or_else(|_| "100000,1000000".into());
    println!(
        "{:>10} {:>9} {:>10} {:>10} {:>12} {:>12}",
        "records", "MB", "generate", "parse+val", "aggregate", "agg (Faro)"
    );
    for n in sizes.split(',').filter_map(|s| s.trim().replace('_', "").parse::<usize>().ok()) {
        let t = Instant::now();
        let json = vagas::core::sample::to_json(&vagas::core::sample::labour_market(&codes, Some(n)));
        let generate = ms(t);

        let t = Instant::now();
        let (lab, _) = labour::load("bench", &json, &codes).unwrap_or_else(|r| panic!("{r}"));
        let parse = ms(t);

        let all = Filter { from: lab.first, to: lab.last, area: Area::Portugal, sector: None, occupation: None };
        let faro = Filter {
            from: vagas::core::data::Month::from_index(lab.last.index() - 11),
            area: Area::District(codes.region.get("PT-08").unwrap_or(0)),
            ..all.clone()
        };
        // Median of 9 runs: the figure a user feels on a filter change.
        let median = |f: &Filter| {
            let mut v: Vec<f64> = (0..9)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(aggregate::aggregate(
                        &lab,
                        &codes,
                        f,
                        &[Area::Portugal, Area::Focus(0), Area::Focus(1)],
                    ));
                    ms(t)
                })
                .collect();
            v.sort_by(f64::total_cmp);
            v[4]
        };
        let (agg_all, agg_faro) = (median(&all), median(&faro));
        println!(
            "{:>10} {:>9.1} {:>8.0}ms {:>8.0}ms {:>10.2}ms {:>10.2}ms",
            lab.len(),
            json.len() as f64 / 1e6,
            generate,
            parse,
            agg_all,
            agg_faro
        );
    }
}
