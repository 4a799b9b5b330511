//! What an export says about itself, read from the store: the source line under every chart, the
//! note added to CSV files when loaded data is in effect, and the whole [`ExportContext`] of a
//! chart (filters in codes and words, period, data date, illustrative or official).

use crate::core::data::aggregate::Area;
use crate::core::data::Lang;
use crate::core::i18n::labels::{area_name, occupation, sector};
use crate::core::pipeline::Row;

/// The source line of charts and exports: the bundled (illustrative) data,
/// the user's datasets, and how many records with errors were left out.
pub fn source_line(store: crate::app::store::Store, l: Lang) -> String {
    use crate::core::data::manifest::Kind;
    use crate::core::i18n::{t, Key};
    let user = store.user_titles(l);
    let bundled = store.bundled_in_use(Kind::LabourMarket) || store.bundled_in_use(Kind::Consultations);
    let mut line = match (user.is_empty(), bundled) {
        (true, _) => t(l, Key::SourceLine).to_string(),
        (false, false) => format!("{}: {}.", t(l, Key::UserSourceLine), user.join("; ")),
        (false, true) => format!("{}: {}. {}", t(l, Key::UserSourceLine), user.join("; "), t(l, Key::SourceLine)),
    };
    let dropped = store.dropped();
    if dropped > 0 {
        line.push_str(&format!(" {}", crate::core::i18n::problems::dropped_notice(l, dropped)));
    }
    line
}

/// The note added to CSV exports: only when loaded data is in effect.
pub fn export_note(store: crate::app::store::Store, l: Lang) -> Option<String> {
    use leptos::prelude::With;
    store.user.with(|u| u.iter().any(|d| d.data().is_some())).then(|| source_line(store, l))
}

/// The context of an export of chart `view`: its filters in codes and words, the period, the source
/// line, the date of the figures and whether any of them is illustrative. `consultations`: a view of
/// consultation outcomes (no indicator; theme, group and status filters instead of occupation).
/// Reads the store and the derived memos without tracking them: callers track what they show.
pub fn export_context(
    store: crate::app::store::Store,
    derived: crate::app::derived::Derived,
    view: &str,
    consultations: bool,
    l: Lang,
) -> crate::core::export::ExportContext {
    use crate::core::data::manifest::Kind;
    use crate::core::export::ExportContext;
    use crate::core::i18n::t;
    use leptos::prelude::{GetUntracked, With, WithUntracked};
    let v = store.view.get_untracked();
    let codes = store.codes.get_untracked();
    // The view as every chart already resolved it (one memo), not resolved again per chart.
    let resolved = derived.resolved.get_untracked();
    let mut ctx = ExportContext { view: view.to_string(), ..Default::default() };
    if let Some(codes) = codes.as_deref() {
        let area = resolved.as_ref().map_or(Area::Portugal, |r| r.filter.area);
        ctx.area = (crate::core::state::area_code(area, codes), area_name(area, codes, l));
        // The series and the comparison table show the compared areas, not the filter's area.
        if matches!(view, "series" | "compare") {
            let areas = resolved.as_ref().map(|r| r.compare.clone()).unwrap_or_default();
            ctx.area = (
                areas.iter().map(|a| crate::core::state::area_code(*a, codes)).collect::<Vec<_>>().join("+"),
                areas.iter().map(|a| area_name(*a, codes, l)).collect::<Vec<_>>().join(", "),
            );
        }
        ctx.sector = v.sector.as_ref().map(|c| (c.clone(), sector(codes, c, l).unwrap_or_else(|| c.clone())));
        let entry = |list: &[crate::core::data::codes::Entry], code: &Option<String>| {
            code.as_ref().map(|c| {
                let name = list.iter().find(|e| &e.code == c).map_or(c.clone(), |e| e.name.get(l).to_string());
                (c.clone(), name)
            })
        };
        if consultations {
            ctx.theme = entry(codes.themes(), &v.theme);
            ctx.group = entry(codes.groups(), &v.group);
            ctx.status = v.status.as_ref().map(|s| (s.clone(), s.clone()));
        } else {
            ctx.occupation =
                v.occupation.as_ref().map(|c| (c.clone(), occupation(codes, c, l).unwrap_or_else(|| c.clone())));
        }
    }
    if !consultations {
        let ind = v.indicator;
        ctx.indicator = Some((ind.code().to_string(), t(l, crate::core::i18n::labels::indicator_key(ind)).to_string()));
    }
    let follows_period = !consultations || v.follow_period;
    if let (Some(r), true) = (&resolved, follows_period) {
        let (from, to) = (r.filter.from, r.filter.to);
        ctx.period = Some((from.to_string(), to.to_string(), crate::core::format::period(l, from, to)));
    }
    ctx.source = source_line(store, l);
    let kind = if consultations { Kind::Consultations } else { Kind::LabourMarket };
    let bundled = store.bundled_in_use(kind);
    let bundled_meta =
        store.files.with_untracked(|f| f.iter().find(|f| f.row == Row::Dataset(kind)).and_then(|f| f.meta.clone()));
    let user: Vec<crate::core::data::manifest::FileMeta> =
        store.user.with(|u| u.iter().filter(|d| d.data().is_some()).map(|d| d.meta()).collect());
    let mut dates: Vec<String> = user.iter().map(|m| m.date.clone()).filter(|d| !d.is_empty()).collect();
    if bundled {
        if let Some(m) = &bundled_meta {
            dates.push(m.date.clone());
        }
    }
    dates.dedup();
    ctx.data_date = (!dates.is_empty()).then(|| dates.join(", "));
    ctx.illustrative = (bundled && bundled_meta.as_ref().is_some_and(|m| m.illustrative))
        || user.iter().any(|m| m.illustrative == Some(true));
    ctx
}
