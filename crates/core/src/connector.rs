//! Connectors: the typed, oriented frames through which parts join (the product's linkage system).

use crate::geometry::{Direction, Placement, Rotation};
use crate::ids::{ConnectorName, ConnectorTypeId};
use glam::IVec3;
use serde::{Deserialize, Serialize};

/// A set of quarter turns about a connector's normal (bit `k` set: `k` quarter turns allowed).
///
/// Always a group: it holds no turn, and is closed under composition (`{0}`, `{0, 2}` or all four).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct QuarterTurns(u8);

impl QuarterTurns {
    /// Only the aligned orientation (a sofa side).
    pub const NONE: Self = Self(0b0001);
    /// Aligned or half a turn.
    pub const HALF: Self = Self(0b0101);
    /// Any of the four quarter turns (a stud).
    pub const ALL: Self = Self(0b1111);

    /// The set of these turn counts (each 0..4); `None` unless it forms a group.
    pub fn from_turns(turns: &[u8]) -> Option<Self> {
        let mut bits = 0u8;
        for &turn in turns {
            if turn > 3 {
                return None;
            }
            bits |= 1 << turn;
        }
        [Self::NONE, Self::HALF, Self::ALL]
            .into_iter()
            .find(|group| group.0 == bits)
    }

    /// The allowed turn counts, ascending.
    pub fn turns(self) -> impl Iterator<Item = u8> {
        (0..4).filter(move |turn| self.0 & (1 << turn) != 0)
    }

    /// Whether `turns` quarter turns (0 to 3) are allowed.
    pub fn contains(self, turns: u8) -> bool {
        turns < 4 && self.0 & (1 << turns) != 0
    }

    /// The turns both sets allow.
    #[must_use]
    pub fn intersection(self, other: Self) -> Self {
        Self(self.0 & other.0)
    }
}

/// A connector type: what kinds of connector it mates with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectorType {
    /// The type's id in its catalog, e.g. `stud`.
    pub id: ConnectorTypeId,
    /// The types it mates with (the relation is symmetric), e.g. `anti-stud`.
    pub mates: Vec<ConnectorTypeId>,
}

/// A connector on a part kind, in the part's own frame.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connector {
    /// Unique within its part kind, e.g. `stud[1,3]` or `left`.
    pub name: ConnectorName,
    /// What it mates with.
    pub connector_type: ConnectorTypeId,
    /// Where it sits, in micrometres.
    pub position: IVec3,
    /// Points out of the part.
    pub normal: Direction,
    /// A direction at right angles to the normal that fixes the connector's turn.
    pub up: Direction,
    /// The turns about the normal this connector accepts.
    pub rotations: QuarterTurns,
}

/// A connector where it is in the world: on a placed part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WorldFrame {
    /// Position in micrometres.
    pub position: IVec3,
    /// Outward normal.
    pub normal: Direction,
    /// Up direction.
    pub up: Direction,
}

impl Connector {
    /// Where this connector is when its part sits at `placement`.
    pub fn world_frame(&self, placement: Placement) -> WorldFrame {
        WorldFrame {
            position: placement.point(self.position),
            normal: placement.direction(self.normal),
            up: placement.direction(self.up),
        }
    }
}

/// Whether two world frames mate geometrically: same position, opposite normals, and up
/// directions that agree after one of `turns` quarter turns about the first normal.
pub fn frames_mate(a: WorldFrame, b: WorldFrame, turns: QuarterTurns) -> bool {
    a.position == b.position
        && a.normal == b.normal.opposite()
        && a.up
            .quarter_turns_to(b.up, a.normal)
            .is_some_and(|turn| turns.contains(turn))
}

/// The placements of a part that put its connector `moving` onto the world frame `target`,
/// one for each turn in `turns`.
pub fn placements_onto(
    target: WorldFrame,
    moving: &Connector,
    turns: QuarterTurns,
) -> impl Iterator<Item = Placement> + '_ {
    turns.turns().filter_map(move |turn| {
        // The moving connector's normal must face the target's; its up must match the
        // target's up turned by `turn` quarter turns about the target's normal.
        let wanted_normal = target.normal.opposite();
        let wanted_up = target.up.quarter_turns_about(target.normal, turn);
        let rotation = Rotation::taking(moving.normal, moving.up, wanted_normal, wanted_up)?;
        let translation = target.position - rotation.vector(moving.position);
        Some(Placement {
            rotation,
            translation,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn connector(normal: Direction, up: Direction, rotations: QuarterTurns) -> Connector {
        Connector {
            name: ConnectorName::new("c"),
            connector_type: ConnectorTypeId::new("t"),
            position: IVec3::new(4000, 0, 4000),
            normal,
            up,
            rotations,
        }
    }

    #[test]
    fn only_groups_of_turns_are_accepted() {
        assert_eq!(QuarterTurns::from_turns(&[0, 2]), Some(QuarterTurns::HALF));
        assert_eq!(QuarterTurns::from_turns(&[0, 1]), None);
        assert_eq!(QuarterTurns::from_turns(&[1]), None);
        assert_eq!(
            QuarterTurns::from_turns(&[3, 2, 1, 0]),
            Some(QuarterTurns::ALL)
        );
    }

    #[test]
    fn every_placement_onto_a_frame_makes_the_frames_mate() {
        let target = WorldFrame {
            position: IVec3::new(12000, 9600, 0),
            normal: Direction::PosY,
            up: Direction::PosZ,
        };
        let socket = connector(Direction::NegY, Direction::PosZ, QuarterTurns::ALL);
        let placements: Vec<_> = placements_onto(target, &socket, QuarterTurns::ALL).collect();
        assert_eq!(placements.len(), 4);
        for placement in placements {
            assert!(frames_mate(
                target,
                socket.world_frame(placement),
                QuarterTurns::ALL
            ));
        }
    }
}
