//! "Select a part": every part of the configuration in a menu, so a part can be selected (and
//! the inspector opened) from the keyboard as well as by tapping it in the 3D view.

use crate::ui_text::ui_text;
use snapkit_core::rules::message::placed_part_label;
use snapkit_core::{Assembly, Locale, PartId};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`PartChooser`].
#[derive(Properties, PartialEq)]
pub(crate) struct PartChooserProps {
    /// The configuration's parts.
    pub assembly: Assembly,
    /// The selected part, if any.
    pub selected: Option<PartId>,
    /// The customer's language.
    pub locale: Locale,
    /// A part (or nothing) was chosen.
    pub on_select: Callback<Option<PartId>>,
}

/// A labelled menu of the parts, with "none" first; nothing for an empty configuration.
#[component]
pub(crate) fn PartChooser(props: &PartChooserProps) -> Html {
    if props.assembly.is_empty() {
        return html! {};
    }
    let on_select = props.on_select.clone();
    let onchange = Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        on_select.emit(select.value().parse().ok().map(PartId));
    });
    html! {
        <div class="part-chooser">
            <label for="part-choice">{ ui_text(&props.locale, "chooser.label") }</label>
            <select id="part-choice" {onchange}>
                <option value="" selected={props.selected.is_none()}>{ ui_text(&props.locale, "chooser.none") }</option>
                { for props.assembly.parts().map(|part| html! {
                    <option key={part.id.0} value={part.id.0.to_string()} selected={props.selected == Some(part.id)}>
                        { placed_part_label(&props.assembly, part.id, &props.locale) }
                    </option>
                }) }
            </select>
        </div>
    }
}
