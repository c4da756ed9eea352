//! The selected part's frame: its twelve box edges drawn as thin bars in the accent colour, so
//! the selection shows without hiding the part's finish.

use crate::assembly_view::{ShownSnapshot, bounds_transform};
use crate::drag_and_snap::Drag;
use bevy::prelude::*;
use snapkit_bridge::{PartMark, ScenePart};

/// One of the frame's twelve edges.
#[derive(Component)]
struct SelectionEdge(usize);

/// The accent of the configurator's side panel, so panel and scene speak alike.
const ACCENT: Color = Color::srgb(0.11, 0.45, 0.95);

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_edges)
        // After the frame's snapshot and drag steps (both in `Update`).
        .add_systems(PostUpdate, follow_the_selection);
}

fn spawn_edges(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    let mesh = meshes.add(Cuboid::from_length(1.0));
    let material = materials.add(StandardMaterial {
        base_color: ACCENT,
        unlit: true,
        ..default()
    });
    for index in 0..12 {
        commands.spawn((
            SelectionEdge(index),
            Mesh3d(mesh.clone()),
            MeshMaterial3d(material.clone()),
            Transform::default(),
            Visibility::Hidden,
        ));
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

fn follow_the_selection(
    shown: Res<ShownSnapshot>,
    drag: Res<Drag>,
    mut bars: Query<(&SelectionEdge, &mut Transform, &mut Visibility)>,
) {
    if !shown.is_changed() && !drag.is_changed() {
        return;
    }
    let selected = shown.0.as_ref().and_then(|snapshot| {
        snapshot
            .parts
            .iter()
            .find(|part| part.mark == Some(PartMark::Selected))
    });
    // While the selected part is dragged, its ghost shows where it goes.
    let dragged = drag.0.as_ref().and_then(|dragging| dragging.moving());
    let framed = selected
        .filter(|part| Some(part.id) != dragged)
        .map(|part| {
            // Thin enough for a brick, visible on a sofa: a fortieth of the smallest side.
            let thickness = (part.size().min_element() / 1000.0 / 40.0).clamp(0.0006, 0.008);
            edges(part, thickness)
        });
    for (edge, mut transform, mut visibility) in &mut bars {
        match &framed {
            Some(edges) => {
                *transform = edges[edge.0];
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
    use crate::test_scene::{bare_app, shelving_row, show};
    use snapkit_core::PartId;
    use std::collections::BTreeMap;

    #[test]
    fn the_selected_part_is_framed_by_its_twelve_edges() {
        let mut app = bare_app();
        crate::finish_materials::plugin(&mut app);
        crate::assembly_view::plugin(&mut app);
        crate::drag_and_snap::plugin(&mut app);
        plugin(&mut app);
        let row = shelving_row(2);
        show(
            &mut app,
            &row,
            &BTreeMap::from([(PartId(2), PartMark::Selected)]),
        );
        let mut query = app
            .world_mut()
            .query::<(&SelectionEdge, &Transform, &Visibility)>();
        let bars: Vec<(Vec3, Vec3)> = query
            .iter(app.world())
            .filter(|(_, _, visibility)| **visibility == Visibility::Visible)
            .map(|(_, transform, _)| (transform.translation, transform.scale))
            .collect();
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

        show(&mut app, &row, &BTreeMap::new());
        let mut query_edges = app
            .world_mut()
            .query_filtered::<&Visibility, With<SelectionEdge>>();
        assert!(
            query_edges
                .iter(app.world())
                .all(|visibility| *visibility == Visibility::Hidden),
            "no selection, no frame"
        );
    }
}
