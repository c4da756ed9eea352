//! The markers on the selected part's open spots: an amber ball on each connector something
//! could be attached to (`core::snapping::open_spots_of`), drawn like the drag's connector
//! markers. A tap on one is told to the UI (`FromScene::SpotPicked`, from `part_picking`),
//! whose "Add to this part" list then shows what fits there and what does not, and why. None
//! while a part is dragged: the drag marks the connectors it tries.

use crate::assembly_view::{ShowSnapshots, ShownSnapshot};
use crate::drag_and_snap::{Drag, MarkerLook, marker_size};
use bevy::prelude::*;
use snapkit_bridge::PartMark;
use snapkit_core::ConnectorId;
use snapkit_core::shape_mesh::UM_PER_METRE;
use snapkit_core::snapping::open_spots_of;

/// How far from a marker (as a share of the distance from the eye) a tap still hits it: about
/// 20 logical pixels on a tablet, the size of a fingertip, whatever the marker's own size.
const TAP_REACH: f32 = 0.025;

/// One marker entity.
#[derive(Component)]
struct SpotMarker;

/// The spots marked now: which connector, where (metres) and how big (diameter, metres).
#[derive(Resource, Default, Debug, Clone, PartialEq)]
pub(crate) struct MarkedSpots(pub(crate) Vec<(ConnectorId, Vec3, f32)>);

impl MarkedSpots {
    /// The marked spot a ray from `origin` along `direction` (metres) passes nearest to,
    /// among those it passes within reach of and that are not hidden behind the part surface
    /// the ray meets first, `surface` metres along it (a marker on a part's far side is drawn
    /// behind the part, so a tap there is a tap on the part).
    pub(crate) fn hit(
        &self,
        origin: Vec3,
        direction: Vec3,
        surface: Option<f32>,
    ) -> Option<ConnectorId> {
        let direction = direction.normalize_or_zero();
        self.0
            .iter()
            .filter_map(|(id, centre, size)| {
                let along = (*centre - origin).dot(direction);
                let off = (*centre - (origin + direction * along)).length();
                let in_front = surface.is_none_or(|surface| along - size / 2.0 <= surface);
                (along > 0.0 && in_front && off <= (size / 2.0).max(along * TAP_REACH))
                    .then_some((id, off))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(id, _)| id.clone())
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<MarkedSpots>()
        .add_systems(Update, mark_spots.after(ShowSnapshots));
}

/// The spots of the selected part in `shown`, unless a drag is on.
fn spots_to_mark(shown: &ShownSnapshot, dragging: bool) -> Vec<(ConnectorId, Vec3, f32)> {
    let Some(snapshot) = shown.0.as_ref().filter(|_| !dragging) else {
        return Vec::new();
    };
    let Some(selected) = snapshot
        .parts
        .iter()
        .find(|part| part.mark == Some(PartMark::Selected))
    else {
        return Vec::new();
    };
    let assembly = &snapshot.assembly;
    let Some(kind) = assembly.kind_of(selected.id) else {
        return Vec::new();
    };
    let size = marker_size(kind);
    // Each ball sits on its face, out along the connector's normal, not half inside the part.
    open_spots_of(assembly, selected.id)
        .into_iter()
        .map(|open| {
            let on_face = open.frame.position.as_vec3() / UM_PER_METRE;
            let outward = open.frame.normal.vector().as_vec3() * size / 2.0;
            (open.id, on_face + outward, size)
        })
        .collect()
}

fn mark_spots(
    mut commands: Commands,
    shown: Res<ShownSnapshot>,
    drag: Res<Drag>,
    look: Option<Res<MarkerLook>>,
    mut marked: ResMut<MarkedSpots>,
    markers: Query<Entity, With<SpotMarker>>,
) {
    if !shown.is_changed() && !drag.is_changed() {
        return;
    }
    let Some(look) = look else {
        return;
    };
    let spots = MarkedSpots(spots_to_mark(&shown, drag.0.is_some()));
    if spots == *marked {
        return;
    }
    for marker in &markers {
        commands.entity(marker).despawn();
    }
    for (_, position, size) in &spots.0 {
        commands.spawn((
            SpotMarker,
            Mesh3d(look.mesh.clone()),
            MeshMaterial3d(look.material.clone()),
            Transform::from_translation(*position).with_scale(Vec3::splat(*size)),
        ));
    }
    *marked = spots;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_scene::{assembly_of, bare_app, selected, shipped, show};
    use snapkit_core::PartId;
    use std::collections::BTreeMap;

    fn app() -> App {
        let mut app = bare_app();
        crate::finish_materials::plugin(&mut app);
        crate::assembly_view::plugin(&mut app);
        crate::drag_and_snap::plugin(&mut app);
        plugin(&mut app);
        app
    }

    fn marker_count(app: &mut App) -> usize {
        app.world_mut()
            .query_filtered::<(), With<SpotMarker>>()
            .iter(app.world())
            .count()
    }

    #[test]
    fn the_selected_seat_has_a_marker_on_each_open_side_and_nothing_else_has_any() {
        let mut app = app();
        let seat = assembly_of(shipped("sofa"), "seat-600", "wool-sand", &[IVec3::ZERO]);
        show(&mut app, &seat, &BTreeMap::new());
        app.update();
        assert_eq!(
            marker_count(&mut app),
            0,
            "nothing selected, nothing marked"
        );
        show(&mut app, &seat, &selected(PartId(1)));
        app.update();
        let marked = app.world().resource::<MarkedSpots>().0.clone();
        let names: Vec<String> = marked
            .iter()
            .map(|(id, ..)| id.connector.to_string())
            .collect();
        assert_eq!(names, ["left", "right"]);
        assert_eq!(marker_count(&mut app), 2);
        // Each marker is where its connector is, on either side of the seat.
        let (left, right) = (marked[0].1, marked[1].1);
        assert!(left.x < 0.0 && right.x > 0.0, "{left} {right}");
        show(&mut app, &seat, &BTreeMap::new());
        app.update();
        assert_eq!(marker_count(&mut app), 0, "deselected, the markers go");
    }

    #[test]
    fn a_brick_on_the_floor_is_marked_on_its_studs_only() {
        let mut app = app();
        let brick = assembly_of(shipped("bricks"), "brick-2x4", "red", &[IVec3::ZERO]);
        show(&mut app, &brick, &selected(PartId(1)));
        app.update();
        let marked = &app.world().resource::<MarkedSpots>().0;
        assert_eq!(marked.len(), 8, "8 studs; the sockets face the floor");
        let size = marked[0].2;
        assert!(
            marked
                .iter()
                .all(|(_, at, _)| (at.y - 0.0096 - size / 2.0).abs() < 1e-4),
            "each sits on the brick's top: {marked:?}"
        );
    }

    #[test]
    fn a_ray_hits_the_marker_it_passes_nearest_within_reach() {
        let id = |name: &str| ConnectorId {
            part: PartId(1),
            connector: snapkit_core::ConnectorName::new(name),
        };
        let spots = MarkedSpots(vec![
            (id("left"), Vec3::new(-0.3, 0.2, 0.0), 0.04),
            (id("right"), Vec3::new(0.3, 0.2, 0.0), 0.04),
        ]);
        let eye = Vec3::new(0.0, 0.2, 2.0);
        let towards = |at: Vec3| at - eye;
        assert_eq!(
            spots.hit(eye, towards(Vec3::new(-0.29, 0.21, 0.0)), None),
            Some(id("left"))
        );
        assert_eq!(
            spots.hit(eye, towards(Vec3::new(0.33, 0.2, 0.0)), None),
            Some(id("right"))
        );
        assert_eq!(
            spots.hit(eye, towards(Vec3::ZERO), None),
            None,
            "between them"
        );
        assert_eq!(
            spots.hit(eye, -towards(Vec3::new(0.3, 0.2, 0.0)), None),
            None,
            "behind the eye"
        );
        // The markers are 2 m away: a surface the ray meets at 1.9 m hides them, one that
        // meets it at the marker's own near side does not.
        let right = towards(Vec3::new(0.3, 0.2, 0.0));
        assert_eq!(spots.hit(eye, right, Some(1.9)), None, "behind a part");
        let marker_front = right.length() - 0.02;
        assert_eq!(
            spots.hit(eye, right, Some(marker_front)),
            Some(id("right")),
            "on the part's near face"
        );
    }
}
