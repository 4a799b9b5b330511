//! The whole view state (page, indicator, filters, selection) and its
//! encoding in the URL query string, so any view can be shared, bookmarked
//! and restored with back/forward. Pure: codes stay strings here and are
//! resolved against the code lists by `resolve`.

use crate::core::data::aggregate::{Area, Filter};
use crate::core::data::codes::Codes;
use crate::core::data::consultations::Status;
use crate::core::data::outcomes::{OutcomeQuery, Weight};
use crate::core::data::{Indicator, Lang, Month};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Page {
    #[default]
    Overview,
    Explore,
    Consultations,
    /// One district or focus area: shortages next to what was said there.
    Profile,
    /// Loading one's own datasets, and what is loaded.
    Data,
    /// The published dataset format.
    Format,
    /// The story: slides of saved views, edited and presented.
    Story,
    /// The presenter's second window: notes, next slide, timer.
    Speaker,
    /// Official figures on the foreign workforce by district (indicators).
    Workforce,
}

impl Page {
    pub const ALL: [Page; 9] = [
        Page::Overview,
        Page::Explore,
        Page::Consultations,
        Page::Profile,
        Page::Data,
        Page::Format,
        Page::Story,
        Page::Speaker,
        Page::Workforce,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Page::Overview => "overview",
            Page::Explore => "explore",
            Page::Consultations => "consultations",
            Page::Profile => "profile",
            Page::Data => "data",
            Page::Format => "format",
            Page::Story => "story",
            Page::Speaker => "speaker",
            Page::Workforce => "workforce",
        }
    }
}

/// At most this many areas in the time-series comparison.
pub const MAX_COMPARE: usize = 5;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    pub page: Page,
    /// `None`: the default language (Portuguese) and no `lang=` in the URL.
    pub lang: Option<Lang>,
    pub indicator: Indicator,
    pub from: Option<Month>,
    pub to: Option<Month>,
    /// "PT", a focus-area code ("algarve") or a district code ("PT-08").
    pub area: Option<String>,
    /// Areas compared in the time series, same codes as `area`.
    pub compare: Vec<String>,
    /// NACE section ("I") or division ("I55").
    pub sector: Option<String>,
    /// ISCO-08 prefix: major group ("5"), sub-major ("51") or unit group ("5131").
    pub occupation: Option<String>,
    /// Consultation filters: theme, stakeholder group, status codes, search text.
    pub theme: Option<String>,
    pub group: Option<String>,
    pub status: Option<String>,
    pub search: Option<String>,
    /// How the barriers chart weighs outcomes.
    pub weight: Weight,
    /// Consultation outcomes follow the labour-market period (`cdates=period`); by default they are
    /// shown for every date, as consultations have their own dates.
    pub follow_period: bool,
    /// A dataset or manifest to load from this address (`data=`).
    pub data: Option<String>,
    /// Presenting the story: the slide shown (1-based). `None`: not presenting.
    pub slide: Option<usize>,
    /// The chart to bring into view (its id: `map`, `series`, `rank-occupations`, `seasonality`,
    /// `barriers`, `matrix`, `status`…): a story slide names the chart its claim rests on.
    pub focus: Option<String>,
    /// Foreign-workforce page: the indicator series shown (`ser=`), its
    /// year (`year=`) and the span of the growth (`span=2015-2025`).
    pub series: Option<String>,
    pub year: Option<u16>,
    pub span: Option<(u16, u16)>,
}

impl ViewState {
    /// The view of a slide: its saved state, keeping the language and the
    /// slide number of the presentation.
    pub fn for_slide(saved: &ViewState, lang: Option<Lang>, slide: usize) -> ViewState {
        ViewState { lang, slide: Some(slide), data: None, ..saved.clone() }
    }

    /// The state without presentation details, as a slide saves it.
    pub fn as_slide(&self) -> ViewState {
        ViewState { lang: None, slide: None, data: None, ..self.clone() }
    }
}

/// The compared areas when none are chosen (`cmp` empty): Portugal and the selected area, or Portugal
/// and the focus areas — as codes, the same rule as [`resolve`].
pub fn default_compare(v: &ViewState, codes: &Codes) -> Vec<String> {
    let mut list = vec!["PT".to_string()];
    match v.area.as_deref().filter(|a| *a != "PT" && parse_area(a, codes).is_some()) {
        Some(a) => list.push(a.to_string()),
        None => list.extend(codes.focus_areas().iter().take(MAX_COMPARE - 1).map(|f| f.code.clone())),
    }
    list
}

/// A parameter that was ignored, and why: shown as a quiet notice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub param: String,
    pub value: String,
    pub reason: &'static str,
}

/// Cross-filtering: selecting a code again clears it; selecting another replaces it.
pub fn toggle(slot: &mut Option<String>, code: &str) {
    *slot = if slot.as_deref() == Some(code) { None } else { Some(code.to_string()) };
}

/// Area code → area; unknown codes give `None`.
pub fn parse_area(code: &str, codes: &Codes) -> Option<Area> {
    if code == "PT" {
        return Some(Area::Portugal);
    }
    if let Some(i) = codes.focus_areas().iter().position(|f| f.code == code) {
        return Some(Area::Focus(i));
    }
    codes.region.get(code).map(Area::District)
}

/// Area → its code in the URL.
pub fn area_code(area: Area, codes: &Codes) -> String {
    match area {
        Area::Portugal => "PT".into(),
        Area::Focus(i) => codes.focus_areas().get(i).map_or("PT".into(), |f| f.code.clone()),
        Area::District(i) => codes.regions().get(i).map_or("PT".into(), |r| r.code.clone()),
    }
}

/// The view resolved against the code lists and the data's months: the
/// filter every aggregate uses, the areas compared, and notices for codes
/// that do not exist (those parts fall back to their defaults).
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub filter: Filter,
    pub compare: Vec<Area>,
    pub outcomes: OutcomeQuery,
    pub notices: Vec<Notice>,
}

pub fn resolve(v: &ViewState, codes: &Codes, first: Month, last: Month) -> Resolved {
    let mut notices = Vec::new();
    let mut unknown = |param: &str, value: &str| {
        notices.push(Notice { param: param.into(), value: value.into(), reason: "unknown code" })
    };
    let area = match v.area.as_deref() {
        None => Area::Portugal,
        Some(code) => parse_area(code, codes).unwrap_or_else(|| {
            unknown("area", code);
            Area::Portugal
        }),
    };
    let mut compare = Vec::new();
    for code in &v.compare {
        match parse_area(code, codes) {
            Some(a) if !compare.contains(&a) => compare.push(a),
            Some(_) => {}
            None => unknown("cmp", code),
        }
    }
    // Nothing chosen: Portugal and the selected area, or the focus areas.
    if compare.is_empty() {
        compare.push(Area::Portugal);
        if area != Area::Portugal {
            compare.push(area);
        } else {
            compare.extend((0..codes.focus_areas().len().min(MAX_COMPARE - 1)).map(Area::Focus));
        }
    }
    let sector = v.sector.clone().filter(|s| {
        let ok = codes.sectors().iter().any(|c| c.code.starts_with(s.as_str()));
        if !ok {
            unknown("sector", s);
        }
        ok
    });
    let occupation = v.occupation.clone().filter(|o| {
        let ok = codes.occupations().iter().any(|c| c.code.starts_with(o.as_str()));
        if !ok {
            unknown("occ", o);
        }
        ok
    });
    let mut lookup = |param: &str, value: &Option<String>, ix: &crate::core::data::codes::Index| {
        let code = value.as_deref()?;
        let found = ix.get(code);
        if found.is_none() {
            notices.push(Notice { param: param.into(), value: code.into(), reason: "unknown code" });
        }
        found
    };
    let outcomes = OutcomeQuery {
        theme: lookup("theme", &v.theme, &codes.theme),
        group: lookup("group", &v.group, &codes.group),
        status: v.status.as_deref().and_then(Status::from_code),
        text: v.search.clone(),
        follow_period: v.follow_period,
    };
    let clamp = |m: Month| m.max(first).min(last);
    let default_from = Month::from_index(last.index().saturating_sub(11)).max(first);
    let mut from = v.from.map_or(default_from, clamp);
    let mut to = v.to.map_or(last, clamp);
    if from > to {
        std::mem::swap(&mut from, &mut to);
    }
    Resolved { filter: Filter { from, to, area, sector, occupation }, compare, outcomes, notices }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn codes() -> Codes {
        crate::core::data::codes::load("codes", include_str!("../../data/codes.json")).unwrap().0
    }

    /// A view with every parameter set (shared with the URL codec's tests).
    pub(crate) fn full() -> ViewState {
        ViewState {
            page: Page::Explore,
            lang: Some(Lang::En),
            indicator: Indicator::Change,
            from: Month::parse("2024-06"),
            to: Month::parse("2024-08"),
            area: Some("PT-08".into()),
            compare: vec!["PT".into(), "algarve".into(), "PT-02".into()],
            sector: Some("I".into()),
            occupation: Some("51".into()),
            theme: Some("housing".into()),
            group: Some("employers".into()),
            status: Some("in_progress".into()),
            search: Some("T0 & rendas, 50%".into()),
            weight: Weight::Votes,
            follow_period: true,
            focus: Some("rank-occupations".into()),
            data: Some("https://example.org/vagas/manifest.json?v=2&x=é".into()),
            slide: Some(3),
            series: None,
            year: None,
            span: None,
        }
    }

    #[test]
    fn resolves_codes_and_reports_unknown_ones() {
        let c = codes();
        let (first, last) = (Month::parse("2019-01").unwrap(), Month::parse("2025-12").unwrap());
        let r = resolve(&full(), &c, first, last);
        assert_eq!(r.filter.area, Area::District(c.region.get("PT-08").unwrap()));
        assert_eq!(r.compare.len(), 3);
        assert_eq!(r.filter.sector.as_deref(), Some("I"));
        assert!(r.notices.is_empty());
        let v = ViewState {
            area: Some("PT-99".into()),
            compare: vec!["nowhere".into()],
            sector: Some("Z".into()),
            occupation: Some("0".into()),
            ..ViewState::default()
        };
        let r = resolve(&v, &c, first, last);
        assert_eq!(r.filter.area, Area::Portugal);
        // Unknown compare codes leave the default: Portugal and the focus areas.
        assert_eq!(r.compare, vec![Area::Portugal, Area::Focus(0), Area::Focus(1)]);
        assert_eq!((r.filter.sector.clone(), r.filter.occupation.clone()), (None, None));
        assert_eq!(r.notices.len(), 4);
        assert_eq!(r.filter.from.to_string(), "2025-01");
    }

    #[test]
    fn toggling_selects_replaces_and_clears() {
        let mut slot = None;
        toggle(&mut slot, "PT-08");
        assert_eq!(slot.as_deref(), Some("PT-08"));
        toggle(&mut slot, "PT-02");
        assert_eq!(slot.as_deref(), Some("PT-02"));
        toggle(&mut slot, "PT-02");
        assert_eq!(slot, None);
    }

    #[test]
    fn area_codes_round_trip() {
        let c = codes();
        for code in ["PT", "algarve", "alentejo", "PT-08", "PT-30"] {
            let a = parse_area(code, &c).unwrap();
            assert_eq!(area_code(a, &c), code);
        }
        assert_eq!(parse_area("PT-99", &c), None);
    }
}
