//! What the scene is asked to draw: a self-contained picture of the assembly.

use glam::{Quat, Vec3};
use snapkit_core::geometry::um_to_mm_vec;
use snapkit_core::{Assembly, Edit, Finish, PartId, PlacedPart, Shape, Srgb};
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
    /// Opacity, 0 (invisible) to 1 (opaque).
    pub opacity: f32,
}

impl From<&Finish> for PartLook {
    fn from(finish: &Finish) -> Self {
        Self {
            colour: finish.colour,
            roughness: finish.roughness,
            metalness: finish.metalness,
            opacity: finish.opacity,
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
    /// A previewed change would add it, or make it what it is drawn as (a ghost).
    Adding,
    /// A previewed change would take it away.
    Removing,
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
        Self {
            parts: assembly
                .parts()
                .filter_map(|placed| scene_part(assembly, placed, marks.get(&placed.id).copied()))
                .collect(),
            assembly: assembly.clone(),
        }
    }

    /// `assembly` as `edit` would leave it, drawn before it is made: what the edit adds or
    /// changes is marked [`PartMark::Adding`] (as it would be), what it takes away
    /// [`PartMark::Removing`] (as it is), everything else plain but for the selection in
    /// `marks` (an error's red glow beside the preview would read as "taken away"). Drags and
    /// taps still work on `assembly` itself. `None` when the edit does not apply.
    pub fn preview(
        assembly: &Assembly,
        edit: &Edit,
        marks: &BTreeMap<PartId, PartMark>,
    ) -> Option<Self> {
        let mut after = assembly.clone();
        edit.apply(&mut after).ok()?;
        let kept_or_removed = assembly
            .parts()
            .filter_map(|before| match after.part(before.id) {
                Some(now) if now == before => {
                    let selected = marks.get(&before.id).copied();
                    scene_part(
                        assembly,
                        before,
                        selected.filter(|mark| *mark == PartMark::Selected),
                    )
                }
                Some(_) => None,
                None => scene_part(assembly, before, Some(PartMark::Removing)),
            });
        let added_or_changed = after
            .parts()
            .filter(|now| assembly.part(now.id) != Some(*now))
            .filter_map(|now| scene_part(&after, now, Some(PartMark::Adding)));
        let mut parts: Vec<ScenePart> = kept_or_removed.chain(added_or_changed).collect();
        parts.sort_by_key(|part| part.id);
        Some(Self {
            parts,
            assembly: assembly.clone(),
        })
    }

    /// The parts a preview shows as changing: those marked adding or removing.
    pub fn changing(&self) -> Vec<PartId> {
        self.parts
            .iter()
            .filter(|part| matches!(part.mark, Some(PartMark::Adding | PartMark::Removing)))
            .map(|part| part.id)
            .collect()
    }
}

/// `placed` (a part of `assembly`) as the scene draws it, with `mark`.
fn scene_part(
    assembly: &Assembly,
    placed: &PlacedPart,
    mark: Option<PartMark>,
) -> Option<ScenePart> {
    let catalog = assembly.catalog();
    let kind = catalog.part(&placed.kind)?;
    let finish = catalog.finish(&placed.finish)?;
    Some(ScenePart {
        id: placed.id,
        shape: kind.shape.clone(),
        position: um_to_mm_vec(placed.placement.translation),
        rotation: Quat::from_array(placed.placement.rotation.to_quaternion()),
        look: PartLook::from(finish),
        mark,
    })
}
