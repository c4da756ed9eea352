//! snapkit-core: the product system as data and the assemblies built from it.
//!
//! Pure Rust: no engine, UI or web dependency, no I/O, and no panic on user data.
//! Everything the configurator shows (3D scene, panels, orders) is a projection of
//! values defined here.

pub mod assembly;
pub mod catalog;
mod catalog_index;
pub mod checked;
pub mod connector;
pub mod edit;
pub mod finish;
pub mod finish_choice;
pub mod geometry;
pub mod guided_start;
pub mod ids;
pub mod in_place;
pub mod localized_text;
pub mod model_meshes;
mod move_support;
pub mod picking;
pub mod pricing;
pub mod rules;
pub mod session;
pub mod shape;
pub mod shape_mesh;
pub mod snapping;
pub mod solution_space;
mod spatial_grid;

pub use assembly::{Assembly, Connection, PlacedPart, PlacementError};
pub use catalog::{Catalog, CatalogMeta, PartKind, Preset};
pub use checked::{CheckedConfiguration, Unorderable};
pub use connector::{Connector, ConnectorType, QuarterTurns};
pub use edit::{Applied, Edit, EditError};
pub use finish::{Finish, Srgb};
pub use geometry::{Aabb, Direction, Placement, Rotation};
pub use ids::{
    ConnectorId, ConnectorName, ConnectorTypeId, FinishId, HardwareId, PartId, PartKindId, RuleId,
};
pub use localized_text::{Locale, LocalizedText};
pub use model_meshes::ModelMeshes;
pub use pricing::{
    BillOfMaterials, BomLine, Hardware, HardwareNeed, LineItem, QuantityBreak, bill_of_materials,
    price_change,
};
pub use rules::{Reach, Repair, Rule, RuleKind, Scope, Selector, Severity, Violation, check};
pub use session::Session;
pub use shape::{Piece, Primitive, Shape};
