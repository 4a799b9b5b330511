//! The view state in the URL query string, so any view can be shared, bookmarked and restored
//! with back/forward: [`decode`] never fails (anything unknown or malformed becomes a
//! [`Notice`]), [`encode`] leaves out parameters at their default. Also what the history does with
//! a change: which parameters changed, whether to coalesce it with the last entry, and the rule
//! that choosing a region adds it to the comparison.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::core::data::codes::Codes;
use crate::core::data::consultations::Status;
use crate::core::data::outcomes::Weight;
use crate::core::data::Indicator;
use crate::core::data::{Lang, Month};
use crate::core::state::{default_compare, parse_area, Notice, Page, ViewState, MAX_COMPARE};

/// Characters written as they are in a query value: letters, digits and `-_.~,` (RFC 3986
/// unreserved, plus the comma that separates compared areas).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b',');

/// A query component as the browser sends it: `+` is a space (form encoding), `%XX` a byte; invalid
/// UTF-8 becomes U+FFFD and a stray `%` stays as written.
fn percent_decode(s: &str) -> String {
    percent_decode_str(&s.replace('+', " ")).decode_utf8_lossy().into_owned()
}

fn percent_encode(s: &str) -> String {
    utf8_percent_encode(s, QUERY_VALUE).to_string()
}

/// An address a `data=` parameter may name: http(s) or a relative path.
pub fn is_data_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    !s.is_empty()
        && s.len() <= 2000
        && !s.chars().any(char::is_control)
        && (lower.starts_with("https://") || lower.starts_with("http://") || !lower.contains(':'))
}

/// A code as it may appear in the URL: short, plain characters only.
fn is_code(s: &str) -> bool {
    !s.is_empty() && s.len() <= 16 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Reads a query string (with or without the leading `?`). Never fails:
/// anything unknown or malformed is skipped and reported as a notice.
pub fn decode(query: &str) -> (ViewState, Vec<Notice>) {
    let mut v = ViewState::default();
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()).take(64) {
        let (k, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(k);
        let value = percent_decode(raw);
        let mut bad = |reason| {
            notices.push(Notice {
                param: key.chars().take(32).collect(),
                value: value.chars().take(64).collect(),
                reason,
            })
        };
        match key.as_str() {
            "page" => match Page::ALL.into_iter().find(|p| p.code() == value) {
                Some(p) => v.page = p,
                None => bad("unknown page"),
            },
            "lang" => match Lang::from_code(&value) {
                Some(l) => v.lang = Some(l),
                None => bad("unknown language"),
            },
            "ind" => match Indicator::from_code(&value) {
                Some(i) => v.indicator = i,
                None => bad("unknown indicator"),
            },
            "from" | "to" => match Month::parse(&value) {
                Some(m) if key == "from" => v.from = Some(m),
                Some(m) => v.to = Some(m),
                None => bad("not a month (YYYY-MM)"),
            },
            "area" => match is_code(&value) {
                true => v.area = Some(value.clone()),
                false => bad("not a region code"),
            },
            "cmp" => {
                for code in value.split(',').filter(|c| !c.is_empty()) {
                    if !is_code(code) {
                        bad("not a region code");
                    } else if v.compare.len() >= MAX_COMPARE {
                        bad("too many regions to compare (at most 5)");
                        break;
                    } else if !v.compare.iter().any(|c| c == code) {
                        v.compare.push(code.to_string());
                    }
                }
            }
            "sector" => match value.len() <= 3 && is_code(&value) && value.as_bytes()[0].is_ascii_uppercase() {
                true => v.sector = Some(value.clone()),
                false => bad("not a NACE code"),
            },
            "occ" => match (1..=4).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit()) {
                true => v.occupation = Some(value.clone()),
                false => bad("not an ISCO-08 code"),
            },
            "theme" | "group" => match value.len() <= 32 && is_code(&value) {
                true if key == "theme" => v.theme = Some(value.clone()),
                true => v.group = Some(value.clone()),
                false => bad("not a code"),
            },
            "status" => match Status::from_code(&value) {
                Some(_) => v.status = Some(value.clone()),
                None => bad("unknown status"),
            },
            "q" => match value.chars().count() <= 100 {
                true => v.search = Some(value.clone()).filter(|s| !s.trim().is_empty()),
                false => bad("search text too long (at most 100 characters)"),
            },
            "data" => match is_data_url(&value) {
                true => v.data = Some(value.clone()),
                false => bad("not an http(s) address or relative path"),
            },
            "slide" => match value.parse::<usize>() {
                Ok(n) if (1..=999).contains(&n) => v.slide = Some(n),
                _ => bad("not a slide number"),
            },
            "focus" => match value.len() <= 40
                && !value.is_empty()
                && value.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            {
                true => v.focus = Some(value.clone()),
                false => bad("not a chart name"),
            },
            "ser" => match (1..=40).contains(&value.len())
                && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            {
                true => v.series = Some(value.clone()),
                false => bad("not a series id"),
            },
            "year" => match value.parse::<u16>() {
                Ok(y) if (1900..=2100).contains(&y) && value.len() == 4 => v.year = Some(y),
                _ => bad("not a year (YYYY)"),
            },
            "span" => match parse_span(&value) {
                Some(s) => v.span = Some(s),
                None => bad("not a span of years (YYYY-YYYY)"),
            },
            "cdates" => match value.as_str() {
                "period" => v.follow_period = true,
                "all" => v.follow_period = false,
                _ => bad("expected period or all"),
            },
            "bw" => match Weight::from_code(&value) {
                Some(w) => v.weight = w,
                None => bad("unknown weighting"),
            },
            _ => bad("unknown parameter"),
        }
    }
    (v, notices)
}

/// Writes the state as a query string (with `?`, or empty for the default
/// view). Parameters at their default value are left out.
pub fn encode(v: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    if v.page != Page::default() {
        parts.push(format!("page={}", v.page.code()));
    }
    if let Some(l) = v.lang {
        parts.push(format!("lang={}", l.code()));
    }
    if v.indicator != Indicator::default() {
        parts.push(format!("ind={}", v.indicator.code()));
    }
    if let Some(m) = v.from {
        parts.push(format!("from={m}"));
    }
    if let Some(m) = v.to {
        parts.push(format!("to={m}"));
    }
    if let Some(a) = &v.area {
        parts.push(format!("area={}", percent_encode(a)));
    }
    if !v.compare.is_empty() {
        let list: Vec<String> = v.compare.iter().map(|c| percent_encode(c)).collect();
        parts.push(format!("cmp={}", list.join(",")));
    }
    if let Some(s) = &v.sector {
        parts.push(format!("sector={}", percent_encode(s)));
    }
    if let Some(o) = &v.occupation {
        parts.push(format!("occ={}", percent_encode(o)));
    }
    for (k, val) in [("theme", &v.theme), ("group", &v.group), ("status", &v.status), ("q", &v.search)] {
        if let Some(x) = val {
            parts.push(format!("{k}={}", percent_encode(x)));
        }
    }
    if v.weight != Weight::default() {
        parts.push(format!("bw={}", v.weight.code()));
    }
    if v.follow_period {
        parts.push("cdates=period".into());
    }
    if let Some(f) = &v.focus {
        parts.push(format!("focus={f}"));
    }
    if let Some(d) = &v.data {
        parts.push(format!("data={}", percent_encode(d)));
    }
    if let Some(n) = v.slide {
        parts.push(format!("slide={n}"));
    }
    if let Some(s) = &v.series {
        parts.push(format!("ser={}", percent_encode(s)));
    }
    if let Some(y) = v.year {
        parts.push(format!("year={y}"));
    }
    if let Some((a, b)) = v.span {
        parts.push(format!("span={a}-{b}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// "2015-2025" → (2015, 2025): two years, in order, 1900–2100.
fn parse_span(s: &str) -> Option<(u16, u16)> {
    let (a, b) = s.split_once('-')?;
    let year = |x: &str| x.parse::<u16>().ok().filter(|y| x.len() == 4 && (1900..=2100).contains(y));
    let (a, b) = (year(a)?, year(b)?);
    (a < b).then_some((a, b))
}

/// The URL parameters that differ between two states (in `encode`'s order), e.g. `["from"]` when only
/// the start month changed.
pub fn changed_params(a: &ViewState, b: &ViewState) -> Vec<String> {
    fn pairs(v: &ViewState) -> Vec<(String, String)> {
        let q = encode(v);
        q.trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, val) = p.split_once('=').unwrap_or((p, ""));
                (k.to_string(), val.to_string())
            })
            .collect()
    }
    let (pa, pb) = (pairs(a), pairs(b));
    let mut keys: Vec<String> = Vec::new();
    for (k, _) in pa.iter().chain(&pb) {
        let va = pa.iter().find(|(x, _)| x == k).map(|(_, v)| v);
        let vb = pb.iter().find(|(x, _)| x == k).map(|(_, v)| v);
        if va != vb && !keys.contains(k) {
            keys.push(k.clone());
        }
    }
    keys
}

/// Choosing a region adds it to the comparison instead of replacing what is compared: when a change only
/// sets the area (to a district or focus area not compared yet), it joins the compared areas — the ones
/// shown before, which are the defaults if none were chosen. At [`MAX_COMPARE`] areas nothing is added
/// (the comparison bar says how to make room). Any other change is left as it is.
pub fn add_area_to_compare(before: &ViewState, after: &mut ViewState, codes: &Codes) {
    if changed_params(before, after) != ["area"] {
        return;
    }
    let Some(area) = after.area.clone().filter(|a| a != "PT" && parse_area(a, codes).is_some()) else { return };
    let mut list = if before.compare.is_empty() { default_compare(before, codes) } else { before.compare.clone() };
    if !list.contains(&area) && list.len() < MAX_COMPARE {
        list.push(area);
    }
    after.compare = list;
}

/// Milliseconds within which further changes of the same control make no new history entry.
pub const COALESCE_MS: f64 = 1000.0;

/// Whether a change should replace the last history entry instead of adding one: it touches exactly the
/// same parameters as the previous change, which came less than [`COALESCE_MS`] earlier — arrow keys held
/// in a month select, or a search typed letter by letter, make one entry, not twenty.
pub fn coalesce(previous: &[String], current: &[String], elapsed_ms: f64) -> bool {
    !current.is_empty() && previous == current && elapsed_ms < COALESCE_MS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::state::tests::full;
    use crate::core::state::{Page, ViewState};

    fn codes() -> Codes {
        crate::core::data::codes::load("codes", include_str!("../../data/codes.json")).unwrap().0
    }

    #[test]
    fn data_addresses_are_http_or_relative() {
        assert!(is_data_url("https://example.org/a.json") && is_data_url("mine/labour.json"));
        for bad in ["javascript:alert(1)", "data:text/plain,x", "file:///etc/passwd", ""] {
            assert!(!is_data_url(bad), "{bad}");
            assert!(decode(&format!("?data={}", percent_encode(bad))).0.data.is_none());
        }
    }

    #[test]
    fn choosing_a_region_adds_it_to_the_comparison() {
        let c = codes();
        let start = ViewState::default();
        // From Portugal: the default comparison (Portugal + focus areas) gains Faro.
        let mut faro = ViewState { area: Some("PT-08".into()), ..start.clone() };
        add_area_to_compare(&start, &mut faro, &c);
        assert_eq!(faro.compare, ["PT", "algarve", "alentejo", "PT-08"]);
        // Then Beja: added too, Faro stays.
        let mut beja = ViewState { area: Some("PT-02".into()), ..faro.clone() };
        add_area_to_compare(&faro, &mut beja, &c);
        assert_eq!(beja.compare, ["PT", "algarve", "alentejo", "PT-08", "PT-02"]);
        // Full: nothing is replaced.
        let mut evora = ViewState { area: Some("PT-07".into()), ..beja.clone() };
        add_area_to_compare(&beja, &mut evora, &c);
        assert_eq!(evora.compare, beja.compare);
        // Back to Portugal, or a change of more than the area (a slide), leaves the list alone.
        let mut pt = ViewState { area: None, ..beja.clone() };
        add_area_to_compare(&beja, &mut pt, &c);
        assert_eq!(pt.compare, beja.compare);
        let mut slide = ViewState { area: Some("PT-15".into()), from: Month::parse("2024-01"), ..start.clone() };
        add_area_to_compare(&start, &mut slide, &c);
        assert!(slide.compare.is_empty());
        assert_eq!(default_compare(&faro, &c), ["PT", "PT-08"]);
    }

    #[test]
    fn rapid_changes_of_one_control_coalesce() {
        let a = ViewState::default();
        let b = ViewState { from: Month::parse("2024-05"), ..a.clone() };
        let c = ViewState { from: Month::parse("2024-04"), ..a.clone() };
        let d = ViewState { from: Month::parse("2024-04"), area: Some("PT-08".into()), ..a.clone() };
        assert_eq!(changed_params(&a, &b), ["from"]);
        assert_eq!(changed_params(&b, &c), ["from"]);
        assert_eq!(changed_params(&c, &d), ["area"]);
        assert!(changed_params(&a, &a).is_empty());
        let (ab, bc, cd) = (changed_params(&a, &b), changed_params(&b, &c), changed_params(&c, &d));
        assert!(coalesce(&ab, &bc, 120.0));
        assert!(!coalesce(&ab, &bc, 1500.0));
        assert!(!coalesce(&bc, &cd, 50.0));
        assert!(!coalesce(&[], &[], 10.0));
    }

    #[test]
    fn round_trips() {
        let v = full();
        let q = encode(&v);
        assert_eq!(
            q,
            "?page=explore&lang=en&ind=change&from=2024-06&to=2024-08&area=PT-08&cmp=PT,algarve,PT-02&sector=I&occ=51\
             &theme=housing&group=employers&status=in_progress&q=T0%20%26%20rendas,%2050%25&bw=votes&cdates=period&focus=rank-occupations\
             &data=https%3A%2F%2Fexample.org%2Fvagas%2Fmanifest.json%3Fv%3D2%26x%3D%C3%A9&slide=3"
        );
        assert_eq!(decode(&q), (v, vec![]));
        assert_eq!(encode(&ViewState::default()), "");
        assert_eq!(decode(""), (ViewState::default(), vec![]));
    }

    #[test]
    fn garbage_is_ignored_with_notices() {
        let (v, n) = decode(
            "?page=admin&ind=%3Cscript%3E&from=2024-13&to=yesterday&area=<b>&occ=5x&sector=i55&zzz=1&lang=fr&&=&%",
        );
        assert_eq!(v, ViewState::default());
        let params: Vec<&str> = n.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(params, ["page", "ind", "from", "to", "area", "occ", "sector", "zzz", "lang", "", "%"]);
        assert_eq!(n[1].value, "<script>");
    }

    #[test]
    fn compare_list_is_capped_and_deduplicated() {
        let (v, n) = decode("cmp=PT,PT,PT-01,PT-02,PT-03,PT-04,PT-05");
        assert_eq!(v.compare.len(), MAX_COMPARE);
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn fuzzed_queries_never_panic() {
        let alphabet = ["=", "&", "%", "%2", "%zz", "from", "cmp", ",", "é", "\u{0}", "+", "?", "PT-08", "2024-01"];
        let mut seed = 7u64;
        for _ in 0..2000 {
            let mut q = String::new();
            for _ in 0..12 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                q.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            let (v, _) = decode(&q);
            // Whatever was accepted survives a round trip.
            assert_eq!(decode(&encode(&v)).0, v, "{q}");
        }
    }

    #[test]
    fn workforce_parameters_round_trip_and_garbage_is_refused() {
        let q = "?page=workforce&area=PT-08&cmp=PT-08,PT-02&ser=ss_contributors&year=2025&span=2015-2025";
        let (v, n) = decode(q);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!((v.page, v.year, v.span), (Page::Workforce, Some(2025), Some((2015, 2025))));
        assert_eq!(v.series.as_deref(), Some("ss_contributors"));
        assert_eq!(encode(&v), q);
        let (v, n) = decode("?ser=%3Cb%3E&year=25&span=2025-2015&span=x");
        assert_eq!((v.series, v.year, v.span), (None, None, None));
        assert_eq!(n.len(), 4);
    }
}
