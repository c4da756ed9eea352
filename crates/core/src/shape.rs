//! The geometry of a part kind, in micrometres, in the part's own frame: simple primitives
//! (boxes and upright cylinders) put together, e.g. a brick's body and its studs.

use crate::geometry::Aabb;
use glam::IVec3;
use serde::{Deserialize, Serialize};

/// A simple solid, standing on its bottom face.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Primitive {
    /// A box of the given width (x), height (y) and depth (z).
    Box {
        /// Outer size in micrometres.
        size: IVec3,
    },
    /// An upright cylinder (its axis along y).
    Cylinder {
        /// Diameter in micrometres.
        diameter: i32,
        /// Height in micrometres.
        height: i32,
    },
}

impl Primitive {
    /// The size of the box around it: width, height, depth.
    pub fn size(&self) -> IVec3 {
        match *self {
            Self::Box { size } => size,
            Self::Cylinder { diameter, height } => IVec3::new(diameter, height, diameter),
        }
    }
}

/// One primitive of a shape, placed in the part's frame.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Piece {
    /// What it is.
    pub primitive: Primitive,
    /// Where the centre of its bottom face is, in micrometres.
    pub at: IVec3,
}

impl Piece {
    /// The box around the piece, in the part's frame.
    pub fn bounds(&self) -> Aabb {
        let size = self.primitive.size();
        let low = self.at - IVec3::new(size.x / 2, 0, size.z / 2);
        Aabb::spanning(low, low + size)
    }
}

/// What a part looks like: at least one piece. The part's origin is where the catalog's
/// connectors are measured from; for a single box it is the centre of the box's bottom face.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Shape {
    /// The pieces, drawn together in the part's finish.
    pub pieces: Vec<Piece>,
}

impl Shape {
    /// One box of `size` whose bottom face is centred on the origin.
    pub fn block(size: IVec3) -> Self {
        Self {
            pieces: vec![Piece {
                primitive: Primitive::Box { size },
                at: IVec3::ZERO,
            }],
        }
    }

    /// The box around all pieces, in the part's frame (an empty box at the origin when there
    /// are none).
    pub fn bounds(&self) -> Aabb {
        self.pieces
            .iter()
            .map(Piece::bounds)
            .reduce(Aabb::union)
            .unwrap_or(Aabb::spanning(IVec3::ZERO, IVec3::ZERO))
    }

    /// The size of the box around all pieces, in micrometres.
    pub fn bounding_size(&self) -> IVec3 {
        self.bounds().size()
    }
}

/// A 2×2 brick's body with one stud on top, for tests.
#[cfg(test)]
pub(crate) fn brick_with_a_stud() -> Shape {
    let mut brick = Shape::block(IVec3::new(16_000, 9_600, 16_000));
    brick.pieces.push(Piece {
        primitive: Primitive::Cylinder {
            diameter: 4_800,
            height: 1_800,
        },
        at: IVec3::new(4_000, 9_600, -4_000),
    });
    brick
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_stands_on_the_centre_of_its_bottom_face() {
        let shape = Shape::block(IVec3::new(16_000, 9_600, 32_000));
        assert_eq!(
            shape.bounds(),
            Aabb::spanning(
                IVec3::new(-8_000, 0, -16_000),
                IVec3::new(8_000, 9_600, 16_000)
            )
        );
    }

    #[test]
    fn the_bounds_reach_around_every_piece() {
        let brick = brick_with_a_stud();
        assert_eq!(
            brick.bounds(),
            Aabb::spanning(
                IVec3::new(-8_000, 0, -8_000),
                IVec3::new(8_000, 11_400, 8_000)
            )
        );
        assert_eq!(brick.bounding_size(), IVec3::new(16_000, 11_400, 16_000));
    }
}
