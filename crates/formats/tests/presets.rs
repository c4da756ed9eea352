//! The demo catalogs' presets: every one builds, breaks no error rule, is named in English and
//! Norwegian Bokmål, and costs what its bill adds up to; a broken preset is refused at its path.

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;

use demo_catalogs::shipped;
use serde_json::{Value, json};
use snapkit_core::{Assembly, Edit, Locale, Session, bill_of_materials, check};
use snapkit_formats::{CatalogError, load_catalog};

#[test]
fn every_shipped_preset_is_a_valid_product_priced_by_its_bill() {
    for name in ["shelving", "sofa", "bricks"] {
        let catalog = shipped(name);
        assert!(catalog.presets.len() >= 3, "{name} offers presets");
        for preset in &catalog.presets {
            assert_ne!(
                preset.name.get(&Locale::new("nb")),
                preset.name.get(&Locale::english()),
                "{name}/{}: a name in Norwegian Bokmål too",
                preset.id
            );
            let mut assembly = Assembly::new(catalog.clone());
            for part in &preset.parts {
                Edit::PlacePart(part.clone())
                    .apply(&mut assembly)
                    .unwrap_or_else(|error| panic!("{name}/{}: {error}", preset.id));
            }
            assert_eq!(assembly.len(), preset.parts.len());
            let errors: Vec<_> = check(&assembly, &Locale::english())
                .into_iter()
                .filter(|violation| violation.is_error())
                .collect();
            assert!(errors.is_empty(), "{name}/{}: {errors:?}", preset.id);
            let bill = bill_of_materials(&assembly);
            let lines = || bill.lines.iter().chain(&bill.hardware);
            let list: i64 = lines()
                .map(|line| line.unit_price * i64::from(line.quantity))
                .sum();
            let after_breaks: i64 = lines().map(|line| line.line_total).sum();
            assert!(bill.total > 0, "{name}/{}", preset.id);
            assert_eq!(bill.subtotal, list, "{name}/{}", preset.id);
            assert_eq!(bill.total, after_breaks, "{name}/{}", preset.id);
            assert_eq!(
                bill.total,
                bill.subtotal - bill.discount,
                "{name}/{}",
                preset.id
            );
        }
    }
}

#[test]
fn starting_from_a_preset_replaces_the_configuration_in_one_undoable_step() {
    let catalog = shipped("sofa");
    let mut session = Session::new(catalog.clone());
    let arm = catalog.presets[0].parts[0].clone();
    session
        .apply(Edit::PlacePart(arm))
        .expect("an arm on the floor");
    let before = session.assembly().clone();
    for preset in &catalog.presets {
        session
            .apply(preset.replacing(session.assembly()))
            .unwrap_or_else(|error| panic!("{}: {error}", preset.id));
        let mut product: Vec<_> = session
            .assembly()
            .parts()
            .map(|part| (part.kind.clone(), part.finish.clone(), part.placement))
            .collect();
        let mut wanted: Vec<_> = preset
            .parts
            .iter()
            .map(|part| (part.kind.clone(), part.finish.clone(), part.placement))
            .collect();
        product
            .sort_by_key(|(kind, _, placement)| (kind.clone(), placement.translation.to_array()));
        wanted.sort_by_key(|(kind, _, placement)| (kind.clone(), placement.translation.to_array()));
        assert_eq!(product, wanted, "{}", preset.id);
    }
    for _ in &catalog.presets {
        session.undo().expect("a step to undo").expect("it undoes");
    }
    assert_eq!(
        session.assembly(),
        &before,
        "undo brings the customer's own back"
    );
}

fn shelving_with_presets(presets: Value) -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/catalogs/shelving.json"
    ))
    .expect("the shelving catalog");
    let mut catalog: Value = serde_json::from_str(&text).expect("JSON");
    catalog["presets"] = presets;
    catalog.to_string()
}

fn problems(text: &str) -> Vec<String> {
    match load_catalog(text) {
        Err(CatalogError::Invalid(problems)) => problems
            .into_iter()
            .map(|problem| format!("{}: {}", problem.path, problem.message))
            .collect(),
        other => panic!("the catalog must be refused, got {other:?}"),
    }
}

#[test]
fn a_preset_that_cannot_be_built_or_breaks_a_rule_is_refused_at_its_path() {
    let frame = "frame-750x350x350";
    let text = shelving_with_presets(json!([
        { "id": "ghost", "name": { "en": "Ghost" }, "parts": [
            { "place": { "kind": frame, "at": [0, 0, 0] } },
            { "attach": { "kind": frame, "part": 7, "onto": "top", "by": "bottom" } }
        ] },
        { "id": "clash", "name": { "en": "Clash" }, "parts": [
            { "place": { "kind": frame, "at": [0, 0, 0] } },
            { "place": { "kind": frame, "at": [100, 0, 0] } }
        ] },
        { "id": "floating", "name": { "en": "Floating" }, "parts": [
            { "place": { "kind": frame, "at": [0, 500, 0] } }
        ] },
        { "id": "floating", "name": { "en": "Twice" }, "parts": [
            { "place": { "kind": "frame-9", "at": [0, 0, 0] } }
        ] }
    ]));
    assert_eq!(
        problems(&text),
        [
            "presets[0].parts[1]: there is no part 7 before this one",
            "presets[1].parts[1]: part #2 cannot go there: it would overlap part #1",
            "presets[2]: the preset breaks rule 'nothing-floats': Frame 750 × 350 × 350 #1 does not rest on anything",
            "presets[3].id: duplicate preset id 'floating'",
            "presets[3].parts[0]: unknown kind 'frame-9'",
        ]
    );
}
