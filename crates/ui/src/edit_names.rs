//! What an edit does, in a few words, for the Undo and Redo buttons ("Undo: add Frame 750").

use crate::configuration::Configuration;
use snapkit_core::rules::message::finish_label;
use snapkit_core::{Edit, PartId};

/// The edit in the customer's words, naming the parts it touches where they are on screen.
pub(crate) fn edit_name(edit: &Edit, configuration: &Configuration) -> String {
    let part = |id: &PartId| {
        configuration
            .part_name(*id)
            .unwrap_or_else(|| "a part".to_owned())
    };
    match edit {
        Edit::PlacePart(placed) => format!("add {}", configuration.kind_name(&placed.kind)),
        Edit::RemovePart(id) => format!("remove {}", part(id)),
        Edit::MovePart { id, .. } => format!("move {}", part(id)),
        Edit::RotatePart { id, .. } => format!("turn {}", part(id)),
        Edit::SetFinish { id, finish } => format!(
            "make {} in {}",
            part(id),
            finish_label(configuration.catalog(), finish, &configuration.locale)
        ),
        Edit::ReplaceKind { id, kind } => format!(
            "replace {} with {}",
            part(id),
            configuration.kind_name(kind)
        ),
        Edit::Batch(edits) => match edits.as_slice() {
            [one] => edit_name(one, configuration),
            _ if let Some(preset) = preset_placed_by(edits, configuration) => {
                format!("start from {preset}")
            }
            _ if edits.iter().all(|edit| matches!(edit, Edit::PlacePart(_))) => {
                format!("add {} parts", edits.len())
            }
            _ if edits.iter().all(|edit| matches!(edit, Edit::RemovePart(_))) => {
                format!("remove {} parts", edits.len())
            }
            _ => format!("{} changes", edits.len()),
        },
    }
}

/// The name of the catalog preset whose parts `edits` place, if they place exactly one's.
fn preset_placed_by(edits: &[Edit], configuration: &Configuration) -> Option<String> {
    let placed: Vec<_> = edits
        .iter()
        .filter_map(|edit| match edit {
            Edit::PlacePart(part) => Some((&part.kind, &part.finish, part.placement)),
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
                    .all(|(part, &(kind, finish, placement))| {
                        (&part.kind, &part.finish, part.placement) == (kind, finish, placement)
                    })
        })
        .map(|preset| preset.name.get(&configuration.locale).to_owned())
}
