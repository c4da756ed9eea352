//! The locale the page asks for (`?locale=nb-NO`), English when it asks for none.

use snapkit_core::Locale;

/// The page's `?locale=` if it is a plausible BCP 47 tag, else English.
pub(crate) fn locale_in_address() -> Locale {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("locale"))
        .filter(|tag| {
            !tag.is_empty()
                && tag.len() <= 35
                && tag
                    .bytes()
                    .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
        })
        .map_or_else(Locale::english, Locale::new)
}
