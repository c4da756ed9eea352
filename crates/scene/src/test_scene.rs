//! Headless scene tests' common ground: an app without a renderer, the demo catalogs, and
//! a pointer that can be put over a point of the world.

use crate::bridge_link::{SceneCommand, SceneFact};
use crate::orbit_camera::OrbitCamera;
use bevy::prelude::*;
use bevy::window::WindowResolution;
use snapkit_bridge::{FromScene, PartMark, SceneSnapshot, ToScene};
use snapkit_core::{Assembly, Catalog, Edit, FinishId, PartId, PartKindId, PlacedPart, Placement};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The size of the test window, in logical pixels.
pub(crate) const VIEWPORT: Vec2 = Vec2::new(800.0, 600.0);

/// An app with the scene's messages, assets, input and a window, but no renderer.
pub(crate) fn bare_app() -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, AssetPlugin::default()))
        .init_asset::<Mesh>()
        .init_asset::<StandardMaterial>()
        .init_resource::<ButtonInput<MouseButton>>()
        .init_resource::<Touches>()
        .add_message::<SceneCommand>()
        .add_message::<SceneFact>();
    app.world_mut().spawn(Window {
        resolution: WindowResolution::new(VIEWPORT.x as u32, VIEWPORT.y as u32),
        ..default()
    });
    app
}

/// The demo catalog `assets/catalogs/<name>.json`, with its models.
pub(crate) fn shipped(name: &str) -> Arc<Catalog> {
    let folder = format!("{}/../../assets/catalogs", env!("CARGO_MANIFEST_DIR"));
    let path = format!("{folder}/{name}.json");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {path}: {error}"));
    let mut catalog = snapkit_formats::load_catalog(&text)
        .unwrap_or_else(|error| panic!("demo catalog {name} is valid: {error}"));
    let problems = snapkit_formats::attach_models_from_folder(&mut catalog, folder.as_ref());
    assert!(problems.is_empty(), "{problems:?}");
    Arc::new(catalog)
}

/// An assembly of `catalog` with `kind` in `finish` at each of `positions` (micrometres).
pub(crate) fn assembly_of(
    catalog: Arc<Catalog>,
    kind: &str,
    finish: &str,
    positions: &[IVec3],
) -> Assembly {
    let mut assembly = Assembly::new(catalog);
    for &translation in positions {
        let part = PlacedPart {
            id: assembly.next_part_id(),
            kind: PartKindId::new(kind),
            finish: FinishId::new(finish),
            placement: Placement::at(translation),
        };
        Edit::PlacePart(part)
            .apply(&mut assembly)
            .expect("the test's parts fit");
    }
    assembly
}

/// `count` shelving frames 750 wide in a row along +x, the first at the origin.
pub(crate) fn shelving_row(count: i32) -> Assembly {
    let positions: Vec<IVec3> = (0..count)
        .map(|index| IVec3::new(index * 750_000, 0, 0))
        .collect();
    assembly_of(
        shipped("shelving"),
        "frame-750x350x350",
        "powder-gentian",
        &positions,
    )
}

/// The marks of a scene where only part `id` is selected.
pub(crate) fn selected(id: PartId) -> BTreeMap<PartId, PartMark> {
    BTreeMap::from([(id, PartMark::Selected)])
}

/// Shows `assembly` with `marks` and runs one frame.
pub(crate) fn show(app: &mut App, assembly: &Assembly, marks: &BTreeMap<PartId, PartMark>) {
    app.world_mut()
        .write_message(SceneCommand(ToScene::ShowSnapshot(SceneSnapshot::of(
            assembly, marks,
        ))));
    app.update();
}

/// Where a world point (metres) appears in the test window, for `camera`.
pub(crate) fn screen_point(camera: &OrbitCamera, world: Vec3) -> Vec2 {
    let transform = camera.transform();
    let seen = transform.rotation.inverse() * (world - transform.translation);
    let half_height = (crate::orbit_camera::FIELD_OF_VIEW / 2.0).tan();
    let aspect_ratio = VIEWPORT.x / VIEWPORT.y;
    let from_centre = Vec2::new(
        seen.x / (-seen.z * half_height * aspect_ratio),
        seen.y / (-seen.z * half_height),
    );
    Vec2::new(
        (from_centre.x + 1.0) / 2.0 * VIEWPORT.x,
        (1.0 - from_centre.y) / 2.0 * VIEWPORT.y,
    )
}

/// Every fact the scene wrote since the last call.
pub(crate) fn facts(app: &mut App) -> Vec<FromScene> {
    app.world_mut()
        .resource_mut::<Messages<SceneFact>>()
        .drain()
        .map(|SceneFact(fact)| fact)
        .collect()
}
