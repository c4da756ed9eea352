//! The share link in the address bar: the configuration opens from the page's `#c=…`, and
//! after every change the address is rewritten (without a new history entry) to the link of
//! what is on screen, so copying the address or pressing "Share" gives the same link.

use crate::configuration::Configuration;
use crate::scene_sync::starting_session;
use snapkit_core::{Assembly, Catalog, Locale, Session};
use snapkit_formats::{open_link, share_code};
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// The page's fragment, if it carries a configuration.
pub fn link_in_address() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.contains("c=").then_some(hash)
}

/// The configuration the page opens with: the one in its link, or the catalog's starting
/// point with a notice when the link cannot be opened (the customer can always go on).
pub(crate) fn opening_configuration(catalog: Arc<Catalog>, locale: Locale) -> Configuration {
    let Some(link) = link_in_address() else {
        return Configuration::new(starting_session(catalog), locale);
    };
    match open_link(&link, &catalog) {
        Ok(opened) => {
            let mut configuration =
                Configuration::new(Session::from_assembly(opened.assembly), locale);
            if let Some(version) = opened.made_for_version {
                configuration.notice = Some(format!(
                    "This link was made for version {version} of the catalog; it opened with version {}. Prices are today's.",
                    catalog.meta.version
                ));
            }
            configuration
        }
        Err(error) => {
            web_sys::console::warn_1(&format!("share link not opened: {error}").into());
            let mut configuration = Configuration::new(starting_session(catalog), locale);
            configuration.notice = Some(format!(
                "The shared configuration could not be opened ({error}). You can start from here."
            ));
            configuration
        }
    }
}

/// Rewrites the address to the link of `assembly` (no fragment when it is empty).
pub(crate) fn show_in_address(assembly: &Assembly) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let page = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = if assembly.is_empty() {
        page
    } else {
        format!("{page}#c={}", share_code(assembly))
    };
    if let Ok(history) = window.history()
        && let Err(error) = history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    {
        web_sys::console::warn_1(&error);
    }
}

/// The page's address as it is now: the share link of what is on screen.
pub(crate) fn current_link() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}
