//! A brick catalog built in code, shared by core's property tests and benchmarks
//! (core cannot read catalog files: that is snapkit-formats' job).

use glam::IVec3;
use snapkit_core::{
    Catalog, CatalogMeta, Connector, ConnectorName, ConnectorType, ConnectorTypeId, Direction,
    Finish, FinishId, LocalizedText, PartKind, PartKindId, QuarterTurns, Shape, Srgb,
};
use std::sync::Arc;

/// Stud pitch in micrometres.
pub const PITCH: i32 = 8_000;
/// Brick height in micrometres.
pub const HEIGHT: i32 = 9_600;

/// A `w` × `l` grid of connectors of one type at height `y`, one per stud.
fn studs(name: &str, kind: &str, y: i32, normal: Direction, w: i32, l: i32) -> Vec<Connector> {
    (0..w)
        .flat_map(|i| (0..l).map(move |k| (i, k)))
        .map(|(i, k)| Connector {
            name: ConnectorName::new(format!("{name}[{i},{k}]")),
            connector_type: ConnectorTypeId::new(kind),
            position: IVec3::new((2 * i + 1 - w) * PITCH / 2, y, (2 * k + 1 - l) * PITCH / 2),
            normal,
            up: Direction::PosZ,
            rotations: QuarterTurns::ALL,
        })
        .collect()
}

/// Bricks of the given `(id, width, length)` in studs, each in every one of `finishes`.
pub fn brick_catalog(kinds: &[(&str, i32, i32)], finishes: &[&str]) -> Arc<Catalog> {
    let parts = kinds
        .iter()
        .map(|&(id, w, l)| {
            let shape = Shape::block(IVec3::new(w * PITCH, HEIGHT, l * PITCH));
            let mut connectors = studs("stud", "stud", HEIGHT, Direction::PosY, w, l);
            connectors.extend(studs("socket", "anti-stud", 0, Direction::NegY, w, l));
            PartKind {
                id: PartKindId::new(id),
                sku: id.to_owned(),
                name: LocalizedText::english(id),
                category: "bricks".to_owned(),
                tags: Vec::new(),
                collision: vec![shape.bounds()],
                shape,
                finishes: finishes.iter().map(|&f| FinishId::new(f)).collect(),
                price: 100,
                finish_prices: std::collections::BTreeMap::new(),
                quantity_breaks: Vec::new(),
                weight_g: 2,
                contents_g: 0,
                load_capacity_g: None,
                connectors,
            }
        })
        .collect();
    Arc::new(Catalog {
        meta: CatalogMeta {
            id: "test-bricks".to_owned(),
            version: "1".to_owned(),
            name: LocalizedText::english("Test bricks"),
            currency: "NOK".to_owned(),
            snap_grid_um: PITCH,
            content_hash: "0".repeat(64),
        },
        parts,
        finishes: finishes
            .iter()
            .map(|&id| Finish {
                id: FinishId::new(id),
                name: LocalizedText::english(id),
                colour: Srgb { r: 200, g: 0, b: 0 },
                roughness: 0.4,
                metalness: 0.0,
                opacity: 1.0,
            })
            .collect(),
        hardware: Vec::new(),
        rules: Vec::new(),
        presets: Vec::new(),
        guided_start: None,
        category_names: Default::default(),
        models: Default::default(),
        connector_types: vec![ConnectorType {
            id: ConnectorTypeId::new("stud"),
            mates: vec![ConnectorTypeId::new("anti-stud")],
        }],
    })
}
