//! Integer indices into one catalog, built once per assembly, so that the hot paths (snapping,
//! connecting, collision) never look a kind, connector or mating rule up by its id string.

use crate::catalog::{Catalog, PartKind};
use crate::connector::QuarterTurns;
use crate::{ConnectorTypeId, PartKindId};
use glam::IVec3;
use rustc_hash::FxHashMap;

/// A connector by position: its part kind's index in the catalog and its own in the kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ConnectorIndex {
    /// Index into [`Catalog::parts`].
    pub(crate) kind: u32,
    /// Index into that kind's [`PartKind::connectors`].
    pub(crate) connector: u32,
}

/// What mating needs to know of one connector.
#[derive(Clone, Copy, Debug)]
struct MatingKey {
    connector_type: usize,
    rotations: QuarterTurns,
}

/// A ball around all of a kind's connectors, in the part's frame (micrometres).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ConnectorBall {
    /// Its centre.
    pub(crate) centre: IVec3,
    /// Its radius, rounded up.
    pub(crate) radius: f32,
}

/// The catalog's kinds by id and its mating relation as a table.
#[derive(Debug)]
pub(crate) struct CatalogIndex {
    kinds: FxHashMap<PartKindId, u32>,
    /// Per kind: the ball around its connectors (`None`: it has none).
    connector_balls: Vec<Option<ConnectorBall>>,
    /// Per kind, per connector.
    keys: Vec<Vec<MatingKey>>,
    type_count: usize,
    /// `mates[a * type_count + b]`: whether types `a` and `b` mate.
    mates: Vec<bool>,
}

impl CatalogIndex {
    /// Indexes `catalog`: every type it names (declared, mated with, or on a connector) mates
    /// as [`Catalog::types_mate`] says.
    pub(crate) fn new(catalog: &Catalog) -> Self {
        let mut types: Vec<&ConnectorTypeId> = Vec::new();
        let named = catalog
            .connector_types
            .iter()
            .flat_map(|declared| std::iter::once(&declared.id).chain(&declared.mates))
            .chain(
                catalog
                    .parts
                    .iter()
                    .flat_map(|kind| kind.connectors.iter().map(|c| &c.connector_type)),
            );
        for id in named {
            if !types.contains(&id) {
                types.push(id);
            }
        }
        let type_count = types.len();
        let type_index = |id| types.iter().position(|known| *known == id).unwrap_or(0);
        let mut mates = vec![false; type_count * type_count];
        for (a, first) in types.iter().enumerate() {
            for (b, second) in types.iter().enumerate() {
                mates[a * type_count + b] = catalog.types_mate(first, second);
            }
        }
        Self {
            kinds: catalog
                .parts
                .iter()
                .enumerate()
                .filter_map(|(at, kind)| Some((kind.id.clone(), u32::try_from(at).ok()?)))
                .collect(),
            connector_balls: catalog.parts.iter().map(connector_ball).collect(),
            keys: catalog
                .parts
                .iter()
                .map(|kind| {
                    kind.connectors
                        .iter()
                        .map(|connector| MatingKey {
                            connector_type: type_index(&connector.connector_type),
                            rotations: connector.rotations,
                        })
                        .collect()
                })
                .collect(),
            type_count,
            mates,
        }
    }

    /// The index of the kind with this id.
    pub(crate) fn kind_index(&self, id: &PartKindId) -> Option<u32> {
        self.kinds.get(id).copied()
    }

    /// The kind with this id, found by hash rather than by scanning the catalog.
    pub(crate) fn kind<'c>(&self, catalog: &'c Catalog, id: &PartKindId) -> Option<&'c PartKind> {
        catalog.parts.get(self.kind_index(id)? as usize)
    }

    /// The ball around the connectors of the kind at `kind` (an index into the catalog's parts).
    pub(crate) fn connector_ball(&self, kind: u32) -> Option<ConnectorBall> {
        self.connector_balls.get(kind as usize).copied().flatten()
    }

    /// The turns two connectors accept together, if their types mate at all.
    pub(crate) fn mating_turns(
        &self,
        a: ConnectorIndex,
        b: ConnectorIndex,
    ) -> Option<QuarterTurns> {
        let key = |at: ConnectorIndex| {
            self.keys
                .get(at.kind as usize)?
                .get(at.connector as usize)
                .copied()
        };
        let (a, b) = (key(a)?, key(b)?);
        self.mates
            .get(a.connector_type * self.type_count + b.connector_type)
            .copied()
            .unwrap_or(false)
            .then(|| a.rotations.intersection(b.rotations))
    }
}

/// The ball around a kind's connector positions: centred on their bounding box.
fn connector_ball(kind: &PartKind) -> Option<ConnectorBall> {
    let positions = kind.connectors.iter().map(|connector| connector.position);
    let low = positions.clone().reduce(IVec3::min)?;
    let high = positions.clone().reduce(IVec3::max)?;
    let centre = (low + high) / 2;
    let radius = positions
        .map(|position| (position - centre).as_vec3().length())
        .fold(0.0, f32::max);
    // One micrometre more covers the rounding of the centre and of the lengths.
    Some(ConnectorBall {
        centre,
        radius: radius + 1.0,
    })
}
