//! Picking on the demo shelving: a frame is open, so a tap may pass between its tubes.

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;

use demo_catalogs::shipped;
use glam::Vec3;
use snapkit_core::picking::part_under_ray;
use snapkit_core::{Assembly, FinishId, PartId, PartKindId, PlacedPart, Placement};

fn two_frames_side_by_side() -> Assembly {
    let mut assembly = Assembly::new(shipped("shelving"));
    for (id, x) in [(1, 0), (2, 750_000)] {
        assembly
            .insert(PlacedPart {
                id: PartId(id),
                kind: PartKindId::new("frame-750x350x350"),
                finish: FinishId::new("powder-white"),
                placement: Placement::at(glam::IVec3::new(x, 0, 0)),
            })
            .expect("frames side by side");
    }
    assembly
}

#[test]
fn a_ray_into_the_hollow_of_a_frame_picks_that_frame() {
    let assembly = two_frames_side_by_side();
    // Straight through the middle of the first frame, front to back: between its tubes.
    let through = part_under_ray(
        &assembly,
        Vec3::new(0.0, 175_000.0, 2_000_000.0),
        Vec3::NEG_Z,
    );
    assert_eq!(through.map(|(id, _)| id), Some(PartId(1)));
    // Down onto its bottom: the collision volume itself.
    let onto = part_under_ray(
        &assembly,
        Vec3::new(750_000.0, 1_000_000.0, 0.0),
        Vec3::NEG_Y,
    );
    assert_eq!(onto.map(|(id, _)| id), Some(PartId(2)));
    // Beside both: nothing.
    let beside = part_under_ray(
        &assembly,
        Vec3::new(2_000_000.0, 175_000.0, 2_000_000.0),
        Vec3::NEG_Z,
    );
    assert_eq!(beside, None);
}
