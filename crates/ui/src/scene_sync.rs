//! Turns the assembly being configured into the snapshot the scene draws.

use glam::Quat;
use snapkit_bridge::{PartLook, ScenePart, SceneSnapshot};
use snapkit_core::geometry::um_to_mm_vec;
use snapkit_core::{Assembly, Catalog, Edit, PartId, PlacedPart, Placement, Session};
use std::sync::Arc;

/// Every part of `assembly` as the scene draws it (millimetres, Y up). Parts whose kind or
/// finish the catalog lacks cannot exist in an assembly, so none are skipped in practice.
pub(crate) fn snapshot_of(assembly: &Assembly) -> SceneSnapshot {
    let catalog = assembly.catalog();
    let parts = assembly
        .parts()
        .filter_map(|placed| {
            let kind = catalog.part(&placed.kind)?;
            let finish = catalog.finish(&placed.finish)?;
            Some(ScenePart {
                id: placed.id,
                size: um_to_mm_vec(kind.shape.bounding_size()),
                position: um_to_mm_vec(placed.placement.translation),
                rotation: Quat::from_array(placed.placement.rotation.to_quaternion()),
                look: PartLook::from(finish),
            })
        })
        .collect();
    SceneSnapshot { parts }
}

/// The opening configuration: the catalog's first part kind in its default finish, on the floor.
/// Empty when the catalog has no part kinds.
pub(crate) fn starting_session(catalog: Arc<Catalog>) -> Session {
    let first = catalog.parts.first().and_then(|kind| {
        Some(PlacedPart {
            id: PartId(1),
            kind: kind.id.clone(),
            finish: catalog.default_finish(kind)?.id.clone(),
            placement: Placement::default(),
        })
    });
    let mut session = Session::new(catalog);
    if let Some(first) = first
        && let Err(error) = session.apply(Edit::PlacePart(first))
    {
        web_sys::console::warn_1(&format!("could not place the first part: {error}").into());
    }
    session
}
