//! Draws the latest snapshot: spawns, updates and despawns one entity per part, by `PartId`.

use crate::bridge_link::{SceneCommand, SceneFact};
use crate::finish_materials::FinishMaterials;
use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use snapkit_bridge::{FromScene, ScenePart, SceneSnapshot, ToScene};
use snapkit_core::PartId;

/// Millimetres (catalog units) per metre (scene units).
pub(crate) const MM_PER_METRE: f32 = 1000.0;

/// Marks the entity that draws one placed part.
#[derive(Component, Debug)]
pub(crate) struct PartView(pub(crate) PartId);

/// The unit cube every box-shaped part is drawn with, scaled to its size.
#[derive(Resource)]
pub(crate) struct UnitCube(pub(crate) Handle<Mesh>);

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

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<AssemblyBounds>()
        .init_resource::<ShownSnapshot>()
        .add_systems(Startup, create_unit_cube)
        .add_systems(Update, show_snapshots);
}

fn create_unit_cube(mut commands: Commands, mut meshes: ResMut<Assets<Mesh>>) {
    commands.insert_resource(UnitCube(meshes.add(Cuboid::from_length(1.0))));
}

/// Where and how big a box of `size` is drawn (millimetres in, metres out), for a part whose
/// origin (the centre of its bottom face) is at `position`, turned by `rotation`.
pub(crate) fn box_transform(size: Vec3, position: Vec3, rotation: Quat) -> Transform {
    let size = size / MM_PER_METRE;
    // The part's origin is the centre of its bottom face; the cube's is its centre.
    let centre_offset = rotation * Vec3::new(0.0, size.y / 2.0, 0.0);
    Transform {
        translation: position / MM_PER_METRE + centre_offset,
        rotation,
        scale: size,
    }
}

fn part_transform(part: &ScenePart) -> Transform {
    box_transform(part.size, part.position, part.rotation)
}

/// The box around the parts `wanted` accepts; `None` when it accepts none.
pub(crate) fn bounds_of<'a>(
    parts: impl IntoIterator<Item = &'a ScenePart>,
) -> Option<AssemblyBounds> {
    parts
        .into_iter()
        .flat_map(|part| {
            let transform = part_transform(part);
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
        &mut MeshMaterial3d<StandardMaterial>,
    )>,
    mut finish_materials: ResMut<FinishMaterials>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut bounds: ResMut<AssemblyBounds>,
    mut shown: ResMut<ShownSnapshot>,
    cube: Res<UnitCube>,
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
    let mut wanted: HashMap<PartId, &ScenePart> =
        snapshot.parts.iter().map(|part| (part.id, part)).collect();
    for (entity, view, mut transform, mut material) in &mut views {
        match wanted.remove(&view.0) {
            Some(part) => {
                *transform = part_transform(part);
                material.0 = finish_materials.get_or_create(part.look, part.mark, &mut materials);
            }
            None => commands.entity(entity).despawn(),
        }
    }
    for part in wanted.into_values() {
        commands.spawn((
            PartView(part.id),
            Mesh3d(cube.0.clone()),
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
        assert!(
            first[0].1.abs_diff_eq(Vec3::new(0.0, 0.175, 0.0), 1e-5),
            "{first:?}"
        );
        assert!(
            first[1].1.abs_diff_eq(Vec3::new(0.75, 0.175, 0.0), 1e-5),
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
}
