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
//! (one per core) take them from a shared counter, or one thread takes a few at a time between
//! a page's frames.

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

    /// Explores the branch of `start` whose first added cell is its `index`th untried one.
    fn take_branch(&mut self, start: &Start, index: usize) {
        self.begin(start);
        self.try_cell(&start.untried, index);
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

/// Every connected assembly of `size` cells grown from each root within its bound, visited one
/// branch (a root and its first neighbour) at a time: all at once on several threads, or a few
/// branches per call, so a page can count between frames.
pub(super) struct Enumeration {
    size: usize,
    starts: Vec<Start>,
    /// (start, index of its first neighbour) of every branch, in the order they are taken.
    branches: Vec<(usize, usize)>,
    /// The first branch not yet taken.
    next_branch: usize,
    tally: Tally,
}

impl Enumeration {
    /// Sets the enumeration up and counts the roots alone (the assemblies of one part).
    pub(super) fn new<C: LeafCheck + Clone>(
        lattice: &Lattice,
        size: usize,
        roots: &[(Cell, Bound)],
        check: &C,
    ) -> Self {
        let starts: Vec<Start> = roots
            .iter()
            .map(|&(root, bound)| Start::new(lattice, root, bound))
            .collect();
        let branches = if size < 2 {
            Vec::new()
        } else {
            starts
                .iter()
                .enumerate()
                .flat_map(|(at, start)| (0..start.untried.len()).map(move |index| (at, index)))
                .collect()
        };
        let mut tally = Tally::default();
        for start in &starts {
            tally.visited += 1;
            if size == 1 {
                let mut single = search(lattice, size, start.bound, check.clone());
                single.begin(start);
                single.leaf();
                tally.merge(&single.tally);
            }
        }
        Self {
            size,
            starts,
            branches,
            next_branch: 0,
            tally,
        }
    }

    /// Whether every branch has been taken.
    pub(super) fn is_done(&self) -> bool {
        self.next_branch >= self.branches.len()
    }

    /// What was found so far (everything, once [`Self::is_done`]).
    pub(super) fn tally(&self) -> &Tally {
        &self.tally
    }

    /// Takes branches on this thread until at least `most_visits` more assemblies were visited
    /// or none is left (a branch is never split, so a call may visit a little more).
    pub(super) fn advance<C: LeafCheck>(&mut self, lattice: &Lattice, check: C, most_visits: u64) {
        let Some(&(first, _)) = self.branches.get(self.next_branch) else {
            return;
        };
        let mut worker = search(lattice, self.size, self.starts[first].bound, check);
        while worker.tally.visited < most_visits {
            let Some(&(at, index)) = self.branches.get(self.next_branch) else {
                break;
            };
            self.next_branch += 1;
            worker.take_branch(&self.starts[at], index);
        }
        self.tally.merge(&worker.tally);
    }

    /// Takes every branch left on `threads` threads (workers take them from a shared counter)
    /// and returns everything found.
    pub(super) fn finish<C: LeafCheck + Clone + Send>(
        mut self,
        lattice: &Lattice,
        check: &C,
        threads: usize,
    ) -> Tally {
        if threads <= 1 || self.is_done() {
            self.advance(lattice, check.clone(), u64::MAX);
            return self.tally;
        }
        let size = self.size;
        let next_branch = AtomicUsize::new(self.next_branch);
        let (starts, branches) = (&self.starts, &self.branches);
        let work = |check: C| {
            let mut worker = search(lattice, size, starts[0].bound, check);
            while let Some(&(at, index)) = branches.get(next_branch.fetch_add(1, Ordering::Relaxed))
            {
                worker.take_branch(&starts[at], index);
            }
            worker.tally
        };
        let mut tally = self.tally.clone();
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
        tally
    }
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
