//! Frames around parts: the selected part's twelve box edges drawn as thin bars in the accent
//! colour, so the selection shows without hiding the part's finish, and a thinner, paler frame
//! around the part under a resting mouse (what a click would pick).

use crate::assembly_view::{ShownSnapshot, bounds_transform};
use crate::drag_and_snap::Drag;
use crate::part_picking::Hovered;
use bevy::light::NotShadowCaster;
use bevy::prelude::*;
use snapkit_bridge::{PartMark, ScenePart};

/// Which frame an edge belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Framed {
    Selection,
    Hover,
}

/// One of a frame's twelve edges.
#[derive(Component)]
struct FrameEdge {
    frame: Framed,
    index: usize,
}

/// The accent of the configurator's side panel, so panel and scene speak alike.
const ACCENT: Color = Color::srgb(0.11, 0.45, 0.95);
/// The hover frame's colour: the accent, paler, so it never reads as a selection.
const HOVER: Color = Color::srgb(0.55, 0.72, 0.98);

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_edges)
        // After the frame's snapshot, drag steps and hover (all in `Update`).
        .add_systems(PostUpdate, follow_selection_and_hover);
}

fn spawn_edges(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    let mesh = meshes.add(Cuboid::from_length(1.0));
    for (frame, colour) in [(Framed::Selection, ACCENT), (Framed::Hover, HOVER)] {
        let material = materials.add(StandardMaterial {
            base_color: colour,
            unlit: true,
            ..default()
        });
        for index in 0..12 {
            commands.spawn((
                FrameEdge { frame, index },
                // A frame marks the part; its bars would throw stray lines on the floor.
                NotShadowCaster,
                Mesh3d(mesh.clone()),
                MeshMaterial3d(material.clone()),
                Transform::default(),
                Visibility::Hidden,
            ));
        }
    }
}

/// The twelve edges of `part`'s box as bars `thickness` metres thick: four along each axis.
fn edges(part: &ScenePart, thickness: f32) -> [Transform; 12] {
    let body = bounds_transform(&part.shape, part.position, part.rotation);
    let half = body.scale / 2.0;
    std::array::from_fn(|index| {
        let axis = index / 4;
        let (first, second) = ((axis + 1) % 3, (axis + 2) % 3);
        let mut offset = Vec3::ZERO;
        offset[first] = if index % 2 == 0 {
            half[first]
        } else {
            -half[first]
        };
        offset[second] = if index % 4 < 2 {
            half[second]
        } else {
            -half[second]
        };
        let mut scale = Vec3::splat(thickness);
        scale[axis] = body.scale[axis] + thickness;
        Transform {
            translation: body.translation + body.rotation * offset,
            rotation: body.rotation,
            scale,
        }
    })
}

/// The edges of `part`'s frame: thin enough for a brick, visible on a sofa (a fortieth of the
/// smallest side for the selection, less for hover).
fn frame_of(part: &ScenePart, frame: Framed) -> [Transform; 12] {
    let thickness = (part.size().min_element() / 1000.0 / 40.0).clamp(0.0006, 0.008);
    match frame {
        Framed::Selection => edges(part, thickness),
        Framed::Hover => edges(part, thickness * 0.6),
    }
}

fn follow_selection_and_hover(
    shown: Res<ShownSnapshot>,
    drag: Res<Drag>,
    hovered: Res<Hovered>,
    mut bars: Query<(&FrameEdge, &mut Transform, &mut Visibility)>,
) {
    if !shown.is_changed() && !drag.is_changed() && !hovered.is_changed() {
        return;
    }
    let parts = shown
        .0
        .as_ref()
        .map_or(&[][..], |snapshot| &snapshot.parts[..]);
    let selected = parts
        .iter()
        .find(|part| part.mark == Some(PartMark::Selected));
    // While the selected part is dragged, its ghost shows where it goes.
    let dragged = drag.0.as_ref().and_then(|dragging| dragging.moving());
    let selection = selected
        .filter(|part| Some(part.id) != dragged)
        .map(|part| frame_of(part, Framed::Selection));
    // The selected part needs no second frame.
    let hover = hovered
        .0
        .filter(|id| selected.is_none_or(|part| part.id != *id))
        .and_then(|id| parts.iter().find(|part| part.id == id))
        .map(|part| frame_of(part, Framed::Hover));
    for (edge, mut transform, mut visibility) in &mut bars {
        let framed = match edge.frame {
            Framed::Selection => &selection,
            Framed::Hover => &hover,
        };
        match framed {
            Some(edges) => {
                *transform = edges[edge.index];
                visibility.set_if_neq(Visibility::Visible);
            }
            None => {
                visibility.set_if_neq(Visibility::Hidden);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_scene::{bare_app, selected, shelving_row, show};
    use snapkit_core::PartId;
    use std::collections::BTreeMap;

    fn app() -> App {
        let mut app = bare_app();
        app.init_resource::<Hovered>();
        crate::finish_materials::plugin(&mut app);
        crate::assembly_view::plugin(&mut app);
        crate::drag_and_snap::plugin(&mut app);
        plugin(&mut app);
        app
    }

    /// The centre and size of each visible edge of `frame`.
    fn visible(app: &mut App, frame: Framed) -> Vec<(Vec3, Vec3)> {
        let mut query = app
            .world_mut()
            .query::<(&FrameEdge, &Transform, &Visibility)>();
        query
            .iter(app.world())
            .filter(|(edge, _, visibility)| {
                edge.frame == frame && **visibility == Visibility::Visible
            })
            .map(|(_, transform, _)| (transform.translation, transform.scale))
            .collect()
    }

    /// Two frames in a row, #2 selected.
    fn second_of_two_selected(app: &mut App) -> snapkit_core::Assembly {
        let row = shelving_row(2);
        show(app, &row, &selected(PartId(2)));
        row
    }

    #[test]
    fn the_selected_part_is_framed_by_its_twelve_edges() {
        let mut app = app();
        let row = second_of_two_selected(&mut app);
        let bars = visible(&mut app, Framed::Selection);
        assert_eq!(bars.len(), 12);
        // Frame #2 spans x 0.375..1.125, y 0..0.35, z -0.175..0.175 (metres).
        for (centre, _) in &bars {
            assert!(
                centre.x >= 0.375 - 1e-4 && centre.x <= 1.125 + 1e-4,
                "{centre}"
            );
            assert!(centre.y >= -1e-4 && centre.y <= 0.35 + 1e-4, "{centre}");
        }
        let along_x = bars.iter().filter(|(_, scale)| scale.x > 0.7).count();
        assert_eq!(along_x, 4, "four edges run the frame's width");
        let casting = app
            .world_mut()
            .query_filtered::<(), (With<FrameEdge>, Without<NotShadowCaster>)>()
            .iter(app.world())
            .count();
        assert_eq!(casting, 0, "no frame bar throws a shadow");

        show(&mut app, &row, &BTreeMap::new());
        assert!(
            visible(&mut app, Framed::Selection).is_empty(),
            "no selection, no frame"
        );
    }

    #[test]
    fn a_hovered_part_gets_a_thinner_frame_unless_it_is_the_selected_one() {
        let mut app = app();
        second_of_two_selected(&mut app);
        app.insert_resource(Hovered(Some(PartId(1))));
        app.update();
        let hover = visible(&mut app, Framed::Hover);
        assert_eq!(hover.len(), 12);
        // Frame #1 spans x -0.375..0.375.
        assert!(
            hover.iter().all(|(centre, _)| centre.x <= 0.375 + 1e-4),
            "{hover:?}"
        );
        let thinnest = |bars: &[(Vec3, Vec3)]| {
            bars.iter()
                .map(|(_, scale)| scale.min_element())
                .fold(f32::INFINITY, f32::min)
        };
        let selection = visible(&mut app, Framed::Selection);
        assert!(thinnest(&hover) < thinnest(&selection));

        app.insert_resource(Hovered(Some(PartId(2))));
        app.update();
        assert!(
            visible(&mut app, Framed::Hover).is_empty(),
            "the selection needs no hover frame"
        );
        assert_eq!(visible(&mut app, Framed::Selection).len(), 12);
    }
}
