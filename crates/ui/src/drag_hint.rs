//! The reason a dragged part cannot go where the pointer is, shown next to the pointer.

use crate::configuration::Configuration;
use glam::Vec2;
use snapkit_core::snapping::Refusal;
use yew::prelude::*;

/// A refusal in the customer's words, naming the part in the way.
pub(crate) fn refusal_text(refusal: &Refusal, configuration: &Configuration) -> String {
    match refusal {
        Refusal::CollidesWith(id) => match configuration.part_name(*id) {
            Some(name) => format!("Collides with {name}"),
            None => "Collides with another part".to_owned(),
        },
        Refusal::BelowFloor => "Would reach below the floor".to_owned(),
        Refusal::LeavesUnsupported(parts) => match parts.as_slice() {
            [one] => match configuration.part_name(*one) {
                Some(name) => format!("{name} rests on it and would be left without support"),
                None => "A part rests on it and would be left without support".to_owned(),
            },
            more => format!(
                "{} parts rest on it and would be left without support",
                more.len()
            ),
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
