//! The order document (`"schema": "snapkit.order/1"`): its wire types, which the published
//! JSON Schema is generated from. Amounts are integers in minor units of `currency`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use snapkit_core::Direction;

/// The schema tag of this version of the order format.
pub const ORDER_SCHEMA: &str = "snapkit.order/1";

/// An order: what the customer configured, priced, checked, and enough to rebuild it exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "snapkit order", extend("$id" = "https://snapkit.dev/schemas/snapkit.order-1.schema.json"))]
pub struct OrderDocument {
    /// Always `snapkit.order/1`.
    #[schemars(extend("const" = "snapkit.order/1"))]
    pub schema: String,
    /// The catalog the configuration was made from.
    pub catalog: CatalogReference,
    /// Identifies the configuration: the same parts in the same places give the same id.
    #[schemars(regex(pattern = r"^[0-9a-f]{16}$"))]
    pub configuration_id: String,
    /// The locale names and messages are in, e.g. `en` or `nb-NO`.
    pub locale: String,
    /// ISO 4217 code of every amount.
    #[schemars(regex(pattern = r"^[A-Z]{3}$"))]
    pub currency: String,
    /// One line per part kind and finish, in catalog order.
    pub lines: Vec<PartLine>,
    /// One line per hardware item the connections need, in catalog order.
    pub hardware: Vec<HardwareLine>,
    /// Sum of all lines at list price.
    pub subtotal: i64,
    /// Quantity discounts taken off.
    pub discount: i64,
    /// What the customer pays: `subtotal - discount`.
    pub total: i64,
    /// The configuration itself.
    pub assembly: AssemblyRecord,
    /// The self-contained link that reopens the configuration.
    pub share_link: String,
    /// What the rules said when the order was made.
    pub validity: Validity,
    /// When the order was made, RFC 3339 in UTC.
    pub created_at: String,
    /// The snapkit version that made it.
    pub app_version: String,
}

/// Which catalog, and exactly which content of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogReference {
    /// The catalog's id, e.g. `shelving`.
    pub id: String,
    /// Its version.
    pub version: String,
    /// Lowercase hex SHA-256 of its content.
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    pub content_hash: String,
}

/// Parts of one kind in one finish.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartLine {
    /// Stock keeping unit.
    pub sku: String,
    /// Part kind id.
    pub kind: String,
    /// Display name in the order's locale.
    pub name: String,
    /// Finish id.
    pub finish: String,
    /// How many.
    #[schemars(range(min = 1))]
    pub quantity: u32,
    /// List price of one.
    pub unit_price: i64,
    /// Quantity discount on the line.
    pub discount: i64,
    /// `quantity * unit_price - discount`.
    pub line_total: i64,
    /// The ids of the parts in `assembly` this line is for.
    pub parts: Vec<u32>,
}

/// Hardware the connections need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HardwareLine {
    /// Stock keeping unit.
    pub sku: String,
    /// Hardware id.
    pub hardware: String,
    /// Display name in the order's locale.
    pub name: String,
    /// How many.
    #[schemars(range(min = 1))]
    pub quantity: u32,
    /// List price of one.
    pub unit_price: i64,
    /// `quantity * unit_price`.
    pub line_total: i64,
}

/// The placed parts and their connections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssemblyRecord {
    /// Every part, in id order.
    pub parts: Vec<PartRecord>,
    /// Every pair of joined connectors.
    pub connections: Vec<ConnectionRecord>,
}

/// One placed part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartRecord {
    /// Its id in this order, from 1.
    #[schemars(range(min = 1))]
    pub id: u32,
    /// Part kind id.
    pub kind: String,
    /// Finish id.
    pub finish: String,
    /// Where the part's origin is, in micrometres (Y up).
    pub position_um: [i32; 3],
    /// Its orientation: where its own +X and +Y axes point.
    pub rotation: RotationRecord,
}

/// A quarter-turn orientation, as where the part's +X and +Y axes point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RotationRecord {
    /// Where the part's +X axis points.
    pub x: Direction,
    /// Where the part's +Y axis points.
    pub y: Direction,
}

/// Two joined connectors.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConnectionRecord {
    /// One end.
    pub a: ConnectorRecord,
    /// The other end.
    pub b: ConnectorRecord,
}

/// A connector of a placed part.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConnectorRecord {
    /// The part's id.
    pub part: u32,
    /// The connector's name in the part's kind.
    pub connector: String,
}

/// The rules' verdict. Orders exist only for configurations without errors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Validity {
    /// Always true: an order is only made from a configuration that breaks no error rule.
    #[schemars(extend("const" = true))]
    pub orderable: bool,
    /// Warning-severity rules it still breaks.
    pub warnings: Vec<WarningRecord>,
}

/// One warning the customer saw and ordered anyway.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WarningRecord {
    /// The rule's id.
    pub rule: String,
    /// The reason, in the order's locale.
    pub message: String,
    /// The parts involved.
    pub parts: Vec<u32>,
}
