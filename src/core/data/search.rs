//! Finding occupations by name: what the occupation filter's search box matches.

use super::codes::Codes;
use super::outcomes::fold;

/// ISCO-08 codes (groups and unit groups, in code-list order) whose code or name in Portuguese or English
/// contains every word of `query`, ignoring case and accents ("cozinha" finds "Ajudantes de cozinha",
/// "waiter" finds 5131, "5131" finds itself). A blank query matches nothing (the full list is shown then).
pub fn find_occupations(codes: &Codes, query: &str) -> Vec<String> {
    let words: Vec<String> = fold(query).split_whitespace().map(String::from).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let hit = |code: &str, pt: &str, en: &str| {
        let hay = fold(&format!("{code} {pt} {en}"));
        words.iter().all(|w| hay.contains(w.as_str()))
    };
    let groups = codes.occupation_groups().iter().map(|g| (&g.code, &g.name));
    let units = codes.occupations().iter().map(|o| (&o.code, &o.name));
    let mut found: Vec<String> =
        groups.chain(units).filter(|(c, n)| hit(c, &n.pt, &n.en)).map(|(c, _)| c.clone()).collect();
    found.sort();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::codes;

    fn codes() -> Codes {
        codes::load("codes", include_str!("../../../data/codes.json")).unwrap().0
    }

    #[test]
    fn finds_by_name_in_both_languages_ignoring_accents() {
        let c = codes();
        assert!(find_occupations(&c, "waiters").contains(&"5131".to_string()));
        assert!(find_occupations(&c, "EMPREGADOS de mesa").contains(&"5131".to_string()));
        assert!(find_occupations(&c, "cozinha").iter().any(|x| x.starts_with("94")));
        assert_eq!(find_occupations(&c, "5131"), vec!["5131"]);
        assert!(find_occupations(&c, "   ").is_empty());
        assert!(find_occupations(&c, "astronaut").is_empty());
        // Accents ignored both ways.
        let with = find_occupations(&c, "agrícolas");
        assert!(!with.is_empty());
        assert_eq!(with, find_occupations(&c, "agricolas"));
    }
}
