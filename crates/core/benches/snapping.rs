//! Benchmarks of the hot paths a drag hits: one snap query, and placing/removing a part,
//! against brick assemblies of 10, 100 and 1,000 parts (run with `cargo xtask bench`).

#[path = "../tests/support/brick_catalog.rs"]
mod brick_catalog;
#[path = "../tests/support/brick_wall.rs"]
mod brick_wall;

use brick_catalog::{HEIGHT, PITCH, brick_catalog};
use brick_wall::{ROW, brick, wall};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use glam::{IVec3, Vec3};
use snapkit_core::snapping::{SnapQuery, SnapTarget, snap};
use snapkit_core::{Edit, PartKindId, Rotation};
use std::hint::black_box;

fn benchmarks(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("snap");
    for parts in [10, 100, 1_000] {
        let assembly = wall(brick_catalog(&[("brick-2x4", 2, 4)], &["red"]), parts);
        let top = (parts as i32 - 1) / (ROW * ROW) + 1;
        let query = SnapQuery {
            kind: PartKindId::new("brick-2x4"),
            moving: None,
            facing: Rotation::IDENTITY,
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
    let mut assembly = wall(brick_catalog(&[("brick-2x4", 2, 4)], &["red"]), 1_000);
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
