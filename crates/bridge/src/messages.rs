//! The typed messages that cross between the UI and the scene.

use crate::SceneSnapshot;
use glam::Vec2;
use snapkit_core::snapping::Refusal;
use snapkit_core::{ConnectorId, Edit, PartId, PartKindId};

/// A command from the UI to the scene.
#[derive(Clone, Debug, PartialEq)]
pub enum ToScene {
    /// Draw this snapshot instead of the current one.
    ShowSnapshot(SceneSnapshot),
    /// Move the camera so the whole assembly is in view.
    FitToView,
    /// Move the camera so these parts are in view (a rule's parts, tapped in the rules panel).
    Focus(Vec<PartId>),
    /// A drag that the UI follows (a part pulled out of the catalog panel).
    Drag(DragCommand),
}

/// One step of a drag the UI follows; the scene shows the ghost and decides where it snaps.
#[derive(Clone, Debug, PartialEq)]
pub enum DragCommand {
    /// A new part of this kind is being dragged.
    Start(PartKindId),
    /// The pointer is here, in CSS pixels from the canvas's top-left corner; `None` when it
    /// is off the canvas.
    Pointer(Option<Vec2>),
    /// Turn the dragged part a quarter turn about the vertical.
    Rotate,
    /// Drop the part where its ghost is.
    Drop,
    /// Give the drag up (Escape, or the pointer was lost).
    Cancel,
}

/// A fact the scene reports to the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum FromScene {
    /// The renderer started and drew its first frame.
    Started,
    /// A snapshot with this many parts is now on screen.
    SnapshotShown {
        /// Number of parts drawn.
        parts: usize,
    },
    /// The customer tapped a part in the scene, or empty space (`None`).
    Picked(Option<PartId>),
    /// The customer tapped the "+" marker on an open connector of the selected part.
    SpotPicked(ConnectorId),
    /// Where the dragged part is shown now; sent when that changes.
    DragPreview(DragPreview),
    /// A drag is over.
    DragEnded(DragOutcome),
}

/// What the customer sees while dragging.
#[derive(Clone, Debug, PartialEq)]
pub struct DragPreview {
    /// The kind being dragged.
    pub kind: PartKindId,
    /// The pointer, in CSS pixels from the canvas's top-left corner (`None`: off the canvas).
    pub pointer: Option<Vec2>,
    /// Why the part cannot go where the pointer is; empty when its ghost shows a valid spot
    /// (or nothing, off the canvas).
    pub refusals: Vec<Refusal>,
}

/// How a drag ended.
#[derive(Clone, Debug, PartialEq)]
pub enum DragOutcome {
    /// The part was dropped on a valid spot: the UI should apply this edit.
    Proposed(Edit),
    /// The part was dropped where it cannot go; nothing changes.
    Refused {
        /// The kind that was dragged.
        kind: PartKindId,
        /// Why it could not go there (empty: dropped off the canvas).
        refusals: Vec<Refusal>,
    },
    /// The drag was given up.
    Cancelled,
}
