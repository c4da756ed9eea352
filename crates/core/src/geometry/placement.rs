//! Where a part sits: a quarter-turn rotation about its origin, then a translation in micrometres.

use super::{Aabb, Direction, Rotation};
use glam::IVec3;
use serde::{Deserialize, Serialize};

/// A rigid placement: `point ↦ rotation · point + translation`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Placement {
    /// Orientation.
    pub rotation: Rotation,
    /// Position of the part's origin, in micrometres.
    pub translation: IVec3,
}

impl Placement {
    /// At `translation`, unrotated.
    pub fn at(translation: IVec3) -> Self {
        Self {
            rotation: Rotation::IDENTITY,
            translation,
        }
    }

    /// Moves a point from the part's frame into the world.
    pub fn point(self, point: IVec3) -> IVec3 {
        self.rotation.vector(point) + self.translation
    }

    /// Turns a direction from the part's frame into the world.
    pub fn direction(self, direction: Direction) -> Direction {
        self.rotation.direction(direction)
    }

    /// Moves a box from the part's frame into the world (it stays axis-aligned).
    pub fn aabb(self, aabb: Aabb) -> Aabb {
        Aabb::spanning(self.point(aabb.min), self.point(aabb.max))
    }

    /// First `other`, then `self`.
    #[must_use]
    pub fn after(self, other: Self) -> Self {
        Self {
            rotation: self.rotation.after(other.rotation),
            translation: self.point(other.translation),
        }
    }

    /// The placement that undoes this one.
    #[must_use]
    pub fn inverse(self) -> Self {
        let rotation = self.rotation.inverse();
        Self {
            rotation,
            translation: -rotation.vector(self.translation),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverse_returns_points_home() {
        let placement = Placement {
            rotation: Rotation::quarter_turns_about(Direction::PosY, 3),
            translation: IVec3::new(8000, 9600, -16000),
        };
        let point = IVec3::new(4000, 0, 12000);
        assert_eq!(placement.inverse().point(placement.point(point)), point);
        assert_eq!(placement.after(placement.inverse()), Placement::default());
    }
}
