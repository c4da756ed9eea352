//! The offer to continue an unfinished configuration saved last time in this browser.

use crate::autosave::saved_when;
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
    let parts = props.offer.session.assembly().len();
    let noun = if parts == 1 { "part" } else { "parts" };
    let when = saved_when(props.offer.saved_at_ms, &props.locale);
    let relay = |callback: &Callback<()>| {
        let callback = callback.clone();
        Callback::from(move |_: MouseEvent| callback.emit(()))
    };
    html! {
        <div class="restore-offer" role="region" aria-label="Unfinished configuration">
            <p>{ format!("Continue where you left off? Your configuration from {when} has {parts} {noun}.") }</p>
            <div class="restore-actions">
                <button class="restore" onclick={relay(&props.on_restore)}>{ "Restore it" }</button>
                <button class="start-new" onclick={relay(&props.on_decline)}>{ "Start new" }</button>
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
    let mut notice = format!("Restored your configuration from {when}.");
    if !offer.history_kept {
        notice.push_str(" Its undo history could not be kept.");
    }
    if offer.catalog_version != catalog_version {
        notice.push_str(&format!(
            " It was saved with version {} of the catalog; prices are today's.",
            offer.catalog_version
        ));
    }
    notice
}
