//! What an edit does, in a few words, for the Undo and Redo buttons ("Undo: add Frame 750").

use crate::configuration::Configuration;
use crate::ui_text::{number, phrase, ui_text, ui_text_with};
use snapkit_core::rules::message::{finish_label, part_label};
use snapkit_core::{Edit, PartId, PlacedPart};

/// The edit in the customer's words, naming the parts it touches where they are on screen;
/// `inverse` (the edit that undoes it) tells a move that turned the part from one that did not.
pub(crate) fn edit_name(edit: &Edit, inverse: &Edit, configuration: &Configuration) -> String {
    let locale = &configuration.locale;
    let part = |id: &PartId| {
        phrase(
            configuration
                .part_name(*id)
                .unwrap_or_else(|| ui_text(locale, "edit.a-part")),
        )
    };
    let about = |key: &str, id: &PartId| ui_text_with(locale, key, &[("name", part(id))]);
    match edit {
        Edit::PlacePart(placed) => ui_text_with(
            locale,
            "edit.add",
            &[("name", phrase(configuration.kind_name(&placed.kind)))],
        ),
        // Once removed, the part is named from the edit that brings it back.
        Edit::RemovePart(id) => match inverse {
            Edit::PlacePart(was) => match configuration.catalog().part(&was.kind) {
                Some(kind) => ui_text_with(
                    locale,
                    "edit.remove",
                    &[("name", phrase(part_label(kind, *id, locale)))],
                ),
                None => about("edit.remove", id),
            },
            _ => about("edit.remove", id),
        },
        // A move that turns the part is the inspector's quarter turn (or a turn while dragging).
        Edit::MovePart { id, to } if matches!(inverse, Edit::MovePart { to: from, .. } if from.rotation != to.rotation) => {
            about("edit.turn", id)
        }
        Edit::MovePart { id, .. } => about("edit.move", id),
        Edit::RotatePart { id, .. } => about("edit.turn", id),
        Edit::SetFinish { id, finish } => ui_text_with(
            locale,
            "edit.finish",
            &[
                ("name", part(id)),
                (
                    "finish",
                    phrase(finish_label(configuration.catalog(), finish, locale)),
                ),
            ],
        ),
        Edit::ReplaceKind { id, kind } | Edit::ReplacePart(PlacedPart { id, kind, .. }) => {
            // The part as it was before the swap (on screen it may already be the new kind).
            let was = match inverse {
                Edit::ReplaceKind { kind: was, .. }
                | Edit::ReplacePart(PlacedPart { kind: was, .. }) => {
                    configuration.catalog().part(was)
                }
                _ => None,
            };
            ui_text_with(
                locale,
                "edit.replace",
                &[
                    (
                        "name",
                        was.map_or_else(|| part(id), |was| phrase(part_label(was, *id, locale))),
                    ),
                    ("other", phrase(configuration.kind_name(kind))),
                ],
            )
        }
        Edit::Batch(edits) => match edits.as_slice() {
            [one] => match inverse {
                Edit::Batch(inverses) if let [undoes] = inverses.as_slice() => {
                    edit_name(one, undoes, configuration)
                }
                _ => edit_name(one, inverse, configuration),
            },
            _ if let Some(preset) = preset_placed_by(edits, configuration) => {
                ui_text_with(locale, "edit.start-from", &[("preset", phrase(preset))])
            }
            _ if edits.iter().all(|edit| matches!(edit, Edit::PlacePart(_))) => {
                ui_text_with(locale, "edit.add-many", &[("count", number(edits.len()))])
            }
            _ if edits.iter().all(|edit| matches!(edit, Edit::RemovePart(_))) => ui_text_with(
                locale,
                "edit.remove-many",
                &[("count", number(edits.len()))],
            ),
            _ => ui_text_with(locale, "edit.changes", &[("count", number(edits.len()))]),
        },
    }
}

/// The name of the catalog preset whose parts `edits` place (in any finish: a guided start
/// may propose a design in another one), if they place exactly one's.
fn preset_placed_by(edits: &[Edit], configuration: &Configuration) -> Option<String> {
    let placed: Vec<_> = edits
        .iter()
        .filter_map(|edit| match edit {
            Edit::PlacePart(part) => Some((&part.kind, part.placement)),
            _ => None,
        })
        .collect();
    configuration
        .catalog()
        .presets
        .iter()
        .find(|preset| {
            preset.parts.len() == placed.len()
                && preset
                    .parts
                    .iter()
                    .zip(&placed)
                    .all(|(part, &(kind, placement))| {
                        (&part.kind, part.placement) == (kind, placement)
                    })
        })
        .map(|preset| preset.name.get(&configuration.locale).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use snapkit_core::{FinishId, Locale, PartKindId, Placement, Session};
    use std::sync::Arc;

    #[test]
    fn a_removed_part_is_named_though_it_is_no_longer_there() {
        let catalog =
            snapkit_formats::load_catalog(include_str!("../../../assets/catalogs/shelving.json"))
                .expect("the shipped shelving");
        let frame = PlacedPart {
            id: PartId(1),
            kind: PartKindId::new("frame-500x350x350"),
            finish: FinishId::new("powder-white"),
            placement: Placement::at(glam::IVec3::ZERO),
        };
        let mut session = Session::new(Arc::new(catalog));
        session
            .apply(Edit::PlacePart(frame.clone()))
            .expect("the frame stands on the floor");
        session
            .apply(Edit::RemovePart(PartId(1)))
            .expect("and comes out");
        let after = Configuration::new(session, Locale::english());
        assert_eq!(
            edit_name(
                &Edit::RemovePart(PartId(1)),
                &Edit::PlacePart(frame),
                &after
            ),
            "remove Frame 500 × 350 × 350 #1"
        );
    }
}
