//! The 24 rotations that map the axes onto the axes: every quarter-turn orientation of a part.

use super::Direction;
use glam::IVec3;
use serde::{Deserialize, Serialize};

/// A proper rotation by quarter turns, stored as where it sends +X, +Y and +Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Rotation {
    x: Direction,
    y: Direction,
    z: Direction,
}

impl Default for Rotation {
    fn default() -> Self {
        Self::IDENTITY
    }
}

impl Rotation {
    /// No rotation.
    pub const IDENTITY: Self = Self {
        x: Direction::PosX,
        y: Direction::PosY,
        z: Direction::PosZ,
    };

    /// The rotation sending +X to `x` and +Y to `y`; `None` unless they are perpendicular.
    pub fn from_x_y(x: Direction, y: Direction) -> Option<Self> {
        if !x.is_perpendicular_to(y) {
            return None;
        }
        let z = Direction::from_vector(x.vector().cross(y.vector()))?;
        Some(Self { x, y, z })
    }

    /// The rotation taking `a` to `c` and `b` to `d`; `None` unless `a` ⟂ `b` and `c` ⟂ `d`.
    pub fn taking(a: Direction, b: Direction, c: Direction, d: Direction) -> Option<Self> {
        Some(Self::from_x_y(c, d)?.after(Self::from_x_y(a, b)?.inverse()))
    }

    /// `turns` quarter turns counter-clockwise about `axis` (right-hand rule).
    pub fn quarter_turns_about(axis: Direction, turns: u8) -> Self {
        let mut rotation = Self::IDENTITY;
        for _ in 0..turns % 4 {
            rotation = Self {
                x: rotation.x.quarter_turn_about(axis),
                y: rotation.y.quarter_turn_about(axis),
                z: rotation.z.quarter_turn_about(axis),
            };
        }
        rotation
    }

    /// All 24 rotations, in a fixed order.
    pub fn all() -> impl Iterator<Item = Self> {
        Direction::ALL.into_iter().flat_map(|x| {
            Direction::ALL
                .into_iter()
                .filter_map(move |y| Self::from_x_y(x, y))
        })
    }

    /// This rotation's position (0 to 23) in [`Rotation::all`], for compact encodings.
    pub fn index(self) -> u8 {
        Self::all()
            .position(|rotation| rotation == self)
            .and_then(|at| u8::try_from(at).ok())
            .unwrap_or(0)
    }

    /// The rotation at `index` in [`Rotation::all`]; `None` from 24 on.
    pub fn from_index(index: u8) -> Option<Self> {
        Self::all().nth(usize::from(index))
    }

    /// Turns a direction.
    pub fn direction(self, direction: Direction) -> Direction {
        let column = match direction {
            Direction::PosX | Direction::NegX => self.x,
            Direction::PosY | Direction::NegY => self.y,
            Direction::PosZ | Direction::NegZ => self.z,
        };
        if direction.vector().max_element() > 0 {
            column
        } else {
            column.opposite()
        }
    }

    /// Turns a vector.
    pub fn vector(self, vector: IVec3) -> IVec3 {
        self.x.vector() * vector.x + self.y.vector() * vector.y + self.z.vector() * vector.z
    }

    /// First `other`, then `self`.
    #[must_use]
    pub fn after(self, other: Self) -> Self {
        Self {
            x: self.direction(other.x),
            y: self.direction(other.y),
            z: self.direction(other.z),
        }
    }

    /// The rotation that undoes this one.
    #[must_use]
    pub fn inverse(self) -> Self {
        // The inverse of an orthogonal matrix is its transpose: find which axis lands on each axis.
        let source_of = |target: Direction| {
            Direction::ALL
                .into_iter()
                .find(|&source| self.direction(source) == target)
                .unwrap_or(target)
        };
        Self {
            x: source_of(Direction::PosX),
            y: source_of(Direction::PosY),
            z: source_of(Direction::PosZ),
        }
    }

    /// The rotation as a unit quaternion `[x, y, z, w]`, for renderers.
    pub fn to_quaternion(self) -> [f32; 4] {
        let column = |direction: Direction| direction.vector().as_vec3();
        let matrix = glam::Mat3::from_cols(column(self.x), column(self.y), column(self.z));
        glam::Quat::from_mat3(&matrix).normalize().to_array()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_24_distinct_rotations() {
        let all: std::collections::BTreeSet<_> = Rotation::all().collect();
        assert_eq!(all.len(), 24);
    }

    #[test]
    fn every_rotation_survives_its_index() {
        for rotation in Rotation::all() {
            assert_eq!(Rotation::from_index(rotation.index()), Some(rotation));
        }
        assert_eq!(Rotation::from_index(24), None);
    }

    #[test]
    fn inverse_and_composition_agree() {
        for a in Rotation::all() {
            assert_eq!(a.after(a.inverse()), Rotation::IDENTITY);
            for b in Rotation::all() {
                let v = IVec3::new(1, 20, 300);
                assert_eq!(a.after(b).vector(v), a.vector(b.vector(v)));
            }
        }
    }

    #[test]
    fn taking_finds_the_one_rotation_that_sends_two_axes() {
        for rotation in Rotation::all() {
            for a in Direction::ALL {
                for b in Direction::ALL
                    .into_iter()
                    .filter(|b| b.is_perpendicular_to(a))
                {
                    let (c, d) = (rotation.direction(a), rotation.direction(b));
                    assert_eq!(Rotation::taking(a, b, c, d), Some(rotation));
                }
            }
        }
        assert_eq!(
            Rotation::taking(
                Direction::PosX,
                Direction::NegX,
                Direction::PosX,
                Direction::NegX
            ),
            None
        );
    }

    #[test]
    fn quarter_turn_about_up_matches_the_quaternion() {
        let rotation = Rotation::quarter_turns_about(Direction::PosY, 1);
        assert_eq!(rotation.vector(IVec3::X), IVec3::NEG_Z);
        let [x, y, z, w] = rotation.to_quaternion();
        let quaternion = glam::Quat::from_xyzw(x, y, z, w);
        assert!((quaternion * glam::Vec3::X).abs_diff_eq(glam::Vec3::NEG_Z, 1e-6));
    }
}
