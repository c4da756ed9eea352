//! What an edit would change the order's total by, on the demo catalogs' presets: taking a
//! preset apart costs exactly its total, taking out one part saves its own price and the
//! hardware it needed, less any quantity break its line loses; and an edit that cannot apply
//! has no price.

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;

use demo_catalogs::shipped;
use snapkit_core::{
    Assembly, Catalog, Edit, PartId, PlacedPart, Preset, Session, bill_of_materials, price_change,
};
use std::sync::Arc;

fn built(catalog: &Arc<Catalog>, preset: &Preset) -> Assembly {
    let mut session = Session::new(catalog.clone());
    session
        .apply(preset.replacing(session.assembly()))
        .expect("the preset builds");
    session.assembly().clone()
}

/// The list price of one placed part.
fn part_price(catalog: &Catalog, part: &PlacedPart) -> i64 {
    catalog
        .part(&part.kind)
        .expect("kind")
        .unit_price(&part.finish)
}

#[test]
fn taking_a_preset_apart_takes_its_whole_total_off() {
    for name in ["shelving", "sofa", "bricks"] {
        let catalog = shipped(name);
        for preset in &catalog.presets {
            let assembly = built(&catalog, preset);
            let everything = Edit::Batch(
                assembly
                    .parts()
                    .map(|part| Edit::RemovePart(part.id))
                    .collect(),
            );
            assert_eq!(
                price_change(&assembly, &everything),
                Some(-bill_of_materials(&assembly).total),
                "{name}/{}",
                preset.id
            );
        }
    }
}

#[test]
fn taking_one_part_out_saves_its_price_and_hardware_less_any_lost_quantity_break() {
    let hardware = |assembly: &Assembly| -> i64 {
        bill_of_materials(assembly)
            .hardware
            .iter()
            .map(|line| line.line_total)
            .sum()
    };
    let mut breaks_lost = 0;
    for name in ["shelving", "sofa", "bricks"] {
        let catalog = shipped(name);
        for preset in &catalog.presets {
            let assembly = built(&catalog, preset);
            for part in assembly.parts() {
                let edit = Edit::RemovePart(part.id);
                let mut after = assembly.clone();
                edit.apply(&mut after).expect("a part comes out");
                let freed_hardware = hardware(&assembly) - hardware(&after);
                let lost_discount =
                    bill_of_materials(&assembly).discount - bill_of_materials(&after).discount;
                breaks_lost += usize::from(lost_discount > 0);
                assert_eq!(
                    price_change(&assembly, &edit),
                    Some(-part_price(&catalog, part) - freed_hardware + lost_discount),
                    "{name}/{}: part {}",
                    preset.id,
                    part.id.0
                );
            }
        }
    }
    assert!(
        breaks_lost > 0,
        "some removal drops a line below its quantity break"
    );
}

#[test]
fn an_edit_that_cannot_apply_has_no_price() {
    let catalog = shipped("sofa");
    let assembly = built(&catalog, catalog.presets.first().expect("a sofa preset"));
    assert_eq!(
        price_change(&assembly, &Edit::RemovePart(PartId(9_999))),
        None
    );
}
