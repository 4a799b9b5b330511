//! Stories: saved views of the dashboard as slides, with titles and speaker
//! notes in both languages, for presenting at workshops. A story is a
//! dataset like the others (format `vagas.story`), checked the same way.

use serde::{Deserialize, Serialize};

use super::data::parse::{Checker, Json, Located};
use super::data::path::JsonPath;
use super::data::problem::{ProblemKind, Report};
use super::data::text::Text;
use crate::core::state::ViewState;
use crate::core::url::{decode, encode};

pub const FORMAT: &str = "vagas.story";
pub const VERSION: u32 = 1;
/// Enough for a long workshop; bounds what an imported file can make us build.
pub const MAX_SLIDES: usize = 100;
const MAX_NOTES: usize = 5_000;

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slide {
    pub title: Text,
    /// Speaker notes, shown in the notes panel and the speaker view only.
    #[serde(default)]
    pub notes: Text,
    /// The dashboard view as URL parameters, e.g. "?page=explore&area=PT-08".
    pub view: String,
}

impl Slide {
    /// The slide's saved view (anything unknown in it was refused on load).
    pub fn state(&self) -> ViewState {
        decode(&self.view).0
    }

    pub fn from_view(title: Text, v: &ViewState) -> Slide {
        Slide { title, notes: Text::default(), view: encode(&v.as_slide()) }
    }
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub format: String,
    pub version: u32,
    pub title: Text,
    pub slides: Vec<Slide>,
}

impl Story {
    pub fn new(title: Text) -> Story {
        Story { format: FORMAT.into(), version: VERSION, title, slides: Vec::new() }
    }

    /// The file a user exports (and can import again).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Moves slide `from` one place up (`-1`) or down (`+1`); false at the ends.
    pub fn shift(&mut self, from: usize, up: bool) -> bool {
        let to = if up { from.checked_sub(1) } else { Some(from + 1) };
        match to {
            Some(to) if to < self.slides.len() && from < self.slides.len() => {
                self.slides.swap(from, to);
                true
            }
            _ => false,
        }
    }
}

pub fn load(dataset: &str, text: &str) -> Result<(Story, Report), Report> {
    load_as::<Located>(dataset, text)
}

/// [`load`], the JSON deserialized by `J` (`parse::Plain` for the bundled file).
pub fn load_as<J: Json>(dataset: &str, text: &str) -> Result<(Story, Report), Report> {
    let mut c = Checker::new(dataset, text);
    if !c.header_as::<J>(FORMAT, VERSION) {
        return Err(c.finish());
    }
    let Some(story) = c.parse_as::<J, Story>() else {
        return Err(c.finish());
    };
    if story.title.is_empty() {
        c.error(JsonPath::keys(&["title"]), ProblemKind::Empty { what: "title (pt or en)".into() });
    }
    if story.slides.is_empty() {
        c.error(JsonPath::keys(&["slides"]), ProblemKind::Empty { what: "slide".into() });
    }
    if story.slides.len() > MAX_SLIDES {
        c.error(
            JsonPath::keys(&["slides"]),
            ProblemKind::BadRange {
                what: format!("at most {MAX_SLIDES} slides").into(),
                found: story.slides.len().to_string(),
            },
        );
    }
    for (i, s) in story.slides.iter().enumerate().take(MAX_SLIDES) {
        let at = JsonPath::keys(&["slides"]).index(i);
        if s.title.is_empty() {
            c.error(at.key("title"), ProblemKind::Empty { what: "title (pt or en)".into() });
        }
        if s.notes.pt.chars().count() > MAX_NOTES || s.notes.en.chars().count() > MAX_NOTES {
            c.error(
                at.key("notes"),
                ProblemKind::BadRange {
                    what: format!("notes of at most {MAX_NOTES} characters").into(),
                    found: "longer notes".into(),
                },
            );
        }
        let (state, notices) = decode(&s.view);
        for n in notices {
            c.error(
                at.key("view"),
                ProblemKind::BadRange {
                    what: "dashboard parameters as in the README (page, area, from, to, sector, occ, …)".into(),
                    found: format!("{}={} ({})", n.param, n.value, n.reason),
                },
            );
        }
        // A slide must not load remote data or nest a presentation.
        if state.data.is_some() || state.slide.is_some() {
            c.error(
                at.key("view"),
                ProblemKind::BadRange { what: "a view without data= or slide=".into(), found: s.view.clone() },
            );
        }
    }
    if c.has_errors() {
        return Err(c.finish());
    }
    Ok((story, c.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_story_is_valid_and_round_trips() {
        let (s, r) = load("story", include_str!("../../data/story.json")).unwrap();
        assert_eq!(r.total_warnings, 0);
        assert!(s.slides.len() >= 5);
        let (again, _) = load("x", &s.to_json()).unwrap();
        assert_eq!(again, s);
    }

    #[test]
    fn bad_views_and_empty_titles_are_located() {
        let text = r#"{"format": "vagas.story", "version": 1, "title": {"en": "T"},
  "slides": [
    {"title": {"en": ""}, "view": "?page=explore"},
    {"title": {"en": "x"}, "view": "?page=nowhere&data=https://evil.example/x.json"}
  ]}"#;
        let r = load("s", text).unwrap_err();
        let places: Vec<String> = r.problems.iter().map(|p| p.location()).collect();
        assert!(places.iter().any(|p| p.starts_with("$.slides[0].title (line 3:")), "{places:?}");
        assert_eq!(places.iter().filter(|p| p.starts_with("$.slides[1].view (line 4:")).count(), 2, "{places:?}");
    }

    #[test]
    fn slides_are_saved_from_views_and_reordered() {
        let (v, _) = decode("?page=explore&area=PT-08&lang=en&slide=2");
        let s = Slide::from_view(Text::new("a", "a"), &v);
        assert_eq!(s.view, "?page=explore&area=PT-08");
        let mut story = Story::new(Text::new("t", "t"));
        story.slides = vec![s.clone(), Slide { view: "?page=consultations".into(), ..s }];
        assert!(story.shift(1, true));
        assert_eq!(story.slides[0].view, "?page=consultations");
        assert!(!story.shift(0, true));
        assert!(!story.shift(1, false));
    }
}
