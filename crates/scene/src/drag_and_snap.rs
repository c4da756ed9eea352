//! Drag and snap: a translucent ghost of the dragged part (its own shape, from the shared
//! meshes) that jumps to the best valid spot near the pointer (`core`'s `snap`), turns red where the part cannot go and says why, marks the
//! open connectors it tried, and proposes the edit on drop.
//!
//! Drags come from the UI (a part pulled out of the catalog panel) and from the canvas itself
//! (an existing part pulled with a finger or the mouse); both arrive as [`DragStep`]s.

use crate::assembly_view::{MM_PER_METRE, PartView, ShownSnapshot};
use crate::bridge_link::{SceneCommand, SceneFact};
use crate::orbit_camera::OrbitCamera;
use crate::shape_meshes::ShapeMeshes;
use bevy::prelude::*;
use snapkit_bridge::{DragCommand, DragOutcome, DragPreview, FromScene, ToScene};
use snapkit_core::finish_choice::finishes_to_try;
use snapkit_core::geometry::{Direction, um_to_mm_vec};
use snapkit_core::shape_mesh::UM_PER_METRE;
use snapkit_core::snapping::{SnapCandidate, SnapQuery, SnapResult, SnapTarget, snap};
use snapkit_core::{Assembly, Edit, PartId, PartKind, PartKindId, PlacedPart, Rotation, Shape};

/// How many open connectors near the pointer are marked.
const MARKERS: usize = 8;

/// One step of a drag, whoever follows the pointer.
#[derive(Message, Clone, Debug, PartialEq)]
pub(crate) enum DragStep {
    /// A drag begins: a new part of `kind`, or the existing part `moving`.
    Start {
        kind: PartKindId,
        moving: Option<PartId>,
        facing: Rotation,
    },
    /// The pointer moved (logical pixels from the canvas's top-left; `None`: off the canvas).
    Pointer(Option<Vec2>),
    /// A quarter turn about the vertical.
    Rotate,
    /// Drop the part where its ghost is.
    Drop,
    /// Give the drag up.
    Cancel,
}

/// The drag in progress.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Dragging {
    kind: PartKindId,
    moving: Option<PartId>,
    facing: Rotation,
    pointer: Option<Vec2>,
    /// The preview last told to the UI, so only changes are told.
    told: Option<DragPreview>,
}

impl Dragging {
    /// The existing part being dragged, if it is not a new one.
    pub(crate) fn moving(&self) -> Option<PartId> {
        self.moving
    }
}

/// The drag in progress, if any.
#[derive(Resource, Debug, Default)]
pub(crate) struct Drag(pub(crate) Option<Dragging>);

/// The ghost entity that shows where the dragged part would go.
#[derive(Component)]
struct Ghost;

/// A marker on an open connector the drag tried.
#[derive(Component)]
struct ConnectorMarker(usize);

/// How an open connector is marked, in a drag and on the selected part (`spot_markers`): a
/// small unlit amber ball.
#[derive(Resource, Clone)]
pub(crate) struct MarkerLook {
    /// A ball of diameter 1, scaled by [`marker_size`].
    pub(crate) mesh: Handle<Mesh>,
    pub(crate) material: Handle<StandardMaterial>,
}

/// The diameter (metres) of the markers on a part of `kind`'s connectors: in proportion to the
/// part's smallest side, within what stays visible and tappable without hiding the part.
pub(crate) fn marker_size(kind: &PartKind) -> f32 {
    (kind.shape.bounding_size().min_element() as f32 / UM_PER_METRE * 0.15).clamp(0.003, 0.06)
}

/// What the ghost system changes on the ghost.
type GhostView = (
    &'static mut Transform,
    &'static mut Visibility,
    &'static mut Mesh3d,
    &'static mut MeshMaterial3d<StandardMaterial>,
);

/// How much larger than the part its ghost is drawn, so that it never flickers against a
/// neighbour's face it touches.
const GHOST_GROWTH: f32 = 1.01;

/// Where the ghost of `shape` stands at `position` (mm) turned by `rotation`: the part's own
/// transform, grown by [`GHOST_GROWTH`] about the middle of its bounds.
fn ghost_transform(shape: &Shape, position: Vec3, rotation: Quat) -> Transform {
    let bounds = shape.bounds();
    let middle = (bounds.min + bounds.max).as_vec3() / 2.0 / UM_PER_METRE;
    Transform {
        translation: position / MM_PER_METRE + rotation * (middle * (1.0 - GHOST_GROWTH)),
        rotation,
        scale: Vec3::splat(GHOST_GROWTH),
    }
}

/// The ghost's two looks.
#[derive(Resource)]
struct GhostMaterials {
    fits: Handle<StandardMaterial>,
    refused: Handle<StandardMaterial>,
}

/// Orders the drag's systems after whoever writes [`DragStep`]s.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct DragSystems;

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Drag>()
        .add_message::<DragStep>()
        .add_systems(Startup, spawn_ghost)
        .add_systems(
            Update,
            (
                steps_from_the_ui,
                follow_steps,
                show_ghost,
                hide_the_moving_part,
            )
                .chain()
                .in_set(DragSystems),
        );
}

fn spawn_ghost(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    let translucent = |colour: Color| StandardMaterial {
        base_color: colour,
        alpha_mode: AlphaMode::Blend,
        unlit: true,
        ..default()
    };
    let ghost_materials = GhostMaterials {
        fits: materials.add(translucent(Color::srgba(0.2, 0.55, 1.0, 0.45))),
        refused: materials.add(translucent(Color::srgba(0.9, 0.12, 0.08, 0.5))),
    };
    commands.spawn((
        Ghost,
        // Replaced by the dragged part's own mesh as soon as a drag shows it.
        Mesh3d::default(),
        MeshMaterial3d(ghost_materials.fits.clone()),
        Transform::default(),
        Visibility::Hidden,
    ));
    let marker_look = MarkerLook {
        mesh: meshes.add(Sphere::new(0.5)),
        material: materials.add(StandardMaterial {
            base_color: Color::srgb(1.0, 0.75, 0.1),
            unlit: true,
            ..default()
        }),
    };
    for index in 0..MARKERS {
        commands.spawn((
            ConnectorMarker(index),
            Mesh3d(marker_look.mesh.clone()),
            MeshMaterial3d(marker_look.material.clone()),
            Transform::default(),
            Visibility::Hidden,
        ));
    }
    commands.insert_resource(ghost_materials);
    commands.insert_resource(marker_look);
}

/// The UI's drag commands, as drag steps.
fn steps_from_the_ui(
    mut commands: MessageReader<SceneCommand>,
    mut steps: MessageWriter<DragStep>,
) {
    for SceneCommand(command) in commands.read() {
        let ToScene::Drag(command) = command else {
            continue;
        };
        steps.write(match command {
            DragCommand::Start(kind) => DragStep::Start {
                kind: kind.clone(),
                moving: None,
                facing: Rotation::IDENTITY,
            },
            DragCommand::Pointer(pointer) => DragStep::Pointer(*pointer),
            DragCommand::Rotate => DragStep::Rotate,
            DragCommand::Drop => DragStep::Drop,
            DragCommand::Cancel => DragStep::Cancel,
        });
    }
}

/// Where the pointer's ray runs, in micrometres, from the camera's point of view.
pub(crate) fn ray_at(camera: &OrbitCamera, window: &Window, pointer: Vec2) -> SnapTarget {
    let (origin, direction) = camera.ray_through(pointer, window.size());
    SnapTarget::Ray {
        origin: origin * UM_PER_METRE,
        direction,
    }
}

/// Where the dragged part could go near the pointer, if it is over the canvas and a snapshot
/// is shown.
fn snap_under_pointer<'a>(
    dragging: &Dragging,
    shown: &'a ShownSnapshot,
    camera: &OrbitCamera,
    window: &Window,
) -> Option<(&'a Assembly, SnapResult)> {
    let assembly = &shown.0.as_ref()?.assembly;
    let query = SnapQuery {
        kind: dragging.kind.clone(),
        moving: dragging.moving,
        target: ray_at(camera, window, dragging.pointer?),
        facing: dragging.facing,
    };
    Some((assembly, snap(assembly, &query)))
}

/// The spot the ghost shows: the best valid one, unless a refused spot is clearly nearer the
/// pointer (then the customer is told why the part cannot go *there*).
fn shown_spot(
    assembly: &Assembly,
    kind: &PartKindId,
    result: &SnapResult,
) -> Option<SnapCandidate> {
    let nearest = result.nearby.first()?;
    // "Clearly nearer": by more than the part's own size.
    let reach = assembly
        .catalog()
        .part(kind)
        .map_or(0.0, |kind| kind.shape.bounding_size().max_element() as f32);
    match &result.best {
        Some(best) if nearest.is_valid() || best.distance <= nearest.distance + reach => {
            Some(best.clone())
        }
        _ => Some(nearest.clone()),
    }
}

/// What dropping the dragged part on `spot` does.
fn outcome(assembly: &Assembly, dragging: &Dragging, spot: Option<SnapCandidate>) -> DragOutcome {
    let refused = |refusals| DragOutcome::Refused {
        kind: dragging.kind.clone(),
        refusals,
    };
    let Some(spot) = spot else {
        return refused(Vec::new());
    };
    if !spot.is_valid() {
        return refused(spot.refusals);
    }
    match dragging.moving {
        Some(id)
            if assembly
                .part(id)
                .is_some_and(|part| part.placement == spot.placement) =>
        {
            DragOutcome::Cancelled
        }
        Some(id) => DragOutcome::Proposed(Edit::MovePart {
            id,
            to: spot.placement,
        }),
        None => {
            let finish = assembly.catalog().part(&dragging.kind).and_then(|kind| {
                finishes_to_try(assembly, kind, spot.placement)
                    .into_iter()
                    .next()
            });
            match finish {
                Some(finish) => DragOutcome::Proposed(Edit::PlacePart(PlacedPart {
                    id: assembly.next_part_id(),
                    kind: dragging.kind.clone(),
                    finish,
                    placement: spot.placement,
                })),
                None => refused(Vec::new()),
            }
        }
    }
}

fn follow_steps(
    mut steps: MessageReader<DragStep>,
    mut drag: ResMut<Drag>,
    mut facts: MessageWriter<SceneFact>,
    shown: Res<ShownSnapshot>,
    camera: Single<&OrbitCamera>,
    window: Single<&Window>,
) {
    for step in steps.read() {
        match (step, drag.0.as_mut()) {
            (
                DragStep::Start {
                    kind,
                    moving,
                    facing,
                },
                _,
            ) => {
                drag.0 = Some(Dragging {
                    kind: kind.clone(),
                    moving: *moving,
                    facing: *facing,
                    pointer: None,
                    told: None,
                });
            }
            (DragStep::Pointer(pointer), Some(dragging)) => dragging.pointer = *pointer,
            (DragStep::Rotate, Some(dragging)) => {
                dragging.facing =
                    Rotation::quarter_turns_about(Direction::PosY, 1).after(dragging.facing);
            }
            (DragStep::Drop, Some(dragging)) => {
                let snapped = snap_under_pointer(dragging, &shown, &camera, &window);
                let ended = match snapped {
                    Some((assembly, result)) => {
                        let spot = shown_spot(assembly, &dragging.kind, &result);
                        outcome(assembly, dragging, spot)
                    }
                    None => DragOutcome::Refused {
                        kind: dragging.kind.clone(),
                        refusals: Vec::new(),
                    },
                };
                facts.write(SceneFact(FromScene::DragEnded(ended)));
                drag.0 = None;
            }
            (DragStep::Cancel, Some(_)) => {
                facts.write(SceneFact(FromScene::DragEnded(DragOutcome::Cancelled)));
                drag.0 = None;
            }
            // A step of a drag that already ended (a late pointer move) changes nothing.
            (_, None) => {}
        }
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system names each resource it touches"
)]
fn show_ghost(
    mut drag: ResMut<Drag>,
    mut facts: MessageWriter<SceneFact>,
    shown: Res<ShownSnapshot>,
    camera: Single<&OrbitCamera>,
    window: Single<&Window>,
    ghost_materials: Res<GhostMaterials>,
    mut shape_meshes: ResMut<ShapeMeshes>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut ghost: Single<GhostView, (With<Ghost>, Without<ConnectorMarker>)>,
    mut markers: Query<(&ConnectorMarker, &mut Transform, &mut Visibility), Without<Ghost>>,
) {
    let (transform, ghost_visibility, ghost_mesh, ghost_material) = &mut *ghost;
    let Some(dragging) = drag.0.as_mut() else {
        **ghost_visibility = Visibility::Hidden;
        for (_, _, mut visibility) in &mut markers {
            *visibility = Visibility::Hidden;
        }
        return;
    };
    let snapped = snap_under_pointer(dragging, &shown, &camera, &window);
    let (spot, marked) = match &snapped {
        Some((assembly, result)) => (
            shown_spot(assembly, &dragging.kind, result),
            open_connectors_tried(assembly, result),
        ),
        None => (None, Vec::new()),
    };
    let catalog = snapped.map(|(assembly, _)| assembly.catalog());
    let kind = catalog.and_then(|catalog| catalog.part(&dragging.kind));
    let marker_size = kind.map_or(0.0, marker_size);
    match (&spot, kind, catalog) {
        (Some(spot), Some(kind), Some(catalog)) => {
            ghost_mesh.0 = shape_meshes.get_or_create(&kind.shape, &catalog.models, &mut meshes);
            **transform = ghost_transform(
                &kind.shape,
                um_to_mm_vec(spot.placement.translation),
                Quat::from_array(spot.placement.rotation.to_quaternion()),
            );
            **ghost_visibility = Visibility::Visible;
            ghost_material.0 = if spot.is_valid() {
                ghost_materials.fits.clone()
            } else {
                ghost_materials.refused.clone()
            };
        }
        _ => **ghost_visibility = Visibility::Hidden,
    }
    for (marker, mut transform, mut visibility) in &mut markers {
        match marked.get(marker.0) {
            Some(&position) => {
                *transform =
                    Transform::from_translation(position).with_scale(Vec3::splat(marker_size));
                *visibility = Visibility::Visible;
            }
            None => *visibility = Visibility::Hidden,
        }
    }
    let preview = DragPreview {
        kind: dragging.kind.clone(),
        pointer: dragging.pointer,
        refusals: spot.map(|spot| spot.refusals).unwrap_or_default(),
    };
    if dragging.told.as_ref() != Some(&preview) {
        facts.write(SceneFact(FromScene::DragPreview(preview.clone())));
        dragging.told = Some(preview);
    }
}

/// Where the open connectors the drag tried near the pointer are, in metres.
fn open_connectors_tried(assembly: &Assembly, result: &SnapResult) -> Vec<Vec3> {
    let mut positions: Vec<Vec3> = Vec::new();
    for onto in result
        .nearby
        .iter()
        .filter_map(|candidate| candidate.onto.as_ref())
    {
        let position = assembly.part(onto.part).and_then(|part| {
            let kind = assembly.catalog().part(&part.kind)?;
            let connector = kind.connector(&onto.connector)?;
            Some(connector.world_frame(part.placement).position.as_vec3() / UM_PER_METRE)
        });
        if let Some(position) = position
            && !positions.contains(&position)
        {
            positions.push(position);
        }
    }
    positions.truncate(MARKERS);
    positions
}

/// While an existing part is dragged, its ghost stands in for it.
fn hide_the_moving_part(drag: Res<Drag>, mut views: Query<(&PartView, &mut Visibility)>) {
    if !drag.is_changed() {
        return;
    }
    let moving = drag.0.as_ref().and_then(|dragging| dragging.moving);
    for (view, mut visibility) in &mut views {
        let wanted = if Some(view.0) == moving {
            Visibility::Hidden
        } else {
            Visibility::Inherited
        };
        visibility.set_if_neq(wanted);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_scene::{assembly_of, bare_app, facts, screen_point, shipped, show};
    use snapkit_core::Placement;
    use snapkit_core::snapping::Refusal;
    use std::collections::BTreeMap;

    /// A brick's height, in micrometres.
    const BRICK_HEIGHT_UM: i32 = 9_600;

    /// A camera that sees one brick at the origin large.
    fn close_camera() -> OrbitCamera {
        OrbitCamera {
            target: Vec3::new(0.0, 0.005, 0.0),
            yaw: 0.6,
            pitch: 0.6,
            distance: 0.2,
        }
    }

    /// A scene with one 2×4 brick at the origin, drag-ready.
    fn brick_scene() -> (App, Assembly) {
        let mut app = bare_app();
        crate::finish_materials::plugin(&mut app);
        crate::assembly_view::plugin(&mut app);
        crate::part_picking::plugin(&mut app);
        crate::spot_markers::plugin(&mut app);
        plugin(&mut app);
        app.world_mut().spawn(close_camera());
        let assembly = assembly_of(shipped("bricks"), "brick-2x4", "red", &[IVec3::ZERO]);
        show(&mut app, &assembly, &BTreeMap::new());
        facts(&mut app);
        (app, assembly)
    }

    fn command(app: &mut App, command: DragCommand) {
        app.world_mut()
            .write_message(SceneCommand(ToScene::Drag(command)));
        app.update();
    }

    /// The shape of `kind` in the catalog of the assembly the scene shows.
    fn assembly_catalog_shape(app: &App, kind: &str) -> Shape {
        let shown = app.world().resource::<ShownSnapshot>();
        let assembly = &shown.0.as_ref().expect("a snapshot").assembly;
        assembly
            .catalog()
            .part(&PartKindId::new(kind))
            .expect("the kind")
            .shape
            .clone()
    }

    fn ghost_visible(app: &mut App) -> bool {
        let mut query = app.world_mut().query_filtered::<&Visibility, With<Ghost>>();
        query.single(app.world()).expect("one ghost") == Visibility::Visible
    }

    #[test]
    fn a_brick_dragged_over_another_snaps_onto_its_studs_and_is_proposed_on_drop() {
        let (mut app, _) = brick_scene();
        command(&mut app, DragCommand::Start(PartKindId::new("brick-2x4")));
        let above_the_top = screen_point(&close_camera(), Vec3::new(0.0, 0.0096, 0.0));
        command(&mut app, DragCommand::Pointer(Some(above_the_top)));
        assert!(ghost_visible(&mut app));
        let (ghost_mesh, ghost_at) = {
            let mut query = app
                .world_mut()
                .query_filtered::<(&Mesh3d, &Transform), With<Ghost>>();
            let (mesh, transform) = query.single(app.world()).expect("one ghost");
            (mesh.0.clone(), *transform)
        };
        let brick_mesh = app
            .world()
            .resource::<ShapeMeshes>()
            .get(&assembly_catalog_shape(&app, "brick-2x4"))
            .expect("the brick's mesh was made");
        assert_eq!(
            ghost_mesh, brick_mesh,
            "the ghost is the brick's own shape, studs and all"
        );
        assert!(
            (ghost_at.translation.y - 0.0096).abs() < 0.0002,
            "the ghost stands on the lower brick: {ghost_at:?}"
        );
        let told = facts(&mut app);
        assert!(
            told.iter().any(|fact| matches!(
                fact,
                FromScene::DragPreview(DragPreview { refusals, pointer: Some(_), .. }) if refusals.is_empty()
            )),
            "{told:?}"
        );

        command(&mut app, DragCommand::Drop);
        let told = facts(&mut app);
        let [FromScene::DragEnded(DragOutcome::Proposed(Edit::PlacePart(part)))] = told.as_slice()
        else {
            panic!("expected a proposed placement, got {told:?}");
        };
        assert_eq!(part.id, PartId(2));
        assert_eq!(part.kind, PartKindId::new("brick-2x4"));
        assert_eq!(
            part.finish,
            snapkit_core::FinishId::new("red"),
            "the finish of the brick below"
        );
        assert_eq!(part.placement.translation.y, BRICK_HEIGHT_UM);
        assert!(!ghost_visible(&mut app), "the ghost goes away on drop");
    }

    #[test]
    fn a_quarter_turn_stands_a_brick_on_the_floor_crosswise() {
        let (mut app, _) = brick_scene();
        command(&mut app, DragCommand::Start(PartKindId::new("brick-2x4")));
        command(&mut app, DragCommand::Rotate);
        let on_the_floor = screen_point(&close_camera(), Vec3::new(0.06, 0.0, 0.0));
        command(&mut app, DragCommand::Pointer(Some(on_the_floor)));
        command(&mut app, DragCommand::Drop);
        let told = facts(&mut app);
        let Some(FromScene::DragEnded(DragOutcome::Proposed(Edit::PlacePart(part)))) = told.last()
        else {
            panic!("expected a proposed placement, got {told:?}");
        };
        assert_eq!(
            part.placement.rotation,
            Rotation::quarter_turns_about(Direction::PosY, 1)
        );
        assert_eq!(part.placement.translation.y, 0);
        assert!(
            part.placement.translation.x > 40_000,
            "{:?}",
            part.placement
        );
    }

    #[test]
    fn a_drop_off_the_canvas_changes_nothing_and_escape_cancels() {
        let (mut app, _) = brick_scene();
        command(&mut app, DragCommand::Start(PartKindId::new("brick-2x4")));
        command(&mut app, DragCommand::Pointer(None));
        command(&mut app, DragCommand::Drop);
        assert_eq!(
            facts(&mut app).last(),
            Some(&FromScene::DragEnded(DragOutcome::Refused {
                kind: PartKindId::new("brick-2x4"),
                refusals: Vec::new()
            }))
        );
        command(&mut app, DragCommand::Start(PartKindId::new("brick-2x4")));
        command(&mut app, DragCommand::Cancel);
        assert_eq!(
            facts(&mut app).last(),
            Some(&FromScene::DragEnded(DragOutcome::Cancelled))
        );
    }

    #[test]
    fn the_ghost_is_refused_with_the_reason_where_the_part_would_overlap() {
        let assembly = assembly_of(shipped("bricks"), "brick-2x4", "red", &[IVec3::ZERO]);
        let dragging = Dragging {
            kind: PartKindId::new("brick-2x4"),
            moving: None,
            facing: Rotation::IDENTITY,
            pointer: None,
            told: None,
        };
        // Straight down through the brick onto the floor: every stud is nearer than any free
        // spot, but a floor spot under the pointer would overlap the brick.
        let result = snap(
            &assembly,
            &SnapQuery {
                kind: dragging.kind.clone(),
                moving: None,
                target: SnapTarget::Point(Vec3::new(0.0, 0.0, 0.0)),
                facing: Rotation::IDENTITY,
            },
        );
        let floor = result
            .nearby
            .iter()
            .find(|candidate| candidate.onto.is_none())
            .expect("the floor is tried");
        assert_eq!(floor.refusals, [Refusal::CollidesWith(PartId(1))]);
        let dropped = outcome(&assembly, &dragging, Some(floor.clone()));
        assert_eq!(
            dropped,
            DragOutcome::Refused {
                kind: PartKindId::new("brick-2x4"),
                refusals: vec![Refusal::CollidesWith(PartId(1))]
            }
        );
        let unmoved = Dragging {
            moving: Some(PartId(1)),
            ..dragging
        };
        let same_place = SnapCandidate {
            placement: Placement::default(),
            refusals: Vec::new(),
            ..floor.clone()
        };
        assert_eq!(
            outcome(&assembly, &unmoved, Some(same_place)),
            DragOutcome::Cancelled,
            "a part dropped where it was is no change"
        );
    }

    #[test]
    fn the_ghost_shows_a_refused_spot_only_when_no_valid_one_is_about_as_near() {
        let assembly = assembly_of(shipped("bricks"), "brick-2x4", "red", &[IVec3::ZERO]);
        let kind = PartKindId::new("brick-2x4");
        // A 2×4 brick is 32 mm long: that is how much nearer a refused spot must be.
        let spot = |distance: f32, refusals: Vec<Refusal>| SnapCandidate {
            placement: Placement::default(),
            onto: None,
            refusals,
            distance,
        };
        let refused = spot(0.0, vec![Refusal::CollidesWith(PartId(1))]);
        let near_valid = spot(20_000.0, Vec::new());
        let far_valid = spot(60_000.0, Vec::new());
        let result = |best: &SnapCandidate| SnapResult {
            best: Some(best.clone()),
            best_joints: Vec::new(),
            nearby: vec![refused.clone(), best.clone()],
            incompatible: Vec::new(),
        };
        assert_eq!(
            shown_spot(&assembly, &kind, &result(&near_valid)),
            Some(near_valid.clone())
        );
        assert_eq!(
            shown_spot(&assembly, &kind, &result(&far_valid)),
            Some(refused.clone())
        );
        let nothing_valid = SnapResult {
            best: None,
            best_joints: Vec::new(),
            nearby: vec![refused.clone()],
            incompatible: Vec::new(),
        };
        assert_eq!(shown_spot(&assembly, &kind, &nothing_valid), Some(refused));
    }
}
