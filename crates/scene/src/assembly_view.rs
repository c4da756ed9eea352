//! Draws the latest snapshot: spawns, updates and despawns one entity per part, by `PartId`.

use crate::bridge_link::{SceneCommand, SceneFact};
use crate::finish_materials::FinishMaterials;
use crate::shape_meshes::ShapeMeshes;
use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use snapkit_bridge::{FromScene, ScenePart, SceneSnapshot, ToScene};
use snapkit_core::geometry::um_to_mm_vec;
use snapkit_core::{PartId, Shape};

/// Millimetres (catalog units) per metre (scene units).
pub(crate) const MM_PER_METRE: f32 = 1000.0;

/// Marks the entity that draws one placed part.
#[derive(Component, Debug)]
pub(crate) struct PartView(pub(crate) PartId);

/// The snapshot on screen: what drags snap to and taps pick from.
#[derive(Resource, Default)]
pub(crate) struct ShownSnapshot(pub(crate) Option<SceneSnapshot>);

/// A box in the world, in metres, for framing the camera.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq)]
pub(crate) struct AssemblyBounds {
    /// Lowest corner.
    pub(crate) min: Vec3,
    /// Highest corner.
    pub(crate) max: Vec3,
}

/// The system that takes in the UI's snapshots: whoever reads [`ShownSnapshot`] or
/// [`AssemblyBounds`] in the same frame runs after it (a fit sent with a snapshot frames that
/// snapshot, not the one before).
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct ShowSnapshots;

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<AssemblyBounds>()
        .init_resource::<ShownSnapshot>()
        .init_resource::<ShapeMeshes>()
        .add_systems(Update, show_snapshots.in_set(ShowSnapshots));
}

/// The unit cube (centred on the origin) moved and scaled onto the box around `shape`, for a
/// part whose origin is at `position` (millimetres in, metres out), turned by `rotation`.
pub(crate) fn bounds_transform(shape: &Shape, position: Vec3, rotation: Quat) -> Transform {
    let bounds = shape.bounds();
    let low = um_to_mm_vec(bounds.min) / MM_PER_METRE;
    let high = um_to_mm_vec(bounds.max) / MM_PER_METRE;
    Transform {
        translation: position / MM_PER_METRE + rotation * (low + high) / 2.0,
        rotation,
        scale: high - low,
    }
}

/// Where a part's mesh (made around the part's origin) is drawn.
fn part_transform(part: &ScenePart) -> Transform {
    Transform {
        translation: part.position / MM_PER_METRE,
        rotation: part.rotation,
        scale: Vec3::ONE,
    }
}

/// The box around the parts `wanted` accepts; `None` when it accepts none.
pub(crate) fn bounds_of<'a>(
    parts: impl IntoIterator<Item = &'a ScenePart>,
) -> Option<AssemblyBounds> {
    parts
        .into_iter()
        .flat_map(|part| {
            let transform = bounds_transform(&part.shape, part.position, part.rotation);
            [-0.5f32, 0.5].into_iter().flat_map(move |x| {
                [-0.5f32, 0.5].into_iter().flat_map(move |y| {
                    [-0.5f32, 0.5]
                        .into_iter()
                        .map(move |z| transform.transform_point(Vec3::new(x, y, z)))
                })
            })
        })
        .fold(None, |bounds: Option<AssemblyBounds>, point| {
            Some(match bounds {
                None => AssemblyBounds {
                    min: point,
                    max: point,
                },
                Some(bounds) => AssemblyBounds {
                    min: bounds.min.min(point),
                    max: bounds.max.max(point),
                },
            })
        })
}

#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system names each resource it touches"
)]
fn show_snapshots(
    mut commands: Commands,
    mut incoming: MessageReader<SceneCommand>,
    mut facts: MessageWriter<SceneFact>,
    mut views: Query<(
        Entity,
        &PartView,
        &mut Transform,
        &mut Mesh3d,
        &mut MeshMaterial3d<StandardMaterial>,
    )>,
    mut finish_materials: ResMut<FinishMaterials>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut bounds: ResMut<AssemblyBounds>,
    mut shown: ResMut<ShownSnapshot>,
    mut shape_meshes: ResMut<ShapeMeshes>,
    mut meshes: ResMut<Assets<Mesh>>,
) {
    let Some(snapshot) = incoming
        .read()
        .filter_map(|SceneCommand(command)| match command {
            ToScene::ShowSnapshot(snapshot) => Some(snapshot),
            _ => None,
        })
        .last()
    else {
        return;
    };
    let models = &snapshot.assembly.catalog().models;
    let mut wanted: HashMap<PartId, &ScenePart> =
        snapshot.parts.iter().map(|part| (part.id, part)).collect();
    for (entity, view, mut transform, mut mesh, mut material) in &mut views {
        match wanted.remove(&view.0) {
            Some(part) => {
                *transform = part_transform(part);
                // A part replaced by another kind keeps its id but changes shape.
                mesh.0 = shape_meshes.get_or_create(&part.shape, models, &mut meshes);
                material.0 = finish_materials.get_or_create(part.look, part.mark, &mut materials);
            }
            None => commands.entity(entity).despawn(),
        }
    }
    for part in wanted.into_values() {
        commands.spawn((
            PartView(part.id),
            Mesh3d(shape_meshes.get_or_create(&part.shape, models, &mut meshes)),
            MeshMaterial3d(finish_materials.get_or_create(part.look, part.mark, &mut materials)),
            part_transform(part),
        ));
    }
    *bounds = bounds_of(&snapshot.parts).unwrap_or_default();
    facts.write(SceneFact(FromScene::SnapshotShown {
        parts: snapshot.parts.len(),
    }));
    shown.0 = Some(snapshot.clone());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_scene::{shelving_row, show};
    use snapkit_bridge::PartMark;
    use std::collections::BTreeMap;

    fn app() -> App {
        let mut app = crate::test_scene::bare_app();
        crate::finish_materials::plugin(&mut app);
        plugin(&mut app);
        app
    }

    fn drawn(app: &mut App) -> Vec<(PartId, Vec3)> {
        let mut query = app.world_mut().query::<(&PartView, &Transform)>();
        let mut drawn: Vec<_> = query
            .iter(app.world())
            .map(|(view, transform)| (view.0, transform.translation))
            .collect();
        drawn.sort_by_key(|(id, _)| *id);
        drawn
    }

    #[test]
    fn snapshots_spawn_update_and_despawn_parts_by_id() {
        let mut app = app();
        let row = shelving_row(2);
        show(&mut app, &row, &BTreeMap::new());
        let first = drawn(&mut app);
        assert_eq!(first.len(), 2);
        // A part's mesh is made around its origin, the centre of its bottom face.
        assert!(first[0].1.abs_diff_eq(Vec3::ZERO, 1e-5), "{first:?}");
        assert!(
            first[1].1.abs_diff_eq(Vec3::new(0.75, 0.0, 0.0), 1e-5),
            "{first:?}"
        );

        let mut fewer = row.clone();
        snapkit_core::Edit::RemovePart(PartId(1))
            .apply(&mut fewer)
            .expect("part 1 is there");
        show(&mut app, &fewer, &BTreeMap::new());
        assert_eq!(drawn(&mut app), [first[1]]);
    }

    #[test]
    fn parts_in_one_finish_share_one_material_and_a_mark_gets_its_own() {
        let mut app = app();
        show(&mut app, &shelving_row(3), &BTreeMap::new());
        assert_eq!(app.world().resource::<Assets<StandardMaterial>>().len(), 1);
        show(
            &mut app,
            &shelving_row(3),
            &BTreeMap::from([(PartId(2), PartMark::Error)]),
        );
        assert_eq!(app.world().resource::<Assets<StandardMaterial>>().len(), 2);
    }

    #[test]
    fn a_previewed_change_is_drawn_see_through_beside_what_stays() {
        let mut app = app();
        let row = shelving_row(2);
        let mut third = row.part(PartId(2)).expect("part 2").clone();
        third.id = PartId(3);
        third.placement.translation.x += 750_000;
        let edit = snapkit_core::Edit::Batch(vec![
            snapkit_core::Edit::RemovePart(PartId(1)),
            snapkit_core::Edit::PlacePart(third),
        ]);
        let preview =
            SceneSnapshot::preview(&row, &edit, &BTreeMap::new()).expect("the edit applies");
        app.world_mut()
            .write_message(SceneCommand(ToScene::ShowSnapshot(preview)));
        app.update();
        let mut query = app
            .world_mut()
            .query::<(&PartView, &MeshMaterial3d<StandardMaterial>)>();
        let materials = app.world().resource::<Assets<StandardMaterial>>();
        let mut looks: Vec<(PartId, f32, bool)> = query
            .iter(app.world())
            .map(|(view, material)| {
                let material = materials.get(&material.0).expect("a material");
                (
                    view.0,
                    material.base_color.alpha(),
                    matches!(material.alpha_mode, AlphaMode::Blend),
                )
            })
            .collect();
        looks.sort_by_key(|(id, ..)| *id);
        assert_eq!(
            looks,
            [
                (PartId(1), 0.3, true),
                (PartId(2), 1.0, false),
                (PartId(3), 0.6, true)
            ],
            "what goes, what stays, what comes"
        );
    }

    #[test]
    fn bounds_cover_every_part_in_metres() {
        let mut app = app();
        show(&mut app, &shelving_row(2), &BTreeMap::new());
        let bounds = *app.world().resource::<AssemblyBounds>();
        assert!(
            bounds.min.abs_diff_eq(Vec3::new(-0.375, 0.0, -0.175), 1e-5),
            "{bounds:?}"
        );
        assert!(
            bounds.max.abs_diff_eq(Vec3::new(1.125, 0.35, 0.175), 1e-5),
            "{bounds:?}"
        );
    }

    #[test]
    fn the_box_around_an_off_centre_shape_turns_with_the_part() {
        use snapkit_core::{Piece, Primitive};
        // One 100 mm cube whose bottom face is centred 200 mm along +x from the part's origin.
        let shape = Shape {
            pieces: vec![Piece {
                primitive: Primitive::Box {
                    size: IVec3::splat(100_000),
                },
                at: IVec3::new(200_000, 0, 0),
            }],
        };
        // A quarter turn about +y takes +x to -z.
        let turned = Quat::from_rotation_y(std::f32::consts::FRAC_PI_2);
        let transform = bounds_transform(&shape, Vec3::new(1000.0, 0.0, 0.0), turned);
        assert!(
            transform
                .translation
                .abs_diff_eq(Vec3::new(1.0, 0.05, -0.2), 1e-5),
            "{transform:?}"
        );
        assert!(transform.scale.abs_diff_eq(Vec3::splat(0.1), 1e-6));
    }
}
