//! Snapping: where a part can go near a point, with the connections it would make or why it cannot.
//!
//! The scene (pointer drags) and the list/keyboard UI ("what fits here") both ask this module.

use crate::assembly::Assembly;
use crate::catalog::PartKind;
use crate::connector::{WorldFrame, placements_onto};
use crate::geometry::{Direction, Placement, Rotation};
use crate::move_support::MoveSupport;
use crate::{ConnectorId, ConnectorName, PartId, PartKindId};
use glam::{IVec3, Vec3};
use rustc_hash::FxHashSet;
use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};

/// How much a candidate in another orientation than the customer's counts as farther, in
/// micrometres: more than the body-under-the-pointer tie-break (a thousandth of up to a few
/// metres), less than the spacing of any catalog's connectors (8 mm for bricks).
const OTHER_FACING_PENALTY_UM: f32 = 4_000.0;

/// How many open connectors nearest the target are tried.
const NEAREST_CONNECTORS: usize = 8;

/// What a snap is asked about.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapQuery {
    /// The kind of part being placed.
    pub kind: PartKindId,
    /// The part being moved, if an existing one is dragged (it is ignored as an obstacle).
    pub moving: Option<PartId>,
    /// Where the pointer is, in micrometres.
    pub target: SnapTarget,
    /// The orientation the customer turned the part to: a part on the floor stands so, and
    /// among the ways to attach at one connector, this one is preferred.
    pub facing: Rotation,
}

/// Where the customer points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SnapTarget {
    /// A point in the world (from a list, a keyboard cursor, or a ray already hit-tested).
    Point(Vec3),
    /// A pointer ray from the camera.
    Ray {
        /// Start of the ray.
        origin: Vec3,
        /// Its direction (any length).
        direction: Vec3,
    },
}

impl SnapTarget {
    /// Distance from the target to a point, in micrometres.
    fn distance_to(self, point: Vec3) -> f32 {
        match self {
            Self::Point(target) => target.distance(point),
            Self::Ray { origin, direction } => {
                let direction = direction.normalize_or_zero();
                let along = (point - origin).dot(direction).max(0.0);
                (origin + direction * along).distance(point)
            }
        }
    }

    /// The point on the floor (height zero) the target indicates, if any.
    fn floor_point(self) -> Option<Vec3> {
        match self {
            Self::Point(point) => Some(Vec3::new(point.x, 0.0, point.z)),
            Self::Ray { origin, direction } => (direction.y < 0.0 && origin.y > 0.0)
                .then(|| origin + direction * (-origin.y / direction.y)),
        }
    }
}

/// Why a spot was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The part would overlap another.
    CollidesWith(PartId),
    /// The part would reach below the floor.
    BelowFloor,
    /// Moving the part there would leave these parts, which rest on it, without support.
    LeavesUnsupported(Vec<PartId>),
}

/// Why `kind` cannot be at `placement` (ignoring the parts in `ignoring`); empty when it can.
pub fn refusals_at(
    assembly: &Assembly,
    kind: &PartKind,
    placement: Placement,
    ignoring: &[PartId],
) -> Vec<Refusal> {
    if Assembly::is_below_floor(kind, placement) {
        return vec![Refusal::BelowFloor];
    }
    assembly
        .first_collision(kind, placement, ignoring)
        .map(Refusal::CollidesWith)
        .into_iter()
        .collect()
}

/// A connection the placed part would make: one of its connectors onto one already there.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Joint {
    /// The connector on the part being placed.
    pub own: ConnectorName,
    /// The connector it joins.
    pub other: ConnectorId,
}

/// One place the part could go.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapCandidate {
    /// Where the part would be.
    pub placement: Placement,
    /// The open connector it snaps to (`None`: standing on the floor).
    pub onto: Option<ConnectorId>,
    /// Why it cannot go there; empty when it can.
    pub refusals: Vec<Refusal>,
    /// Distance from the pointer, in micrometres.
    pub distance: f32,
}

impl SnapCandidate {
    /// Whether the part can go here.
    pub fn is_valid(&self) -> bool {
        self.refusals.is_empty()
    }
}

/// The answer to a snap query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SnapResult {
    /// The nearest valid spot, if there is one.
    pub best: Option<SnapCandidate>,
    /// Every connection the part would make at the best spot (found for that spot only: a
    /// drag tries over a hundred spots per pointer move and keeps one).
    pub best_joints: Vec<Joint>,
    /// Every spot tried near the pointer, valid or not, nearest first.
    pub nearby: Vec<SnapCandidate>,
    /// Open connectors near the pointer that no connector of this kind mates with.
    pub incompatible: Vec<ConnectorId>,
}

/// A connector with nothing attached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenConnector {
    /// Which connector.
    pub id: ConnectorId,
    /// Where it is.
    pub frame: WorldFrame,
}

/// A kind of part that fits an open connector, and the placements in which it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fit {
    /// The part kind.
    pub kind: PartKindId,
    /// Every distinct valid placement attaching it there.
    pub placements: Vec<Placement>,
}

/// Every connector of the assembly with nothing attached, in part and connector order.
pub fn open_connectors(assembly: &Assembly) -> Vec<OpenConnector> {
    assembly
        .parts()
        .flat_map(|placed| open_connectors_on(assembly, placed.id))
        .collect()
}

/// The connectors of part `id` with nothing attached, in connector order (none for a part the
/// assembly lacks).
fn open_connectors_on(assembly: &Assembly, id: PartId) -> impl Iterator<Item = OpenConnector> {
    let placement = assembly.part(id).map(|placed| placed.placement);
    placement.into_iter().flat_map(move |placement| {
        assembly
            .open_connectors_of(id)
            .map(move |connector| OpenConnector {
                id: ConnectorId {
                    part: id,
                    connector: connector.name.clone(),
                },
                frame: connector.world_frame(placement),
            })
    })
}

/// The open connectors of part `id` a customer can attach something to, in connector order:
/// its [`open_connectors`] less those facing down at floor level (the sockets under a brick
/// on the floor), where nothing could go.
pub fn open_spots_of(assembly: &Assembly, id: PartId) -> Vec<OpenConnector> {
    open_connectors_on(assembly, id)
        .filter(|open| !(open.frame.normal == Direction::NegY && open.frame.position.y <= 0))
        .collect()
}

/// One way to attach a part at a connector, before ranking.
pub(crate) struct Attempt {
    pub(crate) placement: Placement,
    pub(crate) refusals: Vec<Refusal>,
}

/// Every candidate placement of `kind` that puts one of its connectors onto `onto`;
/// `None` when the kind has no connector that mates with it at all.
pub(crate) fn candidates_onto(
    assembly: &Assembly,
    kind: &PartKind,
    onto: &OpenConnector,
    ignoring: &[PartId],
    seen: &mut FxHashSet<Placement>,
) -> Option<Vec<Attempt>> {
    let catalog = assembly.catalog();
    let Some(target_connector) = assembly
        .kind_of(onto.id.part)
        .and_then(|target_kind| target_kind.connector(&onto.id.connector))
    else {
        return Some(Vec::new());
    };
    let mut found = Vec::new();
    let mut any_mate = false;
    for connector in &kind.connectors {
        let Some(turns) = catalog.mating_turns(target_connector, connector) else {
            continue;
        };
        any_mate = true;
        for placement in placements_onto(onto.frame, connector, turns) {
            if !seen.insert(placement) {
                continue;
            }
            let refusals = refusals_at(assembly, kind, placement, ignoring);
            found.push(Attempt {
                placement,
                refusals,
            });
        }
    }
    any_mate.then_some(found)
}

/// Every placement of `kind` that attaches it to `onto`, each with why it is refused, if it is;
/// `None` when no connector of the kind mates with `onto`.
pub fn placements_onto_open(
    assembly: &Assembly,
    kind: &PartKind,
    onto: &OpenConnector,
) -> Option<Vec<(Placement, Option<Refusal>)>> {
    let attempts = candidates_onto(assembly, kind, onto, &[], &mut FxHashSet::default())?;
    Some(
        attempts
            .into_iter()
            .map(|attempt| (attempt.placement, attempt.refusals.into_iter().next()))
            .collect(),
    )
}

/// The kinds (and their placements) that fit on the open connector `onto`.
pub fn fits_at(assembly: &Assembly, onto: &OpenConnector) -> Vec<Fit> {
    assembly
        .catalog()
        .parts
        .iter()
        .filter_map(|kind| {
            let placements: Vec<Placement> = distinct_products(
                kind,
                candidates_onto(assembly, kind, onto, &[], &mut FxHashSet::default())
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|attempt| attempt.refusals.is_empty())
                    .map(|attempt| attempt.placement),
            );
            (!placements.is_empty()).then(|| Fit {
                kind: kind.id.clone(),
                placements,
            })
        })
        .collect()
}

/// Keeps one placement per distinct result: two placements of a symmetric part (a 2×4 brick
/// turned half way) that fill the same space with the same connectors are one product.
pub fn distinct_products(
    kind: &PartKind,
    placements: impl Iterator<Item = Placement>,
) -> Vec<Placement> {
    let mut seen = BTreeSet::new();
    placements
        .filter(|&placement| seen.insert(footprint(kind, placement)))
        .collect()
}

/// What a placed part occupies and offers: its boxes and its connectors (type, position, normal).
pub(crate) fn footprint(
    kind: &PartKind,
    placement: Placement,
) -> Vec<(String, [i32; 3], [i32; 3])> {
    let mut items: Vec<_> = Assembly::world_boxes(kind, placement)
        .map(|aabb| ("box".to_owned(), aabb.min.to_array(), aabb.max.to_array()))
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
    items
}

/// Where `query.kind` can go near `query.target`: the best valid spot and the others tried.
pub fn snap(assembly: &Assembly, query: &SnapQuery) -> SnapResult {
    let Some(kind) = assembly.catalog().part(&query.kind) else {
        return SnapResult::default();
    };
    let ignoring: Vec<PartId> = query.moving.into_iter().collect();
    let open = nearest_open_connectors(assembly, query.target, &ignoring);

    let support = query
        .moving
        .and_then(|moving| MoveSupport::of(assembly, moving));
    let mut nearby = Vec::new();
    let mut incompatible = Vec::new();
    let mut seen = FxHashSet::default();
    for (distance, onto) in &open {
        let Some(candidates) = candidates_onto(assembly, kind, onto, &ignoring, &mut seen) else {
            incompatible.push(onto.id.clone());
            continue;
        };
        for Attempt {
            placement,
            refusals,
        } in candidates
        {
            // Among the ways to attach at one connector, prefer the part whose body is under the pointer.
            let centre = kind
                .collision
                .iter()
                .map(|&aabb| placement.aabb(aabb))
                .fold(Vec3::ZERO, |sum, aabb| {
                    sum + (aabb.min + aabb.max).as_vec3() / 2.0
                })
                / kind.collision.len().max(1) as f32;
            nearby.push(SnapCandidate {
                placement,
                onto: Some(onto.id.clone()),
                refusals,
                distance: distance
                    + query.target.distance_to(centre) * 1e-3
                    + if placement.rotation == query.facing {
                        0.0
                    } else {
                        OTHER_FACING_PENALTY_UM
                    },
            });
        }
    }
    if let Some(floor) = query.target.floor_point() {
        nearby.push(floor_candidate(assembly, kind, floor, &ignoring, query));
    }
    if let Some(support) = support {
        for candidate in nearby.iter_mut().filter(|candidate| candidate.is_valid()) {
            let left = support.left_unsupported(candidate.placement);
            if !left.is_empty() {
                candidate.refusals.push(Refusal::LeavesUnsupported(left));
            }
        }
    }
    nearby.sort_by(|a, b| a.distance.total_cmp(&b.distance));
    let best = nearby
        .iter()
        .find(|candidate| candidate.is_valid())
        .cloned();
    let best_joints = best.as_ref().map_or_else(Vec::new, |best| {
        assembly
            .connections_for(kind, best.placement, &ignoring)
            .map(|(own, other)| Joint { own, other })
            .collect()
    });
    SnapResult {
        best,
        best_joints,
        nearby,
        incompatible,
    }
}

/// The [`NEAREST_CONNECTORS`] open connectors nearest `target` (not on `ignoring`), nearest
/// first. Parts are visited nearest first by the ball around their connectors, and the walk
/// stops at the first part whose ball is farther than the current worst of a full list; only
/// connectors closer than that worst are checked for being open.
fn nearest_open_connectors(
    assembly: &Assembly,
    target: SnapTarget,
    ignoring: &[PartId],
) -> Vec<(f32, OpenConnector)> {
    // Non-negative floats order as their bits do; a heap hands out the nearest balls first
    // without sorting all of them.
    let mut parts: BinaryHeap<Reverse<(u32, PartId)>> = assembly
        .connector_balls()
        .filter(|(placed, _, _)| !ignoring.contains(&placed.id))
        .map(|(placed, centre, radius)| {
            let closest_possible = (target.distance_to(centre) - radius).max(0.0);
            Reverse((closest_possible.to_bits(), placed.id))
        })
        .collect();
    let mut nearest: Vec<(f32, OpenConnector)> = Vec::with_capacity(NEAREST_CONNECTORS + 1);
    let worse_than_all = |nearest: &Vec<(f32, OpenConnector)>, distance: f32| {
        nearest.len() == NEAREST_CONNECTORS
            && nearest.last().is_some_and(|worst| worst.0 <= distance)
    };
    while let Some(Reverse((closest_possible, id))) = parts.pop() {
        if worse_than_all(&nearest, f32::from_bits(closest_possible)) {
            break;
        }
        let Some(placed) = assembly.part(id) else {
            continue;
        };
        let Some(kind) = assembly.kind_of(placed.id) else {
            continue;
        };
        for (at, connector) in kind.connectors.iter().enumerate() {
            let frame = connector.world_frame(placed.placement);
            let distance = target.distance_to(frame.position.as_vec3());
            if worse_than_all(&nearest, distance) || assembly.is_connected(placed.id, at, ignoring)
            {
                continue;
            }
            let at = nearest.partition_point(|near| near.0 <= distance);
            nearest.insert(
                at,
                (
                    distance,
                    OpenConnector {
                        id: ConnectorId {
                            part: placed.id,
                            connector: connector.name.clone(),
                        },
                        frame,
                    },
                ),
            );
            nearest.truncate(NEAREST_CONNECTORS);
        }
    }
    nearest
}

/// The part standing on the floor at `point`, on the catalog's snap grid.
fn floor_candidate(
    assembly: &Assembly,
    kind: &PartKind,
    point: Vec3,
    ignoring: &[PartId],
    query: &SnapQuery,
) -> SnapCandidate {
    let grid = assembly.catalog().meta.snap_grid_um.max(1) as f32;
    let snapped = IVec3::new(
        ((point.x / grid).round() * grid) as i32,
        0,
        ((point.z / grid).round() * grid) as i32,
    );
    let placement = Placement {
        rotation: query.facing,
        translation: snapped,
    };
    let refusals = refusals_at(assembly, kind, placement, ignoring);
    SnapCandidate {
        placement,
        onto: None,
        refusals,
        // The floor is a fallback: a connector within half the part's size of the pointer
        // wins, so a part brought near the assembly joins it rather than standing beside it.
        distance: query.target.distance_to(snapped.as_vec3())
            + grid.max(kind.shape.bounding_size().max_element() as f32 / 2.0),
    }
}
