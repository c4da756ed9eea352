//! Boundary tests of orders: only checked configurations become orders, every order matches the
//! published schema (checked by an independent validator), and the back office's
//! re-verification accepts true orders and names every forged figure.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;
#[path = "support/growth.rs"]
mod growth;

use demo_catalogs::shipped;
use growth::{Growth, grow, growth_step, wall};
use proptest::prelude::*;
use serde_json::Value;
use snapkit_core::rules::best_spot;
use snapkit_core::{Assembly, Catalog, CheckedConfiguration, Locale, PartKindId, Unorderable};
use snapkit_formats::order::Discrepancy;
use snapkit_formats::schemas::{catalog_schema, order_schema};
use snapkit_formats::{OrderContext, OrderDocument, read_order, verify_order};
use std::path::PathBuf;
use std::sync::Arc;

fn repository(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// Compares `actual` with the file at `path`; rewrites the file under `SNAPKIT_BLESS=1`.
fn matches_file(path: &str, actual: &str) {
    let path = repository(path);
    if std::env::var_os("SNAPKIT_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("has a folder")).expect("folder");
        std::fs::write(&path, actual).expect("bless");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} is out of date; run with SNAPKIT_BLESS=1 and review the diff",
        path.display()
    );
}

fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).expect("serializes") + "\n"
}

#[test]
fn published_schemas_match_the_types() {
    matches_file("schemas/order.schema.json", &pretty(&order_schema()));
    matches_file("schemas/catalog.schema.json", &pretty(&catalog_schema()));
}

/// An order made at a fixed time, so fixtures stay byte-for-byte stable.
fn order_of(assembly: &Assembly) -> OrderDocument {
    let checked = CheckedConfiguration::check(assembly, &Locale::english())
        .unwrap_or_else(|error| panic!("orderable: {error}"));
    OrderDocument::from_checked(
        &checked,
        &OrderContext {
            page: "https://shop.example/configure",
            locale: &Locale::english(),
            created_at: "2026-11-23T12:00:00Z".to_owned(),
            app_version: "0.1.0",
        },
    )
}

/// `kinds` added one after another at core's best spot.
fn built(catalog: &Arc<Catalog>, kinds: &[&str]) -> Assembly {
    let mut assembly = Assembly::new(Arc::clone(catalog));
    for kind in kinds {
        let part = best_spot(&assembly, &PartKindId::new(*kind), None, &Locale::english())
            .unwrap_or_else(|stop| panic!("{kind} fits: {stop:?}"));
        assembly.insert(part).expect("best spot is valid");
    }
    assembly
}

fn sample_orders() -> Vec<(&'static str, OrderDocument)> {
    let shelving = shipped("shelving");
    let sofa = shipped("sofa");
    let bricks = shipped("bricks");
    vec![
        ("shelving-wall", order_of(&wall(&shelving, 3, 2))),
        (
            "sofa-three-seat",
            order_of(&built(
                &sofa,
                &["seat-800", "seat-800", "seat-1000", "arm-left", "arm-right"],
            )),
        ),
        (
            "bricks-stack",
            order_of(&grow(
                &bricks,
                &[
                    Growth::Attach {
                        open: 2,
                        fit: 0,
                        placement: 1,
                        finish: 1,
                    },
                    Growth::Attach {
                        open: 9,
                        fit: 2,
                        placement: 0,
                        finish: 3,
                    },
                ],
            )),
        ),
    ]
}

#[test]
fn sample_orders_are_the_committed_fixtures() {
    for (name, order) in sample_orders() {
        matches_file(
            &format!("tests/fixtures/orders/{name}.json"),
            &pretty(&order),
        );
    }
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::new(schema).expect("the schema itself is valid draft 2020-12")
}

/// The JSON files in `folder`, but a catalog folder's list of catalogs (`index.json`), which is
/// not a catalog (`tests/catalog_list.rs` checks it).
fn fixtures(folder: &str) -> Vec<(PathBuf, Value)> {
    let mut found: Vec<_> = std::fs::read_dir(repository(folder))
        .expect("fixture folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .filter(|path| !path.ends_with("index.json"))
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable");
            let value = serde_json::from_str(&text).expect("fixtures are JSON");
            (path, value)
        })
        .collect()
}

/// Checks every JSON file in `folder` against `schema`; how many there were.
fn all_valid(schema: &Value, folder: &str) -> usize {
    let validator = validator(schema);
    let found = fixtures(folder);
    for (path, value) in &found {
        let errors: Vec<String> = validator
            .iter_errors(value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    found.len()
}

#[test]
fn every_order_fixture_passes_an_independent_schema_validator() {
    assert!(all_valid(&order_schema(), "tests/fixtures/orders") >= 3);
}

#[test]
fn every_shipped_catalog_passes_the_catalog_schema() {
    assert!(all_valid(&catalog_schema(), "assets/catalogs") >= 3);
}

#[test]
fn the_schema_refuses_what_the_reader_refuses() {
    let validator = validator(&order_schema());
    let (_, order) = &sample_orders()[0];
    let mut value = serde_json::to_value(order).expect("serializes");
    value["lines"][0]["quantity"] = "two".into();
    assert!(!validator.is_valid(&value));
    assert!(read_order(&value.to_string()).is_err());
    let mut value = serde_json::to_value(order).expect("serializes");
    value["surprise"] = true.into();
    assert!(!validator.is_valid(&value));
    assert!(read_order(&value.to_string()).is_err());
}

#[test]
fn a_configuration_with_an_error_cannot_become_an_order() {
    let sofa = shipped("sofa");
    // A seat alone has two open ends: an error.
    let lonely = built(&sofa, &["seat-800"]);
    let Err(Unorderable::BreaksRules(errors)) =
        CheckedConfiguration::check(&lonely, &Locale::english())
    else {
        panic!("an open-ended sofa is not orderable");
    };
    assert!(errors.iter().all(|violation| violation.is_error()));
    assert_eq!(
        CheckedConfiguration::check(&Assembly::new(sofa), &Locale::english()).err(),
        Some(Unorderable::Empty)
    );
}

#[test]
fn true_orders_are_accepted() {
    for (name, order) in sample_orders() {
        let catalog = shipped(&order.catalog.id);
        let read = read_order(&pretty(&order)).expect("reads back");
        assert_eq!(read, order, "{name}");
        let verification = verify_order(&read, &catalog);
        assert_eq!(
            verification.discrepancies,
            Vec::<Discrepancy>::new(),
            "{name}"
        );
        assert!(
            verification.notes.is_empty(),
            "{name}: {:?}",
            verification.notes
        );
    }
}

/// A named way to forge an order.
type Tampering = (&'static str, fn(&mut OrderDocument));

/// Ways a back office sees orders forged, each applied to the shelving sample.
fn tamperings() -> Vec<Tampering> {
    vec![
        ("forged-price", |order| {
            order.lines[0].unit_price -= 10_000;
            order.lines[0].line_total -= 20_000;
            order.subtotal -= 20_000;
            order.total -= 20_000;
        }),
        ("tampered-quantity", |order| order.lines[1].quantity += 1),
        ("never-connected", |order| {
            let last = order.assembly.parts.last_mut().expect("parts");
            last.position_um[2] += 1_000_000;
        }),
        ("overlapping-part", |order| {
            let first = order.assembly.parts[0].clone();
            let last = order.assembly.parts.last_mut().expect("parts");
            last.position_um = first.position_um;
        }),
    ]
}

/// The discrepancies verification finds in the shelving sample after the tampering `name`.
fn tampered(name: &str) -> Vec<String> {
    let (_, mut order) = sample_orders().swap_remove(0);
    let (_, tamper) = tamperings()
        .into_iter()
        .find(|(known, _)| *known == name)
        .expect("a known tampering");
    tamper(&mut order);
    verify_order(&order, &shipped("shelving"))
        .discrepancies
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn tampered_orders_are_the_committed_fixtures() {
    for (name, tamper) in tamperings() {
        let (_, mut order) = sample_orders().swap_remove(0);
        tamper(&mut order);
        matches_file(
            &format!("tests/fixtures/orders-tampered/{name}.json"),
            &pretty(&order),
        );
    }
}

#[test]
fn a_forged_price_is_named_with_both_figures() {
    let found = tampered("forged-price");
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(found[0].starts_with("lines[0].unit_price: "), "{found:#?}");
    assert!(found[0].contains(" in the order, "), "{found:#?}");
    assert!(found.iter().any(|line| line.starts_with("total: ")));
}

#[test]
fn a_tampered_quantity_is_named() {
    let found = tampered("tampered-quantity");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("lines[1].quantity: "), "{found:#?}");
}

#[test]
fn a_part_that_was_never_connected_is_named() {
    let found = tampered("never-connected");
    assert!(
        found
            .iter()
            .any(|line| line.starts_with("assembly.connections[")
                && line.ends_with("are not joined: those connectors do not meet")),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|line| line.starts_with("share_link: ")),
        "{found:#?}"
    );
}

#[test]
fn an_overlapping_part_is_named() {
    let found = tampered("overlapping-part");
    assert!(
        found
            .iter()
            .any(|line| line.contains(": it would overlap part #")),
        "{found:#?}"
    );
}

#[test]
fn an_order_for_another_catalog_stops_at_the_catalog() {
    let (_, order) = sample_orders().swap_remove(1);
    let verification = verify_order(&order, &shipped("shelving"));
    assert_eq!(
        verification
            .discrepancies
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        vec!["catalog.id: the order is for catalog 'sofa', not 'shelving'"]
    );
}

#[test]
fn an_order_of_another_schema_is_refused() {
    let (_, order) = sample_orders().swap_remove(0);
    let text = pretty(&order).replace("snapkit.order/1", "snapkit.order/7");
    assert_eq!(
        read_order(&text)
            .map(|_| ())
            .map_err(|error| error.to_string()),
        Err(
            "unsupported schema 'snapkit.order/7'; this version reads 'snapkit.order/1'".to_owned()
        )
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// No sequence of edits exports an invalid order: whatever passes the check verifies.
    #[test]
    fn every_order_made_from_edits_verifies(
        catalog in prop::sample::select(vec!["shelving", "sofa", "bricks"]),
        steps in prop::collection::vec(growth_step(), 0..16),
    ) {
        let catalog = shipped(catalog);
        let assembly = grow(&catalog, &steps);
        if let Ok(checked) = CheckedConfiguration::check(&assembly, &Locale::english()) {
            let order = OrderDocument::from_checked(&checked, &OrderContext {
                page: "",
                locale: &Locale::english(),
                created_at: "2026-11-23T12:00:00Z".to_owned(),
                app_version: "test",
            });
            let read = read_order(&pretty(&order)).map_err(|error| TestCaseError::fail(error.to_string()))?;
            let verification = verify_order(&read, &catalog);
            prop_assert!(verification.is_accepted(), "{:?}", verification.discrepancies);
        }
    }
}
