//! snapkit-core: the product system as data and the assemblies built from it.
//!
//! Pure Rust: no engine, UI or web dependency, no I/O, and no panic on user data.
//! Everything the configurator shows (3D scene, panels, orders) is a projection of
//! values defined here.

pub mod catalog;
pub mod finish;
pub mod ids;
pub mod localized_text;
pub mod shape;

pub use catalog::{Catalog, CatalogMeta, PartKind};
pub use finish::{Finish, Srgb};
pub use ids::{FinishId, PartId, PartKindId};
pub use localized_text::{Locale, LocalizedText};
pub use shape::Shape;
