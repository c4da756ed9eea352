//! The demo catalogs' glTF models are made here, from their measurements, and written with
//! snapkit's own glTF writer: the shipped files must be exactly what this makes (rewrite them
//! with `SNAPKIT_BLESS=1`), and every model a demo catalog names must load and fill its box.

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;

use demo_catalogs::{catalogs_folder, shipped};
use glam::{Vec2, Vec3};
use snapkit_core::shape_mesh::TriangleMesh;
use snapkit_formats::gltf_export::mesh_glb;
use snapkit_formats::read_model;
use std::f32::consts::PI;

/// Segments of the rolled top's half circle.
const ROLL_SEGMENTS: u32 = 16;

/// A profile corner: where it is (x, y) and the outward normal of the surface there.
type ProfilePoint = (Vec2, Vec2);

/// A sofa arm: a slab `width` wide and `height` high whose top is rolled into a half cylinder
/// along its `depth`, standing on the centre of its bottom face (metres).
fn rolled_arm(width: f32, height: f32, depth: f32) -> TriangleMesh {
    let radius = width / 2.0;
    let shoulder = height - radius;
    // The profile counter-clockwise seen from +z; straight sides have one normal per end
    // (flat), the roll has the radius as its normal (smooth).
    let mut profile: Vec<[ProfilePoint; 2]> = vec![
        [
            (Vec2::new(-radius, 0.0), Vec2::NEG_Y),
            (Vec2::new(radius, 0.0), Vec2::NEG_Y),
        ],
        [
            (Vec2::new(radius, 0.0), Vec2::X),
            (Vec2::new(radius, shoulder), Vec2::X),
        ],
    ];
    let around = |step: u32| Vec2::from_angle(PI * step as f32 / ROLL_SEGMENTS as f32);
    profile.extend((0..ROLL_SEGMENTS).map(|step| {
        let (this, next) = (around(step), around(step + 1));
        [
            (Vec2::new(0.0, shoulder) + this * radius, this),
            (Vec2::new(0.0, shoulder) + next * radius, next),
        ]
    }));
    profile.push([
        (Vec2::new(-radius, shoulder), Vec2::NEG_X),
        (Vec2::new(-radius, 0.0), Vec2::NEG_X),
    ]);

    let mut mesh = TriangleMesh::default();
    let vertex = |mesh: &mut TriangleMesh, at: Vec3, normal: Vec3| {
        mesh.positions.push(at.to_array());
        mesh.normals.push(normal.to_array());
        u32::try_from(mesh.positions.len() - 1).expect("a small mesh")
    };
    let (front, back) = (depth / 2.0, -depth / 2.0);
    for [(from, from_normal), (to, to_normal)] in &profile {
        let corners = [
            (from, from_normal, front),
            (from, from_normal, back),
            (to, to_normal, back),
            (to, to_normal, front),
        ]
        .map(|(at, normal, z)| vertex(&mut mesh, at.extend(z), normal.extend(0.0)));
        mesh.indices.extend([
            corners[0], corners[1], corners[2], corners[0], corners[2], corners[3],
        ]);
    }
    // The two ends: fans from a point inside the (convex) profile.
    let inside = Vec2::new(0.0, height / 2.0);
    for (z, normal) in [(front, Vec3::Z), (back, Vec3::NEG_Z)] {
        let centre = vertex(&mut mesh, inside.extend(z), normal);
        for [(from, _), (to, _)] in &profile {
            let [from, to] = [from, to].map(|at| vertex(&mut mesh, at.extend(z), normal));
            mesh.indices.extend(if z > 0.0 {
                [centre, from, to]
            } else {
                [centre, to, from]
            });
        }
    }
    mesh
}

/// Every model the demo catalogs ship: file name and triangles.
fn demo_models() -> Vec<(&'static str, TriangleMesh)> {
    vec![("models/rolled-arm.glb", rolled_arm(0.2, 0.52, 0.95))]
}

#[test]
fn the_shipped_models_are_the_ones_made_here() {
    for (file, mesh) in demo_models() {
        let made = mesh_glb(&mesh, file.trim_end_matches(".glb")).expect("written");
        let path = format!("{}/{file}", catalogs_folder());
        if std::env::var_os("SNAPKIT_BLESS").is_some() {
            std::fs::write(&path, &made).unwrap_or_else(|error| panic!("{path}: {error}"));
        }
        let shipped = std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
        assert!(
            shipped == made,
            "{path} is out of date; run with SNAPKIT_BLESS=1 and review the diff"
        );
    }
}

#[test]
fn the_demo_models_face_outwards_everywhere() {
    for (file, mesh) in demo_models() {
        for triangle in mesh.indices.chunks(3) {
            let [a, b, c] =
                [0, 1, 2].map(|at| Vec3::from_array(mesh.positions[triangle[at] as usize]));
            let facing = (b - a).cross(c - a);
            assert!(facing.length() > 0.0, "{file}: no degenerate triangle");
            // Outwards: away from the slab's middle line (the roll's axis at the top).
            let centre = (a + b + c) / 3.0;
            let middle = Vec3::new(0.0, centre.y.clamp(0.1, 0.42), 0.0);
            assert!(
                facing.dot(centre - middle) > 0.0,
                "{file}: {triangle:?} faces inwards"
            );
            for &corner in triangle {
                let normal = Vec3::from_array(mesh.normals[corner as usize]);
                assert!(
                    facing.dot(normal) > 0.0,
                    "{file}: normals agree with winding"
                );
            }
        }
    }
}

#[test]
fn every_model_a_demo_catalog_names_loads_and_fills_its_box() {
    let mut seen = 0;
    for name in ["shelving", "sofa", "bricks"] {
        let catalog = shipped(name);
        for (file, size) in catalog.model_files() {
            let bytes = std::fs::read(format!("{}/{file}", catalogs_folder())).expect("shipped");
            read_model(&bytes, size).unwrap_or_else(|error| panic!("{file}: {error}"));
            assert!(catalog.models.get(&file).is_some(), "{name} keeps {file}");
            seen += 1;
        }
    }
    assert!(seen > 0, "the sofa's arms are models");
}
