//! "Add to this part": the selected part's open connectors as a list of named spots, and for
//! the chosen one which part kinds fit there (each added with one tap, where and in the finish
//! `core::best_spot` chooses for that spot) and which do not, with the rule or reason that
//! stops each. Everything a drag does, without a pointer. The chosen spot is also chosen by a
//! tap on its "+" marker in the 3D view.

use crate::configuration::stop_reason;
use crate::money::format_money;
use crate::ui_text::{number, phrase, ui_text, ui_text_with};
use snapkit_core::rules::message::part_label;
use snapkit_core::rules::{best_spot, what_fits};
use snapkit_core::snapping::{OpenConnector, open_spots_of};
use snapkit_core::{Assembly, ConnectorId, Edit, Locale, PartId};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`OpenSpots`].
#[derive(Properties, PartialEq)]
pub(crate) struct OpenSpotsProps {
    /// The assembly the part is in.
    pub assembly: Assembly,
    /// The selected part.
    pub part: PartId,
    /// The customer's language.
    pub locale: Locale,
    /// The spot chosen (from this list or a marker in the scene); the first when none is, or
    /// when it is not open on this part.
    pub chosen: Option<ConnectorId>,
    /// Chooses a spot.
    pub on_choose: Callback<ConnectorId>,
    /// Applies an edit as one undoable step.
    pub on_edit: Callback<Edit>,
}

/// The spots of the selected part and what fits the chosen one; nothing for a part with no
/// open connector.
#[component]
pub(crate) fn OpenSpots(props: &OpenSpotsProps) -> Html {
    // Worked out again only when the configuration, the part, the spot or the language
    // changes, not on every render of the panels around it (a drag's steps re-render them).
    let found = use_memo(
        (
            props.assembly.clone(),
            props.part,
            props.chosen.clone(),
            props.locale.clone(),
        ),
        |(assembly, part, chosen, locale)| {
            let spots: Vec<OpenConnector> = open_spots_of(assembly, *part);
            let at = spots
                .iter()
                .find(|spot| Some(&spot.id) == chosen.as_ref())
                .or(spots.first())
                .map(|spot| spot.id.clone());
            let reports = at
                .as_ref()
                .map(|at| what_fits(assembly, Some(at), locale))
                .unwrap_or_default();
            (spots, at, reports)
        },
    );
    let (spots, at, reports) = &*found;
    let assembly = &props.assembly;
    let catalog = assembly.catalog();
    let locale = &props.locale;
    let (Some(kind), Some(at)) = (assembly.kind_of(props.part), at) else {
        return html! {};
    };
    let here = part_label(kind, props.part, locale);
    let fitting = reports
        .iter()
        .filter(|report| report.stopped_by.is_none())
        .count();
    let on_choose = {
        let on_choose = props.on_choose.clone();
        let spots = spots.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let index: usize = select.value().parse().unwrap_or(0);
            if let Some(spot) = spots.get(index) {
                on_choose.emit(spot.id.clone());
            }
        })
    };
    let rows = reports.iter().filter_map(|report| {
        let kind = catalog.part(&report.kind)?;
        let name = kind.name.get(locale).to_owned();
        Some(match &report.stopped_by {
            None => {
                let price = report
                    .finishes
                    .first()
                    .map(|finish| format_money(kind.unit_price(finish), &catalog.meta.currency, locale))
                    .unwrap_or_default();
                let on_edit = props.on_edit.clone();
                let assembly = assembly.clone();
                let at = at.clone();
                let add_locale = locale.clone();
                let kind_id = report.kind.clone();
                let add = Callback::from(move |_| {
                    if let Ok(part) = best_spot(&assembly, &kind_id, Some(&at), &add_locale) {
                        on_edit.emit(Edit::PlacePart(part));
                    }
                });
                html! {
                    <li key={report.kind.as_str()}>
                        <button class="spot-add" data-kind={report.kind.to_string()} onclick={add}>
                            { ui_text_with(locale, "spots.add", &[("kind", phrase(name)), ("price", phrase(price))]) }
                        </button>
                    </li>
                }
            }
            Some(stop) => html! {
                <li key={report.kind.as_str()} class="spot-refused" data-kind={report.kind.to_string()}>
                    <span class="spot-kind">{ name }</span>{ ": " }{ stop_reason(stop, locale) }
                </li>
            },
        })
    });
    html! {
        <section class="open-spots" aria-label={ui_text(locale, "spots.title")}>
            <h3>{ ui_text(locale, "spots.title") }</h3>
            <label for="spot-choice">{ ui_text(locale, "spots.where") }</label>
            <select id="spot-choice" class="spot-choice" onchange={on_choose}>
                { for spots.iter().enumerate().map(|(index, open)| html! {
                    <option value={index.to_string()} selected={open.id == *at}>
                        { ui_text_with(locale, "spots.spot", &[
                            ("part", phrase(here.clone())),
                            ("connector", phrase(open.id.connector.to_string())),
                        ]) }
                    </option>
                }) }
            </select>
            <p class="spot-summary">
                { ui_text_with(locale, "spots.fit-count", &[("fits", number(fitting)), ("kinds", number(reports.len()))]) }
            </p>
            <ul class="spot-fits">{ for rows }</ul>
        </section>
    }
}
