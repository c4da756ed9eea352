//! Moving a part that others rest on: which of them it would leave without support at a new
//! spot. Snapping asks this for every spot it tries while an existing part is dragged.

use crate::PartId;
use crate::assembly::Assembly;
use crate::catalog::PartKind;
use crate::geometry::Placement;
use std::collections::BTreeSet;

/// What a move must keep supported: the parts that reach the floor only through the moving one.
pub(crate) struct MoveSupport<'a> {
    assembly: &'a Assembly,
    moving: PartId,
    kind: &'a PartKind,
    /// The parts that reach the floor now, but only through the moving part.
    hanging: BTreeSet<PartId>,
    /// The parts that reach the floor without the moving part.
    grounded_without: BTreeSet<PartId>,
}

impl<'a> MoveSupport<'a> {
    /// What moving `moving` must keep supported; `None` when no part rests on it (then no spot
    /// leaves anything unsupported), or when there is no such part.
    pub(crate) fn of(assembly: &'a Assembly, moving: PartId) -> Option<Self> {
        let (hanging, grounded_without) = assembly.support_without(&[moving]);
        if hanging.is_empty() {
            return None;
        }
        Some(Self {
            kind: assembly.kind_of(moving)?,
            grounded_without,
            assembly,
            moving,
            hanging: hanging.into_iter().collect(),
        })
    }

    /// The parts that would be left without support if the moving part were at `placement`.
    pub(crate) fn left_unsupported(&self, placement: Placement) -> Vec<PartId> {
        let joined: BTreeSet<PartId> = self
            .assembly
            .connections_for(self.kind, placement, &[self.moving])
            .map(|(_, other)| other.part)
            .collect();
        let grounded = Assembly::stands_on_floor(self.kind, placement)
            || joined
                .iter()
                .any(|part| self.grounded_without.contains(part));
        if !grounded {
            return self.hanging.iter().copied().collect();
        }
        // The hanging parts still supported: those the moved part joins, and whatever hangs
        // from those in turn.
        let mut reached: BTreeSet<PartId> = joined.intersection(&self.hanging).copied().collect();
        let mut frontier: Vec<PartId> = reached.iter().copied().collect();
        while let Some(part) = frontier.pop() {
            for next in self.assembly.neighbours(part) {
                if self.hanging.contains(&next) && reached.insert(next) {
                    frontier.push(next);
                }
            }
        }
        self.hanging.difference(&reached).copied().collect()
    }
}
