//! The interlocking-bricks catalog as the sharpest test of connectors, snapping and collision.

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;

use demo_catalogs::shipped;
use glam::{IVec3, Vec3};
use snapkit_core::snapping::{
    Refusal, SnapQuery, SnapResult, SnapTarget, distinct_products, fits_at, open_connectors, snap,
};
use snapkit_core::{
    Assembly, Catalog, Direction, Edit, EditError, FinishId, PartId, PartKindId, PlacedPart,
    Placement, PlacementError, Rotation,
};
use std::sync::Arc;

fn bricks() -> Arc<Catalog> {
    shipped("bricks")
}

fn brick(id: u32, kind: &str, placement: Placement) -> PlacedPart {
    PlacedPart {
        id: PartId(id),
        kind: PartKindId::new(kind),
        finish: FinishId::new("red"),
        placement,
    }
}

/// An assembly of one 2x4 brick standing on the floor at the origin, as part 1.
fn on_one_2x4_brick() -> Assembly {
    let mut assembly = Assembly::new(bricks());
    assembly
        .insert(brick(1, "brick-2x4", Placement::default()))
        .expect("the base brick stands on the floor");
    assembly
}

/// Micrometres of one stud pitch and one brick height.
const PITCH: i32 = 8_000;
const HEIGHT: i32 = 9_600;

#[test]
fn a_2x4_brick_sits_on_another_in_exactly_46_ways() {
    let assembly = on_one_2x4_brick();
    let kind = assembly
        .catalog()
        .part(&PartKindId::new("brick-2x4"))
        .expect("2x4 exists")
        .clone();
    let on_top = open_connectors(&assembly)
        .into_iter()
        .filter(|open| open.frame.normal == Direction::PosY)
        .flat_map(|open| fits_at(&assembly, &open))
        .filter(|fit| fit.kind == kind.id)
        .flat_map(|fit| fit.placements);
    let positions = distinct_products(&kind, on_top);
    let turned_quarter =
        |placement: &Placement| placement.rotation.direction(Direction::PosZ).vector().z == 0;
    let crossed = positions.iter().filter(|p| turned_quarter(p)).count();
    assert_eq!(positions.len(), 46);
    assert_eq!(positions.len() - crossed, 21, "parallel");
    assert_eq!(crossed, 25, "crossed");
    assert!(positions.iter().all(|p| p.translation.y == HEIGHT));
}

#[test]
fn a_brick_across_two_bricks_connects_to_both() {
    let mut assembly = on_one_2x4_brick();
    assembly
        .insert(brick(
            2,
            "brick-2x4",
            Placement::at(IVec3::new(2 * PITCH, 0, 0)),
        ))
        .expect("second base beside it");
    // Turned a quarter, centred over the seam: two studs of each base under it.
    let bridge = Placement {
        rotation: Rotation::quarter_turns_about(Direction::PosY, 1),
        translation: IVec3::new(PITCH, HEIGHT, 0),
    };
    Edit::PlacePart(brick(3, "brick-2x4", bridge))
        .apply(&mut assembly)
        .expect("the bridge fits");
    assert_eq!(
        assembly
            .neighbours(PartId(3))
            .into_iter()
            .collect::<Vec<_>>(),
        [PartId(1), PartId(2)]
    );
    let joints = assembly
        .connections()
        .filter(|connection| connection.touches(PartId(3)))
        .count();
    assert_eq!(joints, 8, "all eight sockets of the bridge sit on studs");
    // Taking one base away leaves nothing hanging: the bridge still rests on the other.
    assert!(assembly.left_hanging_without(&[PartId(1)]).is_empty());
    assert_eq!(
        assembly.left_hanging_without(&[PartId(1), PartId(2)]),
        [PartId(3)]
    );
}

#[test]
fn overlapping_placements_are_refused_with_the_reason() {
    let mut assembly = on_one_2x4_brick();
    let overlapping = brick(2, "brick-2x2", Placement::at(IVec3::new(PITCH, 0, 0)));
    let error = Edit::PlacePart(overlapping)
        .apply(&mut assembly)
        .expect_err("half inside the base");
    assert_eq!(
        error,
        EditError::Placement {
            part: PartId(2),
            reason: PlacementError::Collides { with: PartId(1) }
        }
    );
    assert_eq!(
        error.to_string(),
        "part #2 cannot go there: it would overlap part #1"
    );
    assert_eq!(assembly.len(), 1, "a refused edit changes nothing");
}

#[test]
fn snapping_near_the_top_of_a_brick_finds_a_valid_stacked_spot() {
    let assembly = on_one_2x4_brick();
    let result = snap(
        &assembly,
        &SnapQuery {
            kind: PartKindId::new("brick-2x2"),
            moving: None,
            facing: Rotation::IDENTITY,
            target: SnapTarget::Ray {
                // Straight down onto the middle of the base's back half.
                origin: Vec3::new(0.0, 100_000.0, 8_000.0),
                direction: Vec3::NEG_Y,
            },
        },
    );
    let best = result.best.expect("a spot on top");
    assert_eq!(best.placement.translation, IVec3::new(0, HEIGHT, 8_000));
    assert_eq!(result.best_joints.len(), 4, "all four sockets on studs");
    assert!(
        result
            .best_joints
            .iter()
            .all(|joint| joint.other.part == PartId(1))
    );
    assert!(
        result.nearby.iter().any(|candidate| !candidate.is_valid()),
        "spots inside the base are listed as refused"
    );
    assert!(
        result.incompatible.is_empty(),
        "every stud takes a 2x2's sockets"
    );
}

#[test]
fn an_empty_floor_offers_a_spot_on_the_stud_grid() {
    let assembly = Assembly::new(bricks());
    let result = snap(
        &assembly,
        &SnapQuery {
            kind: PartKindId::new("brick-2x4"),
            moving: None,
            facing: Rotation::IDENTITY,
            target: SnapTarget::Point(Vec3::new(19_000.0, 0.0, -3_000.0)),
        },
    );
    let best = result.best.expect("the floor is free");
    assert_eq!(best.placement.translation, IVec3::new(16_000, 0, 0));
    assert_eq!(best.onto, None);
}

#[test]
fn a_brick_turned_by_the_customer_snaps_on_turned() {
    let assembly = on_one_2x4_brick();
    let turned = Rotation::quarter_turns_about(Direction::PosY, 1);
    for facing in [Rotation::IDENTITY, turned] {
        let result = snap(
            &assembly,
            &SnapQuery {
                kind: PartKindId::new("brick-2x4"),
                moving: None,
                facing,
                target: SnapTarget::Ray {
                    origin: Vec3::new(0.0, 100_000.0, 0.0),
                    direction: Vec3::NEG_Y,
                },
            },
        );
        let best = result.best.expect("a spot on top");
        assert_eq!(best.placement.rotation, facing, "{best:?}");
        assert_eq!(best.placement.translation.y, HEIGHT);
    }
}

/// Snaps the existing part `moving` (a 2×4) with the pointer straight above `over`.
fn snap_moving(assembly: &Assembly, moving: PartId, over: Vec3) -> SnapResult {
    snap(
        assembly,
        &SnapQuery {
            kind: PartKindId::new("brick-2x4"),
            moving: Some(moving),
            facing: Rotation::IDENTITY,
            target: SnapTarget::Ray {
                origin: over + Vec3::Y * 200_000.0,
                direction: Vec3::NEG_Y,
            },
        },
    )
}

#[test]
fn moving_a_brick_others_rest_on_is_refused_where_it_would_leave_them_unsupported() {
    // Brick 1 on the floor, brick 2 on top of it, brick 3 on the floor far away.
    let mut assembly = on_one_2x4_brick();
    for (id, at) in [
        (2, IVec3::new(0, HEIGHT, 0)),
        (3, IVec3::new(20 * PITCH, 0, 0)),
    ] {
        assembly
            .insert(brick(id, "brick-2x4", Placement::at(at)))
            .expect("free spot");
    }
    // Onto brick 3: brick 2 would be left in the air.
    let result = snap_moving(
        &assembly,
        PartId(1),
        Vec3::new(20.0 * PITCH as f32, 0.0, 0.0),
    );
    let nearest = result.nearby.first().expect("spots on brick 3 are tried");
    assert_eq!(
        nearest.refusals,
        [Refusal::LeavesUnsupported(vec![PartId(2)])],
        "{nearest:?}"
    );
    assert!(
        result
            .nearby
            .iter()
            .filter(|spot| spot
                .onto
                .as_ref()
                .is_some_and(|onto| onto.part == PartId(3)))
            .all(|spot| !spot.is_valid()),
        "no spot on brick 3 keeps brick 2 up"
    );
    assert_eq!(result.best, None);
    // Sliding brick 1 one stud along, still under brick 2: brick 2 stays supported.
    let result = snap_moving(&assembly, PartId(1), Vec3::new(PITCH as f32, 0.0, 0.0));
    let slid = result.best.expect("one stud along is free");
    assert_eq!(slid.placement.translation, IVec3::new(PITCH, 0, 0));
    assert!(
        result
            .best_joints
            .iter()
            .all(|joint| joint.other.part == PartId(2)),
        "under brick 2, brick 1 joins only brick 2"
    );
    // Brick 3 carries nothing: it may go anywhere free, even on top of brick 2.
    let on_top = snap_moving(&assembly, PartId(3), Vec3::new(0.0, 0.0, 0.0))
        .best
        .expect("the top of brick 2 is free");
    assert_eq!(on_top.placement.translation.y, 2 * HEIGHT);
}
