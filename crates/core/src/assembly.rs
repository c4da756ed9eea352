//! An assembly: placed parts and the connections between their connectors, kept consistent.
//!
//! Connections are derived, never stored by callers: after every change, every pair of
//! connectors that coincide and mate is connected. Parts never overlap.

use crate::catalog::{Catalog, PartKind};
use crate::connector::{Connector, WorldFrame, frames_mate};
use crate::geometry::{Aabb, COLLISION_TOLERANCE_UM, Placement};
use crate::spatial_grid::SpatialGrid;
use crate::{ConnectorId, ConnectorName, FinishId, PartId, PartKindId};
use glam::IVec3;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// One part in an assembly.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlacedPart {
    /// Its identity in the assembly.
    pub id: PartId,
    /// What it is.
    pub kind: PartKindId,
    /// What it is made in.
    pub finish: FinishId,
    /// Where it is.
    pub placement: Placement,
}

/// Two connectors joined; `a` is always the smaller id, so each joint has one spelling.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Connection {
    /// One end.
    pub a: ConnectorId,
    /// The other end.
    pub b: ConnectorId,
}

impl Connection {
    /// The connection between two connectors, in its one spelling.
    pub fn between(x: ConnectorId, y: ConnectorId) -> Self {
        if x <= y {
            Self { a: x, b: y }
        } else {
            Self { a: y, b: x }
        }
    }

    /// Whether either end is on `part`.
    pub fn touches(&self, part: PartId) -> bool {
        self.a.part == part || self.b.part == part
    }
}

/// Why a part cannot be where it was asked to be.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlacementError {
    /// The catalog has no such part kind.
    #[error("the catalog has no part kind '{0}'")]
    UnknownKind(PartKindId),
    /// The catalog has no such finish.
    #[error("the catalog has no finish '{0}'")]
    UnknownFinish(FinishId),
    /// The kind is not made in that finish.
    #[error("'{kind}' is not made in '{finish}'")]
    FinishNotOffered {
        /// The part kind.
        kind: PartKindId,
        /// The finish asked for.
        finish: FinishId,
    },
    /// The part would overlap another.
    #[error("it would overlap part {with}")]
    Collides {
        /// The part it would overlap.
        with: PartId,
    },
    /// The part would reach below the floor.
    #[error("it would reach below the floor")]
    BelowFloor,
}

/// A set of placed parts and their connections, for one catalog.
#[derive(Clone, Debug)]
pub struct Assembly {
    catalog: Arc<Catalog>,
    parts: BTreeMap<PartId, PlacedPart>,
    connections: BTreeSet<Connection>,
    /// Connectors by exact world position, for finding mates.
    connectors_at: HashMap<IVec3, Vec<ConnectorId>>,
    /// Collision boxes by grid cell, for finding overlaps.
    grid: SpatialGrid,
}

impl PartialEq for Assembly {
    /// Same catalog content, same parts in the same places (connections follow from those).
    fn eq(&self, other: &Self) -> bool {
        self.parts == other.parts && self.catalog.meta == other.catalog.meta
    }
}

impl Assembly {
    /// An empty assembly of parts from `catalog`.
    pub fn new(catalog: Arc<Catalog>) -> Self {
        let cell = catalog
            .parts
            .iter()
            .flat_map(|kind| kind.collision.iter())
            .map(|aabb| aabb.size().max_element())
            .max()
            .unwrap_or(0);
        Self {
            grid: SpatialGrid::new(cell),
            catalog,
            parts: BTreeMap::new(),
            connections: BTreeSet::new(),
            connectors_at: HashMap::new(),
        }
    }

    /// The catalog the parts come from.
    pub fn catalog(&self) -> &Arc<Catalog> {
        &self.catalog
    }

    /// The parts, in id order.
    pub fn parts(&self) -> impl ExactSizeIterator<Item = &PlacedPart> {
        self.parts.values()
    }

    /// The part with this id.
    pub fn part(&self, id: PartId) -> Option<&PlacedPart> {
        self.parts.get(&id)
    }

    /// Number of parts.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// Whether there are no parts.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// Every connection, in order.
    pub fn connections(&self) -> &BTreeSet<Connection> {
        &self.connections
    }

    /// The smallest id not in use.
    pub fn next_part_id(&self) -> PartId {
        PartId(self.parts.keys().next_back().map_or(1, |last| last.0 + 1))
    }

    fn kind_of(&self, kind: &PartKindId) -> Result<&PartKind, PlacementError> {
        self.catalog
            .part(kind)
            .ok_or_else(|| PlacementError::UnknownKind(kind.clone()))
    }

    /// The world boxes of a kind placed at `placement`.
    pub fn world_boxes(kind: &PartKind, placement: Placement) -> impl Iterator<Item = Aabb> + '_ {
        kind.collision.iter().map(move |&aabb| placement.aabb(aabb))
    }

    /// Whether `kind` at `placement` reaches below the floor (deeper than the collision tolerance).
    pub fn is_below_floor(kind: &PartKind, placement: Placement) -> bool {
        Self::world_boxes(kind, placement).any(|aabb| aabb.min.y < -COLLISION_TOLERANCE_UM)
    }

    /// The box around every part's collision volumes; `None` when there are no parts.
    pub fn bounds(&self) -> Option<Aabb> {
        self.parts
            .values()
            .filter_map(|part| Self::bounds_of(self.catalog.part(&part.kind)?, part.placement))
            .reduce(Aabb::union)
    }

    /// The box around all of a part's collision volumes.
    fn bounds_of(kind: &PartKind, placement: Placement) -> Option<Aabb> {
        Self::world_boxes(kind, placement).reduce(Aabb::union)
    }

    /// Checks that `part` could be placed: its kind and finish exist, and it overlaps no part
    /// other than those in `ignoring` (parts being moved or replaced).
    pub fn check(&self, part: &PlacedPart, ignoring: &[PartId]) -> Result<(), PlacementError> {
        let kind = self.kind_of(&part.kind)?;
        if self.catalog.finish(&part.finish).is_none() {
            return Err(PlacementError::UnknownFinish(part.finish.clone()));
        }
        if !kind.finishes.contains(&part.finish) {
            return Err(PlacementError::FinishNotOffered {
                kind: part.kind.clone(),
                finish: part.finish.clone(),
            });
        }
        if Self::is_below_floor(kind, part.placement) {
            return Err(PlacementError::BelowFloor);
        }
        match self.first_collision(kind, part.placement, ignoring) {
            Some(with) => Err(PlacementError::Collides { with }),
            None => Ok(()),
        }
    }

    /// The first part (by id) that `kind` at `placement` would overlap, ignoring `ignoring`.
    pub fn first_collision(
        &self,
        kind: &PartKind,
        placement: Placement,
        ignoring: &[PartId],
    ) -> Option<PartId> {
        let boxes: Vec<Aabb> = Self::world_boxes(kind, placement).collect();
        let bounds = boxes.iter().copied().reduce(Aabb::union)?;
        self.grid
            .near(bounds)
            .into_iter()
            .filter(|other| !ignoring.contains(other))
            .find(|other| {
                self.parts.get(other).is_some_and(|placed| {
                    self.catalog.part(&placed.kind).is_some_and(|other_kind| {
                        Self::world_boxes(other_kind, placed.placement)
                            .any(|theirs| boxes.iter().any(|ours| ours.overlaps(theirs)))
                    })
                })
            })
    }

    /// The connectors already here that `connector`, at `frame`, mates with, skipping those
    /// on parts `skip` names. One definition of "these two connect", for every caller.
    fn mates_at<'a>(
        &'a self,
        connector: &'a Connector,
        frame: WorldFrame,
        skip: impl Fn(PartId) -> bool + 'a,
    ) -> impl Iterator<Item = &'a ConnectorId> + 'a {
        self.connectors_at
            .get(&frame.position)
            .into_iter()
            .flatten()
            .filter(move |other| !skip(other.part))
            .filter(move |other| {
                self.parts
                    .get(&other.part)
                    .and_then(|placed| {
                        let other_connector = self
                            .catalog
                            .part(&placed.kind)?
                            .connector(&other.connector)?;
                        let turns = self.catalog.mating_turns(connector, other_connector)?;
                        Some(frames_mate(
                            other_connector.world_frame(placed.placement),
                            frame,
                            turns,
                        ))
                    })
                    .unwrap_or(false)
            })
    }

    /// Whether the connector `connector` of the placed part `part`, at `frame`, is joined to another.
    pub fn is_connected(&self, part: PartId, connector: &Connector, frame: WorldFrame) -> bool {
        self.mates_at(connector, frame, move |other| other == part)
            .next()
            .is_some()
    }

    /// The connections `kind` at `placement` would make with the parts already here (except
    /// `ignoring`), as (its connector, the existing connector) pairs.
    pub fn connections_for(
        &self,
        kind: &PartKind,
        placement: Placement,
        ignoring: &[PartId],
    ) -> Vec<(ConnectorName, ConnectorId)> {
        kind.connectors
            .iter()
            .flat_map(|connector| {
                let frame = connector.world_frame(placement);
                self.mates_at(connector, frame, |other| ignoring.contains(&other))
                    .map(|other| (connector.name.clone(), other.clone()))
            })
            .collect()
    }

    /// Adds a part after checking it, connecting every connector pair that now coincides.
    pub fn insert(&mut self, part: PlacedPart) -> Result<(), PlacementError> {
        self.check(&part, &[])?;
        // Share the catalog rather than copying the kind and all its connector names.
        let catalog = Arc::clone(&self.catalog);
        let kind = catalog
            .part(&part.kind)
            .ok_or_else(|| PlacementError::UnknownKind(part.kind.clone()))?;
        for (own, other) in self.connections_for(kind, part.placement, &[]) {
            self.connections.insert(Connection::between(
                ConnectorId {
                    part: part.id,
                    connector: own,
                },
                other,
            ));
        }
        for connector in &kind.connectors {
            let position = part.placement.point(connector.position);
            self.connectors_at
                .entry(position)
                .or_default()
                .push(ConnectorId {
                    part: part.id,
                    connector: connector.name.clone(),
                });
        }
        if let Some(bounds) = Self::bounds_of(kind, part.placement) {
            self.grid.insert(part.id, bounds);
        }
        self.parts.insert(part.id, part);
        Ok(())
    }

    /// Takes a part out with its connections; `None` if there is no such part.
    pub fn remove(&mut self, id: PartId) -> Option<PlacedPart> {
        let part = self.parts.remove(&id)?;
        self.connections
            .retain(|connection| !connection.touches(id));
        if let Some(kind) = self.catalog.part(&part.kind) {
            for connector in &kind.connectors {
                let position = part.placement.point(connector.position);
                if let Some(here) = self.connectors_at.get_mut(&position) {
                    here.retain(|other| other.part != id);
                    if here.is_empty() {
                        self.connectors_at.remove(&position);
                    }
                }
            }
            if let Some(bounds) = Self::bounds_of(kind, part.placement) {
                self.grid.remove(id, bounds);
            }
        }
        Some(part)
    }

    /// The parts connected directly to `id`.
    pub fn neighbours(&self, id: PartId) -> BTreeSet<PartId> {
        self.connections
            .iter()
            .filter_map(|connection| {
                if connection.a.part == id {
                    Some(connection.b.part)
                } else if connection.b.part == id {
                    Some(connection.a.part)
                } else {
                    None
                }
            })
            .collect()
    }

    /// Whether a part stands on the floor (its lowest point is at height zero).
    pub fn is_grounded(&self, id: PartId) -> bool {
        self.parts.get(&id).is_some_and(|placed| {
            self.catalog
                .part(&placed.kind)
                .and_then(|kind| Self::bounds_of(kind, placed.placement))
                .is_some_and(|bounds| bounds.min.y == 0)
        })
    }

    /// The parts that reach a grounded part through connections, without the parts in `removed`.
    fn grounded_reach(&self, removed: &[PartId]) -> BTreeSet<PartId> {
        let mut reached: BTreeSet<PartId> = self
            .parts
            .keys()
            .copied()
            .filter(|id| !removed.contains(id) && self.is_grounded(*id))
            .collect();
        let mut frontier: Vec<PartId> = reached.iter().copied().collect();
        while let Some(id) = frontier.pop() {
            for next in self.neighbours(id) {
                if !removed.contains(&next) && reached.insert(next) {
                    frontier.push(next);
                }
            }
        }
        reached
    }

    /// The parts that reach a grounded part now but would not if `removed` were taken out.
    /// The caller decides whether to remove them too.
    pub fn left_hanging_without(&self, removed: &[PartId]) -> Vec<PartId> {
        let before = self.grounded_reach(&[]);
        let after = self.grounded_reach(removed);
        before
            .into_iter()
            .filter(|id| !removed.contains(id) && !after.contains(id))
            .collect()
    }
}
