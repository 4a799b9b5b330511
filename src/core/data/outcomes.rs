//! Consultation outcomes for the barriers views: which outcomes match the
//! filters and the search, and their breakdowns by theme and stakeholder group.

use super::aggregate::Filter;
use super::codes::Codes;
use super::consultations::{Consultations, Status};
use super::Month;

/// Filters specific to outcomes, on top of the area, period and sector.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OutcomeQuery {
    pub theme: Option<usize>,
    pub group: Option<usize>,
    pub status: Option<Status>,
    /// Free text, matched in pt and en, ignoring case and accents.
    pub text: Option<String>,
    /// Keep only outcomes whose event falls in the filter's period. `false` (the default): every date,
    /// since consultations have their own calendar, unrelated to the labour-market period.
    pub follow_period: bool,
}

/// Lower case without accents, so "habitacao" finds "Habitação".
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// Positions of the outcomes that match, in file order. Every word of the
/// search must appear somewhere in the outcome's texts (pt or en), source,
/// or the title of its event.
pub fn matching(cons: &Consultations, codes: &Codes, f: &Filter, q: &OutcomeQuery) -> Vec<usize> {
    let mask = f.area.mask(codes);
    let words: Vec<String> =
        q.text.as_deref().map(fold).unwrap_or_default().split_whitespace().map(String::from).collect();
    cons.outcomes()
        .iter()
        .zip(&cons.ids)
        .enumerate()
        .filter(|(_, (o, ids))| {
            let sector_ok = match (&f.sector, ids.sector) {
                (None, _) | (_, None) => true,
                (Some(p), Some(s)) => codes.sectors().get(s).is_some_and(|e| e.code.starts_with(p.as_str())),
            };
            mask.get(ids.region).copied().unwrap_or(false)
                && (!q.follow_period || (ids.month >= f.from && ids.month <= f.to))
                && sector_ok
                && q.theme.is_none_or(|t| t == ids.theme)
                && q.group.is_none_or(|g| g == ids.group)
                && q.status.is_none_or(|s| s == o.status)
                && (words.is_empty() || {
                    let title = cons.events().get(ids.event).map(|e| format!("{} {}", e.title.pt, e.title.en));
                    let hay = fold(&format!(
                        "{} {} {} {} {} {}",
                        o.text.pt,
                        o.text.en,
                        o.recommendation.pt,
                        o.recommendation.en,
                        o.source,
                        title.unwrap_or_default()
                    ));
                    words.iter().all(|w| hay.contains(w.as_str()))
                })
        })
        .map(|(i, _)| i)
        .collect()
}

/// The consultation events in the area of `f` (and in its period when `follow_period`), in file order,
/// each with the number of its outcomes: `(event index, outcomes)`. One pass over the outcomes.
/// Events whose district is not in the code lists are left out of any area but Portugal.
pub fn events_in(cons: &Consultations, codes: &Codes, f: &Filter, follow_period: bool) -> Vec<(usize, usize)> {
    let mask = f.area.mask(codes);
    let mut counts = vec![0usize; cons.events().len()];
    for ids in &cons.ids {
        if let Some(c) = counts.get_mut(ids.event) {
            *c += 1;
        }
    }
    cons.events()
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            let in_area = match codes.region.get(&e.region) {
                Some(r) => mask.get(r).copied().unwrap_or(false),
                None => matches!(f.area, super::aggregate::Area::Portugal),
            };
            let in_period = !follow_period
                || Month::parse(e.date.get(..7).unwrap_or_default()).is_some_and(|m| m >= f.from && m <= f.to);
            in_area && in_period
        })
        .map(|(i, _)| (i, counts[i]))
        .collect()
}

/// How barriers are weighed in the overview chart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Weight {
    /// Number of outcomes.
    #[default]
    Count,
    /// Sum of votes (supports).
    Votes,
    /// Sum of priority weights (high 3, medium 2, low 1).
    Priority,
}

impl Weight {
    pub const ALL: [Weight; 3] = [Weight::Count, Weight::Votes, Weight::Priority];
    pub fn code(self) -> &'static str {
        match self {
            Weight::Count => "count",
            Weight::Votes => "votes",
            Weight::Priority => "priority",
        }
    }
    pub fn from_code(s: &str) -> Option<Weight> {
        Weight::ALL.into_iter().find(|w| w.code() == s)
    }
}

/// One theme: its weight per stakeholder group (code-list order) and in all.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeStack {
    pub theme: usize,
    pub by_group: Vec<u32>,
    pub total: u32,
}

/// Themes (most weighty first) stacked by stakeholder group, for `idx`.
pub fn by_theme_and_group(cons: &Consultations, codes: &Codes, idx: &[usize], w: Weight) -> Vec<ThemeStack> {
    let groups = codes.groups().len();
    let mut rows: Vec<ThemeStack> =
        (0..codes.themes().len()).map(|theme| ThemeStack { theme, by_group: vec![0; groups], total: 0 }).collect();
    for &i in idx {
        let (Some(o), Some(ids)) = (cons.outcomes().get(i), cons.ids.get(i)) else { continue };
        let v = match w {
            Weight::Count => 1,
            Weight::Votes => o.votes,
            Weight::Priority => o.priority.weight(),
        };
        if let Some(row) = rows.get_mut(ids.theme) {
            if let Some(cell) = row.by_group.get_mut(ids.group) {
                *cell += v;
            }
            row.total += v;
        }
    }
    rows.retain(|r| r.total > 0);
    rows.sort_by(|a, b| b.total.cmp(&a.total).then(a.theme.cmp(&b.theme)));
    rows
}

/// One theme's outcomes, votes and priority weights.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThemeRow {
    pub theme: usize,
    pub outcomes: u32,
    pub votes: u32,
    /// Sum of priority weights (high 3, medium 2, low 1).
    pub weighted: u32,
}

/// Themes of the outcomes `idx`, most raised first (then most voted).
pub fn theme_summary(cons: &Consultations, codes: &Codes, idx: &[usize]) -> Vec<ThemeRow> {
    let mut rows: Vec<ThemeRow> =
        (0..codes.themes().len()).map(|theme| ThemeRow { theme, ..ThemeRow::default() }).collect();
    for &i in idx {
        let (Some(o), Some(ids)) = (cons.outcomes().get(i), cons.ids.get(i)) else { continue };
        if let Some(r) = rows.get_mut(ids.theme) {
            r.outcomes += 1;
            r.votes += o.votes;
            r.weighted += o.priority.weight();
        }
    }
    rows.retain(|r| r.outcomes > 0);
    rows.sort_by(|a, b| b.outcomes.cmp(&a.outcomes).then(b.votes.cmp(&a.votes)).then(a.theme.cmp(&b.theme)));
    rows
}

/// A theme in the priority matrix: how often raised vs how strongly.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemePoint {
    pub theme: usize,
    pub outcomes: u32,
    /// Mean priority weight, 1 (low) to 3 (high).
    pub mean_priority: f64,
    pub mean_votes: f64,
}

pub fn priority_matrix(cons: &Consultations, codes: &Codes, idx: &[usize]) -> Vec<ThemePoint> {
    let n = codes.themes().len();
    let (mut count, mut prio, mut votes) = (vec![0u32; n], vec![0u32; n], vec![0u32; n]);
    for &i in idx {
        let (Some(o), Some(ids)) = (cons.outcomes().get(i), cons.ids.get(i)) else { continue };
        if ids.theme < n {
            count[ids.theme] += 1;
            prio[ids.theme] += o.priority.weight();
            votes[ids.theme] += o.votes;
        }
    }
    (0..n)
        .filter(|&t| count[t] > 0)
        .map(|t| ThemePoint {
            theme: t,
            outcomes: count[t],
            mean_priority: f64::from(prio[t]) / f64::from(count[t]),
            mean_votes: f64::from(votes[t]) / f64::from(count[t]),
        })
        .collect()
}

/// Outcomes per status, in the order proposed → implemented, rejected last.
pub fn by_status(cons: &Consultations, idx: &[usize]) -> Vec<(Status, u32)> {
    let order = [Status::Proposed, Status::Accepted, Status::InProgress, Status::Implemented, Status::Rejected];
    order
        .iter()
        .map(|&s| (s, idx.iter().filter(|&&i| cons.outcomes().get(i).is_some_and(|o| o.status == s)).count() as u32))
        .collect()
}

impl Status {
    pub const ALL: [Status; 5] =
        [Status::Proposed, Status::Accepted, Status::InProgress, Status::Implemented, Status::Rejected];
    pub fn code(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Accepted => "accepted",
            Status::InProgress => "in_progress",
            Status::Implemented => "implemented",
            Status::Rejected => "rejected",
        }
    }
    pub fn from_code(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.code() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::aggregate::Area;
    use crate::core::data::{codes, consultations, Month};

    fn setup() -> (Codes, Consultations) {
        let c = codes::load("codes", include_str!("../../../data/codes.json")).unwrap().0;
        let x = consultations::load("c", include_str!("../../../tests/corpus/cons_valid.json"), &c).unwrap().0;
        (c, x)
    }

    fn all_2024(c: &Codes) -> Filter {
        Filter {
            from: Month::parse("2024-01").unwrap(),
            to: Month::parse("2024-12").unwrap(),
            area: Area::District(c.region.get("PT-08").unwrap()),
            sector: None,
            occupation: None,
        }
    }

    #[test]
    fn search_ignores_case_and_accents_in_both_languages() {
        let (c, x) = setup();
        let f = all_2024(&c);
        let q = |s: &str| OutcomeQuery { text: Some(s.into()), ..OutcomeQuery::default() };
        assert_eq!(matching(&x, &c, &f, &q("HOUSING")), vec![0]);
        assert_eq!(matching(&x, &c, &f, &q("alojamento temporario")), vec![0]);
        assert_eq!(matching(&x, &c, &f, &q("aima")), vec![1]);
        assert_eq!(matching(&x, &c, &f, &q("workshop")), vec![0, 1]);
        assert!(matching(&x, &c, &f, &q("aima housing")).is_empty());
        assert_eq!(matching(&x, &c, &f, &q("   ")), vec![0, 1]);
    }

    #[test]
    fn outcomes_follow_their_own_dates_unless_asked() {
        let (c, x) = setup();
        // A period with no consultation at all: every outcome by default, none when following it.
        let f = Filter { from: Month::parse("2019-01").unwrap(), to: Month::parse("2019-02").unwrap(), ..all_2024(&c) };
        assert_eq!(matching(&x, &c, &f, &OutcomeQuery::default()), vec![0, 1]);
        assert!(matching(&x, &c, &f, &OutcomeQuery { follow_period: true, ..Default::default() }).is_empty());
        assert_eq!(events_in(&x, &c, &f, false).iter().map(|e| e.1).sum::<usize>(), 2);
        assert!(events_in(&x, &c, &f, true).is_empty());
        // Another district: its events only.
        let beja = Filter { area: Area::District(c.region.get("PT-02").unwrap()), ..all_2024(&c) };
        assert!(events_in(&x, &c, &beja, false).iter().all(|&(i, _)| x.events()[i].region == "PT-02"));
        let all = Filter { area: Area::Portugal, ..all_2024(&c) };
        assert_eq!(events_in(&x, &c, &all, false).len(), x.events().len());
    }

    #[test]
    fn filters_by_theme_group_status_and_sector() {
        let (c, x) = setup();
        let f = all_2024(&c);
        let housing = c.theme.get("housing");
        assert_eq!(matching(&x, &c, &f, &OutcomeQuery { theme: housing, ..Default::default() }), vec![0]);
        let migrants = c.group.get("migrants");
        assert_eq!(matching(&x, &c, &f, &OutcomeQuery { group: migrants, ..Default::default() }), vec![1]);
        let accepted = Some(Status::Accepted);
        assert_eq!(matching(&x, &c, &f, &OutcomeQuery { status: accepted, ..Default::default() }), vec![1]);
        // Sector A: the I55 outcome drops out, the cross-sector one stays.
        let fa = Filter { sector: Some("A".into()), ..f };
        assert_eq!(matching(&x, &c, &fa, &OutcomeQuery::default()), vec![1]);
    }

    #[test]
    fn counts_votes_and_priority_weights() {
        let (c, x) = setup();
        let idx = [0, 1];
        let employers = c.group.get("employers").unwrap();
        let count = by_theme_and_group(&x, &c, &idx, Weight::Count);
        assert_eq!(count.iter().map(|r| r.total).sum::<u32>(), 2);
        let votes = by_theme_and_group(&x, &c, &idx, Weight::Votes);
        assert_eq!(votes[0].total, 12);
        assert_eq!(votes[0].by_group[employers], 12);
        let prio = by_theme_and_group(&x, &c, &idx, Weight::Priority);
        assert_eq!(prio.iter().map(|r| r.total).collect::<Vec<_>>(), vec![3, 2]);
        let m = priority_matrix(&x, &c, &idx);
        assert_eq!(m.len(), 2);
        assert!(m.iter().any(|p| p.mean_priority == 3.0 && p.mean_votes == 12.0));
        let s = by_status(&x, &idx);
        assert_eq!(s[0], (Status::Proposed, 1));
        assert_eq!(s[1], (Status::Accepted, 1));
    }

    #[test]
    fn codes_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
        for w in Weight::ALL {
            assert_eq!(Weight::from_code(w.code()), Some(w));
        }
        assert_eq!(fold("Habitação ÉVORA"), "habitacao evora");
    }
}
