//! The product-photo stage: a key light with shadows, a cool fill, ambient light and a ground plane.
//!
//! WebGL2 draws at most one directional light, so the key is the only one; the fill is a
//! shadowless point light, the way a studio's bounce card lifts the shadowed sides. The key's
//! shadow map covers what the camera frames, from a 16 mm brick to a 19 m wall, so a small
//! product gets fine shadows and a large one gets its whole shadow.

use crate::assembly_view::AssemblyBounds;
use crate::orbit_camera::OrbitCamera;
use bevy::light::{CascadeShadowConfig, CascadeShadowConfigBuilder, SimulationLightSystems};
use bevy::prelude::*;

/// Background behind the product: a light studio grey.
const BACKDROP: Color = Color::srgb(0.93, 0.93, 0.94);
/// How far beyond the farthest point of the assembly the shadow map reaches, as a share of the
/// camera's distance to it (shadows fall away from the product, onto the floor behind it).
const SHADOW_REACH_MARGIN: f32 = 1.5;
/// The shadow map's reach from the camera, in metres: at least a brick's close-up, at most
/// a wall twice the size of the largest the benchmarks draw.
const SHADOW_REACH_LIMITS: (f32, f32) = (0.5, 60.0);

/// The light whose shadow the product casts.
#[derive(Component)]
struct KeyLight;

pub(crate) fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(BACKDROP))
        .insert_resource(GlobalAmbientLight {
            color: Color::srgb(0.92, 0.95, 1.0),
            brightness: 350.0,
            ..default()
        })
        .add_systems(Startup, build_stage)
        .add_systems(
            PostUpdate,
            fit_shadow_to_view.before(SimulationLightSystems::UpdateDirectionalLightCascades),
        );
}

/// How far from the camera the key light's shadow map must reach to cover the framed assembly.
fn shadow_reach(camera: &OrbitCamera, bounds: &AssemblyBounds) -> f32 {
    let radius = (bounds.max - bounds.min).length() / 2.0;
    let farthest =
        camera.distance + radius + camera.target.distance((bounds.min + bounds.max) / 2.0);
    (farthest * SHADOW_REACH_MARGIN).clamp(SHADOW_REACH_LIMITS.0, SHADOW_REACH_LIMITS.1)
}

fn shadow_config(reach: f32) -> CascadeShadowConfig {
    CascadeShadowConfigBuilder {
        num_cascades: 1,
        minimum_distance: (reach / 100.0).min(0.1),
        maximum_distance: reach,
        ..default()
    }
    .build()
}

/// Resizes the key light's shadow map when the camera moves in or out, or the assembly changes
/// size, by more than a tenth.
fn fit_shadow_to_view(
    camera: Single<&OrbitCamera>,
    bounds: Res<AssemblyBounds>,
    mut key_light: Single<&mut CascadeShadowConfig, With<KeyLight>>,
) {
    let reach = shadow_reach(&camera, &bounds);
    let current = key_light.bounds.last().copied().unwrap_or(0.0);
    if (reach - current).abs() > current * 0.1 {
        **key_light = shadow_config(reach);
    }
}

fn build_stage(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    // Key light: high, from the front left, the only one casting a shadow.
    commands.spawn((
        KeyLight,
        DirectionalLight {
            illuminance: 9_000.0,
            shadow_maps_enabled: true,
            color: Color::srgb(1.0, 0.97, 0.92),
            ..default()
        },
        shadow_config(shadow_reach(
            &OrbitCamera::default(),
            &AssemblyBounds::default(),
        )),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(size: Vec3) -> AssemblyBounds {
        AssemblyBounds {
            min: Vec3::new(-size.x / 2.0, 0.0, -size.z / 2.0),
            max: Vec3::new(size.x / 2.0, size.y, size.z / 2.0),
        }
    }

    fn framed(size: Vec3) -> (OrbitCamera, AssemblyBounds) {
        let bounds = bounds(size);
        let mut camera = OrbitCamera::default();
        camera.fit(bounds, 16.0 / 9.0);
        (camera, bounds)
    }

    #[test]
    fn the_shadow_covers_a_framed_wall_and_stays_fine_for_a_brick() {
        let (camera, wall) = framed(Vec3::new(18.75, 7.0, 0.35));
        let reach = shadow_reach(&camera, &wall);
        assert!(
            reach > camera.distance + 9.0,
            "a 19 m wall's far end is in the shadow map ({reach} m, camera {} m away)",
            camera.distance
        );
        let (camera, brick) = framed(Vec3::new(0.032, 0.0096, 0.016));
        assert_eq!(shadow_reach(&camera, &brick), SHADOW_REACH_LIMITS.0);
    }

    #[test]
    fn the_key_light_follows_the_camera_out_to_a_large_assembly() {
        let mut app = crate::test_scene::bare_app();
        app.init_resource::<AssemblyBounds>();
        plugin(&mut app);
        let viewer = app.world_mut().spawn(OrbitCamera::default()).id();
        app.update();
        let reach_of = |app: &mut App| {
            let mut lights = app
                .world_mut()
                .query_filtered::<&CascadeShadowConfig, With<KeyLight>>();
            let config = lights.single(app.world()).expect("one key light");
            config.bounds.last().copied().expect("a cascade")
        };
        let before = reach_of(&mut app);
        let (camera, wall) = framed(Vec3::new(18.75, 7.0, 0.35));
        app.world_mut().entity_mut(viewer).insert(camera);
        app.insert_resource(wall);
        app.update();
        let after = reach_of(&mut app);
        assert!(after > before * 2.0, "from {before} m to {after} m");
        assert!((after - shadow_reach(&camera, &wall)).abs() < 1e-3);
    }
}
