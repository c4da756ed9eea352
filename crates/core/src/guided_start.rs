//! Guided start: the needs questions a catalog asks a customer who does not know where to
//! begin ("How wide is the wall?", "What will it store?", "What is your budget?"), as catalog
//! data, and what an answer asks of a configuration.
//!
//! An answer becomes [`Requirement`]s on [`Measure`]s of a configuration (its width, height,
//! depth, price, or how many parts of some kinds it has); [`proposals`] finds the catalog's
//! designs that meet them. Nothing here knows a product: the questions, their limits, the
//! requirements each option brings and the order of "best" are all the catalog's.

mod proposals;

pub use proposals::{Miss, Proposal, proposals};

use crate::assembly::Assembly;
use crate::geometry::um_to_whole_mm;
use crate::rules::Selector;
use crate::{LocalizedText, bill_of_materials};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A catalog's guided start: its questions, and how proposals that meet them are ordered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuidedStart {
    /// The questions, in the order they are asked.
    pub questions: Vec<NeedsQuestion>,
    /// What makes one proposal better than another, most important first; the cheaper of two
    /// otherwise equal proposals comes first.
    pub best_first: Vec<Preference>,
}

/// One question of the guided start.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NeedsQuestion {
    /// Unique within the catalog, e.g. `wall_width`.
    pub id: String,
    /// The question in the customer's words.
    pub text: LocalizedText,
    /// What the customer answers with.
    pub answer: AnswerKind,
}

/// What a question is answered with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// A figure in the measure's unit (millimetres, minor currency units, parts); a proposal
    /// keeps its measure on the `bound` side of it.
    Figure {
        /// What the figure limits.
        measure: Measure,
        /// Whether the figure is a most or a least.
        bound: Bound,
        /// The smallest figure accepted.
        min: i64,
        /// The largest figure accepted.
        max: i64,
        /// The step between figures offered.
        step: i64,
        /// The figure assumed until the customer gives one.
        default: i64,
    },
    /// One of several options, each bringing its own requirements.
    Choice {
        /// The options, in the order offered; the first is assumed until one is chosen.
        options: Vec<NeedsOption>,
    },
}

/// One option of a choice question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NeedsOption {
    /// Unique within its question, e.g. `books`.
    pub id: String,
    /// The option in the customer's words.
    pub text: LocalizedText,
    /// What a configuration must have for this option (none: anything will do).
    pub requires: Vec<Requirement>,
}

/// A limit on one measure of a configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Requirement {
    /// What is limited.
    pub measure: Measure,
    /// Whether `value` is a most or a least.
    pub bound: Bound,
    /// The limit, in the measure's unit.
    pub value: i64,
}

impl Requirement {
    /// Whether a configuration measuring `measured` meets this requirement.
    pub fn is_met_by(&self, measured: i64) -> bool {
        match self.bound {
            Bound::AtMost => measured <= self.value,
            Bound::AtLeast => measured >= self.value,
        }
    }
}

/// Which side of a limit a configuration must stay on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Bound {
    /// At most the limit.
    AtMost,
    /// At least the limit.
    AtLeast,
}

/// Something measured on a whole configuration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Overall size along x (left to right), in millimetres.
    Width,
    /// Overall size along y (floor to top), in millimetres.
    Height,
    /// Overall size along z (back to front), in millimetres.
    Depth,
    /// The total price, in minor currency units.
    Price,
    /// How many parts the selector picks.
    Count(Selector),
}

impl Measure {
    /// This measure of `assembly` (0 for the size of an empty one).
    pub fn of(&self, assembly: &Assembly) -> i64 {
        let size_mm = |axis: usize| {
            assembly
                .bounds()
                .map_or(0, |bounds| um_to_whole_mm(bounds.size()[axis]))
        };
        match self {
            Self::Width => size_mm(0),
            Self::Height => size_mm(1),
            Self::Depth => size_mm(2),
            Self::Price => bill_of_materials(assembly).total,
            Self::Count(selector) => {
                let catalog = assembly.catalog();
                let counted = assembly.parts().filter(|part| {
                    catalog
                        .part(&part.kind)
                        .is_some_and(|kind| selector.matches(kind))
                });
                i64::try_from(counted.count()).unwrap_or(i64::MAX)
            }
        }
    }
}

/// One thing that makes a proposal better.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preference {
    /// What is compared.
    pub measure: Measure,
    /// Whether more or less of it is better.
    pub prefer: Prefer,
}

/// Which way a preference goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Prefer {
    /// More is better (a wider unit for a wall).
    Most,
    /// Less is better (the seats asked for, not more).
    Least,
}

/// A customer's answers by question id: a figure, or the id of the option chosen.
pub type Answers = BTreeMap<String, Answer>;

/// One answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// A figure, for a figure question.
    Figure(i64),
    /// An option's id, for a choice question.
    Choice(String),
}

impl NeedsQuestion {
    /// What `answer` (or, missing or not of this question's kind, the question's default)
    /// asks of a configuration.
    pub fn requirements(&self, answer: Option<&Answer>) -> Vec<Requirement> {
        match &self.answer {
            AnswerKind::Figure {
                measure,
                bound,
                min,
                max,
                default,
                ..
            } => {
                let value = match answer {
                    Some(Answer::Figure(value)) => (*value).clamp(*min, *max),
                    _ => *default,
                };
                vec![Requirement {
                    measure: measure.clone(),
                    bound: *bound,
                    value,
                }]
            }
            AnswerKind::Choice { options } => {
                let chosen = match answer {
                    Some(Answer::Choice(id)) => options.iter().find(|option| &option.id == id),
                    _ => None,
                };
                chosen
                    .or(options.first())
                    .map(|option| option.requires.clone())
                    .unwrap_or_default()
            }
        }
    }
}
