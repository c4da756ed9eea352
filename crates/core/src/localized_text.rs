//! Text that a catalog gives in several languages, with a fallback.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A BCP 47 language tag such as `en` or `nb`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Locale(String);

impl Locale {
    /// English, the language every catalog text must have.
    pub fn english() -> Self {
        Self("en".to_owned())
    }

    /// Wraps a language tag.
    pub fn new(tag: impl Into<String>) -> Self {
        Self(tag.into())
    }

    /// The language tag.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A piece of catalog text per locale. Always holds English, so every lookup has an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    english: String,
    others: BTreeMap<Locale, String>,
}

impl LocalizedText {
    /// Text known only in English.
    pub fn english(text: impl Into<String>) -> Self {
        Self {
            english: text.into(),
            others: BTreeMap::new(),
        }
    }

    /// Adds (or replaces) the text for one more locale.
    #[must_use]
    pub fn with(mut self, locale: Locale, text: impl Into<String>) -> Self {
        if locale == Locale::english() {
            self.english = text.into();
        } else {
            self.others.insert(locale, text.into());
        }
        self
    }

    /// The text in `locale`, else in its language without the region (`nb` for `nb-NO`),
    /// else in English.
    pub fn get(&self, locale: &Locale) -> &str {
        let language = locale.as_str().split(['-', '_']).next().unwrap_or_default();
        self.others
            .get(locale)
            .or_else(|| self.others.get(&Locale::new(language)))
            .unwrap_or(&self.english)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_english_for_unknown_locales() {
        let text = LocalizedText::english("Shelf").with(Locale::new("nb"), "Hylle");
        assert_eq!(text.get(&Locale::new("nb")), "Hylle");
        assert_eq!(text.get(&Locale::new("nb-NO")), "Hylle");
        assert_eq!(text.get(&Locale::new("de")), "Shelf");
        assert_eq!(text.get(&Locale::english()), "Shelf");
    }
}
