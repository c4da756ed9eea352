//! Stage two of a share link: a [`RawLink`] against a catalog, into an assembly.
//!
//! Every id is looked up first and every missing one reported together; then the parts are
//! placed in order, each attached part checked to really mate where the link says.

use super::LinkError;
use super::layout::hash_prefix;
use super::raw::{Anchor, RawLink};
use snapkit_core::connector::frames_mate;
use snapkit_core::{
    Assembly, Catalog, ConnectorName, FinishId, Locale, PartId, PartKind, PartKindId, PlacedPart,
    Placement, Rotation,
};
use std::collections::BTreeSet;
use std::sync::Arc;

/// A link opened against a catalog.
#[derive(Clone, Debug)]
pub struct OpenedLink {
    /// The configuration it carries, parts numbered from 1 in link order.
    pub assembly: Assembly,
    /// Set when the link was made for another version of the catalog (it opened anyway).
    pub made_for_version: Option<String>,
}

/// Builds the assembly `raw` describes from `catalog`.
pub fn rebuild(raw: &RawLink, catalog: &Arc<Catalog>) -> Result<OpenedLink, LinkError> {
    let meta = &catalog.meta;
    if raw.catalog_id != meta.id {
        return Err(LinkError::WrongCatalog {
            link_catalog: raw.catalog_id.clone(),
            link_version: raw.catalog_version.clone(),
            catalog: meta.id.clone(),
        });
    }
    let kinds = resolve(raw, catalog)?;
    let mut assembly = Assembly::new(Arc::clone(catalog));
    let mut placed: Vec<Placement> = Vec::with_capacity(raw.parts.len());
    for (at, (part, kind)) in raw.parts.iter().zip(&kinds).enumerate() {
        let unbuildable = |reason: String| LinkError::Unbuildable {
            catalog: raw.catalog_id.clone(),
            version: raw.catalog_version.clone(),
            part: at + 1,
            kind: kind.name.get(&Locale::english()).to_owned(),
            reason,
        };
        let rotation = Rotation::from_index(part.rotation)
            .ok_or_else(|| unbuildable("it has no valid rotation".to_owned()))?;
        let placement = match &part.anchor {
            Anchor::Absolute(position) => Placement {
                rotation,
                translation: glam::IVec3::from_array(*position),
            },
            Anchor::Attached { parent, onto, own } => {
                attached_placement(&kinds, &placed, *parent, onto, kind, own, rotation, catalog)
                    .ok_or_else(|| {
                        unbuildable(format!(
                            "its connector '{own}' does not fit connector '{onto}' of part {}",
                            parent + 1
                        ))
                    })?
            }
        };
        assembly
            .insert(PlacedPart {
                id: PartId(u32::try_from(at + 1).unwrap_or(u32::MAX)),
                kind: kind.id.clone(),
                finish: FinishId::new(&part.finish),
                placement,
            })
            .map_err(|error| unbuildable(error.to_string()))?;
        placed.push(placement);
    }
    let made_for_version =
        (hash_prefix(&meta.content_hash) != raw.catalog_hash).then(|| raw.catalog_version.clone());
    Ok(OpenedLink {
        assembly,
        made_for_version,
    })
}

/// Where a part goes when its connector `own` sits on connector `onto` of an earlier part,
/// turned by `rotation`; `None` unless the two connectors really mate there.
#[expect(
    clippy::too_many_arguments,
    reason = "one attachment's every input, named"
)]
fn attached_placement(
    kinds: &[&PartKind],
    placed: &[Placement],
    parent: usize,
    onto: &str,
    kind: &PartKind,
    own: &str,
    rotation: Rotation,
    catalog: &Catalog,
) -> Option<Placement> {
    let parent_connector = kinds.get(parent)?.connector(&ConnectorName::new(onto))?;
    let own_connector = kind.connector(&ConnectorName::new(own))?;
    let target = parent_connector.world_frame(*placed.get(parent)?);
    let placement = Placement {
        rotation,
        translation: target.position - rotation.vector(own_connector.position),
    };
    let turns = catalog.mating_turns(parent_connector, own_connector)?;
    frames_mate(target, own_connector.world_frame(placement), turns).then_some(placement)
}

/// The kind of every part, or every id the catalog no longer has, reported together.
fn resolve<'a>(raw: &RawLink, catalog: &'a Catalog) -> Result<Vec<&'a PartKind>, LinkError> {
    let mut missing_kinds = BTreeSet::new();
    let mut problems = BTreeSet::new();
    let mut kinds = Vec::with_capacity(raw.parts.len());
    for part in &raw.parts {
        let Some(kind) = catalog.part(&PartKindId::new(&part.kind)) else {
            missing_kinds.insert(part.kind.clone());
            continue;
        };
        let finish = FinishId::new(&part.finish);
        if catalog.finish(&finish).is_none() {
            problems.insert(format!("finish '{}' no longer exists", part.finish));
        } else if !kind.finishes.contains(&finish) {
            problems.insert(format!(
                "'{}' is no longer made in '{}'",
                part.kind, part.finish
            ));
        }
        if let Anchor::Attached { own, .. } = &part.anchor
            && kind.connector(&ConnectorName::new(own)).is_none()
        {
            problems.insert(format!("'{}' has no connector '{own}' any more", part.kind));
        }
        kinds.push(kind);
    }
    // A parent's connector can only be checked once every kind is known.
    if missing_kinds.is_empty() {
        for part in &raw.parts {
            if let Anchor::Attached { parent, onto, .. } = &part.anchor
                && let Some(parent_kind) = kinds.get(*parent)
                && parent_kind.connector(&ConnectorName::new(onto)).is_none()
            {
                problems.insert(format!(
                    "'{}' has no connector '{onto}' any more",
                    parent_kind.id
                ));
            }
        }
    }
    if !missing_kinds.is_empty() {
        let list: Vec<_> = missing_kinds.into_iter().collect();
        problems.insert(format!("some parts no longer exist: {}", list.join(", ")));
    }
    if problems.is_empty() {
        Ok(kinds)
    } else {
        Err(LinkError::Outdated {
            catalog: raw.catalog_id.clone(),
            version: raw.catalog_version.clone(),
            problems: problems.into_iter().collect(),
        })
    }
}
