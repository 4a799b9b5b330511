//! Bilingual labels and the UI language.

use serde::{Deserialize, Serialize};

/// The two interface languages. Portuguese first: it is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Pt,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Pt => "pt",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "pt" | "pt-PT" | "pt-pt" => Some(Lang::Pt),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Pt => Lang::En,
            Lang::En => Lang::Pt,
        }
    }
}

/// A text given in Portuguese and English. Either may be empty in a dataset;
/// `get` falls back to the other language rather than showing nothing.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default)]
    pub pt: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn new(pt: &str, en: &str) -> Text {
        Text { pt: pt.to_owned(), en: en.to_owned() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        let (want, other) = match lang {
            Lang::Pt => (&self.pt, &self.en),
            Lang::En => (&self.en, &self.pt),
        };
        if want.trim().is_empty() {
            other
        } else {
            want
        }
    }

    pub fn is_empty(&self) -> bool {
        self.pt.trim().is_empty() && self.en.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_the_other_language() {
        let t = Text::new("", "Waiters");
        assert_eq!(t.get(Lang::Pt), "Waiters");
        assert_eq!(Text::new("Empregados de mesa", "Waiters").get(Lang::Pt), "Empregados de mesa");
    }

    #[test]
    fn lang_codes_round_trip() {
        for l in [Lang::Pt, Lang::En] {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }
}
