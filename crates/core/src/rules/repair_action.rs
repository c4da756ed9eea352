//! What a repair does, as data: interfaces phrase it in their own language from the parts,
//! kinds and finishes it names; [`RepairAction::describe`] is the plain English (with names in
//! the catalog's language) that logs, fixtures and the command line read.

use super::message::{finish_label, kind_label, placed_part_label};
use crate::assembly::Assembly;
use crate::{FinishId, Locale, PartId, PartKindId};
use serde::{Deserialize, Serialize};

/// One kind of change a repair makes, with what it changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairAction {
    /// Take `parts` out, and the `resting` parts that would be left hanging without them.
    Remove {
        /// The parts taken out by choice.
        parts: Vec<PartId>,
        /// How many more go with them.
        resting: usize,
    },
    /// Add `count` parts of `kind`, each where it fits best.
    Add {
        /// How many.
        count: u32,
        /// Of what kind.
        kind: PartKindId,
    },
    /// Add a part of `kind` attached to part `at`.
    AddAt {
        /// Its kind.
        kind: PartKindId,
        /// The part it attaches to.
        at: PartId,
    },
    /// Put every part involved in `finish`.
    MakeAll {
        /// The finish.
        finish: FinishId,
    },
    /// Put `parts` in `finish`.
    Make {
        /// The parts.
        parts: Vec<PartId>,
        /// The finish.
        finish: FinishId,
    },
    /// Take `parts` out of the middle and move the far side up to close the gap.
    TakeOut {
        /// The parts.
        parts: Vec<PartId>,
    },
    /// Swap `part` for a part of kind `with`.
    Replace {
        /// The part.
        part: PartId,
        /// The kind it becomes.
        with: PartKindId,
    },
    /// One change, then the changes that mend what it broke, in order.
    Steps(Vec<RepairAction>),
}

impl RepairAction {
    /// The action in plain English, naming parts, kinds and finishes as `locale` names them
    /// ("Add Arm end, left at Seat 600 #1").
    pub fn describe(&self, assembly: &Assembly, locale: &Locale) -> String {
        let parts = |ids: &[PartId]| {
            ids.iter()
                .map(|&id| placed_part_label(assembly, id, locale))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let kind = |id: &PartKindId| kind_label(assembly.catalog(), id, locale);
        let finish = |id: &FinishId| finish_label(assembly.catalog(), id, locale);
        match self {
            Self::Remove {
                parts: ids,
                resting,
            } => match resting {
                0 => format!("Remove {}", parts(ids)),
                1 => format!("Remove {} and the part resting on it", parts(ids)),
                more => format!("Remove {} and the {more} parts resting on it", parts(ids)),
            },
            Self::Add { count, kind: id } => format!("Add {count} × {}", kind(id)),
            Self::AddAt { kind: id, at } => {
                format!(
                    "Add {} at {}",
                    kind(id),
                    placed_part_label(assembly, *at, locale)
                )
            }
            Self::MakeAll { finish: id } => format!("Make them all {}", finish(id)),
            Self::Make {
                parts: ids,
                finish: id,
            } => {
                format!("Make {} {}", parts(ids), finish(id))
            }
            Self::TakeOut { parts: ids } => {
                format!("Take out {} and close the gap", parts(ids))
            }
            Self::Replace { part, with } => format!(
                "Replace {} with {}",
                placed_part_label(assembly, *part, locale),
                kind(with)
            ),
            Self::Steps(steps) => then_joined(
                steps
                    .iter()
                    .map(|step| step.describe(assembly, locale))
                    .collect(),
                ", then ",
            ),
        }
    }
}

/// Steps of one repair as one sentence: each after the first follows `then` and begins in
/// lower case ("Remove Corner #4, then add Arm end, right at Seat 600 #1").
pub fn then_joined(steps: Vec<String>, then: &str) -> String {
    let mut sentence = String::new();
    for (index, step) in steps.into_iter().enumerate() {
        if index == 0 {
            sentence = step;
        } else {
            let mut letters = step.chars();
            sentence.push_str(then);
            sentence.extend(letters.next().into_iter().flat_map(char::to_lowercase));
            sentence.push_str(letters.as_str());
        }
    }
    sentence
}
