//! Rules: what a configuration must satisfy, why it does not, and how to fix it.
//!
//! [`check`] is the one verdict every part of snapkit shows: the UI's rules panel, the order
//! export and the back office's re-verification all call it. Violations are data, never `Err`.

mod close_up;
mod evaluate;
mod facts;
mod load;
pub mod message;
mod repair;
mod repair_action;
mod rule;
mod violation;
mod what_fits;

pub use evaluate::violations;
pub use repair_action::{RepairAction, then_joined};
pub use rule::{Reach, Rule, RuleKind, Scope, Selector, Severity};
pub use violation::{Repair, Violation};
pub use what_fits::{FitReport, Stop, best_spot, what_fits};

use crate::Locale;
use crate::assembly::Assembly;

/// Every rule `assembly` breaks, each with its reason in `locale` and its repairs.
pub fn check(assembly: &Assembly, locale: &Locale) -> Vec<Violation> {
    let mut found = violations(assembly, locale);
    if found.is_empty() {
        return found;
    }
    for index in 0..found.len() {
        let repairs = repair::repairs_for(assembly, &found, index, locale);
        found[index].repairs = repairs;
    }
    found
}

/// Whether `assembly` breaks no error rule, so it may be ordered.
pub fn is_orderable(violations: &[Violation]) -> bool {
    !violations.iter().any(Violation::is_error)
}
