//! A catalog: one product system (its part kinds and finishes), as resolved and checked data.

use crate::{Finish, FinishId, LocalizedText, PartKindId, Shape};
use serde::{Deserialize, Serialize};

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
    /// Geometry in millimetres.
    pub shape: Shape,
    /// Finishes this kind is made in; the first is its default.
    pub finishes: Vec<FinishId>,
    /// Price in minor units of the catalog currency.
    pub price: i64,
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
}

impl Catalog {
    /// The part kind with this id, if the catalog has it.
    pub fn part(&self, id: &PartKindId) -> Option<&PartKind> {
        self.parts.iter().find(|part| &part.id == id)
    }

    /// The finish with this id, if the catalog has it.
    pub fn finish(&self, id: &FinishId) -> Option<&Finish> {
        self.finishes.iter().find(|finish| &finish.id == id)
    }

    /// The finish a part kind comes in unless the customer chooses another.
    pub fn default_finish(&self, kind: &PartKind) -> Option<&Finish> {
        kind.finishes.first().and_then(|id| self.finish(id))
    }
}
