//! The overview's headline figures as a model — the line saying what they cover and five cards —
//! and the same figures for the landing view, computed ahead of time ([`first_view`]) so that
//! `index.html` can show them before the wasm has arrived (issue #12).
//!
//! Both the view (`ui::headlines`) and the baked first view (`examples/first_view.rs` →
//! `build/first-view.json` → `scripts/post-build.mjs` → `index.html`) use these functions, and
//! `tests/first_view.rs` checks the baked file against the bundled data, so the figures a visitor
//! sees first are the ones the app then computes.

use serde::Serialize;

use crate::core::data::aggregate::{self, Aggregates, Filter};
use crate::core::data::codes::Codes;
use crate::core::data::labour::{Labour, Measure};
use crate::core::data::Lang;
use crate::core::format;
use crate::core::i18n::labels::{self, area_name, measure_key};
use crate::core::i18n::Key;
use crate::core::state::{resolve, ViewState};

/// One headline card: its test id (`kpi-ratio`, `kpi-<measure column>`), the keys of its label
/// and hint, and its value formatted for the language (`–` when not available).
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub testid: String,
    pub label: Key,
    pub value: String,
    pub hint: Key,
}

/// What the figures cover, as the line above the cards says it: "area · period", then the sector
/// and occupation when chosen (e.g. "Portugal · dez 2024 – nov 2025").
pub fn context(filter: &Filter, codes: &Codes, l: Lang) -> String {
    let area = area_name(filter.area, codes, l);
    let sector = filter.sector.as_deref().and_then(|s| labels::sector(codes, s, l));
    let occ = filter.occupation.as_deref().and_then(|o| labels::occupation(codes, o, l));
    let extra: String = [sector, occ].into_iter().flatten().map(|s| format!(" · {s}")).collect();
    format!("{area} · {}{extra}", format::period(l, filter.from, filter.to))
}

/// The five cards, in order: vacancies per jobseeker (2 decimals), then open vacancies and
/// jobseekers (monthly averages) and new vacancies and placements (period totals), as whole
/// numbers. Definitions: README, "How the figures are computed".
pub fn cards(agg: &Aggregates, l: Lang) -> Vec<Card> {
    let mut cards = vec![Card {
        testid: "kpi-ratio".into(),
        label: Key::Ratio,
        value: format::maybe(l, agg.ratio(), 2),
        hint: Key::RatioHint,
    }];
    for m in [Measure::VacanciesOpen, Measure::Jobseekers, Measure::VacanciesNew, Measure::Placements] {
        cards.push(Card {
            testid: format!("kpi-{}", m.column()),
            label: measure_key(m),
            value: format::maybe(l, agg.value(m), 0),
            hint: if m.is_stock() { Key::MonthlyAverage } else { Key::PeriodTotal },
        });
    }
    cards
}

/// A text in both interface languages.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Both {
    pub pt: String,
    pub en: String,
}

/// The landing view's headline figures (the overview with no parameter in its address: Portugal,
/// the last 12 months of data, every sector and occupation), in both languages: the context line,
/// then `(test id, value)` per card in the order of [`cards`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FirstView {
    pub context: Both,
    pub cards: Vec<(String, Both)>,
}

/// The landing view's figures from the code lists and the labour-market data, as the app computes
/// them for `ViewState::default()` (`state::resolve`, then `aggregate::aggregate`).
pub fn first_view(codes: &Codes, labour: &Labour) -> FirstView {
    let resolved = resolve(&ViewState::default(), codes, labour.first, labour.last);
    let agg = aggregate::aggregate(labour, codes, &resolved.filter, &resolved.compare);
    let (pt, en) = (cards(&agg, Lang::Pt), cards(&agg, Lang::En));
    FirstView {
        context: Both {
            pt: context(&resolved.filter, codes, Lang::Pt),
            en: context(&resolved.filter, codes, Lang::En),
        },
        cards: pt.into_iter().zip(en).map(|(p, e)| (p.testid, Both { pt: p.value, en: e.value })).collect(),
    }
}

/// The baked first view, `build/first-view.json`: [`FirstView`] and the files it was computed
/// from, each with the SHA-256 of its bytes (hex), so that `scripts/post-build.mjs` bakes the
/// figures into `index.html` only when the data being built is that data. `sources`: (path in
/// `dist/`, hash) pairs. Pretty-printed JSON ending in a newline.
pub fn first_view_file(view: &FirstView, sources: &[(String, String)]) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        about: &'a str,
        sources: std::collections::BTreeMap<&'a str, &'a str>,
        #[serde(flatten)]
        view: &'a FirstView,
    }
    let file = File {
        about:
            "The landing view's headline figures, computed from the bundled data by `cargo run --example first_view` \
                (core::headlines::first_view) and baked into index.html by scripts/post-build.mjs when the sources' \
                SHA-256 match. Checked by tests/first_view.rs. Do not edit.",
        sources: sources.iter().map(|(p, h)| (p.as_str(), h.as_str())).collect(),
        view,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::{codes, labour};

    fn bundled() -> (Codes, Labour) {
        let (c, _) = codes::load("codes", include_str!("../../data/codes.json")).unwrap();
        let (l, _) = labour::load("labour", include_str!("../../data/labour_market.json"), &c).unwrap();
        (c, l)
    }

    #[test]
    fn the_first_view_is_the_default_view_in_both_languages() {
        let (c, l) = bundled();
        let fv = first_view(&c, &l);
        let ids: Vec<&str> = fv.cards.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["kpi-ratio", "kpi-vacancies_open", "kpi-jobseekers", "kpi-vacancies_new", "kpi-placements"]);
        assert!(fv.context.pt.starts_with("Portugal · "), "{}", fv.context.pt);
        assert!(fv.context.en.starts_with("Portugal · "), "{}", fv.context.en);
        // The ratio with a decimal comma in Portuguese and a point in English.
        let ratio = &fv.cards[0].1;
        assert!(ratio.pt.contains(',') && ratio.en.contains('.'), "{ratio:?}");
        assert_eq!(ratio.pt.replace(',', "."), ratio.en);
        // Equal to what the view's model gives for the default state.
        let r = resolve(&ViewState::default(), &c, l.first, l.last);
        let agg = aggregate::aggregate(&l, &c, &r.filter, &r.compare);
        assert_eq!(
            cards(&agg, Lang::En).iter().map(|k| k.value.clone()).collect::<Vec<_>>(),
            fv.cards.iter().map(|(_, b)| b.en.clone()).collect::<Vec<_>>()
        );
        assert_eq!(r.filter.to, l.last);
        assert_eq!(r.filter.from.index() + 11, l.last.index());
    }
}
