//! Brick walls of any size for the benchmarks: layers of ROW × ROW 2×4 bricks, each on the one below.

use super::brick_catalog::{HEIGHT, PITCH};
use glam::IVec3;
use snapkit_core::{Assembly, Catalog, FinishId, PartId, PartKindId, PlacedPart, Placement};
use std::sync::Arc;

/// Bricks per row and rows per layer.
pub const ROW: i32 = 10;

/// A red 2×4 brick.
pub fn brick(id: u32, translation: IVec3) -> PlacedPart {
    PlacedPart {
        id: PartId(id),
        kind: PartKindId::new("brick-2x4"),
        finish: FinishId::new("red"),
        placement: Placement::at(translation),
    }
}

/// `parts` bricks of `catalog` (which must have a red `brick-2x4`) in layers of ROW × ROW.
pub fn wall(catalog: Arc<Catalog>, parts: u32) -> Assembly {
    let mut assembly = Assembly::new(catalog);
    for index in 0..parts {
        let i = index as i32;
        let translation = IVec3::new(
            (i % ROW) * 2 * PITCH,
            (i / (ROW * ROW)) * HEIGHT,
            (i / ROW % ROW) * 4 * PITCH,
        );
        assembly
            .insert(brick(index + 1, translation))
            .expect("the wall is laid without overlaps");
    }
    assembly
}
