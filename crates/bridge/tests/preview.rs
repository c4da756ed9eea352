//! A change drawn before it is made: what it adds or changes shows as it would be, what it
//! takes away as it is, and the rest as it was.

#[path = "../../core/tests/support/brick_catalog.rs"]
mod brick_catalog;
#[path = "../../core/tests/support/brick_wall.rs"]
mod brick_wall;

use brick_catalog::{HEIGHT, PITCH, brick_catalog};
use brick_wall::{brick, wall};
use glam::IVec3;
use snapkit_bridge::{PartMark, SceneSnapshot};
use snapkit_core::{Edit, PartId, PartKindId, PlacedPart};
use std::collections::BTreeMap;

fn marks_of(snapshot: &SceneSnapshot) -> Vec<(u32, Option<PartMark>)> {
    snapshot
        .parts
        .iter()
        .map(|part| (part.id.0, part.mark))
        .collect()
}

#[test]
fn a_preview_marks_what_comes_what_changes_and_what_goes_and_nothing_else() {
    let assembly = wall(
        brick_catalog(&[("brick-2x4", 2, 4), ("brick-2x2", 2, 2)], &["red"]),
        3,
    );
    let square = PlacedPart {
        kind: PartKindId::new("brick-2x2"),
        ..assembly.part(PartId(3)).expect("part 3").clone()
    };
    let edit = Edit::Batch(vec![
        Edit::RemovePart(PartId(2)),
        Edit::ReplacePart(square.clone()),
        Edit::PlacePart(brick(4, IVec3::new(0, HEIGHT, 0))),
    ]);
    let marks = BTreeMap::from([(PartId(1), PartMark::Error)]);
    let preview = SceneSnapshot::preview(&assembly, &edit, &marks).expect("the edit applies");
    assert_eq!(
        marks_of(&preview),
        vec![
            (1, None),
            (2, Some(PartMark::Removing)),
            (3, Some(PartMark::Adding)),
            (4, Some(PartMark::Adding)),
        ]
    );
    assert_eq!(preview.changing(), vec![PartId(2), PartId(3), PartId(4)]);
    let catalog = assembly.catalog();
    assert_eq!(
        preview.parts[2].shape,
        catalog.part(&square.kind).expect("kind").shape,
        "a changed part is drawn as it would be"
    );
    assert_eq!(
        preview.parts[3].position.y,
        HEIGHT as f32 / 1000.0,
        "in millimetres"
    );
    assert_eq!(
        preview.assembly, assembly,
        "drags and taps still work on what is"
    );
}

#[test]
fn a_moved_part_shows_where_it_would_stand() {
    let assembly = wall(brick_catalog(&[("brick-2x4", 2, 4)], &["red"]), 1);
    let to = brick(1, IVec3::new(10 * PITCH, 0, 0)).placement;
    let preview = SceneSnapshot::preview(
        &assembly,
        &Edit::MovePart { id: PartId(1), to },
        &BTreeMap::new(),
    )
    .expect("the move applies");
    assert_eq!(marks_of(&preview), vec![(1, Some(PartMark::Adding))]);
    assert_eq!(preview.parts[0].position.x, (10 * PITCH) as f32 / 1000.0);
}

#[test]
fn an_edit_that_changes_nothing_previews_the_assembly_as_it_is() {
    let assembly = wall(brick_catalog(&[("brick-2x4", 2, 4)], &["red"]), 2);
    let marks = BTreeMap::from([(PartId(2), PartMark::Selected)]);
    let preview =
        SceneSnapshot::preview(&assembly, &Edit::Batch(Vec::new()), &marks).expect("applies");
    assert_eq!(preview, SceneSnapshot::of(&assembly, &marks));
    assert!(preview.changing().is_empty());
}

#[test]
fn an_edit_that_cannot_apply_has_no_preview() {
    let assembly = wall(brick_catalog(&[("brick-2x4", 2, 4)], &["red"]), 1);
    let overlapping = Edit::PlacePart(brick(2, IVec3::ZERO));
    assert_eq!(
        SceneSnapshot::preview(&assembly, &overlapping, &BTreeMap::new()),
        None
    );
}
