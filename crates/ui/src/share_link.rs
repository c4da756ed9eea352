//! The share link in the address bar: the configuration opens from the page's `#c=…`, and
//! after every change the address is rewritten (without a new history entry) to the link of
//! what is on screen, so copying the address or pressing "Share" gives the same link.

use crate::autosave;
use crate::configuration::Configuration;
use crate::error_text::{autosave_error_text, link_error_text};
use crate::starting_session::starting_session;
use crate::ui_text::{phrase, ui_text_with};
use snapkit_core::{Assembly, Catalog, Locale, Session};
use snapkit_formats::{LinkError, open_link, share_code};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// The page's fragment, if it carries a configuration.
pub fn link_in_address() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.contains("c=").then_some(hash)
}

/// The session a share link holds, with a note when it was made for another catalog version.
pub(crate) fn session_from_link(
    catalog: &Arc<Catalog>,
    link: &str,
    locale: &Locale,
) -> Result<(Session, Option<String>), LinkError> {
    let opened = open_link(link, catalog)?;
    let note = opened.made_for_version.map(|version| {
        ui_text_with(
            locale,
            "link.older-catalog",
            &[
                ("version", phrase(version)),
                ("current", phrase(catalog.meta.version.clone())),
            ],
        )
    });
    Ok((Session::from_assembly(opened.assembly), note))
}

/// The sentence shown when a link cannot be opened; the customer goes on from the start.
fn not_opened(error: &LinkError, locale: &Locale) -> String {
    ui_text_with(
        locale,
        "link.unopenable",
        &[("error", phrase(link_error_text(error, locale)))],
    )
}

/// The configuration the page opens with: the one in its link (with its undo history when
/// this browser saved it), or the catalog's starting point, offering back an unfinished
/// configuration saved last time. A link that cannot be opened, or a save that cannot be
/// restored, is explained in the notice; the customer can always go on.
pub(crate) fn opening_configuration(catalog: Arc<Catalog>, locale: Locale) -> Configuration {
    let saved = autosave::saved(&catalog);
    let Some(link) = link_in_address() else {
        let mut configuration = Configuration::new(starting_session(catalog.clone()), locale);
        match saved {
            Some(Ok(restored))
                if restored.session.assembly() != configuration.session.assembly() =>
            {
                configuration.restore_offer = Some(Rc::new(restored));
            }
            Some(Err(error)) => {
                // Said once: the save is of no further use.
                autosave::forget(&catalog);
                configuration.notice = Some(ui_text_with(
                    &configuration.locale,
                    "link.autosave-unreadable",
                    &[(
                        "error",
                        phrase(autosave_error_text(&error, &configuration.locale)),
                    )],
                ));
            }
            _ => {}
        }
        return configuration;
    };
    let (session, notice) = match session_from_link(&catalog, &link, &locale) {
        Ok((session, note)) => {
            // The link of the configuration this browser saved: continue with its history.
            let code = share_code(session.assembly());
            let with_history = saved
                .and_then(Result::ok)
                .map(|restored| restored.session)
                .filter(|saved| share_code(saved.assembly()) == code);
            (with_history.unwrap_or(session), note)
        }
        Err(error) => {
            web_sys::console::warn_1(&format!("share link not opened: {error}").into());
            (starting_session(catalog), Some(not_opened(&error, &locale)))
        }
    };
    let mut configuration = Configuration::new(session, locale);
    configuration.notice = notice;
    configuration
}

/// Rewrites the address to the link of `assembly` (no fragment when it is empty).
pub(crate) fn show_in_address(assembly: &Assembly) {
    let code = (!assembly.is_empty()).then(|| share_code(assembly));
    replace_link_in_address(code.as_deref());
}

/// Rewrites the address, without a new history entry, to the page with the link `code`, or
/// with no link at all.
pub(crate) fn replace_link_in_address(code: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let page = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = match code {
        Some(code) => format!("{page}#c={code}"),
        None => page,
    };
    if let Ok(history) = window.history()
        && let Err(error) = history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    {
        web_sys::console::warn_1(&error);
    }
}

/// The share link of what is on screen: the page's address as it is now, without the
/// embedding parameters (a link opened on its own must not think it is inside a shop's page).
pub(crate) fn current_link() -> String {
    let Some(href) = web_sys::window().and_then(|window| window.location().href().ok()) else {
        return String::new();
    };
    match web_sys::Url::new(&href) {
        Ok(url) => {
            let params = url.search_params();
            params.delete("embed");
            params.delete("allow");
            url.href()
        }
        Err(_) => href,
    }
}
