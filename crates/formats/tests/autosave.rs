//! Boundary tests of the autosave: every session survives the round trip with its undo and redo,
//! no stored text makes restoring panic, and what cannot be restored says why.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;
#[path = "support/growth.rs"]
mod growth;

use demo_catalogs::shipped;
use growth::{Growth, grow, growth_step, wall};
use proptest::prelude::*;
use snapkit_core::{Catalog, Edit, PartId, Session};
use snapkit_formats::autosave::{AUTOSAVE_FORMAT, AutosaveDocument, MAX_AUTOSAVE_BYTES};
use snapkit_formats::{AutosaveError, autosave, restore};
use std::sync::Arc;

/// A session opened on the assembly `opened` grows to, then built up part by part from what
/// `added` grows to (50 m to the side), then `undos` steps undone: a start, a history and a
/// redo list.
fn session(catalog: &Arc<Catalog>, opened: &[Growth], added: &[Growth], undos: usize) -> Session {
    let mut session = Session::from_assembly(grow(catalog, opened));
    for part in grow(catalog, added).parts() {
        let mut part = part.clone();
        part.id = PartId(part.id.0 + 10_000);
        part.placement.translation.x += 50_000_000;
        session
            .apply(Edit::PlacePart(part))
            .expect("a grown part fits beside the opened assembly");
    }
    for _ in 0..undos {
        session.undo();
    }
    session
}

fn catalog_named(index: usize) -> Arc<Catalog> {
    shipped(["shelving", "sofa", "bricks"][index % 3])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_session_comes_back_with_its_undo_and_redo(
        which in 0..3usize,
        opened in prop::collection::vec(growth_step(), 0..8),
        added in prop::collection::vec(growth_step(), 0..12),
        undos in 0..6usize,
    ) {
        let catalog = catalog_named(which);
        let mut original = session(&catalog, &opened, &added, undos);
        let restored = restore(&autosave(&original, 1_700_000_000_000), &catalog).expect("restores");
        prop_assert!(restored.history_kept);
        prop_assert_eq!(restored.saved_at_ms, 1_700_000_000_000);
        let mut copy = restored.session;
        prop_assert_eq!(copy.assembly(), original.assembly());
        while original.can_redo() {
            original.redo().expect("a step").expect("redoes");
            copy.redo().expect("the copy redoes too").expect("redoes");
            prop_assert_eq!(copy.assembly(), original.assembly());
        }
        while original.can_undo() {
            original.undo().expect("a step").expect("undoes");
            copy.undo().expect("the copy undoes too").expect("undoes");
            prop_assert_eq!(copy.assembly(), original.assembly());
        }
        prop_assert!(!copy.can_undo());
    }

    #[test]
    fn no_stored_text_makes_restoring_panic(text in ".{0,400}") {
        let _ = restore(&text, &catalog_named(0));
    }

    #[test]
    fn damaged_saves_are_refused_or_restored_never_panic(
        steps in prop::collection::vec(growth_step(), 0..10),
        cut in any::<usize>(),
        byte in any::<u8>(),
    ) {
        let catalog = catalog_named(0);
        let text = autosave(&session(&catalog, &[], &steps, 1), 0);
        let mut bytes = text.into_bytes();
        let at = cut % bytes.len();
        bytes[at] = byte;
        if let Ok(damaged) = String::from_utf8(bytes) {
            let _ = restore(&damaged, &catalog);
        }
    }
}

fn document(text: &str) -> AutosaveDocument {
    serde_json::from_str(text).expect("an autosave is JSON")
}

#[test]
fn a_history_that_no_longer_replays_keeps_the_configuration() {
    let catalog = shipped("shelving");
    let mut session = Session::from_assembly(wall(&catalog, 3, 2));
    session
        .apply(Edit::RemovePart(PartId(2)))
        .expect("removes a frame");
    let mut saved = document(&autosave(&session, 0));
    // The history's one edit removes a part the start no longer has.
    saved.start.retain(|part| part.id != PartId(2));
    let restored = restore(&serde_json::to_string(&saved).expect("JSON"), &catalog)
        .expect("the configuration itself still restores");
    assert!(!restored.history_kept);
    assert_eq!(restored.session.assembly(), session.assembly());
    assert!(!restored.session.can_undo());
}

#[test]
fn what_cannot_be_restored_says_why() {
    let catalog = shipped("shelving");
    let session = Session::from_assembly(wall(&catalog, 2, 2));
    let text = autosave(&session, 0);

    let sofa = shipped("sofa");
    assert_eq!(
        restore(&text, &sofa).map(|_| ()),
        Err(AutosaveError::OtherCatalog("shelving".to_owned()))
    );

    let mut newer = document(&text);
    newer.format = "snapkit.autosave/9".to_owned();
    let error = restore(&serde_json::to_string(&newer).expect("JSON"), &catalog)
        .map(|_| ())
        .expect_err("a newer format is refused");
    assert_eq!(
        error.to_string(),
        format!(
            "it was saved in format 'snapkit.autosave/9'; this configurator reads {AUTOSAVE_FORMAT}"
        )
    );

    let mut repeated = document(&text);
    repeated.current.push(repeated.current[0].clone());
    let error = restore(&serde_json::to_string(&repeated).expect("JSON"), &catalog)
        .map(|_| ())
        .expect_err("a part twice is refused");
    assert!(matches!(error, AutosaveError::Unbuildable(_)), "{error}");

    let mut unknown = document(&text);
    unknown.current[0].kind = snapkit_core::PartKindId::new("frame-9000");
    let error = restore(&serde_json::to_string(&unknown).expect("JSON"), &catalog)
        .map(|_| ())
        .expect_err("a kind the catalog lost is refused");
    assert!(error.to_string().contains("frame-9000"), "{error}");

    let error = restore(&text[..text.len() / 2], &catalog)
        .map(|_| ())
        .expect_err("a cut-off save is refused");
    assert!(
        error
            .to_string()
            .starts_with("it is damaged: EOF while parsing"),
        "{error}"
    );

    let huge = " ".repeat(MAX_AUTOSAVE_BYTES + 1);
    assert_eq!(
        restore(&huge, &catalog).map(|_| ()),
        Err(AutosaveError::TooLarge)
    );
}

#[test]
fn the_committed_autosave_restores_with_its_redo() {
    // `tests/fixtures/autosaves/`: also the fuzzer's seed. A shelving wall opened with one
    // frame, five frames added, the last one undone.
    let path = format!(
        "{}/../../tests/fixtures/autosaves/shelving-wall-with-undo.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("the fixture");
    let restored = restore(&text, &shipped("shelving")).expect("restores");
    assert!(restored.history_kept);
    let mut session = restored.session;
    assert_eq!(session.start().len(), 1);
    assert_eq!(session.assembly().len(), 5);
    session.redo().expect("one step to redo").expect("redoes");
    assert_eq!(session.assembly().len(), 6);
    assert!(!session.can_redo());
}
