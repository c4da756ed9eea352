//! The orbit camera: mouse drag and one finger orbit, right drag and two fingers pan, wheel and pinch zoom.

use crate::assembly_view::{AssemblyBounds, ShowSnapshots, ShownSnapshot, bounds_of};
use crate::bridge_link::SceneCommand;
use crate::part_picking::pointer_is_free;
use bevy::core_pipeline::tonemapping::Tonemapping;
use bevy::input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll, MouseScrollUnit};
use bevy::prelude::*;
use snapkit_bridge::ToScene;

/// Radians of orbit per logical pixel of drag.
const ORBIT_PER_PIXEL: f32 = 0.008;
/// Closest and farthest the camera may be from its target, in metres: close enough to frame
/// one 16 mm brick, far enough for a wall of shelving.
const DISTANCE_LIMITS: (f32, f32) = (0.05, 25.0);
/// The near clipping plane, in metres: well inside the closest camera distance.
const NEAR_PLANE: f32 = 0.005;
/// Lowest and highest camera elevation: never under the floor, never straight down.
const PITCH_LIMITS: (f32, f32) = (0.03, 1.45);
/// How far the target may wander from the origin, in metres, so the product is never lost.
const TARGET_LIMIT: f32 = 10.0;
/// How much room fit-to-view leaves around the assembly (1 = touching the edges), so its shadow shows too.
const FIT_MARGIN: f32 = 1.45;
/// Vertical field of view.
pub(crate) const FIELD_OF_VIEW: f32 = std::f32::consts::FRAC_PI_4;

/// Where the camera looks and from how far: yaw and pitch about the target, in radians.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub(crate) struct OrbitCamera {
    pub(crate) target: Vec3,
    pub(crate) yaw: f32,
    pub(crate) pitch: f32,
    pub(crate) distance: f32,
}

impl Default for OrbitCamera {
    fn default() -> Self {
        Self {
            target: Vec3::new(0.0, 0.3, 0.0),
            yaw: 0.6,
            pitch: 0.45,
            distance: 2.5,
        }
    }
}

impl OrbitCamera {
    /// Turns the view by a drag of `pixels`.
    pub(crate) fn orbit(&mut self, pixels: Vec2) {
        self.yaw -= pixels.x * ORBIT_PER_PIXEL;
        self.pitch =
            (self.pitch + pixels.y * ORBIT_PER_PIXEL).clamp(PITCH_LIMITS.0, PITCH_LIMITS.1);
    }

    /// Slides the target in the view plane by a drag of `pixels` on a viewport `height` pixels tall.
    pub(crate) fn pan(&mut self, pixels: Vec2, height: f32) {
        let metres_per_pixel = 2.0 * self.distance * (FIELD_OF_VIEW / 2.0).tan() / height.max(1.0);
        let rotation = self.rotation();
        let shift = rotation * Vec3::new(-pixels.x, pixels.y, 0.0) * metres_per_pixel;
        self.target = (self.target + shift).clamp(
            Vec3::new(-TARGET_LIMIT, 0.0, -TARGET_LIMIT),
            Vec3::splat(TARGET_LIMIT),
        );
    }

    /// Moves closer (`factor` < 1) or farther (`factor` > 1).
    pub(crate) fn zoom(&mut self, factor: f32) {
        self.distance = (self.distance * factor).clamp(DISTANCE_LIMITS.0, DISTANCE_LIMITS.1);
    }

    /// Frames the box `bounds` (metres) for a viewport of this aspect ratio, keeping the angle.
    pub(crate) fn fit(&mut self, bounds: AssemblyBounds, aspect_ratio: f32) {
        let radius = ((bounds.max - bounds.min).length() / 2.0).max(0.005);
        let vertical = FIELD_OF_VIEW / 2.0;
        let horizontal = (vertical.tan() * aspect_ratio.clamp(0.2, 5.0)).atan();
        let half_fov = vertical.min(horizontal);
        self.target = (bounds.min + bounds.max) / 2.0;
        self.distance =
            (radius * FIT_MARGIN / half_fov.sin()).clamp(DISTANCE_LIMITS.0, DISTANCE_LIMITS.1);
    }

    /// The ray from the camera through `pointer` (logical pixels from the viewport's top-left
    /// corner) on a viewport of `viewport` logical pixels: its origin and direction, in metres.
    pub(crate) fn ray_through(&self, pointer: Vec2, viewport: Vec2) -> (Vec3, Vec3) {
        let transform = self.transform();
        let viewport = viewport.max(Vec2::ONE);
        let half_height = (FIELD_OF_VIEW / 2.0).tan();
        let from_centre = Vec2::new(
            2.0 * pointer.x / viewport.x - 1.0,
            1.0 - 2.0 * pointer.y / viewport.y,
        );
        let towards = Vec3::new(
            from_centre.x * half_height * viewport.x / viewport.y,
            from_centre.y * half_height,
            -1.0,
        );
        (transform.translation, transform.rotation * towards)
    }

    fn rotation(&self) -> Quat {
        Quat::from_euler(EulerRot::YXZ, self.yaw, -self.pitch, 0.0)
    }

    /// The camera transform this orbit describes.
    pub(crate) fn transform(&self) -> Transform {
        let rotation = self.rotation();
        Transform {
            translation: self.target + rotation * Vec3::new(0.0, 0.0, self.distance),
            rotation,
            ..default()
        }
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_camera).add_systems(
        Update,
        (
            (mouse_input, touch_input).run_if(pointer_is_free),
            fit_on_request.after(ShowSnapshots),
            apply_orbit,
        )
            .chain(),
    );
}

fn spawn_camera(mut commands: Commands) {
    let orbit = OrbitCamera::default();
    commands.spawn((
        Camera3d::default(),
        // Khronos PBR Neutral: made for products, it keeps a finish's base colour as the
        // catalog gives it (within sRGB), and needs no lookup tables in the download.
        Tonemapping::KhronosPbrNeutral,
        Projection::Perspective(PerspectiveProjection {
            fov: FIELD_OF_VIEW,
            near: NEAR_PLANE,
            ..default()
        }),
        orbit.transform(),
        orbit,
    ));
}

fn mouse_input(
    buttons: Res<ButtonInput<MouseButton>>,
    motion: Res<AccumulatedMouseMotion>,
    scroll: Res<AccumulatedMouseScroll>,
    window: Single<&Window>,
    mut camera: Single<&mut OrbitCamera>,
) {
    if buttons.pressed(MouseButton::Left) {
        camera.orbit(motion.delta);
    } else if buttons.pressed(MouseButton::Right) || buttons.pressed(MouseButton::Middle) {
        camera.pan(motion.delta, window.height());
    }
    let notches = match scroll.unit {
        MouseScrollUnit::Line => scroll.delta.y,
        MouseScrollUnit::Pixel => scroll.delta.y / 100.0,
    };
    if notches != 0.0 {
        camera.zoom(0.9f32.powf(notches));
    }
}

fn touch_input(
    touches: Res<Touches>,
    window: Single<&Window>,
    mut camera: Single<&mut OrbitCamera>,
) {
    let active: Vec<_> = touches.iter().collect();
    match active.as_slice() {
        [finger] => camera.orbit(finger.delta()),
        [first, second] => {
            let before = first
                .previous_position()
                .distance(second.previous_position());
            let after = first.position().distance(second.position());
            if before > 1.0 && after > 1.0 {
                camera.zoom(before / after);
            }
            camera.pan((first.delta() + second.delta()) / 2.0, window.height());
        }
        _ => {}
    }
}

/// Frames the whole assembly, or the parts asked for, when the UI asks.
fn fit_on_request(
    mut commands: MessageReader<SceneCommand>,
    bounds: Res<AssemblyBounds>,
    shown: Res<ShownSnapshot>,
    window: Single<&Window>,
    mut camera: Single<&mut OrbitCamera>,
) {
    let aspect_ratio = window.width() / window.height().max(1.0);
    for SceneCommand(command) in commands.read() {
        let framed = match command {
            ToScene::FitToView => Some(*bounds),
            ToScene::Focus(ids) => shown.0.as_ref().and_then(|snapshot| {
                bounds_of(snapshot.parts.iter().filter(|part| ids.contains(&part.id)))
            }),
            _ => None,
        };
        if let Some(framed) = framed {
            camera.fit(framed, aspect_ratio);
        }
    }
}

fn apply_orbit(mut cameras: Query<(&OrbitCamera, &mut Transform), Changed<OrbitCamera>>) {
    for (orbit, mut transform) in &mut cameras {
        *transform = orbit.transform();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_scene::{assembly_of, shipped};
    use snapkit_bridge::SceneSnapshot;
    use std::collections::BTreeMap;

    #[test]
    fn a_fit_sent_with_a_snapshot_frames_that_snapshot() {
        let mut app = crate::test_scene::bare_app();
        app.add_plugins(bevy::input::InputPlugin);
        crate::finish_materials::plugin(&mut app);
        crate::assembly_view::plugin(&mut app);
        crate::drag_and_snap::plugin(&mut app);
        crate::part_picking::plugin(&mut app);
        crate::spot_markers::plugin(&mut app);
        plugin(&mut app);
        app.update();
        let seat = assembly_of(shipped("sofa"), "seat-600", "wool-sand", &[IVec3::ZERO]);
        for command in [
            ToScene::ShowSnapshot(SceneSnapshot::of(&seat, &BTreeMap::new())),
            ToScene::FitToView,
        ] {
            app.world_mut().write_message(SceneCommand(command));
        }
        app.update();
        let camera = app
            .world_mut()
            .query::<&OrbitCamera>()
            .single(app.world())
            .expect("one camera");
        assert!(
            camera.distance > 1.0,
            "a seat 600 wide is framed from a step or two away, not from inside it: {camera:?}"
        );
    }

    #[test]
    fn the_camera_never_goes_under_the_floor_or_too_far() {
        let mut camera = OrbitCamera::default();
        camera.orbit(Vec2::new(0.0, -10_000.0));
        assert!(camera.transform().translation.y > camera.target.y);
        camera.zoom(1e6);
        assert_eq!(camera.distance, DISTANCE_LIMITS.1);
    }

    #[test]
    fn the_camera_looks_at_its_target() {
        let camera = OrbitCamera::default();
        let transform = camera.transform();
        let towards_target = (camera.target - transform.translation).normalize();
        assert!(transform.forward().abs_diff_eq(towards_target, 1e-5));
    }

    #[test]
    fn the_ray_through_the_middle_of_the_view_meets_the_target() {
        let camera = OrbitCamera::default();
        let (origin, direction) =
            camera.ray_through(Vec2::new(400.0, 300.0), Vec2::new(800.0, 600.0));
        let towards_target = (camera.target - origin).normalize();
        assert!(direction.normalize().abs_diff_eq(towards_target, 1e-5));
    }

    #[test]
    fn the_ray_through_the_top_corner_runs_along_the_edge_of_the_view() {
        let camera = OrbitCamera::default();
        let (_, direction) = camera.ray_through(Vec2::new(0.0, 0.0), Vec2::new(800.0, 600.0));
        let forward = camera.transform().forward().as_vec3();
        let up = camera.transform().up().as_vec3();
        let vertical_angle = direction.normalize().dot(up).asin();
        assert!(direction.dot(forward) > 0.0);
        // Up to the top edge: half the vertical field of view, less for the corner's slant.
        assert!(vertical_angle > 0.0 && vertical_angle <= FIELD_OF_VIEW / 2.0 + 1e-4);
        assert!(direction.dot(camera.transform().left().as_vec3()) > 0.0);
    }

    #[test]
    fn fit_frames_a_single_small_brick_closely() {
        let mut camera = OrbitCamera::default();
        let brick = AssemblyBounds {
            min: Vec3::new(-0.008, 0.0, -0.016),
            max: Vec3::new(0.008, 0.0096, 0.016),
        };
        camera.fit(brick, 4.0 / 3.0);
        assert!(
            camera.distance < 0.15,
            "{} m is too far for a brick",
            camera.distance
        );
        assert!(camera.distance > NEAR_PLANE * 4.0);
    }

    #[test]
    fn fit_keeps_the_whole_box_in_front_of_the_camera() {
        let mut camera = OrbitCamera::default();
        let bounds = AssemblyBounds {
            min: Vec3::new(-1.5, 0.0, -0.2),
            max: Vec3::new(1.5, 2.0, 0.2),
        };
        camera.fit(bounds, 16.0 / 9.0);
        assert_eq!(camera.target, Vec3::new(0.0, 1.0, 0.0));
        let radius = (bounds.max - bounds.min).length() / 2.0;
        assert!(camera.distance > radius);
    }
}
