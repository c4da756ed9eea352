//! The geometry of a part kind, in micrometres, in the part's own frame: simple primitives
//! (boxes and upright cylinders) and glTF models put together, e.g. a brick's body and its
//! studs, or a sofa arm's rolled top on its feet.

use crate::geometry::Aabb;
use glam::IVec3;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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
    /// A glTF model, a file beside the catalog. Only its triangles come from the file: the box
    /// it fills is declared here, so collisions, rules and orders never depend on downloading
    /// it, and a model that cannot be loaded is drawn as that box.
    Model {
        /// The `.glb` file's path, relative to the catalog file.
        file: Arc<str>,
        /// The box the model fills (width, height, depth), its bottom face centred on the
        /// piece's origin, in micrometres.
        size: IVec3,
    },
}

impl Primitive {
    /// The size of the box around it: width, height, depth.
    pub fn size(&self) -> IVec3 {
        match *self {
            Self::Box { size } | Self::Model { size, .. } => size,
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

    /// The model files the shape draws, each with the box it fills.
    pub fn models(&self) -> impl Iterator<Item = (&Arc<str>, IVec3)> {
        self.pieces
            .iter()
            .filter_map(|piece| match &piece.primitive {
                Primitive::Model { file, size } => Some((file, *size)),
                Primitive::Box { .. } | Primitive::Cylinder { .. } => None,
            })
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
