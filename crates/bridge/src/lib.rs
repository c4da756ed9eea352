//! snapkit-bridge: the only meeting point of the UI and the 3D scene.
//!
//! One typed message per fact, in bounded channels. The UI owns the configuration and
//! sends the scene snapshots to draw ([`ToScene`]); the scene reports facts back
//! ([`FromScene`]). Neither side knows the other's framework.

pub mod channel;
pub mod messages;
pub mod snapshot;

pub use channel::{SceneEnd, UiEnd, connect};
pub use messages::{DragCommand, DragOutcome, DragPreview, FromScene, ToScene};
pub use snapshot::{PartLook, PartMark, ScenePart, SceneSnapshot};
