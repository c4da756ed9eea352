//! The geometry of a part kind, in micrometres, in the part's own frame.

use crate::geometry::Aabb;
use glam::IVec3;
use serde::{Deserialize, Serialize};

/// What a part looks like. The part's origin is the centre of its bottom face.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shape {
    /// An axis-aligned box of the given width (x), height (y) and depth (z).
    Box {
        /// Outer size in micrometres.
        size: IVec3,
    },
}

impl Shape {
    /// The size of the box that bounds the shape, in micrometres.
    pub fn bounding_size(&self) -> IVec3 {
        match self {
            Self::Box { size } => *size,
        }
    }

    /// The box that bounds the shape, in the part's frame.
    pub fn bounds(&self) -> Aabb {
        let size = self.bounding_size();
        let half = IVec3::new(size.x / 2, 0, size.z / 2);
        Aabb::spanning(-half, size - half)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_origin_is_the_centre_of_the_bottom_face() {
        let shape = Shape::Box {
            size: IVec3::new(16_000, 9_600, 32_000),
        };
        assert_eq!(
            shape.bounds(),
            Aabb::spanning(
                IVec3::new(-8_000, 0, -16_000),
                IVec3::new(8_000, 9_600, 16_000)
            )
        );
    }
}
