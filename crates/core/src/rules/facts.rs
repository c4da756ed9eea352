//! What every rule asks about an assembly, worked out once per check: each part with its
//! kind, who is attached to whom through which connectors, and the connected groups.

use crate::assembly::{Assembly, PlacedPart};
use crate::catalog::PartKind;
use crate::geometry::{Aabb, COLLISION_TOLERANCE_UM};
use crate::{ConnectorName, PartId};
use glam::IVec3;

/// One end of a connection, seen from a part.
#[derive(Clone, Copy, Debug)]
pub struct Link<'a> {
    /// This part's connector.
    pub own: &'a ConnectorName,
    /// The part at the other end (an index into [`Facts::parts`]).
    pub other: usize,
    /// Whether this part rests on the other there: it sits on top of it (its lowest point is
    /// at or above the other's highest, within the collision tolerance). Worked out from the
    /// parts' bounds rather than the connectors' normals, which would need a connector lookup
    /// by name for every connection end.
    pub rests_on: bool,
}

/// A placed part with its kind.
#[derive(Clone, Copy, Debug)]
pub struct PartFacts<'a> {
    /// The part.
    pub placed: &'a PlacedPart,
    /// Its kind.
    pub kind: &'a PartKind,
    /// The box around its collision volumes.
    pub bounds: Option<Aabb>,
}

/// An assembly prepared for rule checks.
pub struct Facts<'a> {
    /// The assembly.
    pub assembly: &'a Assembly,
    /// Parts in id order; parts whose kind the catalog lacks are left out.
    pub parts: Vec<PartFacts<'a>>,
    /// Connections of each part.
    pub links: Vec<Vec<Link<'a>>>,
    /// The connected group of each part (numbered from 0 in part order).
    pub group: Vec<usize>,
    /// How many groups there are.
    pub group_count: usize,
}

impl<'a> Facts<'a> {
    /// Works out the facts of `assembly`.
    pub fn of(assembly: &'a Assembly) -> Self {
        let parts: Vec<PartFacts<'a>> = assembly
            .parts()
            .filter_map(|placed| {
                let kind = assembly.kind_of(placed.id)?;
                let bounds = Assembly::world_boxes(kind, placed.placement).reduce(Aabb::union);
                Some(PartFacts {
                    placed,
                    kind,
                    bounds,
                })
            })
            .collect();
        // Parts come in id order, so a part's index is a binary search away; ids are usually
        // 1, 2, 3, ..., so the guess `id - 1` is tried first.
        let index = |id: &PartId| {
            let guess = (id.0 as usize).wrapping_sub(1);
            match parts.get(guess) {
                Some(part) if part.placed.id == *id => Some(guess),
                _ => parts.binary_search_by_key(id, |part| part.placed.id).ok(),
            }
        };
        let mut links: Vec<Vec<Link<'a>>> = vec![Vec::new(); parts.len()];
        for connection in assembly.connections() {
            let (Some(a), Some(b)) = (index(&connection.a.part), index(&connection.b.part)) else {
                continue;
            };
            let sits_on =
                |upper: usize, lower: usize| match (parts[upper].bounds, parts[lower].bounds) {
                    (Some(upper), Some(lower)) => {
                        upper.min.y >= lower.max.y - COLLISION_TOLERANCE_UM
                    }
                    _ => false,
                };
            links[a].push(Link {
                own: &connection.a.connector,
                other: b,
                rests_on: sits_on(a, b),
            });
            links[b].push(Link {
                own: &connection.b.connector,
                other: a,
                rests_on: sits_on(b, a),
            });
        }
        let (group, group_count) = groups(&links);
        Self {
            assembly,
            parts,
            links,
            group,
            group_count,
        }
    }

    /// The ids of the parts at these indices.
    pub fn ids(&self, indices: impl IntoIterator<Item = usize>) -> Vec<PartId> {
        indices
            .into_iter()
            .map(|at| self.parts[at].placed.id)
            .collect()
    }

    /// The size of the box around the parts at `indices`.
    pub fn extent(&self, indices: &[usize]) -> Option<IVec3> {
        indices
            .iter()
            .filter_map(|&at| self.parts[at].bounds)
            .reduce(Aabb::union)
            .map(Aabb::size)
    }

    /// The parts of each group (all parts in one group when `per_group` is false).
    pub fn scopes(&self, per_group: bool) -> Vec<Vec<usize>> {
        if per_group {
            let mut scopes = vec![Vec::new(); self.group_count];
            for (at, &group) in self.group.iter().enumerate() {
                scopes[group].push(at);
            }
            scopes
        } else {
            vec![(0..self.parts.len()).collect()]
        }
    }
}

/// Numbers the connected groups, in order of each group's first part.
fn groups(links: &[Vec<Link<'_>>]) -> (Vec<usize>, usize) {
    let mut group = vec![usize::MAX; links.len()];
    let mut count = 0;
    for start in 0..links.len() {
        if group[start] != usize::MAX {
            continue;
        }
        group[start] = count;
        let mut frontier = vec![start];
        while let Some(at) = frontier.pop() {
            for link in &links[at] {
                if group[link.other] == usize::MAX {
                    group[link.other] = count;
                    frontier.push(link.other);
                }
            }
        }
        count += 1;
    }
    (group, count)
}
