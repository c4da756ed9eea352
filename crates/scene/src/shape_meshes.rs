//! One mesh per part shape, built from the shape's pieces (boxes and upright cylinders) and
//! shared by every part of that shape. Meshes are in metres with the part's origin at (0, 0, 0).

use crate::assembly_view::MM_PER_METRE;
use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use snapkit_core::geometry::um_to_mm_vec;
use snapkit_core::{Piece, Primitive, Shape};

/// Corners around a cylinder: round enough for a brick's stud or a sofa's foot.
const CYLINDER_RESOLUTION: u32 = 20;

/// The meshes made so far, by shape.
#[derive(Resource, Default)]
pub(crate) struct ShapeMeshes(HashMap<Shape, Handle<Mesh>>);

impl ShapeMeshes {
    /// The mesh of `shape`, made the first time it is asked for.
    pub(crate) fn get_or_create(
        &mut self,
        shape: &Shape,
        meshes: &mut Assets<Mesh>,
    ) -> Handle<Mesh> {
        if let Some(mesh) = self.0.get(shape) {
            return mesh.clone();
        }
        let mesh = meshes.add(shape_mesh(shape));
        self.0.insert(shape.clone(), mesh.clone());
        mesh
    }
}

/// The pieces of `shape` as one mesh.
pub(crate) fn shape_mesh(shape: &Shape) -> Mesh {
    let mut pieces = shape.pieces.iter().map(piece_mesh);
    let mut mesh = pieces
        .next()
        .unwrap_or_else(|| Mesh::from(Cuboid::from_length(0.0)));
    for piece in pieces {
        // Every piece is made with the same attributes (position, normal, uv), so merging
        // cannot fail; a piece that somehow did not merge is left out rather than shown wrong.
        let _ = mesh.merge(&piece);
    }
    mesh
}

fn piece_mesh(piece: &Piece) -> Mesh {
    let size = um_to_mm_vec(piece.primitive.size()) / MM_PER_METRE;
    let at = um_to_mm_vec(piece.at) / MM_PER_METRE;
    // Primitive meshes are centred; a piece stands on the centre of its bottom face.
    let centre = Transform::from_translation(at + Vec3::Y * size.y / 2.0);
    let mesh = match piece.primitive {
        Primitive::Box { .. } => Mesh::from(Cuboid::new(size.x, size.y, size.z)),
        Primitive::Cylinder { .. } => Cylinder::new(size.x / 2.0, size.y)
            .mesh()
            .resolution(CYLINDER_RESOLUTION)
            .build(),
    };
    mesh.transformed_by(centre)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_scene::shipped;
    use bevy::math::IVec3;
    use bevy::mesh::VertexAttributeValues;
    use snapkit_core::PartKindId;

    fn extent(mesh: &Mesh) -> (Vec3, Vec3) {
        let Some(VertexAttributeValues::Float32x3(positions)) =
            mesh.attribute(Mesh::ATTRIBUTE_POSITION)
        else {
            panic!("a mesh has positions");
        };
        positions.iter().fold(
            (Vec3::splat(f32::MAX), Vec3::splat(f32::MIN)),
            |(low, high), &position| {
                let position = Vec3::from_array(position);
                (low.min(position), high.max(position))
            },
        )
    }

    #[test]
    fn a_brick_with_studs_reaches_exactly_as_far_as_its_shape() {
        let bricks = shipped("bricks");
        let brick = &bricks
            .part(&PartKindId::new("brick-2x2"))
            .expect("the shipped bricks have a 2x2")
            .shape;
        assert!(
            brick
                .pieces
                .iter()
                .any(|piece| matches!(piece.primitive, Primitive::Cylinder { .. })),
            "a brick has studs"
        );
        let (low, high) = extent(&shape_mesh(brick));
        let bounds = brick.bounds();
        assert!(
            low.abs_diff_eq(um_to_mm_vec(bounds.min) / MM_PER_METRE, 1e-6),
            "{low}"
        );
        assert!(
            high.abs_diff_eq(um_to_mm_vec(bounds.max) / MM_PER_METRE, 1e-6),
            "{high}"
        );
        assert!(
            shape_mesh(brick).count_vertices()
                > Mesh::from(Cuboid::from_length(1.0)).count_vertices(),
            "the studs are part of the mesh"
        );
    }

    #[test]
    fn one_mesh_per_shape_is_shared() {
        let mut meshes = Assets::<Mesh>::default();
        let mut made = ShapeMeshes::default();
        let block = Shape::block(IVec3::splat(1_000));
        let first = made.get_or_create(&block, &mut meshes);
        let again = made.get_or_create(&block.clone(), &mut meshes);
        let other = made.get_or_create(&Shape::block(IVec3::splat(2_000)), &mut meshes);
        assert_eq!(first, again);
        assert_ne!(first, other);
        assert_eq!(meshes.len(), 2);
    }
}
