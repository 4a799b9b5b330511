//! The comparison table: the compared areas side by side for a period, every labour-market
//! indicator with its change vs the same months a year earlier (see `Aggregates::area_period`).

use crate::core::data::aggregate::Aggregates;
use crate::core::data::{Indicator, Lang, Month};
use crate::core::i18n::labels::indicator_key;
use crate::core::i18n::{t, Key};
use crate::core::table::{Table, Value};

/// The indicators the table shows (the change is a column of each, not a row).
pub const INDICATORS: [Indicator; 5] =
    [Indicator::Ratio, Indicator::VacanciesOpen, Indicator::VacanciesNew, Indicator::Jobseekers, Indicator::Placements];

/// One row per compared area (`names[k]` names area `k` of the aggregates' comparison), one
/// column per indicator and one for its change (%, one decimal), for the months `from..=to`.
pub fn compare_table(agg: &Aggregates, names: &[String], from: Month, to: Month, l: Lang) -> Table {
    let mut headers = vec![t(l, Key::AreaCol).to_string()];
    for ind in INDICATORS {
        headers.push(t(l, indicator_key(ind)).to_string());
        headers.push(format!("{} — {}", t(l, indicator_key(ind)), t(l, Key::ChangeVsYearBefore)));
    }
    let rows = names
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let mut row = vec![Value::Text(name.clone())];
            for ind in INDICATORS {
                let (v, change) = agg.area_period(k, ind, from, to);
                row.push(Value::Num(v, ind.decimals()));
                row.push(Value::Num(change, 1));
            }
            row
        })
        .collect();
    Table { headers, rows }
}
