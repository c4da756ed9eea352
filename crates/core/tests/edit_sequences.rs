//! Property tests: no sequence of edits breaks an assembly, every edit undoes exactly, and
//! the rule check agrees with independent oracles (floating parts, counts, finishes).
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/brick_catalog.rs"]
mod brick_catalog;

use brick_catalog::{HEIGHT, PITCH, brick_catalog};
use glam::IVec3;
use proptest::prelude::*;
use snapkit_core::assembly::Connection;
use snapkit_core::connector::frames_mate;
use snapkit_core::in_place::{quarter_turn, swaps};
use snapkit_core::{
    Aabb, Assembly, Catalog, ConnectorId, Direction, Edit, FinishId, Locale, PartId, PartKindId,
    PlacedPart, Placement, Rotation, Rule, RuleId, RuleKind, Scope, Selector, Session, Severity,
    check,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

const KINDS: [(&str, i32, i32); 3] = [("b2x4", 2, 4), ("b2x2", 2, 2), ("b1x2", 1, 2)];
const FINISHES: [&str; 2] = ["red", "blue"];

/// One step a customer might take; part indices pick among the parts present.
#[derive(Clone, Debug)]
enum Step {
    Place {
        kind: usize,
        finish: usize,
        cell: (i32, i32, i32),
        turns: u8,
    },
    Remove(usize),
    Move {
        part: usize,
        cell: (i32, i32, i32),
    },
    Rotate {
        part: usize,
        turns: u8,
    },
    SetFinish {
        part: usize,
        finish: usize,
    },
    Replace {
        part: usize,
        kind: usize,
    },
    /// One of the swaps `in_place::swaps` offers for a part.
    Swap {
        part: usize,
        choice: usize,
    },
    /// The quarter turn `in_place::quarter_turn` offers for a part.
    Turn(usize),
    Undo,
    Redo,
}

fn cell() -> impl Strategy<Value = (i32, i32, i32)> {
    (-3..3i32, 0..3i32, -3..3i32)
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..KINDS.len(), 0..FINISHES.len(), cell(), 0..4u8)
            .prop_map(|(kind, finish, cell, turns)| Step::Place { kind, finish, cell, turns }),
        1 => (0..8usize).prop_map(Step::Remove),
        1 => (0..8usize, cell()).prop_map(|(part, cell)| Step::Move { part, cell }),
        1 => (0..8usize, 0..4u8).prop_map(|(part, turns)| Step::Rotate { part, turns }),
        1 => (0..8usize, 0..FINISHES.len()).prop_map(|(part, finish)| Step::SetFinish { part, finish }),
        1 => (0..8usize, 0..KINDS.len()).prop_map(|(part, kind)| Step::Replace { part, kind }),
        1 => (0..8usize, 0..8usize).prop_map(|(part, choice)| Step::Swap { part, choice }),
        1 => (0..8usize).prop_map(Step::Turn),
        1 => Just(Step::Undo),
        1 => Just(Step::Redo),
    ]
}

fn placement((x, y, z): (i32, i32, i32), turns: u8) -> Placement {
    Placement {
        rotation: Rotation::quarter_turns_about(Direction::PosY, turns),
        translation: IVec3::new(x * PITCH, y * HEIGHT, z * PITCH),
    }
}

fn nth_part(session: &Session, index: usize) -> Option<PlacedPart> {
    let parts: Vec<_> = session.assembly().parts().cloned().collect();
    (!parts.is_empty()).then(|| parts[index % parts.len()].clone())
}

fn edit_for(session: &Session, step: &Step) -> Option<Edit> {
    Some(match *step {
        Step::Place {
            kind,
            finish,
            cell,
            turns,
        } => Edit::PlacePart(PlacedPart {
            id: session.assembly().next_part_id(),
            kind: PartKindId::new(KINDS[kind].0),
            finish: FinishId::new(FINISHES[finish]),
            placement: placement(cell, turns),
        }),
        Step::Remove(part) => Edit::RemovePart(nth_part(session, part)?.id),
        Step::Move { part, cell } => {
            let part = nth_part(session, part)?;
            Edit::MovePart {
                id: part.id,
                to: placement(cell, 0),
            }
        }
        Step::Rotate { part, turns } => Edit::RotatePart {
            id: nth_part(session, part)?.id,
            to: Rotation::quarter_turns_about(Direction::PosY, turns),
        },
        Step::SetFinish { part, finish } => Edit::SetFinish {
            id: nth_part(session, part)?.id,
            finish: FinishId::new(FINISHES[finish]),
        },
        Step::Replace { part, kind } => Edit::ReplaceKind {
            id: nth_part(session, part)?.id,
            kind: PartKindId::new(KINDS[kind].0),
        },
        Step::Swap { part, choice } => {
            let offered = swaps(session.assembly(), nth_part(session, part)?.id);
            offered.get(choice % offered.len().max(1))?.edit.clone()
        }
        Step::Turn(part) => quarter_turn(session.assembly(), nth_part(session, part)?.id)?,
        Step::Undo | Step::Redo => return None,
    })
}

fn world_boxes(assembly: &Assembly, part: &PlacedPart) -> Vec<Aabb> {
    let kind = assembly.catalog().part(&part.kind).expect("kind exists");
    Assembly::world_boxes(kind, part.placement).collect()
}

/// The connections a from-scratch search finds: every coinciding, mating connector pair.
fn all_mating_pairs(assembly: &Assembly) -> BTreeSet<Connection> {
    let catalog = assembly.catalog();
    let mut found = BTreeSet::new();
    let parts: Vec<_> = assembly.parts().collect();
    for (i, a) in parts.iter().enumerate() {
        for b in &parts[i + 1..] {
            let (kind_a, kind_b) = (
                catalog.part(&a.kind).expect("a"),
                catalog.part(&b.kind).expect("b"),
            );
            for ca in &kind_a.connectors {
                for cb in &kind_b.connectors {
                    let Some(turns) = catalog.mating_turns(ca, cb) else {
                        continue;
                    };
                    if frames_mate(
                        ca.world_frame(a.placement),
                        cb.world_frame(b.placement),
                        turns,
                    ) {
                        found.insert(Connection::between(
                            ConnectorId {
                                part: a.id,
                                connector: ca.name.clone(),
                            },
                            ConnectorId {
                                part: b.id,
                                connector: cb.name.clone(),
                            },
                        ));
                    }
                }
            }
        }
    }
    found
}

fn assert_consistent(assembly: &Assembly) {
    let parts: Vec<_> = assembly.parts().collect();
    for (i, a) in parts.iter().enumerate() {
        for b in &parts[i + 1..] {
            for box_a in world_boxes(assembly, a) {
                for box_b in world_boxes(assembly, b) {
                    // An oracle independent of `Aabb::overlaps`: every part here sits on an exact
                    // grid, so any shared volume at all is an overlap.
                    let depth = box_a.max.min(box_b.max) - box_a.min.max(box_b.min);
                    assert!(
                        depth.min_element() <= 0,
                        "parts {} and {} overlap",
                        a.id,
                        b.id
                    );
                }
            }
        }
    }
    assert_eq!(
        assembly.connections().cloned().collect::<BTreeSet<_>>(),
        all_mating_pairs(assembly),
        "connections are exactly the mating pairs"
    );
    let joined: Vec<_> = assembly
        .joined()
        .map(|(connection, a, b)| (connection.clone(), a.name.clone(), b.name.clone()))
        .collect();
    assert_eq!(joined.len(), assembly.connections().len());
    for (connection, a, b) in joined {
        assert_eq!(
            (a, b),
            (connection.a.connector, connection.b.connector),
            "each connection knows its own connectors"
        );
    }
}

/// Most bricks the count rule allows.
const MAX_BRICKS: u32 = 6;

/// The test bricks with rules whose verdicts an oracle can recompute from scratch.
fn catalog_with_rules() -> Arc<Catalog> {
    let mut catalog = (*brick_catalog(&KINDS, &FINISHES)).clone();
    let rule = |id: &str, kind| Rule {
        id: RuleId::new(id),
        severity: Severity::Error,
        message: None,
        kind,
    };
    catalog.rules = vec![
        rule("support", RuleKind::Support),
        rule(
            "count",
            RuleKind::Count {
                parts: Selector::default(),
                min: None,
                max: Some(MAX_BRICKS),
                per: Scope::Assembly,
            },
        ),
        rule(
            "one-colour",
            RuleKind::SameFinish {
                parts: Selector::default(),
                per: Scope::Group,
            },
        ),
    ];
    Arc::new(catalog)
}

/// The parts in groups with no part on the floor.
fn floating(assembly: &Assembly) -> BTreeSet<PartId> {
    oracle_groups(assembly)
        .into_iter()
        .filter(|group| !group.iter().any(|&id| assembly.is_grounded(id)))
        .flatten()
        .collect()
}

/// Connected groups from the oracle's connections.
fn oracle_groups(assembly: &Assembly) -> Vec<BTreeSet<PartId>> {
    let mut links: BTreeMap<PartId, BTreeSet<PartId>> = BTreeMap::new();
    for connection in all_mating_pairs(assembly) {
        links
            .entry(connection.a.part)
            .or_default()
            .insert(connection.b.part);
        links
            .entry(connection.b.part)
            .or_default()
            .insert(connection.a.part);
    }
    let mut seen = BTreeSet::new();
    let mut groups = Vec::new();
    for part in assembly.parts() {
        if seen.contains(&part.id) {
            continue;
        }
        let mut group = BTreeSet::from([part.id]);
        let mut frontier = vec![part.id];
        while let Some(at) = frontier.pop() {
            for &next in links.get(&at).into_iter().flatten() {
                if group.insert(next) {
                    frontier.push(next);
                }
            }
        }
        seen.extend(group.iter().copied());
        groups.push(group);
    }
    groups
}

/// Checks each rule's verdict against a from-scratch recomputation.
fn assert_rules_agree(assembly: &Assembly) {
    let violations = check(assembly, &Locale::english());
    let broken = |rule: &str| {
        violations
            .iter()
            .any(|violation| violation.rule.as_str() == rule)
    };
    let groups = oracle_groups(assembly);
    let floating = groups.iter().any(|group| {
        !group.iter().any(|&id| {
            let part = assembly.part(id).expect("part");
            world_boxes(assembly, part)
                .iter()
                .any(|aabb| aabb.min.y == 0)
        })
    });
    assert_eq!(
        broken("support"),
        floating,
        "support rule vs. floating-group oracle"
    );
    assert_eq!(
        broken("count"),
        assembly.len() > MAX_BRICKS as usize,
        "count rule vs. part count"
    );
    let mixed = groups.iter().any(|group| {
        group
            .iter()
            .map(|&id| &assembly.part(id).expect("part").finish)
            .collect::<BTreeSet<_>>()
            .len()
            > 1
    });
    assert_eq!(
        broken("one-colour"),
        mixed,
        "finish rule vs. per-group finishes"
    );
    for violation in &violations {
        for repair in &violation.repairs {
            let mut repaired = assembly.clone();
            repair.edit.apply(&mut repaired).expect("a repair applies");
            let after = check(&repaired, &Locale::english());
            assert!(
                !after.iter().any(|other| other.rule == violation.rule
                    && other
                        .parts
                        .iter()
                        .any(|part| violation.parts.contains(part))),
                "repair '{}' fixes {}",
                repair.description,
                violation.rule
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn edits_keep_the_assembly_sound_and_undo_exactly(steps in prop::collection::vec(step(), 1..40)) {
        let catalog = catalog_with_rules();
        let mut session = Session::new(catalog.clone());
        for step in &steps {
            let before = session.assembly().clone();
            match step {
                Step::Undo => { session.undo(); }
                Step::Redo => { session.redo(); }
                _ => {
                    if let Some(edit) = edit_for(&session, step) {
                        if let Ok(applied) = edit.apply(&mut session.assembly().clone()) {
                            // The inverse restores exactly what was there.
                            let mut scratch = session.assembly().clone();
                            edit.apply(&mut scratch).expect("applies twice the same way");
                            applied.inverse.apply(&mut scratch).expect("inverse applies");
                            prop_assert_eq!(&scratch, &before);
                        }
                        let in_place = match step {
                            Step::Swap { part, .. } | Step::Turn(part) => nth_part(&session, *part),
                            _ => None,
                        };
                        if session.apply(edit).is_err() {
                            prop_assert!(in_place.is_none(), "an offered swap or turn applies");
                            prop_assert_eq!(session.assembly(), &before, "a refused edit changes nothing");
                        }
                        if let Some(part) = in_place {
                            // A swap or a turn keeps every part joined that was, and leaves
                            // nothing hanging that was not.
                            prop_assert!(before.neighbours(part.id).is_subset(&session.assembly().neighbours(part.id)));
                            prop_assert!(floating(session.assembly()).is_subset(&floating(&before)));
                        }
                    }
                }
            }
            assert_consistent(session.assembly());
            assert_rules_agree(session.assembly());
        }
        let history: Vec<Edit> = session.history().cloned().collect();
        let replayed = Session::replay(catalog.clone(), &history).expect("history replays");
        prop_assert_eq!(replayed.assembly(), session.assembly());
        prop_assert!(replayed.assembly().connections().eq(session.assembly().connections()));
        // Rebuilt from its start and both histories (as an autosave keeps it), the session
        // undoes and redoes exactly as the original.
        let undone: Vec<Edit> = session.undone().cloned().collect();
        let mut rebuilt = Session::rebuild(session.start().clone(), &history, &undone)
            .expect("the histories rebuild");
        prop_assert_eq!(rebuilt.assembly(), session.assembly());
        let mut redone = session.clone();
        while redone.can_redo() {
            redone.redo().expect("something to redo").expect("redo applies");
            rebuilt.redo().expect("the rebuilt session redoes too").expect("redo applies");
            prop_assert_eq!(rebuilt.assembly(), redone.assembly());
        }
        prop_assert!(!rebuilt.can_redo());
        while session.can_undo() {
            session.undo().expect("something to undo").expect("undo applies");
        }
        prop_assert!(session.assembly().is_empty());
    }
}
