//! Benchmarks of the verdict shown after every edit: a full rule check plus the bill of
//! materials, on valid brick walls of 100 and 1,000 parts under every kind of rule that applies
//! to bricks (run with `cargo xtask bench`).

#[path = "../tests/support/brick_catalog.rs"]
mod brick_catalog;
#[path = "../tests/support/brick_wall.rs"]
mod brick_wall;

use brick_catalog::{HEIGHT, brick_catalog};
use brick_wall::{brick, wall};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use glam::IVec3;
use snapkit_core::pricing::{Hardware, HardwareNeed};
use snapkit_core::{
    Catalog, ConnectorTypeId, Edit, HardwareId, Locale, LocalizedText, Rule, RuleId, RuleKind,
    Scope, Selector, Severity, bill_of_materials, check,
};
use std::hint::black_box;
use std::sync::Arc;

/// Bricks with a rule of each kind that bricks can break, and stud hardware to price.
fn ruled_bricks() -> Arc<Catalog> {
    let mut catalog = (*brick_catalog(&[("brick-2x4", 2, 4)], &["red"])).clone();
    catalog.parts[0].load_capacity_g = Some(1_000_000);
    let rule = |id: &str, kind| Rule {
        id: RuleId::new(id),
        severity: Severity::Error,
        message: None,
        kind,
    };
    let all = Selector::default;
    catalog.rules = vec![
        rule("support", RuleKind::Support),
        rule("load", RuleKind::Load),
        rule(
            "count",
            RuleKind::Count {
                parts: all(),
                min: Some(1),
                max: Some(10_000),
                per: Scope::Group,
            },
        ),
        rule(
            "one-colour",
            RuleKind::SameFinish {
                parts: all(),
                per: Scope::Group,
            },
        ),
        rule(
            "size",
            RuleKind::Bounds {
                max_width_um: Some(10_000_000),
                max_height_um: Some(10_000_000),
                max_depth_um: Some(10_000_000),
            },
        ),
        rule(
            "excludes",
            RuleKind::Excludes {
                parts: all(),
                forbids: Selector {
                    kinds: Vec::new(),
                    categories: vec!["plates".to_owned()],
                    tags: Vec::new(),
                },
                within: snapkit_core::Reach::Attached,
            },
        ),
        rule(
            "proportion",
            RuleKind::Proportion {
                max_height_per_depth: 100.0,
            },
        ),
    ];
    catalog.hardware = vec![Hardware {
        id: HardwareId::new("stud-pin"),
        sku: "PIN".to_owned(),
        name: LocalizedText::english("Stud pin"),
        price: 1,
        need: HardwareNeed::Connection {
            joins: [
                ConnectorTypeId::new("stud"),
                ConnectorTypeId::new("anti-stud"),
            ],
            per_connection: 1,
        },
    }];
    Arc::new(catalog)
}

fn benchmarks(criterion: &mut Criterion) {
    let catalog = ruled_bricks();
    let locale = Locale::english();
    let mut group = criterion.benchmark_group("check_and_bill");
    for parts in [100, 1_000] {
        let mut assembly = wall(Arc::clone(&catalog), parts);
        assert!(check(&assembly, &locale).is_empty(), "the wall is valid");
        group.bench_with_input(
            BenchmarkId::new("full", parts),
            &assembly,
            |bench, assembly| {
                bench.iter(|| {
                    (
                        check(black_box(assembly), &locale),
                        bill_of_materials(black_box(assembly)),
                    )
                });
            },
        );
        // On the top layer, so the wall stays valid and the figure is the plain verdict.
        let top = i32::try_from(parts.div_ceil(100)).expect("few layers");
        let on_top = brick(parts + 1, IVec3::new(0, top * HEIGHT, 0));
        group.bench_function(BenchmarkId::new("after_one_edit", parts), |bench| {
            bench.iter(|| {
                let applied = Edit::PlacePart(black_box(on_top.clone()))
                    .apply(&mut assembly)
                    .expect("free spot on top");
                let verdict = (check(&assembly, &locale), bill_of_materials(&assembly));
                applied.inverse.apply(&mut assembly).expect("removes again");
                verdict
            });
        });
    }
    group.finish();
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
