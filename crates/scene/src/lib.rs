//! snapkit-scene: the Bevy scene that draws an assembly and turns taps and drags into
//! proposed edits.
//!
//! The scene is a projection: it draws the snapshots it receives through the bridge,
//! snaps dragged parts with `core`, and reports facts and proposed edits back; it never owns
//! or changes the configuration. Each feature is one file with one `plugin` function;
//! [`ScenePlugin`] composes them.

use bevy::prelude::*;
use snapkit_bridge::SceneEnd;

mod assembly_view;
mod bridge_link;
mod canvas_resolution;
mod drag_and_snap;
mod finish_materials;
mod orbit_camera;
mod part_frames;
mod part_picking;
mod shape_meshes;
mod spot_markers;
mod stage;
#[cfg(test)]
mod test_scene;

pub use bridge_link::{SceneCommand, SceneFact};
pub use canvas_resolution::{MAX_CANVAS_SIDE_PX, MAX_PIXEL_RATIO};

/// Everything the configurator's scene does, given the scene's end of the bridge.
pub struct ScenePlugin {
    /// Where commands come from and facts go to.
    pub bridge: SceneEnd,
}

impl Plugin for ScenePlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(bridge_link::BridgeLink(self.bridge.clone()));
        bridge_link::plugin(app);
        finish_materials::plugin(app);
        assembly_view::plugin(app);
        stage::plugin(app);
        orbit_camera::plugin(app);
        drag_and_snap::plugin(app);
        part_picking::plugin(app);
        part_frames::plugin(app);
        spot_markers::plugin(app);
        canvas_resolution::plugin(app);
    }
}

/// Starts the renderer in the `<canvas>` that `canvas_selector` names (e.g. `#snapkit-canvas`).
///
/// Call once per page, after the canvas is in the document: winit allows one event loop
/// per page, and Bevy looks the canvas up when it starts. On the web this returns at once
/// and the scene keeps running from the browser's animation frames.
pub fn run_in_canvas(canvas_selector: &str, bridge: SceneEnd) {
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "snapkit".to_owned(),
                canvas: Some(canvas_selector.to_owned()),
                fit_canvas_to_parent: true,
                prevent_default_event_handling: true,
                ..default()
            }),
            ..default()
        }))
        .add_plugins(ScenePlugin { bridge })
        .run();
}
