//! Draws the latest snapshot: spawns, updates and despawns one entity per part, by `PartId`.

use crate::bridge_link::{SceneCommand, SceneFact};
use crate::finish_materials::FinishMaterials;
use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use snapkit_bridge::{FromScene, ScenePart, SceneSnapshot};
use snapkit_core::PartId;

/// Millimetres (catalog units) per metre (scene units).
const MM_PER_METRE: f32 = 1000.0;

/// Marks the entity that draws one placed part.
#[derive(Component, Debug)]
pub(crate) struct PartView(pub(crate) PartId);

/// The unit cube every box-shaped part is drawn with, scaled to its size.
#[derive(Resource)]
struct UnitCube(Handle<Mesh>);

/// The bounds of what is on screen, in metres, for framing the camera.
#[derive(Resource, Default, Debug, Clone, Copy, PartialEq)]
pub(crate) struct AssemblyBounds {
    /// Lowest corner.
    pub(crate) min: Vec3,
    /// Highest corner.
    pub(crate) max: Vec3,
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<AssemblyBounds>()
        .add_systems(Startup, create_unit_cube)
        .add_systems(Update, show_snapshots);
}

fn create_unit_cube(mut commands: Commands, mut meshes: ResMut<Assets<Mesh>>) {
    commands.insert_resource(UnitCube(meshes.add(Cuboid::from_length(1.0))));
}

/// Where and how big a part is drawn, in metres.
fn part_transform(part: &ScenePart) -> Transform {
    let size = part.size / MM_PER_METRE;
    // The part's origin is the centre of its bottom face; the cube's is its centre.
    let centre_offset = part.rotation * Vec3::new(0.0, size.y / 2.0, 0.0);
    Transform {
        translation: part.position / MM_PER_METRE + centre_offset,
        rotation: part.rotation,
        scale: size,
    }
}

fn bounds_of(snapshot: &SceneSnapshot) -> AssemblyBounds {
    let mut bounds = AssemblyBounds {
        min: Vec3::splat(f32::INFINITY),
        max: Vec3::splat(f32::NEG_INFINITY),
    };
    for part in &snapshot.parts {
        let transform = part_transform(part);
        for corner in [-0.5f32, 0.5] {
            for y in [-0.5f32, 0.5] {
                for z in [-0.5f32, 0.5] {
                    let point = transform.transform_point(Vec3::new(corner, y, z));
                    bounds.min = bounds.min.min(point);
                    bounds.max = bounds.max.max(point);
                }
            }
        }
    }
    if snapshot.parts.is_empty() {
        AssemblyBounds::default()
    } else {
        bounds
    }
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
    cube: Res<UnitCube>,
) {
    let Some(snapshot) = incoming
        .read()
        .filter_map(|command| match command {
            SceneCommand::ShowSnapshot(snapshot) => Some(snapshot),
            SceneCommand::FitToView => None,
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
                material.0 = finish_materials.get_or_create(part.look, &mut materials);
            }
            None => commands.entity(entity).despawn(),
        }
    }
    for part in wanted.into_values() {
        commands.spawn((
            PartView(part.id),
            Mesh3d(cube.0.clone()),
            MeshMaterial3d(finish_materials.get_or_create(part.look, &mut materials)),
            part_transform(part),
        ));
    }
    *bounds = bounds_of(snapshot);
    facts.write(SceneFact(FromScene::SnapshotShown {
        parts: snapshot.parts.len(),
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use snapkit_bridge::PartLook;
    use snapkit_core::Srgb;

    fn part(id: u32, x: f32) -> ScenePart {
        ScenePart {
            id: PartId(id),
            size: Vec3::new(750.0, 350.0, 350.0),
            position: Vec3::new(x, 0.0, 0.0),
            rotation: Quat::IDENTITY,
            look: PartLook {
                colour: Srgb {
                    r: 29,
                    g: 79,
                    b: 145,
                },
                roughness: 0.5,
                metalness: 0.0,
            },
        }
    }

    fn app() -> App {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, AssetPlugin::default()))
            .init_asset::<Mesh>()
            .init_asset::<StandardMaterial>()
            .add_message::<SceneCommand>()
            .add_message::<SceneFact>();
        crate::finish_materials::plugin(&mut app);
        plugin(&mut app);
        app
    }

    fn show(app: &mut App, parts: Vec<ScenePart>) {
        app.world_mut()
            .write_message(SceneCommand::ShowSnapshot(SceneSnapshot { parts }));
        app.update();
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
        show(&mut app, vec![part(1, 0.0), part(2, 750.0)]);
        assert_eq!(
            drawn(&mut app),
            [
                (PartId(1), Vec3::new(0.0, 0.175, 0.0)),
                (PartId(2), Vec3::new(0.75, 0.175, 0.0))
            ]
        );
        show(&mut app, vec![part(2, 1500.0)]);
        assert_eq!(drawn(&mut app), [(PartId(2), Vec3::new(1.5, 0.175, 0.0))]);
    }

    #[test]
    fn parts_in_one_finish_share_one_material() {
        let mut app = app();
        show(
            &mut app,
            vec![part(1, 0.0), part(2, 750.0), part(3, 1500.0)],
        );
        assert_eq!(app.world().resource::<Assets<StandardMaterial>>().len(), 1);
    }

    #[test]
    fn bounds_cover_every_part_in_metres() {
        let mut app = app();
        show(&mut app, vec![part(1, 0.0), part(2, 750.0)]);
        let bounds = *app.world().resource::<AssemblyBounds>();
        assert!(bounds.min.abs_diff_eq(Vec3::new(-0.375, 0.0, -0.175), 1e-5));
        assert!(bounds.max.abs_diff_eq(Vec3::new(1.125, 0.35, 0.175), 1e-5));
    }
}
