//! Datasets a user loads, layered over the bundled ones: each replaces what
//! is below it or adds to it, in the order loaded.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::codes::Codes;
use super::consultations::{self, Consultations};
use super::labour::Labour;

/// What a loaded dataset does to the data of its kind below it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    #[default]
    Replace,
    Add,
}

/// The data in effect: the bundled dataset, then each layer in order.
pub fn layer<T>(
    bundled: Option<Arc<T>>,
    layers: impl IntoIterator<Item = (Mode, Arc<T>)>,
    add: impl Fn(&T, &T) -> T,
) -> Option<Arc<T>> {
    layers.into_iter().fold(bundled, |below, (mode, top)| match (mode, below) {
        (Mode::Add, Some(below)) => Some(Arc::new(add(&below, &top))),
        _ => Some(top),
    })
}

/// Records of `base` and `added` together; where both have a record for the
/// same month, district, sector and occupation, the added one wins.
pub fn add_labour(base: &Labour, added: &Labour) -> Labour {
    let first = base.first.min(added.first);
    let last = base.last.max(added.last);
    let shift = |l: &Labour| u16::try_from(l.first.index() - first.index()).unwrap_or(0);
    let key = |l: &Labour, i: usize, shift: u16| {
        (u64::from(l.month[i] + shift) << 48)
            | (u64::from(l.region[i]) << 32)
            | (u64::from(l.sector[i]) << 16)
            | u64::from(l.occupation[i])
    };
    // Months are years 1900–2100 (`Month::new`): offsets stay below 2,412,
    // so `month + shift` cannot overflow a u16.
    let (sb, sa) = (shift(base), shift(added));
    let taken: HashSet<u64> = (0..added.len()).map(|i| key(added, i, sa)).collect();
    let mut out =
        Labour { first, last, meta: base.meta.clone(), dropped: base.dropped + added.dropped, ..Labour::default() };
    for (l, s, skip) in [(base, sb, Some(&taken)), (added, sa, None)] {
        for i in 0..l.len() {
            if skip.is_some_and(|t| t.contains(&key(l, i, s))) {
                continue;
            }
            out.month.push(l.month[i] + s);
            out.region.push(l.region[i]);
            out.sector.push(l.sector[i]);
            out.occupation.push(l.occupation[i]);
            for m in 0..4 {
                out.measures[m].push(l.measures[m][i]);
            }
        }
    }
    out
}

/// Events and outcomes of both; ids of the added file that clash with the
/// base get a suffix ("ev-1" → "ev-1~2") so both stay reachable.
pub fn add_consultations(base: &Consultations, added: &Consultations, codes: &Codes) -> Consultations {
    let mut file = base.file.clone();
    let mut taken: HashSet<String> = file.events.iter().map(|e| e.id.clone()).collect();
    let mut renamed: HashMap<String, String> = HashMap::new();
    for e in &added.file.events {
        let mut e = e.clone();
        let id = fresh(&mut taken, &e.id);
        if id != e.id {
            renamed.insert(e.id.clone(), id.clone());
        }
        e.id = id;
        file.events.push(e);
    }
    let mut taken: HashSet<String> = file.outcomes.iter().map(|o| o.id.clone()).collect();
    for o in &added.file.outcomes {
        let mut o = o.clone();
        o.id = fresh(&mut taken, &o.id);
        if let Some(id) = renamed.get(&o.event) {
            o.event = id.clone();
        }
        file.outcomes.push(o);
    }
    // Both inputs were valid, so the union is; checking again rebuilds the indexes (its JSON was
    // just written: deserialized without following the path, `parse::Plain`).
    let text = serde_json::to_string(&file).unwrap_or_default();
    match consultations::load_as::<super::parse::Plain>("merged", &text, codes) {
        Ok((mut c, _)) => {
            c.dropped = base.dropped + added.dropped;
            c
        }
        Err(_) => base.clone(),
    }
}

fn fresh(taken: &mut HashSet<String>, id: &str) -> String {
    let mut candidate = id.to_string();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{id}~{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::month::Month;

    fn labour(first: &str, rows: &[(u16, u16, u32)]) -> Labour {
        let first = Month::parse(first).unwrap();
        Labour {
            first,
            last: Month::from_index(first.index() + rows.iter().map(|r| u32::from(r.0)).max().unwrap_or(0)),
            month: rows.iter().map(|r| r.0).collect(),
            region: rows.iter().map(|r| r.1).collect(),
            sector: vec![0; rows.len()],
            occupation: vec![0; rows.len()],
            measures: [
                rows.iter().map(|r| r.2).collect(),
                vec![1; rows.len()],
                vec![2; rows.len()],
                vec![3; rows.len()],
            ],
            meta: None,
            dropped: 0,
        }
    }

    #[test]
    fn added_records_win_and_months_are_rebased() {
        // Base: Jan and Feb 2025 in region 0; added: Feb 2025 (same key) and Mar 2025.
        let base = labour("2025-01", &[(0, 0, 10), (1, 0, 20)]);
        let added = labour("2025-02", &[(0, 0, 99), (1, 0, 30)]);
        let m = add_labour(&base, &added);
        assert_eq!(m.first, Month::parse("2025-01").unwrap());
        assert_eq!(m.last, Month::parse("2025-03").unwrap());
        let mut rows: Vec<(u16, u32)> = (0..m.len()).map(|i| (m.month[i], m.measures[0][i])).collect();
        rows.sort();
        assert_eq!(rows, vec![(0, 10), (1, 99), (2, 30)]);
    }

    #[test]
    fn layers_replace_or_add_in_order() {
        let add = |a: &Vec<u8>, b: &Vec<u8>| [a.as_slice(), b.as_slice()].concat();
        let bundled = Some(Arc::new(vec![1]));
        let got = layer(bundled.clone(), [(Mode::Add, Arc::new(vec![2])), (Mode::Add, Arc::new(vec![3]))], add);
        assert_eq!(*got.unwrap(), vec![1, 2, 3]);
        let got = layer(bundled.clone(), [(Mode::Add, Arc::new(vec![2])), (Mode::Replace, Arc::new(vec![3]))], add);
        assert_eq!(*got.unwrap(), vec![3]);
        assert_eq!(*layer(bundled, [], add).unwrap(), vec![1]);
        assert_eq!(*layer(None, [(Mode::Add, Arc::new(vec![4]))], add).unwrap(), vec![4]);
    }

    #[test]
    fn clashing_consultation_ids_are_renamed() {
        let codes = crate::core::data::codes::load("codes", include_str!("../../../data/codes.json")).unwrap().0;
        let text = include_str!("../../../data/consultations.json");
        let (base, _) = consultations::load("c", text, &codes).unwrap();
        let merged = add_consultations(&base, &base, &codes);
        assert_eq!(merged.outcomes().len(), 2 * base.outcomes().len());
        assert_eq!(merged.events().len(), 2 * base.events().len());
        let last = merged.outcomes().last().unwrap();
        assert!(last.id.ends_with("~2") && last.event.ends_with("~2"), "{} {}", last.id, last.event);
    }
}
