//! The solution space: how many distinct products a catalog allows from N parts.
//!
//! A product here is a connected assembly: every part joined to the rest through the catalog's
//! connectors, nothing overlapping, every error rule kept. Two assemblies are the same product
//! when one moves onto the other by a translation and quarter turns about the vertical axis
//! (parts stand upright on the ground, as in the configurator); mirror images are different
//! products, and parts of one kind are interchangeable. Finishes are not counted: every part is
//! in its kind's default finish, so colour choices multiply the count separately.
//!
//! The count walks the catalog's own linkage system (`connector::placements_onto`, the mating
//! turns, the collision volumes and the rules), so a wrong connection, a missed overlap or a
//! duplicate in the engine shows up in it.

mod enumeration;
mod lattice;
mod product_check;

use crate::PartKindId;
use crate::assembly::Assembly;
use crate::catalog::Catalog;
use enumeration::{Bound, Enumeration, Tally};
use lattice::{Cell, Lattice};
use product_check::ProductCheck;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What to count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountQuery {
    /// Parts in each product (with `fixed_base`: parts on top of the base).
    pub parts: usize,
    /// Use only this kind (else every kind of the catalog).
    pub kind: Option<PartKindId>,
    /// Count the ways to build `parts` further parts on one fixed part of `kind` (or the
    /// catalog's first kind) that alone forms the bottom layer, with no reduction by symmetry.
    pub fixed_base: bool,
}

/// How many products there are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SolutionCount {
    /// Distinct products.
    pub products: u64,
    /// Products by their number of layers (distinct heights that parts stand at).
    pub by_layers: BTreeMap<usize, u64>,
    /// Connected assemblies the enumeration visited, of every size up to the one asked for
    /// (each counted once per position, before symmetry and rules are applied).
    pub visited: u64,
}

/// Why a count cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CountError {
    /// A product needs at least one part.
    #[error("a product has at least one part")]
    NoParts,
    /// The catalog has no such part kind.
    #[error("the catalog has no part kind '{0}'")]
    UnknownKind(PartKindId),
    /// The catalog has no part kinds at all.
    #[error("the catalog has no part kinds")]
    NoKinds,
}

/// A count under way: set up by [`Counting::new`], taken a few assemblies at a time with
/// [`Counting::advance`] (the page's way: its one thread must also draw and answer taps) or all
/// at once with [`Counting::finish`].
pub struct Counting {
    /// The catalog's assembly with no parts, which every product check starts from.
    empty: Assembly,
    lattice: Lattice,
    /// Whether products that turn onto each other count once (not with a fixed base).
    up_to_turns: bool,
    enumeration: Enumeration,
}

impl Counting {
    /// Sets up the count `query` asks for over `catalog`.
    pub fn new(catalog: &Arc<Catalog>, query: &CountQuery) -> Result<Self, CountError> {
        if query.parts == 0 {
            return Err(CountError::NoParts);
        }
        let kinds: Vec<usize> = match &query.kind {
            Some(id) => vec![
                catalog
                    .parts
                    .iter()
                    .position(|part| &part.id == id)
                    .ok_or_else(|| CountError::UnknownKind(id.clone()))?,
            ],
            None => (0..catalog.parts.len()).collect(),
        };
        if kinds.is_empty() {
            return Err(CountError::NoKinds);
        }
        let lattice = Lattice::new(catalog, kinds);
        let (size, roots) = if query.fixed_base {
            let base = Cell::at_origin(0, 0);
            (
                query.parts + 1,
                vec![(base, Bound::Above(lattice.bottom(base)))],
            )
        } else {
            let roots: Vec<_> = (0..lattice.kind_count())
                .flat_map(|kind| {
                    lattice.distinct_turns(kind).map(move |turns| {
                        let root = Cell::at_origin(kind, turns);
                        (root, Bound::AfterRoot(root))
                    })
                })
                .collect();
            (query.parts, roots)
        };
        let up_to_turns = !query.fixed_base;
        let empty = Assembly::new(Arc::clone(catalog));
        let enumeration = Enumeration::new(
            &lattice,
            size,
            &roots,
            &ProductCheck::new(&lattice, &empty, up_to_turns),
        );
        Ok(Self {
            empty,
            lattice,
            up_to_turns,
            enumeration,
        })
    }

    /// Visits about `most_visits` more assemblies (a little more: a branch of the search is
    /// never split) and returns the count once it is complete.
    pub fn advance(&mut self, most_visits: u64) -> Option<SolutionCount> {
        let check = ProductCheck::new(&self.lattice, &self.empty, self.up_to_turns);
        self.enumeration.advance(&self.lattice, check, most_visits);
        self.enumeration
            .is_done()
            .then(|| solution_count(self.enumeration.tally()))
    }

    /// Completes the count on `threads` threads.
    pub fn finish(self, threads: usize) -> SolutionCount {
        let check = ProductCheck::new(&self.lattice, &self.empty, self.up_to_turns);
        solution_count(
            &self
                .enumeration
                .finish(&self.lattice, &check, threads.max(1)),
        )
    }
}

/// Counts the products of `query.parts` parts that `catalog` allows, on `threads` threads.
pub fn count(
    catalog: &Arc<Catalog>,
    query: &CountQuery,
    threads: usize,
) -> Result<SolutionCount, CountError> {
    Ok(Counting::new(catalog, query)?.finish(threads))
}

fn solution_count(tally: &Tally) -> SolutionCount {
    let by_layers: BTreeMap<usize, u64> = tally
        .by_layers
        .iter()
        .enumerate()
        .filter(|&(_, &count)| count > 0)
        .map(|(layers, &count)| (layers, count))
        .collect();
    SolutionCount {
        products: by_layers.values().sum(),
        by_layers,
        visited: tally.visited,
    }
}
