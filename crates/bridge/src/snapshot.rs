//! What the scene is asked to draw: a self-contained picture of the assembly.

use glam::{Quat, Vec3};
use snapkit_core::{Finish, PartId, Srgb};

/// The physical look of a finish, as the renderer needs it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PartLook {
    /// Base colour.
    pub colour: Srgb,
    /// Perceptual roughness, 0..1.
    pub roughness: f32,
    /// Metalness, 0..1.
    pub metalness: f32,
}

impl From<&Finish> for PartLook {
    fn from(finish: &Finish) -> Self {
        Self {
            colour: finish.colour,
            roughness: finish.roughness,
            metalness: finish.metalness,
        }
    }
}

/// One placed part, ready to draw. Lengths are in millimetres, Y is up.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenePart {
    /// The part's identity, stable across snapshots.
    pub id: PartId,
    /// Size of the part's box.
    pub size: Vec3,
    /// Where the centre of the part's bottom face sits.
    pub position: Vec3,
    /// The part's orientation.
    pub rotation: Quat,
    /// How its surface looks.
    pub look: PartLook,
}

/// Everything the scene shows, replacing whatever it showed before.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SceneSnapshot {
    /// The parts, in any order.
    pub parts: Vec<ScenePart>,
}
