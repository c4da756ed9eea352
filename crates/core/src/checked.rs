//! A configuration that passed the rules: the only thing an order can be made from.
//!
//! [`CheckedConfiguration`] has no public constructor but [`CheckedConfiguration::check`],
//! which refuses an empty assembly and one that breaks an error rule. Code that turns
//! configurations into orders takes this type, so an invalid order cannot be written.

use crate::Locale;
use crate::assembly::Assembly;
use crate::pricing::{BillOfMaterials, bill_of_materials};
use crate::rules::{Violation, violations};

/// An assembly that breaks no error rule, with the warnings it still has and its price.
#[derive(Clone, Debug)]
pub struct CheckedConfiguration {
    assembly: Assembly,
    warnings: Vec<Violation>,
    bill: BillOfMaterials,
}

/// Why a configuration cannot be ordered.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Unorderable {
    /// It has no parts.
    #[error("the configuration has no parts")]
    Empty,
    /// It breaks error rules; these are the violations, reasons in the locale asked for.
    #[error("the configuration breaks {} rule(s): {}", .0.len(), reasons(.0))]
    BreaksRules(Vec<Violation>),
}

fn reasons(errors: &[Violation]) -> String {
    errors
        .iter()
        .map(|violation| violation.reason.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

impl CheckedConfiguration {
    /// Checks `assembly` against its catalog's rules, with reasons in `locale`.
    pub fn check(assembly: &Assembly, locale: &Locale) -> Result<Self, Unorderable> {
        if assembly.is_empty() {
            return Err(Unorderable::Empty);
        }
        let (errors, warnings): (Vec<_>, Vec<_>) = violations(assembly, locale)
            .into_iter()
            .partition(Violation::is_error);
        if !errors.is_empty() {
            return Err(Unorderable::BreaksRules(errors));
        }
        Ok(Self {
            bill: bill_of_materials(assembly),
            assembly: assembly.clone(),
            warnings,
        })
    }

    /// The assembly that was checked.
    pub fn assembly(&self) -> &Assembly {
        &self.assembly
    }

    /// The warning-severity violations it still has.
    pub fn warnings(&self) -> &[Violation] {
        &self.warnings
    }

    /// Its bill of materials and price.
    pub fn bill(&self) -> &BillOfMaterials {
        &self.bill
    }
}
