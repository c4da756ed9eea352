//! The offer to continue an unfinished configuration saved last time in this browser.

use crate::autosave::saved_when;
use crate::ui_text::{phrase, ui_count, ui_text, ui_text_with};
use snapkit_core::Locale;
use snapkit_formats::RestoredAutosave;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`RestoreOffer`].
#[derive(Properties)]
pub(crate) struct RestoreOfferProps {
    /// What was saved.
    pub offer: Rc<RestoredAutosave>,
    /// The locale the time is written in.
    pub locale: Locale,
    /// Continue with the saved configuration.
    pub on_restore: Callback<()>,
    /// Start from the catalog's starting point (the save is forgotten).
    pub on_decline: Callback<()>,
}

impl PartialEq for RestoreOfferProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.offer, &other.offer)
            && self.locale == other.locale
            && self.on_restore == other.on_restore
            && self.on_decline == other.on_decline
    }
}

/// "Continue where you left off?" with the saved configuration's time and size.
#[component]
pub(crate) fn RestoreOffer(props: &RestoreOfferProps) -> Html {
    let locale = &props.locale;
    let parts = ui_count(locale, "parts", props.offer.session.assembly().len(), &[]);
    let when = saved_when(props.offer.saved_at_ms, locale);
    let relay = |callback: &Callback<()>| {
        let callback = callback.clone();
        Callback::from(move |_: MouseEvent| callback.emit(()))
    };
    html! {
        <div class="restore-offer" role="region" aria-label={ui_text(locale, "restore.label")}>
            <p>{ ui_text_with(locale, "restore.offer", &[("when", phrase(when)), ("parts", phrase(parts))]) }</p>
            <div class="restore-actions">
                <button class="restore" onclick={relay(&props.on_restore)}>
                    { ui_text(locale, "restore.restore") }
                </button>
                <button class="start-new" onclick={relay(&props.on_decline)}>
                    { ui_text(locale, "restore.start-new") }
                </button>
            </div>
        </div>
    }
}

/// What the customer is told after restoring.
pub(crate) fn restored_notice(
    offer: &RestoredAutosave,
    locale: &Locale,
    catalog_version: &str,
) -> String {
    let when = saved_when(offer.saved_at_ms, locale);
    let mut sentences = vec![ui_text_with(
        locale,
        "restore.restored",
        &[("when", phrase(when))],
    )];
    if !offer.history_kept {
        sentences.push(ui_text(locale, "restore.history-lost"));
    }
    if offer.catalog_version != catalog_version {
        sentences.push(ui_text_with(
            locale,
            "restore.older-catalog",
            &[("version", phrase(offer.catalog_version.clone()))],
        ));
    }
    sentences.join(" ")
}
