//! Edits: every change to an assembly, as a value with an exact inverse.

use crate::assembly::{Assembly, PlacedPart, PlacementError};
use crate::geometry::{Placement, Rotation};
use crate::{FinishId, PartId, PartKindId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One change to an assembly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edit {
    /// Add a part (its id must be unused).
    PlacePart(PlacedPart),
    /// Take a part out.
    RemovePart(PartId),
    /// Put a part somewhere else (position and orientation).
    MovePart {
        /// The part.
        id: PartId,
        /// Where it goes.
        to: Placement,
    },
    /// Turn a part about its own origin.
    RotatePart {
        /// The part.
        id: PartId,
        /// Its new orientation.
        to: Rotation,
    },
    /// Make a part in another finish.
    SetFinish {
        /// The part.
        id: PartId,
        /// The new finish.
        finish: FinishId,
    },
    /// Put another part in a part's place, keeping its id: kind, finish and placement as given
    /// (a swap for another kind, which may sit a little differently).
    ReplacePart(PlacedPart),
    /// Swap a part for another kind in the same place.
    ReplaceKind {
        /// The part.
        id: PartId,
        /// The new kind.
        kind: PartKindId,
    },
    /// Several edits that succeed or fail together, in order.
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied. The assembly is unchanged when this is returned.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No part has this id.
    #[error("there is no part {0}")]
    UnknownPart(PartId),
    /// A part with this id exists already.
    #[error("there is already a part {0}")]
    DuplicatePart(PartId),
    /// The part cannot be where the edit puts it.
    #[error("part {part} cannot go there: {reason}")]
    Placement {
        /// The part.
        part: PartId,
        /// Why not.
        reason: PlacementError,
    },
    /// One edit of a batch failed; none of the batch was applied.
    #[error("step {index} of the change failed: {error}")]
    InBatch {
        /// Which edit, counting from 0.
        index: usize,
        /// Why it failed.
        error: Box<EditError>,
    },
}

/// What applying an edit did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The edit that undoes it exactly.
    pub inverse: Edit,
    /// The parts it added, removed or changed.
    pub changed: BTreeSet<PartId>,
}

impl Edit {
    /// Applies the edit to `assembly`, or changes nothing and says why not.
    pub fn apply(&self, assembly: &mut Assembly) -> Result<Applied, EditError> {
        match self {
            Self::PlacePart(part) => {
                if assembly.part(part.id).is_some() {
                    return Err(EditError::DuplicatePart(part.id));
                }
                assembly
                    .insert(part.clone())
                    .map_err(|reason| EditError::Placement {
                        part: part.id,
                        reason,
                    })?;
                Ok(Applied {
                    inverse: Self::RemovePart(part.id),
                    changed: BTreeSet::from([part.id]),
                })
            }
            Self::RemovePart(id) => {
                let removed = assembly.remove(*id).ok_or(EditError::UnknownPart(*id))?;
                Ok(Applied {
                    inverse: Self::PlacePart(removed),
                    changed: BTreeSet::from([*id]),
                })
            }
            Self::MovePart { id, to } => replace_part(
                assembly,
                *id,
                |part| part.placement = *to,
                |old| Self::MovePart {
                    id: *id,
                    to: old.placement,
                },
            ),
            Self::RotatePart { id, to } => replace_part(
                assembly,
                *id,
                |part| part.placement.rotation = *to,
                |old| Self::RotatePart {
                    id: *id,
                    to: old.placement.rotation,
                },
            ),
            Self::SetFinish { id, finish } => replace_part(
                assembly,
                *id,
                |part| part.finish = finish.clone(),
                |old| Self::SetFinish {
                    id: *id,
                    finish: old.finish.clone(),
                },
            ),
            Self::ReplaceKind { id, kind } => replace_part(
                assembly,
                *id,
                |part| part.kind = kind.clone(),
                |old| Self::ReplaceKind {
                    id: *id,
                    kind: old.kind.clone(),
                },
            ),
            Self::ReplacePart(new) => replace_part(
                assembly,
                new.id,
                |part| *part = new.clone(),
                |old| Self::ReplacePart(old.clone()),
            ),
            Self::Batch(edits) => apply_batch(assembly, edits),
        }
    }
}

/// Swaps part `id` for a changed copy; `inverse_of` builds the edit that restores the old part.
fn replace_part(
    assembly: &mut Assembly,
    id: PartId,
    change: impl FnOnce(&mut PlacedPart),
    inverse_of: impl FnOnce(&PlacedPart) -> Edit,
) -> Result<Applied, EditError> {
    let old = assembly
        .part(id)
        .cloned()
        .ok_or(EditError::UnknownPart(id))?;
    let mut new = old.clone();
    change(&mut new);
    assembly
        .check(&new, &[id])
        .map_err(|reason| EditError::Placement { part: id, reason })?;
    assembly.remove(id);
    if let Err(reason) = assembly.insert(new) {
        // Unreachable after the check above, but the assembly must never lose the part.
        let _ = assembly.insert(old);
        return Err(EditError::Placement { part: id, reason });
    }
    Ok(Applied {
        inverse: inverse_of(&old),
        changed: BTreeSet::from([id]),
    })
}

fn apply_batch(assembly: &mut Assembly, edits: &[Edit]) -> Result<Applied, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    let mut changed = BTreeSet::new();
    for (index, edit) in edits.iter().enumerate() {
        match edit.apply(assembly) {
            Ok(applied) => {
                changed.extend(applied.changed);
                inverses.push(applied.inverse);
            }
            Err(error) => {
                // Undo what this batch did, newest first, so the assembly is as it was.
                for inverse in inverses.iter().rev() {
                    let _ = inverse.apply(assembly);
                }
                return Err(EditError::InBatch {
                    index,
                    error: Box::new(error),
                });
            }
        }
    }
    inverses.reverse();
    Ok(Applied {
        inverse: Edit::Batch(inverses),
        changed,
    })
}
