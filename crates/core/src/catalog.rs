//! A catalog: one product system (its part kinds and finishes), as resolved and checked data.

use crate::assembly::{Assembly, PlacedPart};
use crate::connector::{Connector, ConnectorType, QuarterTurns};
use crate::edit::Edit;
use crate::geometry::Aabb;
use crate::guided_start::GuidedStart;
use crate::model_meshes::ModelMeshes;
use crate::pricing::{Hardware, QuantityBreak};
use crate::rules::Rule;
use crate::{
    ConnectorName, ConnectorTypeId, Finish, FinishId, Locale, LocalizedText, PartId, PartKindId,
    Shape,
};
use glam::IVec3;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Who a catalog is and which version of it this is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogMeta {
    /// Stable id of the product system, e.g. `shelving`.
    pub id: String,
    /// The catalog's own version, chosen by its author.
    pub version: String,
    /// Display name per locale.
    pub name: LocalizedText,
    /// ISO 4217 currency code that prices are in.
    pub currency: String,
    /// The grid parts snap to on the floor, in micrometres (e.g. the 8 mm stud pitch).
    pub snap_grid_um: i32,
    /// A hash of the catalog's content (lowercase hex SHA-256), so that orders and links made
    /// for one version of a catalog are recognised when it has changed since.
    pub content_hash: String,
}

/// One kind of part that can be placed, e.g. a 750 mm frame.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartKind {
    /// The kind's id in its catalog.
    pub id: PartKindId,
    /// Stock keeping unit the factory orders it by.
    pub sku: String,
    /// Display name per locale.
    pub name: LocalizedText,
    /// Grouping shown in the catalog panel, e.g. `frames`.
    pub category: String,
    /// Free labels rules can select by, e.g. `door` or `glass`.
    pub tags: Vec<String>,
    /// What it looks like, in micrometres.
    pub shape: Shape,
    /// The volumes no other part may enter, in the part's frame (at least one).
    pub collision: Vec<Aabb>,
    /// Finishes this kind is made in; the first is its default.
    pub finishes: Vec<FinishId>,
    /// Price in minor units of the catalog currency.
    pub price: i64,
    /// Prices that differ from `price` in particular finishes.
    pub finish_prices: BTreeMap<FinishId, i64>,
    /// Lower unit prices for many equal parts.
    pub quantity_breaks: Vec<QuantityBreak>,
    /// Weight in grams.
    pub weight_g: u32,
    /// The weight of what it is expected to hold (books on a shelf), in grams.
    pub contents_g: u32,
    /// The weight it can carry, in grams, if it carries any.
    pub load_capacity_g: Option<u32>,
    /// Where other parts attach.
    pub connectors: Vec<Connector>,
}

impl PartKind {
    /// The connector with this name.
    pub fn connector(&self, name: &ConnectorName) -> Option<&Connector> {
        self.connectors
            .iter()
            .find(|connector| &connector.name == name)
    }
}

/// A ready-made product to start from (a sideboard, a three-seater), as the catalog offers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    /// Unique within its catalog, e.g. `sideboard`.
    pub id: String,
    /// Display name per locale.
    pub name: LocalizedText,
    /// Its parts, ids from 1, placed and in the finishes the catalog chose; checked when the
    /// catalog was loaded to connect, not to overlap, and to break no error rule.
    pub parts: Vec<PlacedPart>,
}

impl Preset {
    /// The one edit that replaces everything in `assembly` by this preset (so one undo brings
    /// the customer's own configuration back). The preset's parts get ids after the
    /// assembly's, so no id is used twice in one history.
    pub fn replacing(&self, assembly: &Assembly) -> Edit {
        let first = assembly.next_part_id().0;
        let removals = assembly.parts().map(|part| Edit::RemovePart(part.id));
        let placements = (first..).zip(&self.parts).map(|(id, part)| {
            Edit::PlacePart(PlacedPart {
                id: PartId(id),
                ..part.clone()
            })
        });
        Edit::Batch(removals.chain(placements).collect())
    }
}

/// A resolved catalog. Every id it refers to exists: construct it through `snapkit-formats`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Identity and currency.
    pub meta: CatalogMeta,
    /// Part kinds in display order.
    pub parts: Vec<PartKind>,
    /// Finishes in display order.
    pub finishes: Vec<Finish>,
    /// Connector types; mating is symmetric.
    pub connector_types: Vec<ConnectorType>,
    /// Hardware the connections need.
    pub hardware: Vec<Hardware>,
    /// What a configuration must satisfy.
    pub rules: Vec<Rule>,
    /// Ready-made products to start from, in display order.
    pub presets: Vec<Preset>,
    /// The needs questions of its guided start, if it has one.
    #[serde(default)]
    pub guided_start: Option<GuidedStart>,
    /// The part categories' names, by category id (a category without one is shown by its id).
    #[serde(default)]
    pub category_names: BTreeMap<String, LocalizedText>,
    /// The triangles of the glTF models its shapes name, as far as they have been loaded
    /// (files beside the catalog, not part of its content: never serialised).
    #[serde(skip)]
    pub models: ModelMeshes,
}

impl Catalog {
    /// Every model file the part kinds draw, with the box it fills.
    pub fn model_files(&self) -> BTreeMap<Arc<str>, IVec3> {
        self.parts
            .iter()
            .flat_map(|part| part.shape.models())
            .map(|(file, size)| (file.clone(), size))
            .collect()
    }

    /// The name of the part category `category` in `locale`, or the category's id when the
    /// catalog names it not.
    pub fn category_name<'a>(&'a self, category: &'a str, locale: &Locale) -> &'a str {
        self.category_names
            .get(category)
            .map_or(category, |name| name.get(locale))
    }

    /// The part kind with this id, if the catalog has it.
    pub fn part(&self, id: &PartKindId) -> Option<&PartKind> {
        self.parts.iter().find(|part| &part.id == id)
    }

    /// The finish with this id, if the catalog has it.
    pub fn finish(&self, id: &FinishId) -> Option<&Finish> {
        self.finishes.iter().find(|finish| &finish.id == id)
    }

    /// Whether connectors of these two types mate (in either order).
    pub fn types_mate(&self, a: &ConnectorTypeId, b: &ConnectorTypeId) -> bool {
        let declares = |from: &ConnectorTypeId, to: &ConnectorTypeId| {
            self.connector_types
                .iter()
                .any(|kind| &kind.id == from && kind.mates.contains(to))
        };
        declares(a, b) || declares(b, a)
    }

    /// The turns two connectors accept together, if their types mate at all.
    pub fn mating_turns(&self, a: &Connector, b: &Connector) -> Option<QuarterTurns> {
        self.types_mate(&a.connector_type, &b.connector_type)
            .then(|| a.rotations.intersection(b.rotations))
    }

    /// The finish a part kind comes in unless the customer chooses another.
    pub fn default_finish(&self, kind: &PartKind) -> Option<&Finish> {
        kind.finishes.first().and_then(|id| self.finish(id))
    }
}
