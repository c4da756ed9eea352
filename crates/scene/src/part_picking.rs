//! Taps and drags on the canvas itself: a tap on a marker of the selected part's open spots
//! picks that spot (`spot_markers`); a tap on a part picks it (or, on empty space, picks nothing); pressing the *selected* part and moving drags it; pressing anything else and
//! moving turns the camera, so a product that fills the view can still be orbited with one
//! finger. A finger and the mouse work alike. A resting mouse hovers: the part under it is
//! outlined (`part_frames`), so what a click would pick shows before the click.

use crate::assembly_view::ShownSnapshot;
use crate::bridge_link::SceneFact;
use crate::drag_and_snap::{Drag, DragStep, DragSystems, ray_at};
use crate::orbit_camera::OrbitCamera;
use crate::spot_markers::MarkedSpots;
use bevy::prelude::*;
use snapkit_bridge::{FromScene, PartMark};
use snapkit_core::picking::part_under_ray;
use snapkit_core::shape_mesh::UM_PER_METRE;
use snapkit_core::snapping::SnapTarget;
use snapkit_core::{ConnectorId, PartId};

/// How far (logical pixels) a press must move before it is a drag rather than a tap: a finger
/// wobbles a few pixels on a tap.
const DRAG_THRESHOLD_PX: f32 = 8.0;

/// What presses on the canvas: the mouse's left button or one finger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Presser {
    Mouse,
    Finger(u64),
}

/// A press on the canvas that is not over yet.
#[derive(Debug, Clone, PartialEq)]
struct Pressed {
    by: Presser,
    start: Vec2,
    /// The marked spot under the pointer when it went down: a tap picks it rather than the
    /// part, a drag still moves the part.
    spot: Option<ConnectorId>,
    /// The part under the pointer when it went down.
    part: Option<PartId>,
    /// Whether that part is the selected one, which a press holds (the camera stays still).
    holds_part: bool,
    /// Whether the press became a drag of that part.
    dragging: bool,
}

/// The press in progress, if any.
#[derive(Resource, Debug, Default)]
pub(crate) struct Press(Option<Pressed>);

/// The part under the mouse while no button is down and nothing is dragged. Fingers do not
/// hover.
#[derive(Resource, Debug, Default, PartialEq, Eq)]
pub(crate) struct Hovered(pub(crate) Option<PartId>);

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Press>()
        .init_resource::<Hovered>()
        .add_systems(
            Update,
            (
                follow_the_pointer.before(DragSystems),
                follow_the_mouse.after(follow_the_pointer),
            ),
        );
}

/// The part drawn under the pointer at `at` (logical pixels), if any.
fn part_at(
    shown: &ShownSnapshot,
    camera: &OrbitCamera,
    window: &Window,
    at: Vec2,
) -> Option<PartId> {
    let assembly = &shown.0.as_ref()?.assembly;
    match ray_at(camera, window, at) {
        SnapTarget::Ray { origin, direction } => {
            part_under_ray(assembly, origin, direction).map(|(id, _)| id)
        }
        SnapTarget::Point(_) => None,
    }
}

fn follow_the_mouse(
    mut hovered: ResMut<Hovered>,
    mouse: Res<ButtonInput<MouseButton>>,
    press: Res<Press>,
    drag: Res<Drag>,
    shown: Res<ShownSnapshot>,
    camera: Single<&OrbitCamera>,
    window: Single<&Window>,
) {
    let resting = mouse.get_pressed().next().is_none() && press.0.is_none() && drag.0.is_none();
    let part = window
        .cursor_position()
        .filter(|_| resting)
        .and_then(|at| part_at(&shown, &camera, &window, at));
    hovered.set_if_neq(Hovered(part));
}

/// Whether the camera may follow the pointer: no part is held or dragged.
pub(crate) fn pointer_is_free(press: Res<Press>, drag: Res<Drag>) -> bool {
    is_free(&press, &drag)
}

fn is_free(press: &Press, drag: &Drag) -> bool {
    drag.0.is_none() && press.0.as_ref().is_none_or(|pressed| !pressed.holds_part)
}

/// Where the presser is now, and whether it is still down.
fn presser_state(
    by: Presser,
    mouse: &ButtonInput<MouseButton>,
    touches: &Touches,
    window: &Window,
) -> (Option<Vec2>, bool) {
    match by {
        Presser::Mouse => (window.cursor_position(), mouse.pressed(MouseButton::Left)),
        Presser::Finger(id) => match touches.get_pressed(id) {
            Some(touch) => (Some(touch.position()), true),
            None => (
                touches
                    .iter_just_released()
                    .find(|touch| touch.id() == id)
                    .map(|touch| touch.position()),
                false,
            ),
        },
    }
}

/// A new press, if one began this frame: the left button, or the only finger on the canvas.
fn new_press(
    mouse: &ButtonInput<MouseButton>,
    touches: &Touches,
    window: &Window,
) -> Option<(Presser, Vec2)> {
    if mouse.just_pressed(MouseButton::Left) {
        return window.cursor_position().map(|at| (Presser::Mouse, at));
    }
    let mut down = touches.iter();
    match (down.next(), down.next()) {
        (Some(only), None) if touches.just_pressed(only.id()) => {
            Some((Presser::Finger(only.id()), only.position()))
        }
        _ => None,
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "a Bevy system names each resource it touches"
)]
fn follow_the_pointer(
    mut press: ResMut<Press>,
    mut steps: MessageWriter<DragStep>,
    mut facts: MessageWriter<SceneFact>,
    mouse: Res<ButtonInput<MouseButton>>,
    touches: Res<Touches>,
    shown: Res<ShownSnapshot>,
    marked: Res<MarkedSpots>,
    camera: Single<&OrbitCamera>,
    window: Single<&Window>,
) {
    let assembly = shown.0.as_ref().map(|snapshot| &snapshot.assembly);
    if press.0.is_none()
        && let Some((by, start)) = new_press(&mouse, &touches, &window)
    {
        let (spot, part) = match (ray_at(&camera, &window, start), assembly) {
            (SnapTarget::Ray { origin, direction }, Some(assembly)) => {
                let part = part_under_ray(assembly, origin, direction);
                let surface = part.map(|(_, distance)| distance / UM_PER_METRE);
                let spot = marked.hit(origin / UM_PER_METRE, direction, surface);
                (spot, part.map(|(id, _)| id))
            }
            _ => (None, None),
        };
        let holds_part = shown.0.as_ref().is_some_and(|snapshot| {
            snapshot
                .parts
                .iter()
                .any(|shown| Some(shown.id) == part && shown.mark == Some(PartMark::Selected))
        });
        press.0 = Some(Pressed {
            by,
            start,
            spot,
            part,
            holds_part,
            dragging: false,
        });
    }
    let Some(pressed) = press.0.as_mut() else {
        return;
    };
    // A second finger turns the gesture into a pinch or pan: no tap, no drag.
    if matches!(pressed.by, Presser::Finger(_)) && touches.iter().count() > 1 {
        if pressed.dragging {
            steps.write(DragStep::Cancel);
        }
        press.0 = None;
        return;
    }
    let (at, still_down) = presser_state(pressed.by, &mouse, &touches, &window);
    let moved_far = at.is_some_and(|at| at.distance(pressed.start) > DRAG_THRESHOLD_PX);
    if !pressed.dragging
        && moved_far
        && pressed.holds_part
        && let Some(id) = pressed.part
        && let Some(part) = assembly.and_then(|assembly| assembly.part(id))
    {
        pressed.dragging = true;
        steps.write(DragStep::Start {
            kind: part.kind.clone(),
            moving: Some(id),
            facing: part.placement.rotation,
        });
    }
    if pressed.dragging {
        steps.write(DragStep::Pointer(at));
    }
    if !still_down {
        if pressed.dragging {
            steps.write(DragStep::Drop);
        } else if !moved_far {
            facts.write(SceneFact(match pressed.spot.take() {
                Some(spot) => FromScene::SpotPicked(spot),
                None => FromScene::Picked(pressed.part),
            }));
        }
        press.0 = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_scene::{assembly_of, bare_app, facts, screen_point, selected, shipped, show};
    use bevy::input::touch::{TouchInput, TouchPhase, touch_screen_input_system};
    use snapkit_bridge::DragOutcome;
    use snapkit_core::Edit;
    use std::collections::BTreeMap;

    fn camera() -> OrbitCamera {
        OrbitCamera {
            target: Vec3::new(0.02, 0.005, 0.0),
            yaw: 0.6,
            pitch: 0.6,
            distance: 0.25,
        }
    }

    /// A scene that picks and marks, seen through `camera`.
    fn picking_app(camera: OrbitCamera) -> App {
        let mut app = bare_app();
        app.add_message::<TouchInput>()
            .add_systems(PreUpdate, touch_screen_input_system);
        crate::finish_materials::plugin(&mut app);
        crate::assembly_view::plugin(&mut app);
        crate::drag_and_snap::plugin(&mut app);
        crate::spot_markers::plugin(&mut app);
        plugin(&mut app);
        app.world_mut().spawn(camera);
        app
    }

    /// Where the app's camera shows `at` (world metres).
    fn pixel_of(app: &mut App, at: Vec3) -> Vec2 {
        let camera = app
            .world_mut()
            .query::<&OrbitCamera>()
            .single(app.world())
            .expect("one camera");
        screen_point(camera, at)
    }

    /// Two 2×4 bricks on the floor: #1 at the origin, #2 40 mm along +x, with #2 selected
    /// when `select_two` says so.
    fn two_bricks(select_two: bool) -> App {
        let mut app = picking_app(camera());
        let assembly = assembly_of(
            shipped("bricks"),
            "brick-2x4",
            "red",
            &[IVec3::ZERO, IVec3::new(40_000, 0, 0)],
        );
        let marks = if select_two {
            selected(PartId(2))
        } else {
            BTreeMap::new()
        };
        show(&mut app, &assembly, &marks);
        facts(&mut app);
        app
    }

    /// Puts the mouse at `at` (world metres), with the left button as `down` says, for one frame.
    fn mouse(app: &mut App, at: Vec3, down: bool) {
        let pixel = pixel_of(app, at);
        let mut window = app.world_mut().query::<&mut Window>();
        window
            .single_mut(app.world_mut())
            .expect("one window")
            .set_cursor_position(Some(pixel));
        let mut buttons = app.world_mut().resource_mut::<ButtonInput<MouseButton>>();
        if down {
            buttons.press(MouseButton::Left);
        } else {
            buttons.release(MouseButton::Left);
        }
        app.update();
        app.world_mut()
            .resource_mut::<ButtonInput<MouseButton>>()
            .clear();
    }

    /// A finger at `at` (world metres): pressed, moved or lifted.
    fn finger(app: &mut App, at: Vec3, phase: TouchPhase) {
        let position = pixel_of(app, at);
        let window = app
            .world_mut()
            .query_filtered::<Entity, With<Window>>()
            .single(app.world())
            .expect("one window");
        app.world_mut().write_message(TouchInput {
            phase,
            position,
            window,
            force: None,
            id: 7,
        });
        app.update();
    }

    #[test]
    fn a_tap_over_a_marker_hidden_behind_the_part_picks_the_part_not_the_spot() {
        // Seen from its right, the seat hides the marker on its left side.
        let mut app = picking_app(OrbitCamera {
            target: Vec3::new(0.0, 0.2, 0.0),
            yaw: 1.1,
            pitch: 0.3,
            distance: 2.5,
        });
        let seat = assembly_of(shipped("sofa"), "seat-600", "wool-sand", &[IVec3::ZERO]);
        show(&mut app, &seat, &selected(PartId(1)));
        app.update();
        facts(&mut app);
        let marked = app.world().resource::<MarkedSpots>().0.clone();
        let [(_, left, _), (right_id, right, _)] = marked.as_slice() else {
            panic!("a marker on each side of the seat: {marked:?}");
        };
        mouse(&mut app, *left, true);
        mouse(&mut app, *left, false);
        assert_eq!(facts(&mut app), [FromScene::Picked(Some(PartId(1)))]);
        mouse(&mut app, *right, true);
        mouse(&mut app, *right, false);
        assert_eq!(facts(&mut app), [FromScene::SpotPicked(right_id.clone())]);
    }

    #[test]
    fn a_tap_on_a_part_picks_it_and_a_tap_on_empty_floor_picks_nothing() {
        let mut app = two_bricks(false);
        let brick_two_top = Vec3::new(0.04, 0.0096, 0.0);
        mouse(&mut app, brick_two_top, true);
        mouse(&mut app, brick_two_top, false);
        assert_eq!(facts(&mut app), [FromScene::Picked(Some(PartId(2)))]);

        let empty_floor = Vec3::new(0.0, 0.0, 0.06);
        mouse(&mut app, empty_floor, true);
        mouse(&mut app, empty_floor, false);
        assert_eq!(facts(&mut app), [FromScene::Picked(None)]);
    }

    #[test]
    fn a_tap_on_a_marked_stud_of_the_selected_brick_picks_that_spot_and_a_drag_from_it_moves_the_brick()
     {
        let mut app = two_bricks(true);
        app.update();
        // Brick 2's stud nearest the eye's left: x 40 − 4 mm, z −12 mm, on its top.
        let stud = Vec3::new(0.036, 0.0096, -0.012);
        mouse(&mut app, stud, true);
        mouse(&mut app, stud, false);
        let told = facts(&mut app);
        let [FromScene::SpotPicked(spot)] = told.as_slice() else {
            panic!("expected a picked spot, got {told:?}");
        };
        assert_eq!(spot.part, PartId(2));
        assert!(spot.connector.to_string().starts_with("stud"), "{spot:?}");

        mouse(&mut app, stud, true);
        mouse(&mut app, Vec3::new(0.0, 0.0096, 0.0), true);
        mouse(&mut app, Vec3::new(0.0, 0.0096, 0.0), false);
        assert!(
            matches!(
                facts(&mut app).last(),
                Some(FromScene::DragEnded(DragOutcome::Proposed(
                    Edit::MovePart { id: PartId(2), .. }
                )))
            ),
            "a press on a marker that moves drags the brick"
        );
    }

    #[test]
    fn pressing_an_unselected_part_and_moving_turns_the_camera_instead() {
        let mut app = two_bricks(false);
        mouse(&mut app, Vec3::new(0.04, 0.0096, 0.0), true);
        assert!(is_free(
            app.world().resource::<Press>(),
            app.world().resource::<Drag>()
        ));
        mouse(&mut app, Vec3::new(0.0, 0.0096, 0.0), true);
        mouse(&mut app, Vec3::new(0.0, 0.0096, 0.0), false);
        assert_eq!(facts(&mut app), [], "neither a tap nor a drag");
    }

    #[test]
    fn pressing_the_selected_part_and_moving_drags_it_onto_another_with_the_mouse() {
        let mut app = two_bricks(true);
        mouse(&mut app, Vec3::new(0.04, 0.0096, 0.0), true);
        assert!(
            !is_free(
                app.world().resource::<Press>(),
                app.world().resource::<Drag>()
            ),
            "the camera stays still while a part is pressed"
        );
        mouse(&mut app, Vec3::new(0.0, 0.0096, 0.0), true);
        mouse(&mut app, Vec3::new(0.0, 0.0096, 0.0), false);
        let told = facts(&mut app);
        let Some(FromScene::DragEnded(DragOutcome::Proposed(Edit::MovePart { id, to }))) =
            told.last()
        else {
            panic!("expected a proposed move, got {told:?}");
        };
        assert_eq!(*id, PartId(2));
        assert_eq!(to.translation.y, 9_600, "on top of brick 1: {to:?}");
    }

    #[test]
    fn a_finger_drags_the_selected_part_like_the_mouse() {
        let mut app = two_bricks(true);
        finger(&mut app, Vec3::new(0.04, 0.0096, 0.0), TouchPhase::Started);
        finger(&mut app, Vec3::new(0.0, 0.0096, 0.0), TouchPhase::Moved);
        finger(&mut app, Vec3::new(0.0, 0.0096, 0.0), TouchPhase::Ended);
        let told = facts(&mut app);
        assert!(
            matches!(
                told.last(),
                Some(FromScene::DragEnded(DragOutcome::Proposed(Edit::MovePart { id: PartId(2), to })))
                    if to.translation.y == 9_600
            ),
            "{told:?}"
        );
    }

    #[test]
    fn a_resting_mouse_hovers_the_part_under_it_and_a_held_button_does_not() {
        let mut app = two_bricks(false);
        let hovered = |app: &App| app.world().resource::<Hovered>().0;
        mouse(&mut app, Vec3::new(0.04, 0.0096, 0.0), false);
        assert_eq!(hovered(&app), Some(PartId(2)));
        mouse(&mut app, Vec3::new(0.0, 0.0096, 0.0), false);
        assert_eq!(hovered(&app), Some(PartId(1)));
        mouse(&mut app, Vec3::new(0.0, 0.0096, 0.0), true);
        assert_eq!(
            hovered(&app),
            None,
            "a held button turns the camera: nothing hovers"
        );
        mouse(&mut app, Vec3::new(0.0, 0.0096, 0.0), false);
        assert_eq!(hovered(&app), Some(PartId(1)));
        mouse(&mut app, Vec3::new(0.15, 0.0, 0.15), false);
        assert_eq!(hovered(&app), None, "the empty floor");
    }
}
