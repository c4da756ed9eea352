//! Rules as catalog data: what a product system allows, declared by its author, not coded.

use crate::catalog::PartKind;
use crate::{ConnectorName, FinishId, LocalizedText, PartKindId, RuleId};
use serde::{Deserialize, Serialize};

/// Whether a broken rule blocks ordering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Severity {
    /// The configuration cannot be ordered while this holds.
    Error,
    /// The customer is told, but may order.
    Warning,
}

/// Which parts a rule is about: any part whose kind, category or one of whose tags is listed.
/// An empty selector means every part.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selector {
    /// Part kinds.
    pub kinds: Vec<PartKindId>,
    /// Categories.
    pub categories: Vec<String>,
    /// Tags.
    pub tags: Vec<String>,
}

impl Selector {
    /// Whether a part of this kind is selected.
    pub fn matches(&self, kind: &PartKind) -> bool {
        let everything =
            self.kinds.is_empty() && self.categories.is_empty() && self.tags.is_empty();
        everything
            || self.kinds.contains(&kind.id)
            || self.categories.contains(&kind.category)
            || kind.tags.iter().any(|tag| self.tags.contains(tag))
    }
}

/// Over which parts a count or a finish rule is taken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Scope {
    /// The whole configuration.
    #[default]
    Assembly,
    /// Each connected group of parts on its own (each sofa, each shelf unit).
    Group,
}

/// Where a required or excluded part has to be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Reach {
    /// Connected directly to the part.
    #[default]
    Attached,
    /// Anywhere in the configuration.
    Assembly,
}

/// One rule of a catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    /// Its id in the catalog.
    pub id: RuleId,
    /// Whether breaking it blocks ordering.
    pub severity: Severity,
    /// The reason shown when it is broken, with `{name}` parameters; a plain default is used
    /// when the catalog gives none.
    pub message: Option<LocalizedText>,
    /// What it demands.
    pub kind: RuleKind,
}

/// What a rule demands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// Between `min` and `max` selected parts, per configuration or per group.
    Count {
        /// The parts counted.
        parts: Selector,
        /// The fewest allowed.
        min: Option<u32>,
        /// The most allowed.
        max: Option<u32>,
        /// Counted over the configuration or each group.
        per: Scope,
    },
    /// Each selected part needs a `needs` part, attached (at one of `at`, if given) or anywhere.
    Requires {
        /// The parts that need something.
        parts: Selector,
        /// What they need.
        needs: Selector,
        /// The connectors of the part it must be attached at; empty: any.
        at: Vec<ConnectorName>,
        /// Attached or anywhere in the configuration.
        within: Reach,
    },
    /// A selected part may not be combined with a `forbids` part, attached or anywhere.
    Excludes {
        /// The parts that forbid something.
        parts: Selector,
        /// What they forbid.
        forbids: Selector,
        /// Attached or anywhere in the configuration.
        within: Reach,
    },
    /// All selected parts share one finish, per configuration or per group ("one fabric per sofa").
    SameFinish {
        /// The parts that must match.
        parts: Selector,
        /// Over the configuration or each group.
        per: Scope,
    },
    /// A selected part in one of `finishes` may only be attached to `attached` parts in one of
    /// `attached_finishes` ("glass doors only on chrome frames").
    FinishPairing {
        /// The parts constrained.
        parts: Selector,
        /// The finishes that bring the constraint.
        finishes: Vec<FinishId>,
        /// The neighbours the constraint is about.
        attached: Selector,
        /// The finishes those neighbours must have.
        attached_finishes: Vec<FinishId>,
    },
    /// These connectors of selected parts must not be left open ("a sofa's open side needs an arm").
    OpenConnectors {
        /// The parts concerned.
        parts: Selector,
        /// Their connectors that must be joined.
        connectors: Vec<ConnectorName>,
    },
    /// Overall size limits of each group of parts, in micrometres.
    Bounds {
        /// Widest allowed (x).
        max_width_um: Option<i32>,
        /// Tallest allowed (y).
        max_height_um: Option<i32>,
        /// Deepest allowed (z).
        max_depth_um: Option<i32>,
    },
    /// Every part rests, through connections, on a part that stands on the floor.
    Support,
    /// No part carries more than its load capacity.
    Load,
    /// A group taller than `ratio` times its depth should be fixed to the wall.
    Proportion {
        /// Height divided by depth above which the rule is broken.
        max_height_per_depth: f32,
    },
}
