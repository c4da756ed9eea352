//! Benchmarks of the hot paths a drag hits: one snap query, and placing/removing a part,
//! against brick assemblies of 10, 100 and 1,000 parts (run with `cargo xtask bench`).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use glam::{IVec3, Vec3};
use snapkit_core::snapping::{SnapQuery, SnapTarget, snap};
use snapkit_core::{
    Assembly, Catalog, CatalogMeta, Connector, ConnectorName, ConnectorType, ConnectorTypeId,
    Direction, Edit, Finish, FinishId, LocalizedText, PartId, PartKind, PartKindId, PlacedPart,
    Placement, QuarterTurns, Shape, Srgb,
};
use std::hint::black_box;
use std::sync::Arc;

const PITCH: i32 = 8_000;
const HEIGHT: i32 = 9_600;
/// Bricks per row and rows per layer of the benchmark walls.
const ROW: i32 = 10;

fn grid(name: &str, kind: &str, y: i32, normal: Direction) -> Vec<Connector> {
    (0..2)
        .flat_map(|i| (0..4).map(move |k| (i, k)))
        .map(|(i, k)| Connector {
            name: ConnectorName::new(format!("{name}[{i},{k}]")),
            connector_type: ConnectorTypeId::new(kind),
            position: IVec3::new(-PITCH / 2 + i * PITCH, y, -3 * PITCH / 2 + k * PITCH),
            normal,
            up: Direction::PosZ,
            rotations: QuarterTurns::ALL,
        })
        .collect()
}

fn catalog() -> Arc<Catalog> {
    let shape = Shape::Box {
        size: IVec3::new(2 * PITCH, HEIGHT, 4 * PITCH),
    };
    let mut connectors = grid("stud", "stud", HEIGHT, Direction::PosY);
    connectors.extend(grid("socket", "anti-stud", 0, Direction::NegY));
    Arc::new(Catalog {
        meta: CatalogMeta {
            id: "bench".to_owned(),
            version: "1".to_owned(),
            name: LocalizedText::english("Bench bricks"),
            currency: "NOK".to_owned(),
            snap_grid_um: PITCH,
        },
        parts: vec![PartKind {
            id: PartKindId::new("brick-2x4"),
            sku: "B24".to_owned(),
            name: LocalizedText::english("Brick 2x4"),
            category: "bricks".to_owned(),
            collision: vec![shape.bounds()],
            shape,
            finishes: vec![FinishId::new("red")],
            price: 100,
            weight_g: 2,
            load_capacity_g: None,
            connectors,
        }],
        finishes: vec![Finish {
            id: FinishId::new("red"),
            name: LocalizedText::english("Red"),
            colour: Srgb { r: 200, g: 0, b: 0 },
            roughness: 0.4,
            metalness: 0.0,
        }],
        connector_types: vec![ConnectorType {
            id: ConnectorTypeId::new("stud"),
            mates: vec![ConnectorTypeId::new("anti-stud")],
        }],
    })
}

fn brick(id: u32, translation: IVec3) -> PlacedPart {
    PlacedPart {
        id: PartId(id),
        kind: PartKindId::new("brick-2x4"),
        finish: FinishId::new("red"),
        placement: Placement::at(translation),
    }
}

/// `parts` bricks in layers of ROW × ROW, side by side, each layer on the one below.
fn wall(parts: u32) -> Assembly {
    let mut assembly = Assembly::new(catalog());
    for index in 0..parts {
        let i = index as i32;
        let translation = IVec3::new(
            (i % ROW) * 2 * PITCH,
            (i / (ROW * ROW)) * HEIGHT,
            (i / ROW % ROW) * 4 * PITCH,
        );
        assembly
            .insert(brick(index + 1, translation))
            .expect("the wall is laid without overlaps");
    }
    assembly
}

fn benchmarks(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("snap");
    for parts in [10, 100, 1_000] {
        let assembly = wall(parts);
        let top = (parts as i32 - 1) / (ROW * ROW) + 1;
        let query = SnapQuery {
            kind: PartKindId::new("brick-2x4"),
            moving: None,
            target: SnapTarget::Ray {
                origin: Vec3::new(4.0 * PITCH as f32, 200_000.0, 8.0 * PITCH as f32),
                direction: Vec3::new(0.0, -1.0, 0.05),
            },
        };
        assert!(
            snap(&assembly, &query).best.is_some(),
            "{parts} parts, {top} layers"
        );
        group.bench_with_input(
            BenchmarkId::from_parameter(parts),
            &assembly,
            |bench, assembly| {
                bench.iter(|| snap(black_box(assembly), black_box(&query)));
            },
        );
    }
    group.finish();

    let mut group = criterion.benchmark_group("place_and_remove");
    let mut assembly = wall(1_000);
    let on_top = brick(5_000, IVec3::new(0, 10 * HEIGHT, 0));
    group.bench_function("1000", |bench| {
        bench.iter(|| {
            let applied = Edit::PlacePart(black_box(on_top.clone()))
                .apply(&mut assembly)
                .expect("free spot on top");
            applied.inverse.apply(&mut assembly).expect("removes again");
        });
    });
    group.finish();
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
