//! The solution-space count against figures derived by hand, published figures, and a second,
//! deliberately simple implementation: breadth-first growth through the engine's own snapping
//! (`open_connectors`, `placements_onto_open`, `Assembly::insert`) with every product stored
//! under an independently computed key. The fast count shares none of that path.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/brick_catalog.rs"]
mod brick_catalog;

use brick_catalog::brick_catalog;
use glam::IVec3;
use proptest::prelude::*;
use snapkit_core::rules::violations;
use snapkit_core::snapping::{open_connectors, placements_onto_open};
use snapkit_core::solution_space::{CountError, CountQuery, Counting, SolutionCount, count};
use snapkit_core::{
    Aabb, Assembly, Catalog, Direction, Locale, PartId, PartKindId, PlacedPart, Placement,
    Rotation, Rule, RuleId, RuleKind, Scope, Selector, Severity,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// High enough above the floor that nothing the brute force builds reaches it.
const LIFT: i32 = 1_000_000;

fn upright(turns: u8) -> Rotation {
    Rotation::quarter_turns_about(Direction::PosY, turns)
}

/// What one placed part occupies and offers, in the world: its kind, boxes and connectors.
type PartKey = (String, Vec<(String, [i32; 3], [i32; 3])>);

fn part_key(catalog: &Catalog, part: &PlacedPart, shift: IVec3) -> PartKey {
    let kind = catalog.part(&part.kind).expect("kind");
    let placement = Placement {
        rotation: part.placement.rotation,
        translation: part.placement.translation + shift,
    };
    let mut items: Vec<_> = kind
        .collision
        .iter()
        .map(|&aabb| {
            let world = placement.aabb(aabb);
            ("box".to_owned(), world.min.to_array(), world.max.to_array())
        })
        .chain(kind.connectors.iter().map(|connector| {
            let frame = connector.world_frame(placement);
            (
                connector.connector_type.to_string(),
                frame.position.to_array(),
                frame.normal.vector().to_array(),
            )
        }))
        .collect();
    items.sort();
    (part.kind.to_string(), items)
}

/// The parts of `parts` turned about the vertical through the origin.
fn turned(parts: &[PlacedPart], turns: u8) -> Vec<PlacedPart> {
    parts
        .iter()
        .map(|part| PlacedPart {
            placement: Placement::default()
                .after(Placement {
                    rotation: upright(turns),
                    translation: IVec3::ZERO,
                })
                .after(part.placement),
            ..part.clone()
        })
        .collect()
}

fn bounds(catalog: &Catalog, parts: &[PlacedPart]) -> Aabb {
    parts
        .iter()
        .flat_map(|part| {
            let kind = catalog.part(&part.kind).expect("kind");
            Assembly::world_boxes(kind, part.placement).collect::<Vec<_>>()
        })
        .reduce(Aabb::union)
        .expect("parts")
}

/// A key equal for two assemblies exactly when they are the same product: fixed (`pinned`),
/// or up to translation and quarter turns about the vertical.
fn product_key(catalog: &Catalog, parts: &[PlacedPart], pinned: bool) -> Vec<PartKey> {
    let key_of = |parts: &[PlacedPart]| {
        let shift = if pinned {
            IVec3::ZERO
        } else {
            -bounds(catalog, parts).min
        };
        let mut key: Vec<PartKey> = parts
            .iter()
            .map(|part| part_key(catalog, part, shift))
            .collect();
        key.sort();
        key
    };
    if pinned {
        return key_of(parts);
    }
    (0..4)
        .map(|turns| key_of(&turned(parts, turns)))
        .min()
        .expect("four turns")
}

fn rebuilt(catalog: &Arc<Catalog>, parts: &[PlacedPart], lift: i32) -> Assembly {
    let mut assembly = Assembly::new(Arc::clone(catalog));
    for part in parts {
        let mut part = part.clone();
        part.placement.translation.y += lift;
        assembly
            .insert(part)
            .expect("a product found once stays buildable");
    }
    assembly
}

/// The products of `n` parts of `kinds`, counted the slow way. With `fixed_base`, `n` parts are
/// built onto one fixed part of the first kind, every one of them above its bottom.
fn brute_force(
    catalog: &Arc<Catalog>,
    kinds: &[&str],
    n: usize,
    fixed_base: bool,
) -> SolutionCount {
    let finish =
        |kind: &str| catalog.part(&PartKindId::new(kind)).expect("kind").finishes[0].clone();
    let single = |kind: &str, turns: u8| PlacedPart {
        id: PartId(1),
        kind: PartKindId::new(kind),
        finish: finish(kind),
        placement: Placement {
            rotation: upright(turns),
            translation: IVec3::new(0, LIFT, 0),
        },
    };
    let mut level: BTreeMap<Vec<PartKey>, Vec<PlacedPart>> = BTreeMap::new();
    let firsts: Vec<PlacedPart> = if fixed_base {
        vec![single(kinds[0], 0)]
    } else {
        kinds
            .iter()
            .flat_map(|kind| (0..4).map(|turns| single(kind, turns)))
            .collect()
    };
    for first in firsts {
        let parts = vec![first];
        level.insert(product_key(catalog, &parts, fixed_base), parts);
    }
    let mut visited = level.len() as u64;
    let wanted = if fixed_base { n + 1 } else { n };
    for _ in 1..wanted {
        let mut next = BTreeMap::new();
        for parts in level.values() {
            let assembly = rebuilt(catalog, parts, 0);
            for onto in open_connectors(&assembly) {
                for &kind in kinds {
                    let part_kind = catalog.part(&PartKindId::new(kind)).expect("kind");
                    for (placement, refusal) in
                        placements_onto_open(&assembly, part_kind, &onto).unwrap_or_default()
                    {
                        let upright_turn = (0..4).any(|turns| upright(turns) == placement.rotation);
                        let above_base = !fixed_base
                            || Assembly::world_boxes(part_kind, placement)
                                .all(|aabb| aabb.min.y > LIFT);
                        if refusal.is_some() || !upright_turn || !above_base {
                            continue;
                        }
                        let mut grown = parts.clone();
                        grown.push(PlacedPart {
                            id: PartId(parts.len() as u32 + 1),
                            kind: PartKindId::new(kind),
                            finish: finish(kind),
                            placement,
                        });
                        next.entry(product_key(catalog, &grown, fixed_base))
                            .or_insert(grown);
                    }
                }
            }
        }
        visited += next.len() as u64;
        level = next;
    }
    let mut by_layers = BTreeMap::new();
    for parts in level.values() {
        let lift = -bounds(catalog, parts).min.y;
        let assembly = rebuilt(catalog, parts, lift);
        if violations(&assembly, &Locale::english())
            .iter()
            .any(|violation| violation.is_error())
        {
            continue;
        }
        let layers: BTreeSet<i32> = parts
            .iter()
            .map(|part| bounds(catalog, std::slice::from_ref(part)).min.y)
            .collect();
        *by_layers.entry(layers.len()).or_insert(0) += 1;
    }
    SolutionCount {
        products: by_layers.values().sum(),
        by_layers,
        visited,
    }
}

fn fast(
    catalog: &Arc<Catalog>,
    kind: Option<&str>,
    parts: usize,
    fixed_base: bool,
) -> SolutionCount {
    let query = CountQuery {
        parts,
        kind: kind.map(PartKindId::new),
        fixed_base,
    };
    count(catalog, &query, 2).expect("count")
}

fn two_by_four() -> Arc<Catalog> {
    brick_catalog(&[("brick-2x4", 2, 4)], &["red"])
}

#[test]
fn one_brick_fits_on_a_fixed_brick_in_46_ways() {
    // By hand: parallel, the top brick's 4 studs of length may start 3 before to 3 after
    // (7 offsets) and its 2 of width 1 before to 1 after (3): 21. Crossed, 5 × 5 = 25. 46.
    let catalog = two_by_four();
    assert_eq!(fast(&catalog, None, 1, true).products, 46);
    assert_eq!(brute_force(&catalog, &["brick-2x4"], 1, true).products, 46);
}

#[test]
fn two_by_four_bricks_match_the_brute_force_and_the_published_figures() {
    // Published (Eilers, "The LEGO counting problem", 2016): 1, 24, 1,560 and 119,580
    // contiguous buildings of 1 to 4 such bricks, up to translation and turns.
    let catalog = two_by_four();
    for (parts, published) in [(1, 1), (2, 24), (3, 1_560)] {
        let slow = brute_force(&catalog, &["brick-2x4"], parts, false);
        let quick = fast(&catalog, None, parts, false);
        assert_eq!(quick.products, published, "{parts} bricks");
        assert_eq!(quick.by_layers, slow.by_layers, "{parts} bricks");
    }
    assert_eq!(fast(&catalog, None, 4, false).products, 119_580);
}

#[test]
fn fixed_base_counts_match_the_brute_force() {
    let catalog = two_by_four();
    for parts in 1..=2 {
        let slow = brute_force(&catalog, &["brick-2x4"], parts, true);
        assert_eq!(fast(&catalog, None, parts, true).by_layers, slow.by_layers);
    }
}

#[test]
fn mixed_kinds_match_the_brute_force() {
    let catalog = brick_catalog(
        &[
            ("brick-2x4", 2, 4),
            ("brick-2x2", 2, 2),
            ("brick-1x2", 1, 2),
        ],
        &["red"],
    );
    let kinds = ["brick-2x4", "brick-2x2", "brick-1x2"];
    for parts in 1..=3 {
        let slow = brute_force(&catalog, &kinds, parts, false);
        assert_eq!(
            fast(&catalog, None, parts, false).by_layers,
            slow.by_layers,
            "{parts}"
        );
    }
    // One kind of a mixed catalog: the 1 × 2 brick alone.
    let slow = brute_force(&catalog, &["brick-1x2"], 3, false);
    assert_eq!(
        fast(&catalog, Some("brick-1x2"), 3, false).by_layers,
        slow.by_layers
    );
}

#[test]
fn error_rules_remove_products_and_warnings_do_not() {
    let mut catalog =
        (*brick_catalog(&[("brick-2x4", 2, 4), ("brick-2x2", 2, 2)], &["red"])).clone();
    let at_most_one_small = |severity| Rule {
        id: RuleId::new("one-small"),
        severity,
        message: None,
        kind: RuleKind::Count {
            parts: Selector {
                kinds: vec![PartKindId::new("brick-2x2")],
                ..Selector::default()
            },
            min: None,
            max: Some(1),
            per: Scope::Assembly,
        },
    };
    let kinds = ["brick-2x4", "brick-2x2"];
    let free = fast(&Arc::new(catalog.clone()), None, 3, false).products;

    catalog.rules = vec![at_most_one_small(Severity::Warning)];
    assert_eq!(
        fast(&Arc::new(catalog.clone()), None, 3, false).products,
        free
    );

    catalog.rules = vec![at_most_one_small(Severity::Error)];
    let catalog = Arc::new(catalog);
    let ruled = fast(&catalog, None, 3, false);
    assert!(ruled.products < free);
    assert_eq!(
        ruled.by_layers,
        brute_force(&catalog, &kinds, 3, false).by_layers
    );
}

#[test]
fn layers_split_the_count_and_threads_do_not_change_it() {
    let catalog = two_by_four();
    let two = fast(&catalog, None, 2, false);
    assert_eq!(two.by_layers, BTreeMap::from([(2, 24)]));
    let three = fast(&catalog, None, 3, false);
    assert_eq!(three.by_layers.values().sum::<u64>(), three.products);
    assert_eq!(
        three.by_layers.keys().copied().collect::<Vec<_>>(),
        vec![2, 3]
    );
    let query = CountQuery {
        parts: 3,
        kind: None,
        fixed_base: false,
    };
    assert_eq!(count(&catalog, &query, 1), Ok(three));
}

#[test]
fn impossible_questions_are_errors() {
    let catalog = two_by_four();
    let query = |parts, kind: Option<&str>| CountQuery {
        parts,
        kind: kind.map(PartKindId::new),
        fixed_base: false,
    };
    assert_eq!(
        count(&catalog, &query(0, None), 1),
        Err(CountError::NoParts)
    );
    assert_eq!(
        count(&catalog, &query(2, Some("brick-9x9")), 1),
        Err(CountError::UnknownKind(PartKindId::new("brick-9x9")))
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// A count taken a few assemblies at a time, as the page takes it between frames, ends with
    /// the figures of the count taken at once, whatever the step, and not before.
    #[test]
    fn a_count_taken_in_steps_equals_the_count_taken_at_once(
        step in 1..400u64,
        parts in 1..=4usize,
        fixed_base in any::<bool>(),
    ) {
        let catalog = brick_catalog(&[("brick-2x2", 2, 2), ("brick-1x3", 1, 3)], &["red"]);
        let query = CountQuery { parts, kind: None, fixed_base };
        let at_once = count(&catalog, &query, 2).expect("count");
        let mut counting = Counting::new(&catalog, &query).expect("count");
        let mut steps = 0;
        let in_steps = loop {
            steps += 1;
            if let Some(done) = counting.advance(step) {
                break done;
            }
        };
        prop_assert_eq!(&in_steps, &at_once);
        // Each step but the last visited at least `step` assemblies.
        prop_assert!((steps - 1) * step <= at_once.visited, "{} steps of {}", steps, step);
    }

    /// Any brick system of one or two kinds (1 to 3 studs wide, 1 to 4 long, odd widths
    /// included, two kinds possibly alike): the fast count equals the brute force.
    #[test]
    fn random_brick_systems_match_the_brute_force(
        sizes in prop::collection::vec((1..=3i32, 1..=4i32), 1..=2),
        parts in 2..=3usize,
    ) {
        let names: Vec<String> = (0..sizes.len()).map(|at| format!("kind-{at}")).collect();
        let kinds: Vec<(&str, i32, i32)> = names
            .iter()
            .zip(&sizes)
            .map(|(name, &(width, length))| (name.as_str(), width, length))
            .collect();
        let catalog = brick_catalog(&kinds, &["red"]);
        let ids: Vec<&str> = names.iter().map(String::as_str).collect();
        let slow = brute_force(&catalog, &ids, parts, false);
        prop_assert_eq!(fast(&catalog, None, parts, false).by_layers, slow.by_layers);
        let slow = brute_force(&catalog, &ids, parts - 1, true);
        prop_assert_eq!(fast(&catalog, None, parts - 1, true).by_layers, slow.by_layers);
    }
}
