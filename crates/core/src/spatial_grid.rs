//! A uniform grid over space that finds the parts whose boxes may touch a query box.

use crate::PartId;
use crate::geometry::Aabb;
use glam::IVec3;
use std::collections::{BTreeSet, HashMap};

/// Maps grid cells to the parts whose boxes reach into them.
#[derive(Clone, Debug)]
pub(crate) struct SpatialGrid {
    cell_um: i32,
    cells: HashMap<IVec3, Vec<PartId>>,
}

impl SpatialGrid {
    /// A grid with cells of `cell_um` micrometres (at least 1 mm).
    pub(crate) fn new(cell_um: i32) -> Self {
        Self {
            cell_um: cell_um.max(1000),
            cells: HashMap::new(),
        }
    }

    fn cells_of(&self, aabb: Aabb) -> impl Iterator<Item = IVec3> + use<> {
        let low = aabb.min.div_euclid(IVec3::splat(self.cell_um));
        let high = aabb.max.div_euclid(IVec3::splat(self.cell_um));
        (low.x..=high.x).flat_map(move |x| {
            (low.y..=high.y).flat_map(move |y| (low.z..=high.z).map(move |z| IVec3::new(x, y, z)))
        })
    }

    /// Records that `part` occupies `aabb`.
    pub(crate) fn insert(&mut self, part: PartId, aabb: Aabb) {
        for cell in self.cells_of(aabb) {
            self.cells.entry(cell).or_default().push(part);
        }
    }

    /// Forgets `part`'s box `aabb` (the same box it was inserted with).
    pub(crate) fn remove(&mut self, part: PartId, aabb: Aabb) {
        for cell in self.cells_of(aabb) {
            if let Some(parts) = self.cells.get_mut(&cell) {
                parts.retain(|&other| other != part);
                if parts.is_empty() {
                    self.cells.remove(&cell);
                }
            }
        }
    }

    /// The parts with a box in a cell that `aabb` reaches, each once, in id order.
    pub(crate) fn near(&self, aabb: Aabb) -> BTreeSet<PartId> {
        self.cells_of(aabb)
            .filter_map(|cell| self.cells.get(&cell))
            .flatten()
            .copied()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_neighbours_and_forgets_removed_parts() {
        let mut grid = SpatialGrid::new(10_000);
        let a = Aabb::spanning(IVec3::ZERO, IVec3::splat(15_000));
        let far = Aabb::spanning(IVec3::splat(100_000), IVec3::splat(110_000));
        grid.insert(PartId(1), a);
        grid.insert(PartId(2), far);
        let probe = Aabb::spanning(IVec3::splat(12_000), IVec3::splat(13_000));
        assert_eq!(grid.near(probe), BTreeSet::from([PartId(1)]));
        grid.remove(PartId(1), a);
        assert!(grid.near(probe).is_empty());
    }
}
