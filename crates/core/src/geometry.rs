//! Exact geometry on the micrometre grid: axis directions, quarter-turn rotations, placements and boxes.
//!
//! Every product system snapkit serves is built from axis-aligned modules turned in quarter
//! turns, so positions are integer micrometres and rotations are the 24 rotations of a cube.
//! That makes "do these connectors coincide" and "is this the same placement" exact questions
//! with exact answers: no tolerance drift, and placements can be hashed and counted.

mod aabb;
mod direction;
mod placement;
mod rotation;

pub use aabb::{Aabb, COLLISION_TOLERANCE_UM};
pub use direction::Direction;
pub use placement::Placement;
pub use rotation::Rotation;

/// Micrometres per millimetre: catalogs are written in millimetres, core counts micrometres.
pub const UM_PER_MM: f64 = 1000.0;

/// Converts millimetres to the nearest micrometre; `None` if not finite or out of range.
pub fn mm_to_um(mm: f64) -> Option<i32> {
    let um = (mm * UM_PER_MM).round();
    (um.is_finite() && um.abs() <= f64::from(i32::MAX)).then_some(um as i32)
}

/// Micrometres to whole millimetres, rounded to nearest.
pub fn um_to_whole_mm(um: i32) -> i64 {
    (i64::from(um) + 500).div_euclid(1000)
}

/// Converts micrometres to millimetres.
pub fn um_to_mm(um: i32) -> f32 {
    (f64::from(um) / UM_PER_MM) as f32
}

/// Converts a vector in micrometres to millimetres.
pub fn um_to_mm_vec(um: glam::IVec3) -> glam::Vec3 {
    glam::Vec3::new(um_to_mm(um.x), um_to_mm(um.y), um_to_mm(um.z))
}
