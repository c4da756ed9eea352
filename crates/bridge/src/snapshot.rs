//! What the scene is asked to draw: a self-contained picture of the assembly.

use glam::{Quat, Vec3};
use snapkit_core::geometry::um_to_mm_vec;
use snapkit_core::{Assembly, Finish, PartId, Shape, Srgb};
use std::collections::BTreeMap;

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

/// Why a part is drawn highlighted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartMark {
    /// The customer selected it.
    Selected,
    /// It is involved in a broken rule that blocks ordering.
    Error,
    /// It is involved in a rule that only warns.
    Warning,
}

/// One placed part, ready to draw. Lengths are in millimetres, Y is up.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenePart {
    /// The part's identity, stable across snapshots.
    pub id: PartId,
    /// What the part looks like, in its own frame (micrometres).
    pub shape: Shape,
    /// Where the centre of the part's bottom face sits.
    pub position: Vec3,
    /// The part's orientation.
    pub rotation: Quat,
    /// How its surface looks.
    pub look: PartLook,
    /// Why it stands out, if it does.
    pub mark: Option<PartMark>,
}

impl ScenePart {
    /// The size of the box around the part's shape, in millimetres.
    pub fn size(&self) -> Vec3 {
        um_to_mm_vec(self.shape.bounding_size())
    }
}

/// Everything the scene shows, replacing whatever it showed before.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneSnapshot {
    /// The parts, in id order.
    pub parts: Vec<ScenePart>,
    /// The assembly they come from: what drags snap to and taps pick from.
    pub assembly: Assembly,
}

impl SceneSnapshot {
    /// Every part of `assembly` as the scene draws it (millimetres, Y up), marked as `marks`
    /// says. A part whose kind or finish the catalog lacks cannot be in an assembly, so none
    /// is skipped in practice.
    pub fn of(assembly: &Assembly, marks: &BTreeMap<PartId, PartMark>) -> Self {
        let catalog = assembly.catalog();
        let parts = assembly
            .parts()
            .filter_map(|placed| {
                let kind = catalog.part(&placed.kind)?;
                let finish = catalog.finish(&placed.finish)?;
                Some(ScenePart {
                    id: placed.id,
                    shape: kind.shape.clone(),
                    position: um_to_mm_vec(placed.placement.translation),
                    rotation: Quat::from_array(placed.placement.rotation.to_quaternion()),
                    look: PartLook::from(finish),
                    mark: marks.get(&placed.id).copied(),
                })
            })
            .collect();
        Self {
            parts,
            assembly: assembly.clone(),
        }
    }
}
