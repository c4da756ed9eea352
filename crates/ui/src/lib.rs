//! snapkit-ui: the Yew half of the configurator, the part the customer reads and taps.
//!
//! The UI owns the configuration; the 3D scene only draws what the UI sends it over the
//! bridge. This crate knows nothing of Bevy.

mod autosave;
mod catalog_menu;
mod catalog_panel;
mod catalog_reach;
mod configuration;
mod configurator;
mod context_loss;
mod drag_hint;
mod edit_names;
mod embedding;
mod error_text;
mod file_download;
mod guided_start;
mod inspector;
mod kept_selection;
mod kiosk;
mod model_export;
mod money;
mod open_spots;
mod order_export;
mod order_review;
mod page_locale;
mod part_chooser;
mod part_drawing;
mod preset_picker;
mod price_panel;
mod recovery;
mod repair_text;
mod restore_offer;
mod rules_panel;
mod scene_canvas;
mod share_link;
mod starting_session;
mod status_line;
mod timeline_marks;
mod toolbar;
mod ui_text;
mod workspace;

pub use configurator::{CatalogState, Configurator, ConfiguratorProps};
pub use recovery::{RECOVERY_ID, install_panic_screen, show_recovery_screen};
pub use scene_canvas::CANVAS_ID;
pub use share_link::link_in_address;
