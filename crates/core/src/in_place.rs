//! What can take a placed part's place without disturbing the rest: another kind (a swap,
//! "replace the arm end with a chaise") or the same part turned a quarter turn where it stands.
//!
//! Both keep every part the old one joined joined, so nothing is left hanging and nothing else
//! moves; the inspector offers them, and the edits they give are single undoable steps.

use crate::assembly::{Assembly, PlacedPart};
use crate::catalog::PartKind;
use crate::edit::Edit;
use crate::geometry::{Aabb, Direction, Placement, Rotation};
use crate::snapping::{OpenConnector, candidates_onto, footprint, refusals_at};
use crate::{FinishId, PartId, PartKindId};
use glam::IVec3;
use rustc_hash::FxHashSet;
use std::collections::BTreeSet;

/// Another kind of part that can stand in a placed part's place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Swap {
    /// The kind it becomes.
    pub kind: PartKindId,
    /// What the customer pays more (negative: less), in minor units.
    pub price_change: i64,
    /// The edit that makes the swap ([`Edit::ReplacePart`], keeping the part's id).
    pub edit: Edit,
}

/// Every other kind that can take part `id`'s place while joining every part it joins, in
/// catalog order; each keeps the part's finish where the kind is made in it.
pub fn swaps(assembly: &Assembly, id: PartId) -> Vec<Swap> {
    let Some((old, old_kind)) = assembly
        .part(id)
        .and_then(|old| Some((old, assembly.kind_of(id)?)))
    else {
        return Vec::new();
    };
    let old_price = old_kind.unit_price(&old.finish);
    assembly
        .catalog()
        .parts
        .iter()
        .filter(|kind| kind.id != old.kind)
        .filter_map(|kind| {
            let new = parts_in_place_of(assembly, old, kind).into_iter().next()?;
            Some(Swap {
                kind: kind.id.clone(),
                price_change: kind.unit_price(&new.finish) - old_price,
                edit: Edit::ReplacePart(new),
            })
        })
        .collect()
}

/// The edit that turns part `id` by the fewest quarter turns (seen from above, anticlockwise)
/// that change what it looks like and where it can connect, staying joined to every part it
/// joins; `None` when no turn fits where it is.
pub fn quarter_turn(assembly: &Assembly, id: PartId) -> Option<Edit> {
    let old = assembly.part(id)?;
    let kind = assembly.kind_of(id)?;
    let now = footprint(kind, old.placement);
    let placements: Vec<Placement> = parts_in_place_of(assembly, old, kind)
        .into_iter()
        .map(|part| part.placement)
        .collect();
    (1..4).find_map(|turns| {
        let rotation =
            Rotation::quarter_turns_about(Direction::PosY, turns).after(old.placement.rotation);
        placements
            .iter()
            .copied()
            .find(|placement| placement.rotation == rotation && footprint(kind, *placement) != now)
            .map(|to| Edit::MovePart { id, to })
    })
}

/// The parts of `kind` that can take `old`'s place, with its id and in its finish where the
/// kind is made in it (else the kind's first): each overlaps nothing else, reaches no lower
/// than the floor, joins every part `old` joins (or, for a part that joins none, stands on
/// the floor like it) and stands on the floor if `old` does, nearest to where `old` is first.
/// Tried: attached at each connector `old` leaves free, and turned about `old`'s middle (how a
/// free-standing part turns).
fn parts_in_place_of(assembly: &Assembly, old: &PlacedPart, kind: &PartKind) -> Vec<PlacedPart> {
    let Some(finish) = finish_for(kind, &old.finish) else {
        return Vec::new();
    };
    let part_at = |placement| PlacedPart {
        id: old.id,
        kind: kind.id.clone(),
        finish: finish.clone(),
        placement,
    };
    let ignoring = [old.id];
    let neighbours = assembly.neighbours(old.id);
    let Some(old_kind) = assembly.kind_of(old.id) else {
        return Vec::new();
    };
    let Some(old_bounds) = Assembly::bounds_of(old_kind, old.placement) else {
        return Vec::new();
    };
    let mut seen = FxHashSet::default();
    let mut tried: Vec<Placement> = freed_connectors(assembly, old.id)
        .iter()
        .filter_map(|onto| candidates_onto(assembly, kind, onto, &ignoring, &mut seen))
        .flatten()
        .filter(|attempt| attempt.refusals.is_empty())
        .map(|attempt| attempt.placement)
        .collect();
    // The attachments come with their refusals worked out; the turns are checked alike.
    tried.extend(
        (0..4)
            .filter_map(|turns| {
                turned_about_middle(kind, old.placement.rotation, turns, old_bounds)
            })
            .filter(|placement| seen.insert(*placement))
            .filter(|&placement| refusals_at(assembly, kind, placement, &ignoring).is_empty()),
    );
    // A part on the floor stays on it: otherwise what stands on it would be lifted off.
    let on_floor = Assembly::stands_on_floor(old_kind, old.placement);
    let mut fitting: Vec<(i64, Placement)> = tried
        .into_iter()
        .filter(|&placement| !on_floor || Assembly::stands_on_floor(kind, placement))
        .filter(|&placement| keeps_neighbours(assembly, old, kind, placement, &neighbours))
        .filter_map(|placement| {
            let middle = middle_of(Assembly::bounds_of(kind, placement)?);
            Some((
                (middle - middle_of(old_bounds))
                    .as_i64vec3()
                    .length_squared(),
                placement,
            ))
        })
        .collect();
    fitting.sort_by_key(|&(distance, placement)| (distance, placement.rotation.index()));
    fitting
        .into_iter()
        .map(|(_, placement)| part_at(placement))
        .collect()
}

/// Whether `kind` at `placement` joins every part in `neighbours` (ignoring `old`), or, when
/// there are none, stands on the floor.
fn keeps_neighbours(
    assembly: &Assembly,
    old: &PlacedPart,
    kind: &PartKind,
    placement: Placement,
    neighbours: &BTreeSet<PartId>,
) -> bool {
    if neighbours.is_empty() {
        return Assembly::stands_on_floor(kind, placement);
    }
    let joined: BTreeSet<PartId> = assembly
        .connections_for(kind, placement, &[old.id])
        .map(|(_, other)| other.part)
        .collect();
    neighbours.is_subset(&joined)
}

/// The connectors of `id`'s neighbours that `id` is joined to: free once it is gone.
fn freed_connectors(assembly: &Assembly, id: PartId) -> Vec<OpenConnector> {
    assembly
        .connections()
        .filter(|connection| connection.touches(id))
        .filter_map(|connection| {
            let other = if connection.a.part == id {
                &connection.b
            } else {
                &connection.a
            };
            let placed = assembly.part(other.part)?;
            let connector = assembly.kind_of(other.part)?.connector(&other.connector)?;
            Some(OpenConnector {
                id: other.clone(),
                frame: connector.world_frame(placed.placement),
            })
        })
        .collect()
}

/// `kind` turned `turns` quarter turns about the vertical from `rotation`, placed so that its
/// bounds have the same middle as `around` and it stands at the same height.
fn turned_about_middle(
    kind: &PartKind,
    rotation: Rotation,
    turns: u8,
    around: Aabb,
) -> Option<Placement> {
    let rotation = Rotation::quarter_turns_about(Direction::PosY, turns).after(rotation);
    let unmoved = Assembly::bounds_of(
        kind,
        Placement {
            rotation,
            translation: IVec3::ZERO,
        },
    )?;
    let mut translation = middle_of(around) - middle_of(unmoved);
    // Stand where the old part stood, not half a micrometre off.
    translation.y = around.min.y - unmoved.min.y;
    Some(Placement {
        rotation,
        translation,
    })
}

/// The finish `kind` is made in when it replaces a part in `finish`: the same where it can be.
fn finish_for(kind: &PartKind, finish: &FinishId) -> Option<FinishId> {
    if kind.finishes.contains(finish) {
        Some(finish.clone())
    } else {
        kind.finishes.first().cloned()
    }
}

fn middle_of(bounds: Aabb) -> IVec3 {
    (bounds.min + bounds.max) / 2
}
