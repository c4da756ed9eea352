//! Swapping a part for another kind and turning it where it stands, on the demo catalogs'
//! presets: every offer applies as one undoable edit and keeps every part it joined joined.

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;

use demo_catalogs::shipped;
use glam::IVec3;
use snapkit_core::in_place::{quarter_turn, swaps};
use snapkit_core::{
    Assembly, Catalog, Edit, FinishId, PartId, PartKindId, PlacedPart, Placement, Preset, Session,
};
use std::collections::BTreeSet;
use std::sync::Arc;

fn built(catalog: &Arc<Catalog>, preset: &str) -> Session {
    let preset: &Preset = catalog
        .presets
        .iter()
        .find(|candidate| candidate.id.as_str() == preset)
        .unwrap_or_else(|| panic!("preset {preset}"));
    let mut session = Session::new(catalog.clone());
    session
        .apply(preset.replacing(session.assembly()))
        .expect("the preset builds");
    session
}

/// Part `id` of `kind` in its first finish, standing on the floor `x_mm` along.
fn placed(catalog: &Catalog, id: u32, kind: &str, x_mm: i32) -> PlacedPart {
    let kind = PartKindId::new(kind);
    PlacedPart {
        id: PartId(id),
        finish: catalog.part(&kind).expect("kind").finishes[0].clone(),
        kind,
        placement: Placement::at(IVec3::new(x_mm * 1000, 0, 0)),
    }
}

fn kind_of(assembly: &Assembly, id: u32) -> &str {
    assembly.part(PartId(id)).expect("part").kind.as_str()
}

fn swap_kinds(assembly: &Assembly, id: u32) -> Vec<&str> {
    swaps(assembly, PartId(id))
        .iter()
        .map(|swap| {
            assembly
                .catalog()
                .part(&swap.kind)
                .expect("kind")
                .id
                .as_str()
        })
        .collect()
}

/// The parts that reach no part on the floor through their connections.
fn floating(assembly: &Assembly) -> Vec<PartId> {
    let mut reached: BTreeSet<PartId> = assembly
        .parts()
        .map(|part| part.id)
        .filter(|&id| assembly.is_grounded(id))
        .collect();
    let mut frontier: Vec<PartId> = reached.iter().copied().collect();
    while let Some(id) = frontier.pop() {
        frontier.extend(
            assembly
                .neighbours(id)
                .into_iter()
                .filter(|&next| reached.insert(next)),
        );
    }
    assembly
        .parts()
        .map(|part| part.id)
        .filter(|id| !reached.contains(id))
        .collect()
}

/// Applies `edit` to `session` and checks that `id` still joins every part it joined, that
/// nothing is left hanging, and that undo brings back exactly the assembly before.
fn apply_keeping_neighbours(session: &mut Session, id: PartId, edit: Edit, what: &str) {
    let before: Vec<_> = session.assembly().parts().cloned().collect();
    let neighbours = session.assembly().neighbours(id);
    session
        .apply(edit)
        .unwrap_or_else(|error| panic!("{what}: {error}"));
    assert!(
        neighbours.is_subset(&session.assembly().neighbours(id)),
        "{what}: still joins {neighbours:?}"
    );
    assert_eq!(floating(session.assembly()), Vec::<PartId>::new(), "{what}");
    session.undo().expect("an edit to undo").expect("undo");
    let after: Vec<_> = session.assembly().parts().cloned().collect();
    assert_eq!(after, before, "{what}: undo restores the assembly");
}

#[test]
fn every_swap_and_turn_offered_in_every_preset_applies_and_keeps_its_neighbours() {
    let mut offers = 0;
    for name in ["shelving", "sofa", "bricks"] {
        let catalog = shipped(name);
        for preset in &catalog.presets {
            let mut session = built(&catalog, preset.id.as_str());
            let ids: Vec<PartId> = session.assembly().parts().map(|part| part.id).collect();
            for id in ids {
                let what = format!("{name}/{} part {id}", preset.id);
                for swap in swaps(session.assembly(), id) {
                    assert_ne!(
                        swap.kind,
                        session.assembly().part(id).expect("part").kind,
                        "{what}"
                    );
                    apply_keeping_neighbours(&mut session, id, swap.edit, &what);
                    offers += 1;
                }
                if let Some(turn) = quarter_turn(session.assembly(), id) {
                    apply_keeping_neighbours(&mut session, id, turn, &format!("{what} turned"));
                    offers += 1;
                }
            }
        }
    }
    assert!(offers > 20, "the presets offer swaps and turns ({offers})");
}

#[test]
fn a_sofa_arm_end_can_become_a_chaise_or_a_seat_priced_by_the_difference() {
    let catalog = shipped("sofa");
    let session = built(&catalog, "two-seater");
    let assembly = session.assembly();
    assert_eq!(kind_of(assembly, 1), "arm-left");
    let kinds = swap_kinds(assembly, 1);
    for wanted in ["chaise-left", "seat-600", "seat-800", "seat-1000"] {
        assert!(kinds.contains(&wanted), "{wanted} in {kinds:?}");
    }
    assert!(!kinds.contains(&"arm-right"), "{kinds:?}");
    let chaise = swaps(assembly, PartId(1))
        .into_iter()
        .find(|swap| swap.kind == PartKindId::new("chaise-left"))
        .expect("chaise");
    let arm = assembly.part(PartId(1)).expect("arm");
    let kind = |id: &str| catalog.part(&PartKindId::new(id)).expect("kind");
    assert_eq!(
        chaise.price_change,
        kind("chaise-left").unit_price(&arm.finish) - kind("arm-left").unit_price(&arm.finish)
    );
    let Edit::ReplacePart(new) = &chaise.edit else {
        panic!("a swap replaces the part: {:?}", chaise.edit);
    };
    assert_eq!((new.id, &new.finish), (PartId(1), &arm.finish));
}

#[test]
fn a_seat_between_two_seats_neither_turns_nor_becomes_a_wider_seat() {
    let catalog = shipped("sofa");
    let session = built(&catalog, "three-seater");
    let assembly = session.assembly();
    assert_eq!(kind_of(assembly, 3), "seat-800");
    assert_eq!(quarter_turn(assembly, PartId(3)), None);
    let kinds = swap_kinds(assembly, 3);
    assert!(!kinds.contains(&"seat-1000"), "{kinds:?}");
}

#[test]
fn a_free_standing_seat_turns_where_it_stands_and_a_square_ottoman_does_not() {
    let catalog = shipped("sofa");
    let mut session = Session::new(catalog.clone());
    session
        .apply(Edit::PlacePart(placed(&catalog, 1, "seat-800", 0)))
        .expect("seat");
    let before = session.assembly().part(PartId(1)).expect("seat").placement;
    let Some(Edit::MovePart { id, to }) = quarter_turn(session.assembly(), PartId(1)) else {
        panic!("the seat turns");
    };
    assert_eq!(id, PartId(1));
    assert_ne!(to.rotation, before.rotation);
    assert_eq!(
        to.translation.y, before.translation.y,
        "it stays on the floor"
    );

    let lounge = built(&catalog, "lounge-with-ottoman");
    assert_eq!(kind_of(lounge.assembly(), 5), "ottoman");
    assert_eq!(quarter_turn(lounge.assembly(), PartId(5)), None);
}

#[test]
fn a_square_brick_looks_the_same_every_way_round_so_it_offers_no_turn() {
    let catalog = shipped("bricks");
    let mut session = Session::new(catalog.clone());
    for (id, kind) in [(1, "brick-2x2"), (2, "brick-2x4")] {
        session
            .apply(Edit::PlacePart(placed(&catalog, id, kind, 100 * id as i32)))
            .expect("placed");
    }
    assert_eq!(quarter_turn(session.assembly(), PartId(1)), None);
    assert!(quarter_turn(session.assembly(), PartId(2)).is_some());
}

#[test]
fn a_swap_to_a_kind_not_made_in_the_parts_finish_comes_in_that_kinds_first_finish() {
    let mut catalog = (*shipped("shelving")).clone();
    let narrower = PartKindId::new("frame-500x350x350");
    let kind = catalog
        .parts
        .iter_mut()
        .find(|kind| kind.id == narrower)
        .expect("the 500 frame");
    kind.finishes.retain(|finish| finish.as_str() != "chrome");
    let first = kind.finishes[0].clone();
    let catalog = Arc::new(catalog);
    let mut session = Session::new(catalog.clone());
    let mut frame = placed(&catalog, 1, "frame-750x350x350", 0);
    frame.finish = FinishId::new("chrome");
    session
        .apply(Edit::PlacePart(frame))
        .expect("a chrome frame");
    let swap = swaps(session.assembly(), PartId(1))
        .into_iter()
        .find(|swap| swap.kind == narrower)
        .expect("the chrome frame can become a 500 frame");
    let Edit::ReplacePart(new) = &swap.edit else {
        panic!("{:?}", swap.edit);
    };
    assert_eq!(new.finish, first);
    session.apply(swap.edit).expect("the swap applies");
}
