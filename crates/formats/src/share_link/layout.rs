//! From an assembly to a [`RawLink`]: each part after the first of its group is given by the
//! connector it snaps to on a part encoded before it, so positions cost a few bytes each.

use super::raw::{Anchor, HASH_PREFIX_BYTES, RawLink, RawPart};
use snapkit_core::{Assembly, ConnectorId, ConnectorName, PartId, PlacedPart};
use std::collections::{BTreeMap, HashMap, VecDeque};

/// The link form of `assembly`: parts in breadth-first order from the lowest part of each group.
pub fn raw_link(assembly: &Assembly) -> RawLink {
    let mut joined: BTreeMap<PartId, Vec<(&ConnectorName, &ConnectorId)>> = BTreeMap::new();
    for connection in assembly.connections() {
        joined
            .entry(connection.a.part)
            .or_default()
            .push((&connection.a.connector, &connection.b));
        joined
            .entry(connection.b.part)
            .or_default()
            .push((&connection.b.connector, &connection.a));
    }
    // Ids do not matter to a link: order by place and connector names, so that the same
    // product always gives the same code however it was built.
    for ends in joined.values_mut() {
        ends.sort_by_key(|(own, other)| {
            (
                *own,
                &other.connector,
                assembly.part(other.part).map(place_key),
            )
        });
    }
    let mut roots: Vec<&PlacedPart> = assembly.parts().collect();
    roots.sort_by_key(|part| place_key(part));
    let mut position_of: HashMap<PartId, usize> = HashMap::new();
    let mut parts = Vec::with_capacity(assembly.len());
    for root in roots {
        if position_of.contains_key(&root.id) {
            continue;
        }
        position_of.insert(root.id, parts.len());
        parts.push(raw_part(
            root,
            Anchor::Absolute(root.placement.translation.to_array()),
        ));
        let mut queue = VecDeque::from([root.id]);
        while let Some(current) = queue.pop_front() {
            let parent = position_of[&current];
            for (onto, other) in joined.get(&current).into_iter().flatten() {
                let Some(placed) = assembly.part(other.part) else {
                    continue;
                };
                if position_of.contains_key(&other.part) {
                    continue;
                }
                position_of.insert(other.part, parts.len());
                parts.push(raw_part(
                    placed,
                    Anchor::Attached {
                        parent,
                        onto: onto.to_string(),
                        own: other.connector.to_string(),
                    },
                ));
                queue.push_back(other.part);
            }
        }
    }
    let meta = &assembly.catalog().meta;
    RawLink {
        catalog_id: meta.id.clone(),
        catalog_version: meta.version.clone(),
        catalog_hash: hash_prefix(&meta.content_hash),
        parts,
    }
}

/// Lowest first, then left to right, back to front; then what it is.
fn place_key(part: &PlacedPart) -> (i32, i32, i32, u8, &str, &str) {
    let [x, y, z] = part.placement.translation.to_array();
    (
        y,
        x,
        z,
        part.placement.rotation.index(),
        part.kind.as_str(),
        part.finish.as_str(),
    )
}

fn raw_part(part: &PlacedPart, anchor: Anchor) -> RawPart {
    RawPart {
        kind: part.kind.to_string(),
        finish: part.finish.to_string(),
        rotation: part.placement.rotation.index(),
        anchor,
    }
}

/// The first bytes of a hex content hash (zeros where it is not hex).
pub fn hash_prefix(content_hash: &str) -> [u8; HASH_PREFIX_BYTES] {
    let mut prefix = [0; HASH_PREFIX_BYTES];
    for (at, byte) in prefix.iter_mut().enumerate() {
        *byte = content_hash
            .get(at * 2..at * 2 + 2)
            .and_then(|pair| u8::from_str_radix(pair, 16).ok())
            .unwrap_or(0);
    }
    prefix
}
