//! Every connected set of cells, each exactly once: Redelmeier's method with overlap pruning.
//!
//! A search grows an assembly one cell at a time from a root. It keeps the *untried* cells (those
//! that touch the assembly and have not been decided yet) and the *reached* cells (every cell
//! that was ever untried on the current path). Taking an untried cell either adds it or, for
//! every later sibling, rules it out for good; a cell enters the untried list at most once per
//! path. So every connected set containing the root, within the bound, is visited exactly once,
//! without remembering the sets already seen: memory stays proportional to the assembly size
//! times the number of neighbours. A cell that overlaps one already chosen can never be added to
//! any larger set of this branch, so it is simply skipped.
//!
//! The work splits by the root's first neighbour: those branches are independent, and workers
//! (one per core) take them from a shared counter.

use super::lattice::{Cell, Lattice};
use rustc_hash::FxHashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Which cells a search may add besides its root.
#[derive(Clone, Copy, Debug)]
pub(super) enum Bound {
    /// Cells after the root in the lattice order: the root is the assembly's smallest cell, so
    /// each assembly is found once, with its smallest cell at the origin.
    AfterRoot(Cell),
    /// Cells whose lowest point is above this height: the root alone forms the bottom layer.
    Above(i32),
}

impl Bound {
    fn admits(self, lattice: &Lattice, cell: Cell) -> bool {
        match self {
            Self::AfterRoot(root) => cell > root,
            Self::Above(height) => lattice.bottom(cell) > height,
        }
    }
}

/// Decides whether a complete assembly is counted, and by how many layers it has.
pub(super) trait LeafCheck {
    /// Whether `cells` (a connected assembly without overlaps) is counted.
    fn accepts(&mut self, cells: &[Cell]) -> bool;
}

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Tally {
    /// Counted assemblies by their number of layers (index: layers).
    pub(super) by_layers: Vec<u64>,
    /// Connected assemblies visited, of every size up to the one asked for.
    pub(super) visited: u64,
}

impl Tally {
    fn count(&mut self, layers: usize) {
        if self.by_layers.len() <= layers {
            self.by_layers.resize(layers + 1, 0);
        }
        self.by_layers[layers] += 1;
    }

    fn merge(&mut self, other: &Self) {
        if self.by_layers.len() < other.by_layers.len() {
            self.by_layers.resize(other.by_layers.len(), 0);
        }
        for (mine, theirs) in self.by_layers.iter_mut().zip(&other.by_layers) {
            *mine += theirs;
        }
        self.visited += other.visited;
    }
}

/// One root and the cells it touches: where a search starts.
struct Start {
    root: Cell,
    bound: Bound,
    untried: Vec<Cell>,
}

impl Start {
    fn new(lattice: &Lattice, root: Cell, bound: Bound) -> Self {
        let mut untried: Vec<Cell> = lattice
            .neighbours(root)
            .filter(|&cell| bound.admits(lattice, cell))
            .collect();
        untried.sort();
        untried.dedup();
        Self {
            root,
            bound,
            untried,
        }
    }
}

/// One worker's search state.
struct Search<'a, C> {
    lattice: &'a Lattice,
    size: usize,
    bound: Bound,
    check: C,
    chosen: Vec<Cell>,
    reached: FxHashSet<Cell>,
    /// Untried lists of finished levels, kept to reuse their memory.
    spare: Vec<Vec<Cell>>,
    tally: Tally,
}

impl<C: LeafCheck> Search<'_, C> {
    /// Resets the search to `start` with nothing but the root chosen.
    fn begin(&mut self, start: &Start) {
        self.bound = start.bound;
        self.chosen.clear();
        self.chosen.push(start.root);
        self.reached.clear();
        self.reached.insert(start.root);
        self.reached.extend(start.untried.iter().copied());
    }

    /// Adds `untried[index]` if it fits, explores every assembly that holds it, and leaves
    /// `untried[..index]` for the caller's next choices.
    fn try_cell(&mut self, untried: &[Cell], index: usize) {
        let lattice = self.lattice;
        let cell = untried[index];
        if self
            .chosen
            .iter()
            .any(|&other| lattice.overlap(other, cell))
        {
            return;
        }
        self.chosen.push(cell);
        self.tally.visited += 1;
        if self.chosen.len() == self.size {
            self.leaf();
        } else {
            let mut next = self.spare.pop().unwrap_or_default();
            next.clear();
            next.extend_from_slice(&untried[..index]);
            let fresh = next.len();
            for neighbour in lattice.neighbours(cell) {
                if self.bound.admits(lattice, neighbour) && self.reached.insert(neighbour) {
                    next.push(neighbour);
                }
            }
            for index in (0..next.len()).rev() {
                self.try_cell(&next, index);
            }
            for added in &next[fresh..] {
                self.reached.remove(added);
            }
            self.spare.push(next);
        }
        self.chosen.pop();
    }

    fn leaf(&mut self) {
        if self.check.accepts(&self.chosen) {
            let mut bottoms: Vec<i32> = self
                .chosen
                .iter()
                .map(|&cell| self.lattice.bottom(cell))
                .collect();
            bottoms.sort_unstable();
            bottoms.dedup();
            self.tally.count(bottoms.len());
        }
    }
}

/// Visits every connected assembly of `size` cells grown from each root within its bound, and
/// counts those `check` accepts, on `threads` threads (1: this thread only, as on the web).
pub(super) fn enumerate<C: LeafCheck + Clone + Send>(
    lattice: &Lattice,
    size: usize,
    roots: &[(Cell, Bound)],
    check: &C,
    threads: usize,
) -> Tally {
    let starts: Vec<Start> = roots
        .iter()
        .map(|&(root, bound)| Start::new(lattice, root, bound))
        .collect();
    let branches: Vec<(usize, usize)> = starts
        .iter()
        .enumerate()
        .flat_map(|(at, start)| (0..start.untried.len()).map(move |index| (at, index)))
        .collect();
    let mut tally = Tally::default();
    // Each root alone is an assembly of one part.
    for start in &starts {
        tally.visited += 1;
        if size == 1 {
            let mut single = search(lattice, size, start.bound, check.clone());
            single.begin(start);
            single.leaf();
            tally.merge(&single.tally);
        }
    }
    if size < 2 || branches.is_empty() {
        return tally;
    }
    let next_branch = AtomicUsize::new(0);
    let work = |check: C| {
        let mut worker = search(lattice, size, starts[0].bound, check);
        while let Some(&(at, index)) = branches.get(next_branch.fetch_add(1, Ordering::Relaxed)) {
            worker.begin(&starts[at]);
            worker.try_cell(&starts[at].untried, index);
        }
        worker.tally
    };
    if threads <= 1 {
        tally.merge(&work(check.clone()));
    } else {
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    let check = check.clone();
                    scope.spawn(|| work(check))
                })
                .collect();
            for worker in workers {
                // A worker that panicked lost its branches: pass the panic on, never a short count.
                match worker.join() {
                    Ok(found) => tally.merge(&found),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
        });
    }
    tally
}

fn search<C>(lattice: &Lattice, size: usize, bound: Bound, check: C) -> Search<'_, C> {
    Search {
        lattice,
        size,
        bound,
        check,
        chosen: Vec::with_capacity(size),
        reached: FxHashSet::default(),
        spare: Vec::new(),
        tally: Tally::default(),
    }
}
