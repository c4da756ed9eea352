//! The geometry of a part kind, in millimetres, in the part's own frame.

use glam::Vec3;
use serde::{Deserialize, Serialize};

/// What a part looks like and occupies. The part's origin is the centre of its bottom face.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Shape {
    /// An axis-aligned box of the given width (x), height (y) and depth (z).
    Box {
        /// Outer size in millimetres.
        size: Vec3,
    },
}

impl Shape {
    /// The size of the box that bounds the shape, in millimetres.
    pub fn bounding_size(&self) -> Vec3 {
        match self {
            Self::Box { size } => *size,
        }
    }
}
