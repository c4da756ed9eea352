//! Shapes as triangles, in metres with Y up (what renderers and exchange formats use): boxes
//! as six flat faces, upright cylinders as a ring of side quads with smooth normals and two
//! flat caps, models as their loaded triangles (or, not loaded, as the box they fill). Front
//! faces wind counter-clockwise seen from outside, as glTF and Bevy expect.

use crate::model_meshes::ModelMeshes;
use crate::shape::{Piece, Primitive, Shape};
use glam::Vec3;

/// Micrometres per metre.
pub const UM_PER_METRE: f32 = 1_000_000.0;

/// An indexed triangle list with a normal per vertex.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TriangleMesh {
    /// Vertex positions, in metres.
    pub positions: Vec<[f32; 3]>,
    /// Unit normals, one per vertex.
    pub normals: Vec<[f32; 3]>,
    /// Three vertex indices per triangle, counter-clockwise seen from the front.
    pub indices: Vec<u32>,
}

impl TriangleMesh {
    /// The lowest and highest corner of the box around every vertex (`None` without vertices).
    pub fn extent(&self) -> Option<(Vec3, Vec3)> {
        let mut positions = self
            .positions
            .iter()
            .map(|&position| Vec3::from_array(position));
        let first = positions.next()?;
        Some(positions.fold((first, first), |(low, high), position| {
            (low.min(position), high.max(position))
        }))
    }

    fn vertex(&mut self, position: Vec3, normal: Vec3) -> u32 {
        let index = u32::try_from(self.positions.len()).unwrap_or(u32::MAX);
        self.positions.push(position.to_array());
        self.normals.push(normal.to_array());
        index
    }

    /// A flat quad whose corners go counter-clockwise seen from the side `normal` points to.
    fn quad(&mut self, corners: [Vec3; 4], normal: Vec3) {
        let [a, b, c, d] = corners.map(|corner| self.vertex(corner, normal));
        self.indices.extend([a, b, c, a, c, d]);
    }

    fn cuboid(&mut self, low: Vec3, high: Vec3) {
        let centre = (low + high) / 2.0;
        let half = (high - low) / 2.0;
        // For each face, two directions along it whose cross product is its outward normal.
        for (normal, u, v) in [
            (Vec3::X, Vec3::Y, Vec3::Z),
            (Vec3::NEG_X, Vec3::Z, Vec3::Y),
            (Vec3::Y, Vec3::Z, Vec3::X),
            (Vec3::NEG_Y, Vec3::X, Vec3::Z),
            (Vec3::Z, Vec3::X, Vec3::Y),
            (Vec3::NEG_Z, Vec3::Y, Vec3::X),
        ] {
            let (u, v, middle) = (u * half, v * half, centre + normal * half);
            self.quad(
                [
                    middle - u - v,
                    middle + u - v,
                    middle + u + v,
                    middle - u + v,
                ],
                normal,
            );
        }
    }

    fn cylinder(&mut self, bottom_centre: Vec3, radius: f32, height: f32, segments: u32) {
        let segments = segments.max(3);
        let around = |step: u32| {
            let angle = std::f32::consts::TAU * step as f32 / segments as f32;
            Vec3::new(angle.cos(), 0.0, angle.sin())
        };
        let top_centre = bottom_centre + Vec3::Y * height;
        for step in 0..segments {
            let (this, next) = (around(step), around(step + 1));
            let (a, b) = (bottom_centre + this * radius, bottom_centre + next * radius);
            let (c, d) = (b + Vec3::Y * height, a + Vec3::Y * height);
            // Side: up, then along the turn, is counter-clockwise seen from outside.
            let side = [(a, this), (d, this), (c, next), (b, next)]
                .map(|(corner, normal)| self.vertex(corner, normal));
            self.indices
                .extend([side[0], side[1], side[2], side[0], side[2], side[3]]);
            let top = [top_centre, c, d].map(|corner| self.vertex(corner, Vec3::Y));
            self.indices.extend(top);
            let bottom = [bottom_centre, a, b].map(|corner| self.vertex(corner, Vec3::NEG_Y));
            self.indices.extend(bottom);
        }
    }

    /// Appends `other`'s triangles moved by `offset`.
    fn append(&mut self, other: &TriangleMesh, offset: Vec3) {
        let first = u32::try_from(self.positions.len()).unwrap_or(u32::MAX);
        self.positions.extend(
            other
                .positions
                .iter()
                .map(|&position| (Vec3::from_array(position) + offset).to_array()),
        );
        self.normals.extend_from_slice(&other.normals);
        self.indices.extend(
            other
                .indices
                .iter()
                .map(|&index| first.saturating_add(index)),
        );
    }

    fn piece(&mut self, piece: &Piece, segments: u32, models: &ModelMeshes) {
        let size = piece.primitive.size().as_vec3() / UM_PER_METRE;
        let at = piece.at.as_vec3() / UM_PER_METRE;
        let model = match &piece.primitive {
            Primitive::Model { file, .. } => models.get(file),
            Primitive::Box { .. } | Primitive::Cylinder { .. } => None,
        };
        match (&piece.primitive, model) {
            (Primitive::Cylinder { .. }, _) => self.cylinder(at, size.x / 2.0, size.y, segments),
            (_, Some(model)) => self.append(model, at),
            (Primitive::Box { .. } | Primitive::Model { .. }, None) => {
                let half = Vec3::new(size.x / 2.0, 0.0, size.z / 2.0);
                self.cuboid(at - half, at + half + Vec3::Y * size.y);
            }
        }
    }
}

impl Shape {
    /// The shape as triangles in metres, around the part's origin; cylinders get `segments`
    /// sides (at least 3), models the triangles `models` has for them (else their box).
    pub fn mesh_in_metres(&self, segments: u32, models: &ModelMeshes) -> TriangleMesh {
        let mut mesh = TriangleMesh::default();
        for piece in &self.pieces {
            mesh.piece(piece, segments, models);
        }
        mesh
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shape::brick_with_a_stud;

    #[test]
    fn every_triangle_faces_the_way_its_normals_point() {
        let mesh = brick_with_a_stud().mesh_in_metres(12, &ModelMeshes::default());
        assert_eq!(mesh.indices.len() % 3, 0);
        for triangle in mesh.indices.chunks(3) {
            let [a, b, c] =
                [0, 1, 2].map(|at| Vec3::from_array(mesh.positions[triangle[at] as usize]));
            let facing = (b - a).cross(c - a);
            assert!(facing.length() > 0.0, "no triangle is degenerate");
            for &corner in triangle {
                let normal = Vec3::from_array(mesh.normals[corner as usize]);
                assert!((normal.length() - 1.0).abs() < 1e-5);
                assert!(facing.dot(normal) > 0.0, "counter-clockwise from the front");
            }
        }
    }

    #[test]
    fn the_mesh_fills_exactly_the_shapes_bounds() {
        let shape = brick_with_a_stud();
        let mesh = shape.mesh_in_metres(16, &ModelMeshes::default());
        let (low, high) = mesh.extent().expect("a brick has vertices");
        let bounds = shape.bounds();
        assert!(
            low.abs_diff_eq(bounds.min.as_vec3() / UM_PER_METRE, 1e-6),
            "{low}"
        );
        assert!(
            high.abs_diff_eq(bounds.max.as_vec3() / UM_PER_METRE, 1e-6),
            "{high}"
        );
        // A box is 6 quads; a cylinder of 16 sides is 16 side quads and 32 cap triangles.
        assert_eq!(mesh.indices.len(), 6 * 6 + 16 * 6 + 32 * 3);
    }

    #[test]
    fn a_model_is_drawn_from_its_triangles_or_else_as_its_box() {
        let file: std::sync::Arc<str> = "models/wedge.glb".into();
        let shape = Shape {
            pieces: vec![Piece {
                primitive: Primitive::Model {
                    file: file.clone(),
                    size: glam::IVec3::new(2_000_000, 1_000_000, 1_000_000),
                },
                at: glam::IVec3::new(0, 500_000, 0),
            }],
        };
        let stand_in = shape.mesh_in_metres(8, &ModelMeshes::default());
        assert_eq!(stand_in.indices.len(), 6 * 6, "not loaded: its box");
        let wedge = TriangleMesh {
            positions: vec![[-1.0, 0.0, 0.5], [1.0, 0.0, 0.5], [0.0, 1.0, 0.5]],
            normals: vec![[0.0, 0.0, 1.0]; 3],
            indices: vec![0, 1, 2],
        };
        let mut models = ModelMeshes::default();
        models.insert(file, wedge);
        let drawn = shape.mesh_in_metres(8, &models);
        assert_eq!(drawn.indices, vec![0, 1, 2]);
        assert_eq!(
            drawn.positions[2],
            [0.0, 1.5, 0.5],
            "moved to the piece's place"
        );
    }
}
