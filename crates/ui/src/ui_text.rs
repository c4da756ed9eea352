//! The UI's own words (buttons, the status line, hints, notices) in the customer's language,
//! from the message catalogs `crates/ui/messages/<language>.json`: English (complete) and
//! Norwegian Bokmål. A message missing in the customer's language is given in English.
//! `{name}` placeholders are filled by core's `render`, so numbers are written the locale's
//! way ("1 234" in Norwegian); counted messages have a `.one` and an `.other` form.
//!
//! Rule messages, part and finish names are the catalog's own (`LocalizedText`), not here.

use snapkit_core::rules::message::{Param, Params, render};
use snapkit_core::{Locale, LocalizedText};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The message catalogs, by language tag; English first, as every message has it.
const CATALOGS: [(&str, &str); 2] = [
    ("en", include_str!("../messages/en.json")),
    ("nb", include_str!("../messages/nb.json")),
];

/// Every message in every language, read once.
fn messages() -> &'static BTreeMap<String, LocalizedText> {
    static MESSAGES: OnceLock<BTreeMap<String, LocalizedText>> = OnceLock::new();
    MESSAGES.get_or_init(|| read_catalogs(&CATALOGS))
}

/// Merges per-language catalogs (key → text) into one text per key with its translations;
/// a catalog that does not parse is left out (a test keeps the shipped ones parsing).
fn read_catalogs(catalogs: &[(&str, &str)]) -> BTreeMap<String, LocalizedText> {
    let mut merged: BTreeMap<String, LocalizedText> = BTreeMap::new();
    for (language, json) in catalogs {
        let Ok(texts) = serde_json::from_str::<BTreeMap<String, String>>(json) else {
            continue;
        };
        let locale = Locale::new(*language);
        for (key, text) in texts {
            let known = merged
                .remove(&key)
                .unwrap_or_else(|| LocalizedText::english(text.clone()));
            merged.insert(key, known.with(locale.clone(), text));
        }
    }
    merged
}

/// The message `key` in `locale`, its `{name}` placeholders filled from `params`. A key no
/// catalog has is shown as it is, so a slip shows on screen instead of an empty button.
pub(crate) fn ui_text_with(locale: &Locale, key: &str, params: &[(&'static str, Param)]) -> String {
    let params: Params = params.iter().cloned().collect();
    match messages().get(key) {
        Some(template) => render(template, locale, &params),
        None => key.to_owned(),
    }
}

/// The message `key` in `locale`.
pub(crate) fn ui_text(locale: &Locale, key: &str) -> String {
    ui_text_with(locale, key, &[])
}

/// The counted message `key` (its `.one` or `.other` form) for `count`, with `{count}` and
/// `params` filled in.
pub(crate) fn ui_count(
    locale: &Locale,
    key: &str,
    count: usize,
    params: &[(&'static str, Param)],
) -> String {
    let form = if count == 1 { "one" } else { "other" };
    let mut all = params.to_vec();
    all.push(("count", number(count)));
    ui_text_with(locale, &format!("{key}.{form}"), &all)
}

/// A count (any whole number type) as a message parameter.
pub(crate) fn number(count: impl TryInto<i64>) -> Param {
    Param::Number(count.try_into().unwrap_or(i64::MAX))
}

/// Text (a name, an error) as a message parameter.
pub(crate) fn phrase(text: impl Into<String>) -> Param {
    Param::Text(text.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn catalog(json: &str) -> BTreeMap<String, String> {
        serde_json::from_str(json).expect("a message catalog is a JSON object of strings")
    }

    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_language_has_every_message_with_the_same_placeholders() {
        let english = catalog(CATALOGS[0].1);
        for (language, json) in &CATALOGS[1..] {
            let other = catalog(json);
            let keys = |texts: &BTreeMap<String, String>| texts.keys().cloned().collect::<Vec<_>>();
            assert_eq!(
                keys(&other),
                keys(&english),
                "{language} has the same messages as en"
            );
            for (key, text) in &english {
                assert_eq!(
                    placeholders(&other[key]),
                    placeholders(text),
                    "{language}'s {key} fills the same placeholders"
                );
            }
        }
    }

    #[test]
    fn every_message_the_code_asks_for_is_in_the_catalog() {
        let english = catalog(CATALOGS[0].1);
        let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut asked = Vec::new();
        for entry in std::fs::read_dir(&source).expect("the ui sources") {
            let path = entry.expect("an entry").path();
            if path.ends_with("ui_text.rs") {
                continue;
            }
            let code = std::fs::read_to_string(&path).expect("a source file");
            for call in ["ui_text(", "ui_text_with(", "ui_count("] {
                for after in code.split(call).skip(1) {
                    // A literal key is the call's second argument: one argument (the locale)
                    // before its opening quote. Keys passed in variables are not checked here.
                    let mut pieces = after.split('"');
                    let head = pieces.next().unwrap_or_default().trim();
                    let literal_second = head.ends_with(',')
                        && head.matches(',').count() == 1
                        && !head.contains(['(', ')']);
                    if let Some(key) = pieces.next()
                        && literal_second
                    {
                        asked.push((path.display().to_string(), call, key.to_owned()));
                    }
                }
            }
        }
        assert!(
            asked.len() > 50,
            "the scan finds the calls ({})",
            asked.len()
        );
        for (file, call, key) in asked {
            let known = if call == "ui_count(" {
                english.contains_key(&format!("{key}.one"))
                    && english.contains_key(&format!("{key}.other"))
            } else {
                english.contains_key(&key)
            };
            assert!(known, "{file}: {call}\"{key}\" is not in messages/en.json");
        }
    }

    #[test]
    fn messages_come_in_the_customers_language_with_its_numbers() {
        let norwegian = Locale::new("nb-NO");
        assert_eq!(
            ui_count(&norwegian, "status.ready", 1_234, &[]),
            "Klar · 1\u{a0}234 deler"
        );
        assert_eq!(
            ui_count(&Locale::english(), "status.ready", 1, &[]),
            "Ready · 1 part"
        );
        assert_eq!(
            ui_text(&Locale::new("de"), "toolbar.undo"),
            "Undo",
            "English when no catalog has the language"
        );
        assert_eq!(
            ui_text_with(
                &norwegian,
                "drag.collides-with",
                &[("name", phrase("Hylle 2"))]
            ),
            "Kolliderer med Hylle 2"
        );
        assert_eq!(ui_text(&norwegian, "no.such.key"), "no.such.key");
    }
}
