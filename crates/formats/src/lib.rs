//! snapkit-formats: the versioned outside contracts of snapkit.
//!
//! Only this crate knows wire encodings. Untrusted input goes through two stages:
//! a raw parse with limits, then resolution and checks against the catalog model
//! of `snapkit-core`, with every problem reported at its JSON path.

pub mod autosave;
pub mod catalog_file;
pub mod catalog_list;
mod catalog_models;
mod content_hash;
pub mod embed_protocol;
pub mod gltf_export;
mod json_input;
mod json_locate;
pub mod model_file;
pub mod order;
pub mod schemas;
pub mod share_link;

pub use autosave::{AutosaveError, RestoredAutosave, autosave, restore};
pub use catalog_file::{CatalogError, CatalogProblem, load_catalog};
pub use catalog_list::{ListedCatalog, is_catalog_id, read_catalog_list};
pub use catalog_models::{attach_models, attach_models_from_folder};
pub use json_input::SyntaxError;
pub use model_file::{ModelError, read_model};
pub use order::{OrderContext, OrderDocument, OrderError, Verification, read_order, verify_order};
pub use share_link::{LinkError, OpenedLink, configuration_id, open_link, share_code, share_url};
