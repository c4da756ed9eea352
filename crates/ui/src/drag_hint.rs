//! The reason a dragged part cannot go where the pointer is, shown next to the pointer.

use crate::configuration::Configuration;
use crate::ui_text::{number, phrase, ui_text, ui_text_with};
use glam::Vec2;
use snapkit_core::PartId;
use snapkit_core::snapping::Refusal;
use yew::prelude::*;

/// A refusal in the customer's words, naming the part in the way.
pub(crate) fn refusal_text(refusal: &Refusal, configuration: &Configuration) -> String {
    let locale = &configuration.locale;
    let naming = |key: &str, id: PartId, unnamed: &str| match configuration.part_name(id) {
        Some(name) => ui_text_with(locale, key, &[("name", phrase(name))]),
        None => ui_text(locale, unnamed),
    };
    match refusal {
        Refusal::CollidesWith(id) => naming("drag.collides-with", *id, "drag.collides"),
        Refusal::BelowFloor => ui_text(locale, "drag.below-floor"),
        Refusal::LeavesUnsupported(parts) => match parts.as_slice() {
            [one] => naming("drag.leaves-one", *one, "drag.leaves-a-part"),
            more => ui_text_with(locale, "drag.leaves-many", &[("count", number(more.len()))]),
        },
    }
}

/// Properties of [`DragHint`].
#[derive(Properties, PartialEq)]
pub(crate) struct DragHintProps {
    /// Where the pointer is, in client pixels.
    pub at: Vec2,
    /// What to say.
    pub text: AttrValue,
}

/// A small label beside the pointer; it never takes the pointer's events.
#[component]
pub(crate) fn DragHint(props: &DragHintProps) -> Html {
    html! {
        <div class="drag-hint" role="status"
             style={format!("left: {}px; top: {}px", props.at.x, props.at.y)}>
            { props.text.clone() }
        </div>
    }
}
