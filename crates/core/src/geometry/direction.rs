//! The six axis directions: connector normals and up vectors.

use glam::IVec3;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One of the six unit directions along the axes (Y is up).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Direction {
    /// +X, to the right.
    #[serde(rename = "+x")]
    PosX,
    /// −X, to the left.
    #[serde(rename = "-x")]
    NegX,
    /// +Y, up.
    #[serde(rename = "+y")]
    PosY,
    /// −Y, down.
    #[serde(rename = "-y")]
    NegY,
    /// +Z, towards the viewer.
    #[serde(rename = "+z")]
    PosZ,
    /// −Z, away from the viewer.
    #[serde(rename = "-z")]
    NegZ,
}

impl Direction {
    /// All six, in a fixed order.
    pub const ALL: [Self; 6] = [
        Self::PosX,
        Self::NegX,
        Self::PosY,
        Self::NegY,
        Self::PosZ,
        Self::NegZ,
    ];

    /// The unit vector.
    pub fn vector(self) -> IVec3 {
        match self {
            Self::PosX => IVec3::X,
            Self::NegX => IVec3::NEG_X,
            Self::PosY => IVec3::Y,
            Self::NegY => IVec3::NEG_Y,
            Self::PosZ => IVec3::Z,
            Self::NegZ => IVec3::NEG_Z,
        }
    }

    /// The direction of a unit axis vector; `None` for anything else.
    pub fn from_vector(vector: IVec3) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|direction| direction.vector() == vector)
    }

    /// The opposite direction.
    #[must_use]
    pub fn opposite(self) -> Self {
        match self {
            Self::PosX => Self::NegX,
            Self::NegX => Self::PosX,
            Self::PosY => Self::NegY,
            Self::NegY => Self::PosY,
            Self::PosZ => Self::NegZ,
            Self::NegZ => Self::PosZ,
        }
    }

    /// Whether the two directions are at right angles.
    pub fn is_perpendicular_to(self, other: Self) -> bool {
        self.vector().dot(other.vector()) == 0
    }

    /// The direction after a quarter turn counter-clockwise about `axis` (right-hand rule).
    #[must_use]
    pub fn quarter_turn_about(self, axis: Self) -> Self {
        let turned = axis.vector().cross(self.vector());
        if turned == IVec3::ZERO {
            self
        } else {
            // A cross product of two perpendicular unit axis vectors is a unit axis vector.
            Self::from_vector(turned).unwrap_or(self)
        }
    }

    /// How many quarter turns about `axis` take `self` to `target` (0 to 3); `None` when no
    /// number of turns does (`target` is not `self` turned about `axis`).
    pub fn quarter_turns_to(self, target: Self, axis: Self) -> Option<u8> {
        let mut turned = self;
        for turns in 0..4 {
            if turned == target {
                return Some(turns);
            }
            turned = turned.quarter_turn_about(axis);
        }
        None
    }

    /// The direction after `turns` quarter turns about `axis`.
    #[must_use]
    pub fn quarter_turns_about(self, axis: Self, turns: u8) -> Self {
        (0..turns % 4).fold(self, |turned, _| turned.quarter_turn_about(axis))
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::PosX => "+x",
            Self::NegX => "-x",
            Self::PosY => "+y",
            Self::NegY => "-y",
            Self::PosZ => "+z",
            Self::NegZ => "-z",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_quarter_turns_come_back() {
        for axis in Direction::ALL {
            for direction in Direction::ALL {
                let mut turned = direction;
                for _ in 0..4 {
                    turned = turned.quarter_turn_about(axis);
                }
                assert_eq!(turned, direction);
            }
        }
        assert_eq!(
            Direction::PosX.quarter_turn_about(Direction::PosY),
            Direction::NegZ
        );
    }

    #[test]
    fn counts_the_turns_between_two_directions() {
        for axis in Direction::ALL {
            for direction in Direction::ALL {
                for turns in 0..4 {
                    let turned = direction.quarter_turns_about(axis, turns);
                    let counted = direction
                        .quarter_turns_to(turned, axis)
                        .expect("a turned direction is reached by turning");
                    assert_eq!(direction.quarter_turns_about(axis, counted), turned);
                }
            }
        }
        assert_eq!(
            Direction::PosX.quarter_turns_to(Direction::PosY, Direction::PosX),
            None
        );
    }
}
