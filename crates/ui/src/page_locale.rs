//! The customer's language: the one the page asks for (`?locale=nb-NO`, or `?lang=nb`), else
//! the browser's first language the configurator speaks, else English.

use snapkit_core::Locale;

/// Languages with a complete message catalog (`crates/ui/messages/`).
const SPOKEN: [&str; 2] = ["en", "nb"];

/// The page's `?locale=` or `?lang=` if it is a plausible BCP 47 tag, else the browser's
/// preferred language among those spoken here, else English.
pub(crate) fn page_locale() -> Locale {
    let asked = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("locale").or_else(|| params.get("lang")))
        .filter(|tag| plausible_tag(tag));
    asked
        .or_else(|| {
            let languages = web_sys::window()?.navigator().languages();
            languages
                .iter()
                .filter_map(|language| language.as_string())
                .find_map(|tag| spoken(&tag))
        })
        .map_or_else(Locale::english, Locale::new)
}

fn plausible_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 35
        && tag
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
}

/// The browser language `tag` as a locale spoken here: Norwegian in any written form is
/// answered in Bokmål.
fn spoken(tag: &str) -> Option<String> {
    let language = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    match language.as_str() {
        "no" | "nn" => Some("nb".to_owned()),
        known if SPOKEN.contains(&known) && plausible_tag(tag) => Some(tag.to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_languages_map_to_the_ones_spoken_here() {
        assert_eq!(spoken("nb-NO").as_deref(), Some("nb-NO"));
        assert_eq!(spoken("nn").as_deref(), Some("nb"));
        assert_eq!(spoken("no").as_deref(), Some("nb"));
        assert_eq!(spoken("en-GB").as_deref(), Some("en-GB"));
        assert_eq!(spoken("de-DE"), None);
        assert!(!plausible_tag("nb;<script>"));
    }
}
