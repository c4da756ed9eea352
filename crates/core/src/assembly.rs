//! An assembly: placed parts and the connections between their connectors, kept consistent.
//!
//! Connections are derived, never stored by callers: after every change, every pair of
//! connectors that coincide and mate is connected. Parts never overlap.

use crate::catalog::{Catalog, PartKind};
use crate::catalog_index::{CatalogIndex, ConnectorIndex};
use crate::connector::{Connector, WorldFrame, frames_mate};
use crate::geometry::{Aabb, COLLISION_TOLERANCE_UM, Placement};
use crate::spatial_grid::SpatialGrid;
use crate::{ConnectorId, ConnectorName, FinishId, PartId, PartKindId};
use glam::{IVec3, Vec3};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
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
    index: Arc<CatalogIndex>,
    parts: BTreeMap<PartId, Entry>,
    /// Every connection, with the catalog indices of its `a` and `b` connectors.
    connections: BTreeMap<Connection, [ConnectorIndex; 2]>,
    /// Each part's connections, for walking the assembly as a graph.
    joints_of: FxHashMap<PartId, Vec<Connection>>,
    /// Connectors by exact world position, for finding mates.
    connectors_at: FxHashMap<IVec3, Vec<PlacedConnector>>,
    /// Collision boxes by grid cell, for finding overlaps.
    grid: SpatialGrid,
}

/// A placed part with its kind's index in the catalog.
#[derive(Clone, Debug)]
struct Entry {
    part: PlacedPart,
    kind: u32,
}

/// A connector of a placed part as the position index keeps it: all that a mating test needs.
#[derive(Clone, Copy, Debug)]
struct PlacedConnector {
    part: PartId,
    at: ConnectorIndex,
    frame: WorldFrame,
}

impl PartialEq for Assembly {
    /// Same catalog content, same parts in the same places (connections follow from those).
    fn eq(&self, other: &Self) -> bool {
        self.catalog.meta == other.catalog.meta
            && self.parts.len() == other.parts.len()
            && self.parts().eq(other.parts())
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
            index: Arc::new(CatalogIndex::new(&catalog)),
            catalog,
            parts: BTreeMap::new(),
            connections: BTreeMap::new(),
            joints_of: FxHashMap::default(),
            connectors_at: FxHashMap::default(),
        }
    }

    /// The catalog the parts come from.
    pub fn catalog(&self) -> &Arc<Catalog> {
        &self.catalog
    }

    /// The parts, in id order.
    pub fn parts(&self) -> impl ExactSizeIterator<Item = &PlacedPart> {
        self.parts.values().map(|entry| &entry.part)
    }

    /// The part with this id.
    pub fn part(&self, id: PartId) -> Option<&PlacedPart> {
        self.parts.get(&id).map(|entry| &entry.part)
    }

    /// The kind of the part with this id.
    pub fn kind_of(&self, id: PartId) -> Option<&PartKind> {
        self.catalog.parts.get(self.parts.get(&id)?.kind as usize)
    }

    /// Each part with a ball around all its connectors, in world micrometres: a point on the
    /// part's connectors is never farther from anything than its ball is. Parts without
    /// connectors are left out.
    pub(crate) fn connector_balls(&self) -> impl Iterator<Item = (&PlacedPart, Vec3, f32)> {
        self.parts.values().filter_map(|entry| {
            let ball = self.index.connector_ball(entry.kind)?;
            let centre = entry.part.placement.point(ball.centre).as_vec3();
            Some((&entry.part, centre, ball.radius))
        })
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
    pub fn connections(&self) -> impl ExactSizeIterator<Item = &Connection> + Clone {
        self.connections.keys()
    }

    /// Every connection, in order, with the connectors at its `a` and `b` ends.
    pub fn joined(&self) -> impl Iterator<Item = (&Connection, &Connector, &Connector)> {
        self.connections.iter().filter_map(|(connection, [a, b])| {
            Some((connection, self.connector_at(*a)?, self.connector_at(*b)?))
        })
    }

    fn connector_at(&self, at: ConnectorIndex) -> Option<&Connector> {
        self.catalog
            .parts
            .get(at.kind as usize)?
            .connectors
            .get(at.connector as usize)
    }

    /// The smallest id not in use.
    pub fn next_part_id(&self) -> PartId {
        PartId(self.parts.keys().next_back().map_or(1, |last| last.0 + 1))
    }

    fn kind_by_id(&self, kind: &PartKindId) -> Result<&PartKind, PlacementError> {
        self.index
            .kind(&self.catalog, kind)
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
            .keys()
            .filter_map(|&id| Self::bounds_of(self.kind_of(id)?, self.part(id)?.placement))
            .reduce(Aabb::union)
    }

    /// The box around all of a part's collision volumes.
    pub(crate) fn bounds_of(kind: &PartKind, placement: Placement) -> Option<Aabb> {
        Self::world_boxes(kind, placement).reduce(Aabb::union)
    }

    /// Checks that `part` could be placed: its kind and finish exist, and it overlaps no part
    /// other than those in `ignoring` (parts being moved or replaced).
    pub fn check(&self, part: &PlacedPart, ignoring: &[PartId]) -> Result<(), PlacementError> {
        let kind = self.kind_by_id(&part.kind)?;
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
        let bounds = Self::bounds_of(kind, placement)?;
        self.grid
            .boxes_near(bounds)
            .filter(|(other, theirs)| {
                bounds.overlaps(*theirs)
                    && !ignoring.contains(other)
                    && Self::world_boxes(kind, placement).any(|ours| ours.overlaps(*theirs))
            })
            .map(|(other, _)| other)
            .min()
    }

    /// The connectors already here that connector `at`, at `frame`, mates with, skipping those
    /// on parts `skip` names. One definition of "these two connect", for every caller.
    fn mates_at<'a>(
        &'a self,
        at: ConnectorIndex,
        frame: WorldFrame,
        skip: impl Fn(PartId) -> bool + 'a,
    ) -> impl Iterator<Item = &'a PlacedConnector> + 'a {
        self.connectors_at
            .get(&frame.position)
            .into_iter()
            .flatten()
            .filter(move |other| !skip(other.part))
            .filter(move |other| {
                self.index
                    .mating_turns(at, other.at)
                    .is_some_and(|turns| frames_mate(other.frame, frame, turns))
            })
    }

    /// The name of a connector the position index holds, as callers know connectors.
    fn connector_id(&self, placed: &PlacedConnector) -> Option<ConnectorId> {
        Some(ConnectorId {
            part: placed.part,
            connector: self.connector_at(placed.at)?.name.clone(),
        })
    }

    /// Whether connector number `connector` (in its kind's list) of the placed part `part` is
    /// joined to another part, not counting the parts in `ignoring` (parts being moved);
    /// `false` for a part or connector that does not exist.
    pub fn is_connected(&self, part: PartId, connector: usize, ignoring: &[PartId]) -> bool {
        let Some(entry) = self.parts.get(&part) else {
            return false;
        };
        let Some(own) = self
            .catalog
            .parts
            .get(entry.kind as usize)
            .and_then(|kind| kind.connectors.get(connector))
        else {
            return false;
        };
        let Ok(connector) = u32::try_from(connector) else {
            return false;
        };
        let at = ConnectorIndex {
            kind: entry.kind,
            connector,
        };
        self.mates_at(at, own.world_frame(entry.part.placement), move |other| {
            other == part || ignoring.contains(&other)
        })
        .next()
        .is_some()
    }

    /// The connections `kind` at `placement` would make with the parts already here (except
    /// `ignoring`), as (its connector, the existing connector) pairs.
    pub fn connections_for<'a>(
        &'a self,
        kind: &'a PartKind,
        placement: Placement,
        ignoring: &'a [PartId],
    ) -> impl Iterator<Item = (ConnectorName, ConnectorId)> + 'a {
        self.index
            .kind_index(&kind.id)
            .into_iter()
            .flat_map(move |kind_index| self.mates_of(kind_index, kind, placement, ignoring))
            .filter_map(|(own, other)| {
                Some((
                    self.connector_at(own)?.name.clone(),
                    self.connector_id(other)?,
                ))
            })
    }

    /// Each connector of `kind` (at `kind_index` in the catalog) at `placement` with each
    /// connector already here (except on `ignoring`) that it mates with.
    fn mates_of<'a>(
        &'a self,
        kind_index: u32,
        kind: &'a PartKind,
        placement: Placement,
        ignoring: &'a [PartId],
    ) -> impl Iterator<Item = (ConnectorIndex, &'a PlacedConnector)> + 'a {
        (0u32..)
            .zip(&kind.connectors)
            .flat_map(move |(connector_index, connector)| {
                let at = ConnectorIndex {
                    kind: kind_index,
                    connector: connector_index,
                };
                self.mates_at(at, connector.world_frame(placement), |other| {
                    ignoring.contains(&other)
                })
                .map(move |other| (at, other))
            })
    }

    /// Adds a part after checking it, connecting every connector pair that now coincides.
    pub fn insert(&mut self, part: PlacedPart) -> Result<(), PlacementError> {
        self.check(&part, &[])?;
        let kind_index = self
            .index
            .kind_index(&part.kind)
            .ok_or_else(|| PlacementError::UnknownKind(part.kind.clone()))?;
        // Share the catalog rather than copying the kind and all its connector names.
        let catalog = Arc::clone(&self.catalog);
        let kind = catalog
            .parts
            .get(kind_index as usize)
            .ok_or_else(|| PlacementError::UnknownKind(part.kind.clone()))?;
        let joints: Vec<(ConnectorIndex, PlacedConnector)> = self
            .mates_of(kind_index, kind, part.placement, &[])
            .map(|(own, other)| (own, *other))
            .collect();
        for (own, other) in joints {
            let (Some(own_name), Some(other_id)) = (
                kind.connectors.get(own.connector as usize),
                self.connector_id(&other),
            ) else {
                continue;
            };
            let own_id = ConnectorId {
                part: part.id,
                connector: own_name.name.clone(),
            };
            let connection = Connection::between(own_id.clone(), other_id);
            let ends = if connection.a == own_id {
                [own, other.at]
            } else {
                [other.at, own]
            };
            for end in [connection.a.part, connection.b.part] {
                self.joints_of
                    .entry(end)
                    .or_default()
                    .push(connection.clone());
            }
            self.connections.insert(connection, ends);
        }
        for (connector_index, connector) in (0u32..).zip(&kind.connectors) {
            let frame = connector.world_frame(part.placement);
            self.connectors_at
                .entry(frame.position)
                .or_default()
                .push(PlacedConnector {
                    part: part.id,
                    at: ConnectorIndex {
                        kind: kind_index,
                        connector: connector_index,
                    },
                    frame,
                });
        }
        for aabb in Self::world_boxes(kind, part.placement) {
            self.grid.insert(part.id, aabb);
        }
        self.parts.insert(
            part.id,
            Entry {
                part,
                kind: kind_index,
            },
        );
        Ok(())
    }

    /// Takes a part out with its connections; `None` if there is no such part.
    pub fn remove(&mut self, id: PartId) -> Option<PlacedPart> {
        let Entry { part, kind } = self.parts.remove(&id)?;
        for connection in self.joints_of.remove(&id).unwrap_or_default() {
            let other = if connection.a.part == id {
                connection.b.part
            } else {
                connection.a.part
            };
            if let Some(theirs) = self.joints_of.get_mut(&other) {
                theirs.retain(|joint| !joint.touches(id));
                if theirs.is_empty() {
                    self.joints_of.remove(&other);
                }
            }
            self.connections.remove(&connection);
        }
        if let Some(kind) = self.catalog.parts.get(kind as usize) {
            for connector in &kind.connectors {
                let position = part.placement.point(connector.position);
                if let Some(here) = self.connectors_at.get_mut(&position) {
                    here.retain(|other| other.part != id);
                    if here.is_empty() {
                        self.connectors_at.remove(&position);
                    }
                }
            }
            for aabb in Self::world_boxes(kind, part.placement) {
                self.grid.remove(id, aabb);
            }
        }
        Some(part)
    }

    /// The connectors of part `id` that join nothing, in connector order (none for a part the
    /// assembly lacks): read from the connections kept, not searched for in space.
    pub fn open_connectors_of(&self, id: PartId) -> impl Iterator<Item = &Connector> {
        let entry = self.parts.get(&id);
        let joined: Vec<u32> = self
            .joints_of
            .get(&id)
            .into_iter()
            .flatten()
            .filter_map(|connection| {
                let [a, b] = self.connections.get(connection)?;
                Some(if connection.a.part == id { a } else { b }.connector)
            })
            .collect();
        entry
            .and_then(|entry| self.catalog.parts.get(entry.kind as usize))
            .into_iter()
            .flat_map(|kind| (0u32..).zip(&kind.connectors))
            .filter(move |(at, _)| !joined.contains(at))
            .map(|(_, connector)| connector)
    }

    /// The parts connected directly to `id`.
    pub fn neighbours(&self, id: PartId) -> BTreeSet<PartId> {
        self.joints_of
            .get(&id)
            .into_iter()
            .flatten()
            .map(|connection| {
                if connection.a.part == id {
                    connection.b.part
                } else {
                    connection.a.part
                }
            })
            .collect()
    }

    /// Whether a part stands on the floor (its lowest point is at height zero).
    pub fn is_grounded(&self, id: PartId) -> bool {
        self.kind_of(id)
            .zip(self.part(id))
            .is_some_and(|(kind, placed)| Self::stands_on_floor(kind, placed.placement))
    }

    /// Whether `kind` at `placement` stands on the floor (its lowest point is at height zero).
    pub(crate) fn stands_on_floor(kind: &PartKind, placement: Placement) -> bool {
        Self::bounds_of(kind, placement).is_some_and(|bounds| bounds.min.y == 0)
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
        self.support_without(removed).0
    }

    /// The parts [`Self::left_hanging_without`] names, with the parts that still reach a
    /// grounded part without `removed` (worked out on the way, for callers that need both).
    pub(crate) fn support_without(&self, removed: &[PartId]) -> (Vec<PartId>, BTreeSet<PartId>) {
        let before = self.grounded_reach(&[]);
        let after = self.grounded_reach(removed);
        let hanging = before
            .into_iter()
            .filter(|id| !removed.contains(id) && !after.contains(id))
            .collect();
        (hanging, after)
    }
}
