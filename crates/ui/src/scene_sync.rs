//! Turns what the customer has configured into the snapshot the scene draws.

use glam::{Quat, Vec3};
use snapkit_bridge::{PartLook, ScenePart, SceneSnapshot};
use snapkit_core::{Catalog, PartId};

/// The opening picture: the catalog's first part kind in its default finish, at the origin.
/// Empty when the catalog has no part kinds.
pub(crate) fn first_part_snapshot(catalog: &Catalog) -> SceneSnapshot {
    let parts = catalog
        .parts
        .first()
        .and_then(|kind| {
            let finish = catalog.default_finish(kind)?;
            Some(ScenePart {
                id: PartId(1),
                size: kind.shape.bounding_size(),
                position: Vec3::ZERO,
                rotation: Quat::IDENTITY,
                look: PartLook::from(finish),
            })
        })
        .into_iter()
        .collect();
    SceneSnapshot { parts }
}
