//! One mesh per part shape, made from core's triangles for the shape (the same ones the glTF
//! export writes, models included) and shared by every part of that shape. Meshes are in
//! metres with the part's origin at (0, 0, 0).

use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use snapkit_core::{ModelMeshes, Shape};

/// Sides of a cylinder: round enough for a brick's stud or a sofa's foot.
const CYLINDER_SEGMENTS: u32 = 20;

/// The meshes made so far, by shape.
#[derive(Resource, Default)]
pub(crate) struct ShapeMeshes(HashMap<Shape, Handle<Mesh>>);

impl ShapeMeshes {
    /// The mesh made for `shape`, if one was.
    #[cfg(test)]
    pub(crate) fn get(&self, shape: &Shape) -> Option<Handle<Mesh>> {
        self.0.get(shape).cloned()
    }

    /// The mesh of `shape`, made the first time it is asked for (a catalog's models do not
    /// change while it is shown).
    pub(crate) fn get_or_create(
        &mut self,
        shape: &Shape,
        models: &ModelMeshes,
        meshes: &mut Assets<Mesh>,
    ) -> Handle<Mesh> {
        if let Some(mesh) = self.0.get(shape) {
            return mesh.clone();
        }
        let mesh = meshes.add(shape_mesh(shape, models));
        self.0.insert(shape.clone(), mesh.clone());
        mesh
    }
}

/// The triangles of `shape` (its models from `models`) as a Bevy mesh.
pub(crate) fn shape_mesh(shape: &Shape, models: &ModelMeshes) -> Mesh {
    let triangles = shape.mesh_in_metres(CYLINDER_SEGMENTS, models);
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, triangles.positions)
    .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, triangles.normals)
    .with_inserted_indices(Indices::U32(triangles.indices))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_scene::shipped;
    use bevy::math::IVec3;
    use bevy::mesh::VertexAttributeValues;
    use snapkit_core::{PartKindId, Primitive};

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
        let (low, high) = extent(&shape_mesh(brick, &bricks.models));
        let bounds = brick.bounds();
        assert!(
            low.abs_diff_eq(bounds.min.as_vec3() / 1_000_000.0, 1e-6),
            "{low}"
        );
        assert!(
            high.abs_diff_eq(bounds.max.as_vec3() / 1_000_000.0, 1e-6),
            "{high}"
        );
        assert!(
            shape_mesh(brick, &bricks.models).count_vertices()
                > Mesh::from(Cuboid::from_length(1.0)).count_vertices(),
            "the studs are part of the mesh"
        );
    }

    #[test]
    fn a_sofa_arm_is_drawn_from_its_model_and_as_a_box_without_it() {
        let sofa = shipped("sofa");
        let arm = &sofa
            .part(&PartKindId::new("arm-left"))
            .expect("the shipped sofa has a left arm")
            .shape;
        assert_eq!(arm.models().count(), 1, "its body is a model");
        let with_model = shape_mesh(arm, &sofa.models);
        let without = shape_mesh(arm, &ModelMeshes::default());
        assert!(
            with_model.count_vertices() > without.count_vertices() + 50,
            "the rolled top has more corners than a box"
        );
        for mesh in [&with_model, &without] {
            let (low, high) = extent(mesh);
            let bounds = arm.bounds();
            assert!(low.abs_diff_eq(bounds.min.as_vec3() / 1_000_000.0, 1e-4));
            assert!(high.abs_diff_eq(bounds.max.as_vec3() / 1_000_000.0, 1e-4));
        }
    }

    #[test]
    fn one_mesh_per_shape_is_shared() {
        let mut meshes = Assets::<Mesh>::default();
        let mut made = ShapeMeshes::default();
        let none = ModelMeshes::default();
        let block = Shape::block(IVec3::splat(1_000));
        let first = made.get_or_create(&block, &none, &mut meshes);
        let again = made.get_or_create(&block.clone(), &none, &mut meshes);
        let other = made.get_or_create(&Shape::block(IVec3::splat(2_000)), &none, &mut meshes);
        assert_eq!(first, again);
        assert_ne!(first, other);
        assert_eq!(meshes.len(), 2);
    }
}
