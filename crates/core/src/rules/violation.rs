//! Violations: a broken rule as data, with the parts involved, the reason and the repairs.

use super::message::Params;
use super::repair_action::RepairAction;
use super::rule::Severity;
use crate::edit::Edit;
use crate::{ConnectorId, PartId, RuleId};
use serde::{Deserialize, Serialize};

/// One way a configuration breaks one rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Violation {
    /// The rule broken.
    pub rule: RuleId,
    /// Whether it blocks ordering.
    pub severity: Severity,
    /// The parts involved, in id order.
    pub parts: Vec<PartId>,
    /// The connectors involved (open ends, the attachment point that lacks a part).
    pub connectors: Vec<ConnectorId>,
    /// The reason in the customer's language, with the actual figures.
    pub reason: String,
    /// The figures behind the reason, for interfaces that write their own text.
    #[serde(skip)]
    pub params: Params,
    /// Whether adding parts can still mend it (an open end, a missing part), so it does not
    /// stop a part from being added.
    pub mendable_by_adding: bool,
    /// Edits that fix it without breaking another error rule, smallest first.
    pub repairs: Vec<Repair>,
}

impl Violation {
    /// Whether it blocks ordering.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// What tells two violations apart: the rule and the parts.
    pub fn key(&self) -> (&RuleId, &[PartId]) {
        (&self.rule, &self.parts)
    }
}

/// A concrete way to fix a violation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Repair {
    /// What it does, in English with names in the customer's language ("Remove Shelf #4").
    pub description: String,
    /// What it does, as data, for interfaces that write their own text.
    pub action: RepairAction,
    /// The change, one undoable step.
    pub edit: Edit,
    /// How the total price changes, in minor units.
    pub price_change: i64,
}
