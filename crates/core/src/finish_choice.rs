//! Which finish a new part comes in: the finish of the part it joins, else the one most of the
//! assembly is in, else the kind's own default. Tap-to-add and drag-and-drop choose alike.

use crate::FinishId;
use crate::assembly::Assembly;
use crate::catalog::PartKind;
use crate::geometry::Placement;

/// The finishes to try for `kind` at `placement`, best first: a customer building in oak adds
/// oak; a part that joins nothing takes the finish most of the assembly is in; then every
/// finish the kind offers, in catalog order.
pub fn finishes_to_try(
    assembly: &Assembly,
    kind: &PartKind,
    placement: Placement,
) -> Vec<FinishId> {
    let neighbour_finish = assembly
        .connections_for(kind, placement, &[])
        .next()
        .and_then(|(_, other)| assembly.part(other.part))
        .map(|part| part.finish.clone())
        .or_else(|| most_used_finish(assembly));
    let mut finishes: Vec<FinishId> = neighbour_finish
        .into_iter()
        .filter(|finish| kind.finishes.contains(finish))
        .collect();
    finishes.extend(
        kind.finishes
            .iter()
            .filter(|finish| !finishes.contains(finish))
            .cloned()
            .collect::<Vec<_>>(),
    );
    finishes
}

/// The finish most parts of `assembly` are in (the first in id order on a tie).
fn most_used_finish(assembly: &Assembly) -> Option<FinishId> {
    let mut counts: Vec<(&FinishId, usize)> = Vec::new();
    for part in assembly.parts() {
        match counts
            .iter_mut()
            .find(|(finish, _)| *finish == &part.finish)
        {
            Some((_, count)) => *count += 1,
            None => counts.push((&part.finish, 1)),
        }
    }
    // `max_by_key` keeps the last maximum; reversing keeps the first.
    counts
        .into_iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map(|(finish, _)| finish.clone())
}
