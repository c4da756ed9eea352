//! Which complete assemblies count as products: one per class of equal products, and only those
//! the catalog's error rules allow.

use super::enumeration::LeafCheck;
use super::lattice::{Cell, Lattice, TURNS};
use crate::assembly::{Assembly, PlacedPart};
use crate::rules::{Severity, Violation, violations};
use crate::{Locale, PartId};
use glam::IVec3;

/// The leaf check of a count: orbit representatives (when counting up to turns) that break no
/// error rule. One per worker: it keeps its own scratch lists.
#[derive(Clone)]
pub(super) struct ProductCheck<'a> {
    lattice: &'a Lattice,
    /// An assembly of the catalog with no parts, copied for each check (making one indexes the
    /// whole catalog, so the count makes it once).
    empty: &'a Assembly,
    /// Count each class of assemblies that turn onto each other once (else every assembly).
    up_to_turns: bool,
    /// Whether the catalog has error rules to check.
    has_error_rules: bool,
    own: Vec<Cell>,
    turned: Vec<Cell>,
}

impl<'a> ProductCheck<'a> {
    pub(super) fn new(lattice: &'a Lattice, empty: &'a Assembly, up_to_turns: bool) -> Self {
        Self {
            lattice,
            empty,
            up_to_turns,
            has_error_rules: empty
                .catalog()
                .rules
                .iter()
                .any(|rule| rule.severity == Severity::Error),
            own: Vec::new(),
            turned: Vec::new(),
        }
    }

    /// Whether `cells` is the one of its class that is counted: the assembly whose cells,
    /// moved so the smallest is at the origin and sorted, come first among its quarter turns.
    /// Each class has exactly one such member, however symmetric it is.
    fn is_representative(&mut self, cells: &[Cell]) -> bool {
        normalise(cells.iter().copied(), &mut self.own);
        (1..TURNS).all(|turns| {
            normalise(
                cells.iter().map(|&cell| self.lattice.turned(cell, turns)),
                &mut self.turned,
            );
            self.own <= self.turned
        })
    }

    /// Whether the assembly, standing on the floor with every part in its default finish,
    /// breaks no error rule.
    fn obeys_rules(&self, cells: &[Cell]) -> bool {
        let lift = -cells
            .iter()
            .map(|&cell| self.lattice.bottom(cell))
            .min()
            .unwrap_or(0);
        let mut assembly = self.empty.clone();
        for (number, &cell) in (1..).zip(cells) {
            let kind = &self.empty.catalog().parts[self.lattice.catalog_kind(cell.kind)];
            let Some(finish) = kind.finishes.first() else {
                return false;
            };
            let part = PlacedPart {
                id: PartId(number),
                kind: kind.id.clone(),
                finish: finish.clone(),
                placement: cell.shifted(IVec3::new(0, lift, 0)).placement(),
            };
            if assembly.insert(part).is_err() {
                return false;
            }
        }
        !violations(&assembly, &Locale::english())
            .iter()
            .any(Violation::is_error)
    }
}

impl LeafCheck for ProductCheck<'_> {
    fn accepts(&mut self, cells: &[Cell]) -> bool {
        (!self.up_to_turns || self.is_representative(cells))
            && (!self.has_error_rules || self.obeys_rules(cells))
    }
}

/// `cells` moved so the smallest is at the origin, sorted, into `into`.
fn normalise(cells: impl Iterator<Item = Cell>, into: &mut Vec<Cell>) {
    into.clear();
    into.extend(cells);
    let Some(smallest) = into.iter().min().copied() else {
        return;
    };
    for cell in into.iter_mut() {
        *cell = cell.shifted(-smallest.translation());
    }
    into.sort_unstable();
}
