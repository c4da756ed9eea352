//! The customer's work in the browser's storage: saved after every change, offered back when
//! the page opens again (a closed tab, a crash, a reload without the link).
//!
//! The document and its checks are `snapkit_formats::autosave`'s; this module only reads and
//! writes `localStorage`, one entry per catalog.

use snapkit_core::{Catalog, Session};
use snapkit_formats::{AutosaveError, RestoredAutosave, autosave, restore};
use web_sys::Storage;

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn key(catalog: &Catalog) -> String {
    format!("snapkit.autosave.{}", catalog.meta.id)
}

/// Saves `session` for its catalog, stamped with the browser's clock.
pub(crate) fn save(session: &Session) {
    let Some(storage) = storage() else {
        return;
    };
    let now = js_sys::Date::now();
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "milliseconds since 1970 are positive and far below 2^53"
    )]
    let text = autosave(session, now as u64);
    if let Err(error) = storage.set_item(&key(session.assembly().catalog()), &text) {
        // Storage full or refused (private mode): the page goes on, unsaved.
        web_sys::console::warn_2(&"autosave not written:".into(), &error);
    }
}

/// The saved configuration of `catalog`, restored, if there is one.
pub(crate) fn saved(
    catalog: &std::sync::Arc<Catalog>,
) -> Option<Result<RestoredAutosave, AutosaveError>> {
    let text = storage()?.get_item(&key(catalog)).ok().flatten()?;
    Some(restore(&text, catalog))
}

/// Forgets the saved configuration of `catalog` (the customer chose to start anew).
pub(crate) fn forget(catalog: &Catalog) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&key(catalog));
    }
}

/// When an autosave was made, in the customer's locale and time zone ("23.11.2026, 14:32").
pub(crate) fn saved_when(saved_at_ms: u64, locale: &snapkit_core::Locale) -> String {
    #[expect(
        clippy::cast_precision_loss,
        reason = "milliseconds since 1970 are far below 2^53"
    )]
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(saved_at_ms as f64));
    date.to_locale_string(locale.as_str(), &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}
