//! A uniform grid over space that finds the parts' boxes that may touch a query box.

use crate::PartId;
use crate::geometry::Aabb;
use glam::IVec3;
use rustc_hash::FxHashMap;

/// Maps grid cells to the parts' collision boxes that reach into them.
#[derive(Clone, Debug)]
pub(crate) struct SpatialGrid {
    cell_um: i32,
    cells: FxHashMap<IVec3, Vec<(PartId, Aabb)>>,
}

impl SpatialGrid {
    /// A grid with cells of `cell_um` micrometres (at least 1 mm).
    pub(crate) fn new(cell_um: i32) -> Self {
        Self {
            cell_um: cell_um.max(1000),
            cells: FxHashMap::default(),
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
            self.cells.entry(cell).or_default().push((part, aabb));
        }
    }

    /// Forgets `part`'s box `aabb` (the same box it was inserted with).
    pub(crate) fn remove(&mut self, part: PartId, aabb: Aabb) {
        for cell in self.cells_of(aabb) {
            if let Some(boxes) = self.cells.get_mut(&cell) {
                boxes.retain(|&entry| entry != (part, aabb));
                if boxes.is_empty() {
                    self.cells.remove(&cell);
                }
            }
        }
    }

    /// The boxes in the cells that `aabb` reaches, with their parts; a box that spans several
    /// of those cells comes once per cell.
    pub(crate) fn boxes_near(&self, aabb: Aabb) -> impl Iterator<Item = (PartId, Aabb)> + '_ {
        self.cells_of(aabb)
            .filter_map(|cell| self.cells.get(&cell))
            .flatten()
            .copied()
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
        let near: Vec<PartId> = grid.boxes_near(probe).map(|(part, _)| part).collect();
        assert_eq!(near, [PartId(1)]);
        grid.remove(PartId(1), a);
        assert_eq!(grid.boxes_near(probe).count(), 0);
    }
}
