//! One PBR material per finish look, created on first use and shared by every part in that finish.

use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use snapkit_bridge::PartLook;

/// Materials already made, keyed by the exact look.
#[derive(Resource, Default)]
pub(crate) struct FinishMaterials(HashMap<LookKey, Handle<StandardMaterial>>);

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct LookKey([u8; 3], u32, u32);

impl From<PartLook> for LookKey {
    fn from(look: PartLook) -> Self {
        let colour = look.colour;
        Self(
            [colour.r, colour.g, colour.b],
            look.roughness.to_bits(),
            look.metalness.to_bits(),
        )
    }
}

impl FinishMaterials {
    /// The material for `look`, made now if this is the first part with it.
    pub(crate) fn get_or_create(
        &mut self,
        look: PartLook,
        materials: &mut Assets<StandardMaterial>,
    ) -> Handle<StandardMaterial> {
        self.0
            .entry(look.into())
            .or_insert_with(|| {
                materials.add(StandardMaterial {
                    base_color: Color::srgb_u8(look.colour.r, look.colour.g, look.colour.b),
                    perceptual_roughness: look.roughness,
                    metallic: look.metalness,
                    ..default()
                })
            })
            .clone()
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<FinishMaterials>();
}
