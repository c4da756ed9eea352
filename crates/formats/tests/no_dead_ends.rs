//! No dead ends: from any state of a demo catalog's assembly a configuration that breaks no
//! error rule is reachable without undo, by following core's own repairs. Random states are
//! grown on each catalog; the walk applies the first repair of the first error it meets
//! until none is left, and fails at an error with no repair or a walk that does not end.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;
#[path = "support/growth.rs"]
mod growth;

use demo_catalogs::shipped;
use growth::{grow, growth_step, wall};
use proptest::prelude::*;
use snapkit_core::{Assembly, Locale, check};
use snapkit_formats::catalog_file::BuildStep;

/// Most repairs a walk may take before it counts as going round in circles.
const MOST_STEPS: usize = 40;

/// Follows the first repair of the first error until no error is left; the repairs taken, or
/// why no valid configuration was reached.
fn walk_to_validity(mut assembly: Assembly) -> Result<Vec<String>, String> {
    let locale = Locale::english();
    let mut taken = Vec::new();
    for _ in 0..MOST_STEPS {
        let found = check(&assembly, &locale);
        let errors: Vec<_> = found
            .iter()
            .filter(|violation| violation.is_error())
            .collect();
        if errors.is_empty() {
            return Ok(taken);
        }
        let Some(repair) = errors
            .iter()
            .find_map(|violation| violation.repairs.first())
        else {
            let parts: Vec<String> = assembly
                .parts()
                .map(|part| format!("#{} {} {:?}", part.id.0, part.kind, part.placement))
                .collect();
            return Err(format!(
                "dead end after {taken:?}: {:?} with no repair, parts {parts:?}",
                errors.iter().map(|e| &e.reason).collect::<Vec<_>>()
            ));
        };
        repair
            .edit
            .apply(&mut assembly)
            .map_err(|error| format!("repair '{}' does not apply: {error}", repair.description))?;
        taken.push(repair.description.clone());
    }
    Err(format!(
        "no valid configuration after {MOST_STEPS} repairs: {taken:?}"
    ))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_grown_state_repairs_to_a_valid_configuration(
        catalog in prop::sample::select(vec!["shelving", "sofa", "bricks"]),
        steps in prop::collection::vec(growth_step(), 0..16),
    ) {
        let assembly = grow(&shipped(catalog), &steps);
        walk_to_validity(assembly).map_err(TestCaseError::fail)?;
    }
}

#[test]
fn an_overwide_overloaded_wall_repairs_to_a_valid_configuration() {
    let catalog = shipped("shelving");
    // Six columns (3,200 mm, over the 3,000 mm limit), five frames high (the bottom frames
    // carry more than they hold).
    let assembly = wall(&catalog, 6, 5);
    let errors = check(&assembly, &Locale::english())
        .into_iter()
        .filter(|violation| violation.is_error())
        .count();
    assert!(errors > 0, "the wall starts broken");
    let taken = walk_to_validity(assembly).unwrap_or_else(|reason| panic!("{reason}"));
    assert!(!taken.is_empty());
}

#[test]
fn a_chaise_between_two_seats_is_swapped_for_a_seat() {
    // Found by the walk above before swaps were repairs: seat #3's left side is open, but the
    // chaise's closed side stands against it, so no arm fits there, and taking the chaise out
    // opens seat #1's right side.
    let steps: Vec<BuildStep> = serde_json::from_str(
        r#"[
            {"place": {"kind": "seat-600", "at": [-1400, 0, 0]}},
            {"attach": {"kind": "chaise-right", "part": 1, "onto": "right", "by": "left"}},
            {"place": {"kind": "seat-600", "at": [0, 0, 0]}},
            {"attach": {"kind": "arm-left", "part": 1, "onto": "left", "by": "right"}},
            {"attach": {"kind": "arm-right", "part": 3, "onto": "right", "by": "left"}}
        ]"#,
    )
    .expect("building steps");
    let mut assembly = Assembly::new(shipped("sofa"));
    for step in &steps {
        let part = step.part(&assembly).expect("the step names what exists");
        assembly.insert(part).expect("the part fits");
    }
    let found = check(&assembly, &Locale::english());
    let open_side = found
        .iter()
        .find(|violation| violation.rule.as_str() == "closed-ends")
        .expect("seat #3's left side is open");
    let descriptions: Vec<&str> = open_side
        .repairs
        .iter()
        .map(|repair| repair.description.as_str())
        .collect();
    assert!(
        descriptions.contains(&"Replace Chaise, right #2 with Seat 800"),
        "{descriptions:?}"
    );
    let taken = walk_to_validity(assembly).unwrap_or_else(|reason| panic!("{reason}"));
    assert_eq!(taken.len(), 1, "{taken:?}");
}
