//! Axis-aligned boxes in micrometres: collision volumes and bounds.

use glam::IVec3;
use serde::{Deserialize, Serialize};

/// How deep two parts may press into each other before they count as overlapping (50 µm):
/// parts that touch, or that meet within manufacturing tolerance, do not collide.
pub const COLLISION_TOLERANCE_UM: i32 = 50;

/// A box from `min` to `max` (inclusive corners), in micrometres.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Aabb {
    /// Lowest corner.
    pub min: IVec3,
    /// Highest corner.
    pub max: IVec3,
}

impl Aabb {
    /// The box with these two opposite corners, in any order.
    pub fn spanning(a: IVec3, b: IVec3) -> Self {
        Self {
            min: a.min(b),
            max: a.max(b),
        }
    }

    /// The size along each axis.
    pub fn size(self) -> IVec3 {
        self.max - self.min
    }

    /// Whether the boxes share volume deeper than [`COLLISION_TOLERANCE_UM`] on every axis.
    pub fn overlaps(self, other: Self) -> bool {
        let depth = self.max.min(other.max) - self.min.max(other.min);
        depth.min_element() > COLLISION_TOLERANCE_UM
    }

    /// The smallest box holding both.
    #[must_use]
    pub fn union(self, other: Self) -> Self {
        Self {
            min: self.min.min(other.min),
            max: self.max.max(other.max),
        }
    }

    /// Whether the boxes touch or overlap at all (for spatial queries).
    pub fn intersects(self, other: Self) -> bool {
        self.min.cmple(other.max).all() && other.min.cmple(self.max).all()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cube(min: i32, size: i32) -> Aabb {
        Aabb::spanning(IVec3::splat(min), IVec3::splat(min + size))
    }

    #[test]
    fn touching_boxes_do_not_overlap() {
        assert!(!cube(0, 1000).overlaps(cube(1000, 1000)));
        assert!(!cube(0, 1000).overlaps(cube(1000 - COLLISION_TOLERANCE_UM, 1000)));
        assert!(cube(0, 1000).overlaps(cube(1000 - COLLISION_TOLERANCE_UM - 1, 1000)));
        assert!(cube(0, 1000).intersects(cube(1000, 1000)));
    }
}
