//! One PBR material per finish look and mark, created on first use and shared by every part
//! drawn alike. A see-through finish (glass) is blended over what stands behind it. A previewed
//! change is drawn as ghosts: what it would add or change in its finish, see-through with the
//! drag ghost's blue glow; what it would take away see-through red.

use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use snapkit_bridge::{PartLook, PartMark};

/// Materials already made, keyed by the exact look and mark.
#[derive(Resource, Default)]
pub(crate) struct FinishMaterials(HashMap<(LookKey, Option<PartMark>), Handle<StandardMaterial>>);

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct LookKey([u8; 3], u32, u32, u32);

impl From<PartLook> for LookKey {
    fn from(look: PartLook) -> Self {
        let colour = look.colour;
        Self(
            [colour.r, colour.g, colour.b],
            look.roughness.to_bits(),
            look.metalness.to_bits(),
            look.opacity.to_bits(),
        )
    }
}

/// The glow a mark adds on top of the finish, so the finish stays recognisable under it. The
/// selection glows not: its frame shows it (`part_frames`).
fn glow(mark: Option<PartMark>) -> LinearRgba {
    match mark {
        None | Some(PartMark::Selected) => LinearRgba::BLACK,
        Some(PartMark::Error) => LinearRgba::rgb(0.6, 0.04, 0.02),
        // Softer than an error: a warning often involves the whole product (wall fixing).
        Some(PartMark::Warning) => LinearRgba::rgb(0.14, 0.08, 0.0),
        Some(PartMark::Adding) => LinearRgba::rgb(0.05, 0.16, 0.5),
        Some(PartMark::Removing) => LinearRgba::rgb(0.5, 0.03, 0.02),
    }
}

/// How see-through a mark makes a part, on top of its finish's own opacity: a previewed one
/// lets what stands behind it show.
fn mark_opacity(mark: Option<PartMark>) -> f32 {
    match mark {
        Some(PartMark::Adding) => 0.6,
        Some(PartMark::Removing) => 0.3,
        _ => 1.0,
    }
}

impl FinishMaterials {
    /// The material for `look` with `mark`, made now if this is the first part drawn so.
    pub(crate) fn get_or_create(
        &mut self,
        look: PartLook,
        mark: Option<PartMark>,
        materials: &mut Assets<StandardMaterial>,
    ) -> Handle<StandardMaterial> {
        // A selected part looks like an unmarked one: one material serves both.
        let mark = mark.filter(|mark| *mark != PartMark::Selected);
        self.0
            .entry((look.into(), mark))
            .or_insert_with(|| {
                let opacity = look.opacity * mark_opacity(mark);
                materials.add(StandardMaterial {
                    base_color: Color::srgb_u8(look.colour.r, look.colour.g, look.colour.b)
                        .with_alpha(opacity),
                    alpha_mode: if opacity < 1.0 {
                        AlphaMode::Blend
                    } else {
                        AlphaMode::Opaque
                    },
                    perceptual_roughness: look.roughness,
                    metallic: look.metalness,
                    emissive: glow(mark),
                    ..default()
                })
            })
            .clone()
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<FinishMaterials>();
}
