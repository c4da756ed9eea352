//! The typed messages that cross between the UI and the scene.

use crate::SceneSnapshot;

/// A command from the UI to the scene.
#[derive(Clone, Debug, PartialEq)]
pub enum ToScene {
    /// Draw this snapshot instead of the current one.
    ShowSnapshot(SceneSnapshot),
    /// Move the camera so the whole assembly is in view.
    FitToView,
}

/// A fact the scene reports to the UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FromScene {
    /// The renderer started and drew its first frame.
    Started,
    /// A snapshot with this many parts is now on screen.
    SnapshotShown {
        /// Number of parts drawn.
        parts: usize,
    },
}
