//! "What fits here" on the demo catalogs: which kinds and finishes can be added, and what stops the rest.

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;

use demo_catalogs::shipped;
use snapkit_core::connector::placements_onto;
use snapkit_core::rules::{FitReport, Stop, best_spot, what_fits};
use snapkit_core::{
    Assembly, ConnectorId, ConnectorName, Edit, FinishId, Locale, PartId, PartKindId, PlacedPart,
    Placement, QuarterTurns,
};
use std::sync::Arc;

/// Adds a `kind` part whose connector `by` sits on connector `onto` of part `host`.
fn attach(assembly: &mut Assembly, kind: &str, finish: &str, host: u32, onto: &str, by: &str) {
    let catalog = Arc::clone(assembly.catalog());
    let host = assembly.part(PartId(host)).expect("host").clone();
    let target = catalog
        .part(&host.kind)
        .and_then(|kind| kind.connector(&ConnectorName::new(onto)))
        .expect("host connector")
        .world_frame(host.placement);
    let moving = catalog
        .part(&PartKindId::new(kind))
        .and_then(|kind| kind.connector(&ConnectorName::new(by)))
        .expect("own connector");
    let placement = placements_onto(target, moving, QuarterTurns::NONE)
        .next()
        .expect("a placement");
    Edit::PlacePart(PlacedPart {
        id: assembly.next_part_id(),
        kind: PartKindId::new(kind),
        finish: FinishId::new(finish),
        placement,
    })
    .apply(assembly)
    .expect("the part attaches");
}

fn report<'a>(reports: &'a [FitReport], kind: &str) -> &'a FitReport {
    reports
        .iter()
        .find(|report| report.kind.as_str() == kind)
        .expect("a report per kind")
}

fn place_first(assembly: &mut Assembly, kind: &str, finish: &str) {
    assembly
        .insert(PlacedPart {
            id: PartId(1),
            kind: PartKindId::new(kind),
            finish: FinishId::new(finish),
            placement: Placement::default(),
        })
        .expect("the first part stands on the floor");
}

#[test]
fn an_open_seat_end_takes_a_right_arm_or_a_seat_in_the_sofas_fabric_only() {
    let mut sofa = Assembly::new(shipped("sofa"));
    place_first(&mut sofa, "arm-left", "wool-grey");
    attach(&mut sofa, "seat-800", "wool-grey", 1, "right", "left");
    let end = ConnectorId {
        part: PartId(2),
        connector: ConnectorName::new("right"),
    };
    let reports = what_fits(&sofa, Some(&end), &Locale::english());
    assert_eq!(reports.len(), sofa.catalog().parts.len());
    let arm = report(&reports, "arm-right");
    assert_eq!((arm.places, &arm.stopped_by), (1, &None));
    assert_eq!(
        arm.finishes,
        vec![FinishId::new("wool-grey")],
        "one fabric per sofa"
    );
    // A seat leaves a new open end, which more parts can close: it is not refused for that.
    assert_eq!(report(&reports, "seat-1000").places, 1);
    assert_eq!(
        report(&reports, "arm-left").stopped_by,
        Some(Stop::NoConnector)
    );
    assert_eq!(
        report(&reports, "ottoman").stopped_by,
        Some(Stop::NoConnector)
    );
}

#[test]
fn a_frame_that_would_make_the_unit_too_wide_is_refused_with_the_rule_and_figures() {
    let mut shelving = Assembly::new(shipped("shelving"));
    place_first(&mut shelving, "frame-750x350x350", "chrome");
    for host in 1..4 {
        attach(
            &mut shelving,
            "frame-750x350x350",
            "chrome",
            host,
            "right",
            "left",
        );
    }
    let end = ConnectorId {
        part: PartId(4),
        connector: ConnectorName::new("right"),
    };
    let reports = what_fits(&shelving, Some(&end), &Locale::english());
    let narrow = report(&reports, "frame-350x350x350");
    assert_eq!(narrow.places, 0);
    assert_eq!(
        narrow.stopped_by,
        Some(Stop::Rule {
            rule: snapkit_core::RuleId::new("max-width"),
            reason: "Width 3,350 mm exceeds the 3,000 mm limit".to_owned(),
        })
    );
    // On top of the unit every frame still fits: 4 frames on top of 4, the top one of each kind.
    let anywhere = what_fits(&shelving, None, &Locale::english());
    let wide = report(&anywhere, "frame-750x350x350");
    assert_eq!(wide.stopped_by, None);
    assert_eq!(wide.places, 4, "one on top of each frame, none at the ends");
}

#[test]
fn a_free_standing_ottoman_is_set_down_in_front_of_the_sofa() {
    let mut sofa = Assembly::new(shipped("sofa"));
    place_first(&mut sofa, "arm-left", "wool-sand");
    attach(&mut sofa, "seat-800", "wool-sand", 1, "right", "left");
    let reports = what_fits(&sofa, None, &Locale::english());
    let ottoman = report(&reports, "ottoman");
    assert_eq!((ottoman.places, &ottoman.stopped_by), (1, &None));
    let spot = best_spot(&sofa, &PartKindId::new("ottoman"), None, &Locale::english())
        .expect("an ottoman can always be set down beside the sofa");
    assert_eq!(
        spot.finish,
        FinishId::new("wool-sand"),
        "in the sofa's fabric"
    );
    let before = sofa.bounds().expect("a sofa");
    sofa.insert(spot.clone()).expect("the spot is free");
    let kind = sofa.catalog().part(&spot.kind).expect("ottoman").clone();
    let placed = Assembly::world_boxes(&kind, spot.placement)
        .reduce(snapkit_core::Aabb::union)
        .expect("a box");
    assert_eq!(placed.min.y, 0, "on the floor");
    let grid = sofa.catalog().meta.snap_grid_um;
    let gap = placed.min.z - before.max.z;
    assert!(
        (300_000..300_000 + grid).contains(&gap),
        "300 mm in front, on the catalog's grid: {gap} µm"
    );
    // A second ottoman would stand where the first one is: refused, and the rule says why not.
    let again = what_fits(&sofa, None, &Locale::english());
    assert!(report(&again, "ottoman").stopped_by.is_some());
}

#[test]
fn the_best_spot_at_a_chosen_connector_is_there_or_says_what_stops_it() {
    let mut sofa = Assembly::new(shipped("sofa"));
    place_first(&mut sofa, "seat-600", "velvet-green");
    let left = ConnectorId {
        part: PartId(1),
        connector: ConnectorName::new("left"),
    };
    let arm = best_spot(
        &sofa,
        &PartKindId::new("arm-left"),
        Some(&left),
        &Locale::english(),
    )
    .expect("a left arm end fits the seat's left side");
    assert_eq!(
        arm.finish,
        FinishId::new("velvet-green"),
        "in the seat's fabric"
    );
    sofa.insert(arm.clone()).expect("the spot is free");
    assert!(
        sofa.connections()
            .any(|connection| connection.touches(PartId(1)) && connection.touches(arm.id)),
        "joined to the seat"
    );
    let right = ConnectorId {
        part: PartId(1),
        connector: ConnectorName::new("right"),
    };
    sofa.remove(arm.id);
    assert!(
        best_spot(
            &sofa,
            &PartKindId::new("arm-left"),
            Some(&right),
            &Locale::english()
        )
        .is_err(),
        "a left arm end does not fit the seat's right side"
    );
}

#[test]
fn a_front_fits_a_frame_of_its_size_and_says_which_frame_it_needs_otherwise() {
    let mut shelving = Assembly::new(shipped("shelving"));
    place_first(&mut shelving, "frame-750x350x350", "powder-white");
    let reports = what_fits(&shelving, None, &Locale::english());
    // A door goes on either face of the frame; a shelf in its middle; a side panel on each side.
    assert_eq!(report(&reports, "door-750x350").places, 2);
    assert_eq!(report(&reports, "shelf-750x350").places, 1);
    assert_eq!(report(&reports, "side-panel-350x350").places, 2);
    assert_eq!(
        report(&reports, "drawer-750x175").stopped_by,
        Some(Stop::Rule {
            rule: snapkit_core::RuleId::new("needs-bay-750x175"),
            reason: "Drawer 750 × 175 needs a frame 750 wide and 175 high".to_owned(),
        })
    );
    assert_eq!(
        report(&reports, "shelf-750x500").stopped_by,
        Some(Stop::Rule {
            rule: snapkit_core::RuleId::new("needs-shelf-bay-750x500"),
            reason: "Shelf 750 × 500 needs a frame 750 wide, 350 high and 500 deep".to_owned(),
        })
    );
    // Glass only on chrome: on a white frame a door comes in every finish but glass.
    let door = report(&reports, "door-750x350");
    assert!(door.finishes.contains(&FinishId::new("powder-white")));
    assert!(
        !door
            .finishes
            .iter()
            .any(|finish| finish.as_str().starts_with("glass"))
    );
    // With both faces closed, a door has a frame of its size but nowhere to go.
    attach(
        &mut shelving,
        "door-750x350",
        "powder-white",
        1,
        "front",
        "back",
    );
    attach(
        &mut shelving,
        "back-panel-750x350",
        "powder-white",
        1,
        "back",
        "front",
    );
    let closed = what_fits(&shelving, None, &Locale::english());
    assert_eq!(
        report(&closed, "door-750x350").stopped_by,
        Some(Stop::NoConnector)
    );
}

#[test]
fn castors_go_under_a_unit_only_when_it_is_built_on_them() {
    let mut shelving = Assembly::new(shipped("shelving"));
    place_first(&mut shelving, "castors-500x500", "chrome");
    attach(
        &mut shelving,
        "frame-500x175x500",
        "powder-white",
        1,
        "top",
        "feet",
    );
    let reports = what_fits(&shelving, None, &Locale::english());
    // The frame's feet spot is taken by the castors.
    assert_eq!(report(&reports, "feet-500x500").places, 0);
    assert_eq!(report(&reports, "drawer-500x175").places, 2);
    assert_eq!(report(&reports, "frame-500x350x500").stopped_by, None);
    // A shallower frame does not stand beside a deep one.
    let end = ConnectorId {
        part: PartId(2),
        connector: ConnectorName::new("right"),
    };
    let beside = what_fits(&shelving, Some(&end), &Locale::english());
    assert_eq!(
        report(&beside, "frame-500x175x350").stopped_by,
        Some(Stop::NoConnector)
    );
    assert_eq!(report(&beside, "frame-500x175x500").places, 1);
}
