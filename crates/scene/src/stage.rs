//! The product-photo stage: a key light with shadows, a cool fill, ambient light and a ground plane.
//!
//! WebGL2 draws at most one directional light, so the key is the only one; the fill is a
//! shadowless point light, the way a studio's bounce card lifts the shadowed sides.

use bevy::light::CascadeShadowConfigBuilder;
use bevy::prelude::*;

/// Background behind the product: a light studio grey.
const BACKDROP: Color = Color::srgb(0.93, 0.93, 0.94);

pub(crate) fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(BACKDROP))
        .insert_resource(GlobalAmbientLight {
            color: Color::srgb(0.92, 0.95, 1.0),
            brightness: 350.0,
            ..default()
        })
        .add_systems(Startup, build_stage);
}

fn build_stage(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    // Key light: high, from the front left, the only one casting a shadow.
    commands.spawn((
        DirectionalLight {
            illuminance: 9_000.0,
            shadow_maps_enabled: true,
            color: Color::srgb(1.0, 0.97, 0.92),
            ..default()
        },
        CascadeShadowConfigBuilder {
            num_cascades: 1,
            maximum_distance: 12.0,
            ..default()
        }
        .build(),
        Transform::from_xyz(-2.0, 4.0, 3.0).looking_at(Vec3::ZERO, Vec3::Y),
    ));
    // Fill light: from the camera's right, cool and weak, about 1,500 lux at the product.
    commands.spawn((
        PointLight {
            intensity: 400_000.0,
            range: 40.0,
            shadow_maps_enabled: false,
            color: Color::srgb(0.85, 0.9, 1.0),
            ..default()
        },
        Transform::from_xyz(3.5, 2.0, 2.5),
    ));
    commands.spawn((
        Mesh3d(meshes.add(Plane3d::default().mesh().size(30.0, 30.0))),
        MeshMaterial3d(materials.add(StandardMaterial {
            base_color: Color::srgb(0.86, 0.86, 0.87),
            perceptual_roughness: 0.95,
            ..default()
        })),
    ));
}
