//! Boundary tests of share links: every reachable assembly survives the round trip, no input
//! makes the decoder panic, and every refusal says precisely what was wrong.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;
#[path = "support/growth.rs"]
mod growth;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use demo_catalogs::shipped;
use growth::{Growth, grow, growth_step, wall};
use proptest::prelude::*;
use snapkit_core::{Assembly, Catalog, FinishId, PartId, PartKindId, PlacedPart, Placement};
use snapkit_formats::share_link::{Anchor, RawLink, RawPart};
use snapkit_formats::{LinkError, load_catalog, open_link, share_code, share_url};
use std::collections::BTreeMap;
use std::sync::Arc;

/// What must survive a link: how many of each kind, finish and placement, and the joints.
fn essence(assembly: &Assembly) -> (BTreeMap<String, usize>, usize) {
    let mut parts = BTreeMap::new();
    for part in assembly.parts() {
        let key = format!("{}/{}/{:?}", part.kind, part.finish, part.placement);
        *parts.entry(key).or_default() += 1;
    }
    (parts, assembly.connections().len())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_grown_assembly_survives_the_round_trip(
        catalog in prop::sample::select(vec!["shelving", "sofa", "bricks"]),
        steps in prop::collection::vec(growth_step(), 0..24),
    ) {
        let catalog = shipped(catalog);
        let assembly = grow(&catalog, &steps);
        let url = share_url("https://shop.example/configure?catalog=x#old", &assembly);
        prop_assert!(url.starts_with("https://shop.example/configure?catalog=x#c="));
        let opened = open_link(&url, &catalog).map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(essence(&opened.assembly), essence(&assembly));
        prop_assert_eq!(opened.made_for_version, None);
        // Encoding is deterministic: the reopened assembly gives the same code.
        prop_assert_eq!(share_code(&opened.assembly), share_code(&assembly));
    }

    #[test]
    fn no_text_makes_the_decoder_panic(text in "\\PC{0,300}") {
        let _ = open_link(&text, &shipped("bricks"));
    }

    #[test]
    fn no_bytes_make_the_decoder_panic(format in 0..3u8, bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut envelope = vec![format];
        envelope.extend(&bytes);
        let _ = open_link(&URL_SAFE_NO_PAD.encode(&envelope), &shipped("bricks"));
    }

    #[test]
    fn no_payload_behind_a_valid_checksum_makes_the_decoder_panic(
        payload in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        let _ = open_link(&sealed(&payload), &shipped("bricks"));
    }

    /// A changed character is refused, or (when it only touches bits DEFLATE ignores, such as
    /// the padding after the last block) opens the very same configuration: the checksum
    /// covers the inflated payload, so a link never silently opens something else.
    #[test]
    fn a_changed_character_is_refused_or_harmless(at in any::<prop::sample::Index>(), with in "[A-Za-z0-9_-]") {
        let catalog = shipped("shelving");
        let original = wall(&catalog, 4, 3);
        let code = share_code(&original);
        let at = at.index(code.len());
        let mut changed = code.clone();
        changed.replace_range(at..=at, &with);
        match open_link(&changed, &catalog) {
            Ok(opened) => prop_assert_eq!(essence(&opened.assembly), essence(&original)),
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }
}

/// A link envelope around any payload, with its correct checksum.
fn sealed(payload: &[u8]) -> String {
    let mut envelope = vec![1];
    envelope.extend(miniz_oxide::deflate::compress_to_vec(payload, 6));
    envelope.extend(crc32fast::hash(payload).to_le_bytes());
    URL_SAFE_NO_PAD.encode(envelope)
}

#[test]
fn links_stay_short_enough_to_share() {
    let catalog = shipped("shelving");
    let mut lengths = Vec::new();
    for (columns, rows) in [(5, 2), (10, 5), (20, 10)] {
        let assembly = wall(&catalog, columns, rows);
        let url = share_url("", &assembly);
        assert_eq!(
            essence(&open_link(&url, &catalog).expect("opens").assembly),
            essence(&assembly)
        );
        lengths.push((assembly.len(), url.len()));
    }
    eprintln!("share link lengths (parts, characters incl. '#c='): {lengths:?}");
    let (parts, length) = lengths[2];
    assert_eq!(parts, 200);
    assert!(length <= 2_000, "a 200-part link is {length} characters");
}

#[test]
fn a_cut_off_link_says_so() {
    let catalog = shipped("shelving");
    let code = share_code(&wall(&catalog, 3, 2));
    for keep in [0, 1, 2, 5, code.len() / 2, code.len() - 1] {
        let error = open_link(&format!("#c={}", &code[..keep]), &catalog)
            .expect_err("a cut link does not open");
        let message = error.to_string();
        assert!(
            message.contains("cut off")
                || message.contains("damaged")
                || message.contains("carries no configuration"),
            "keeping {keep} characters: {message}"
        );
    }
}

#[test]
fn a_page_address_without_a_configuration_is_not_a_link() {
    let error = open_link("https://shop.example/sofa", &shipped("sofa")).expect_err("no code");
    assert!(matches!(error, LinkError::NotALink(_)), "{error}");
    let error = open_link("https://shop.example/sofa#c=", &shipped("sofa")).expect_err("empty");
    assert_eq!(
        error.to_string(),
        "this is not a snapkit configuration link: it carries no configuration (#c=…)"
    );
}

#[test]
fn a_link_for_another_catalog_names_both() {
    let sofa = shipped("sofa");
    let code = share_code(&grow(&sofa, &[]));
    let error = open_link(&code, &shipped("shelving")).expect_err("wrong catalog");
    assert_eq!(
        error.to_string(),
        format!(
            "this link was made for catalog 'sofa' version {}, not for 'shelving'",
            sofa.meta.version
        )
    );
}

/// The sofa catalog's text changed by `change`.
fn sofa_changed(change: impl FnOnce(&mut serde_json::Value)) -> Arc<Catalog> {
    let path = format!(
        "{}/../../assets/catalogs/sofa.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("sofa is shipped"))
            .expect("sofa is JSON");
    change(&mut value);
    value["version"] = "2099.1".into();
    Arc::new(load_catalog(&value.to_string()).expect("the changed sofa is valid"))
}

/// A sofa of one part of `kind` in `finish`.
fn one_sofa_part(catalog: &Arc<Catalog>, kind: &str, finish: &str) -> Assembly {
    let mut assembly = Assembly::new(Arc::clone(catalog));
    assembly
        .insert(PlacedPart {
            id: PartId(1),
            kind: PartKindId::new(kind),
            finish: FinishId::new(finish),
            placement: Placement::default(),
        })
        .expect("one part stands on the floor");
    assembly
}

#[test]
fn a_link_to_an_older_catalog_whose_parts_exist_still_opens() {
    let sofa = shipped("sofa");
    let assembly = grow(
        &sofa,
        &[Growth::Attach {
            open: 0,
            fit: 0,
            placement: 0,
            finish: 0,
        }],
    );
    let newer = sofa_changed(|value| value["parts"][0]["price"] = 1.into());
    assert_ne!(newer.meta.content_hash, sofa.meta.content_hash);
    let opened = open_link(&share_code(&assembly), &newer).expect("the parts still exist");
    assert_eq!(
        opened.made_for_version.as_deref(),
        Some(sofa.meta.version.as_str())
    );
    assert_eq!(essence(&opened.assembly), essence(&assembly));
}

#[test]
fn a_link_whose_parts_are_gone_lists_them_all() {
    let sofa = shipped("sofa");
    let fabric = sofa.parts[0].finishes[1].clone();
    let assembly = one_sofa_part(&sofa, sofa.parts[0].id.as_str(), fabric.as_str());
    let gone = sofa.parts[0].id.clone();
    let newer = sofa_changed(|value| {
        let parts = value["parts"].as_array_mut().expect("parts");
        parts.remove(0);
        // The designs built from it go with it.
        value["presets"] = serde_json::json!([]);
    });
    let error = open_link(&share_code(&assembly), &newer).expect_err("its kind is gone");
    assert_eq!(
        error.to_string(),
        format!(
            "this link was made for catalog 'sofa' version {}; some parts no longer exist: {gone}",
            sofa.meta.version
        )
    );
}

/// The code of a hand-made raw link for the bricks catalog.
fn bricks_link(parts: Vec<RawPart>) -> String {
    let catalog = shipped("bricks");
    let mut raw = snapkit_formats::share_link::raw_link(&Assembly::new(Arc::clone(&catalog)));
    raw.parts = parts;
    raw.to_text()
}

fn brick(anchor: Anchor) -> RawPart {
    RawPart {
        kind: "brick-2x4".to_owned(),
        finish: "red".to_owned(),
        rotation: 0,
        anchor,
    }
}

#[test]
fn a_forged_link_with_overlapping_parts_is_refused_with_the_part() {
    let code = bricks_link(vec![
        brick(Anchor::Absolute([0, 0, 0])),
        brick(Anchor::Absolute([8_000, 0, 0])),
    ]);
    let error = open_link(&code, &shipped("bricks")).expect_err("overlap");
    let message = error.to_string();
    assert!(
        message.ends_with("part 2 (Brick 2 × 4) cannot be placed: it would overlap part #1"),
        "{message}"
    );
}

#[test]
fn a_forged_attachment_that_does_not_mate_is_refused() {
    let code = bricks_link(vec![
        brick(Anchor::Absolute([0, 0, 0])),
        brick(Anchor::Attached {
            parent: 0,
            onto: "stud[0,0,0]".to_owned(),
            own: "stud[1,0,0]".to_owned(),
        }),
    ]);
    let error = open_link(&code, &shipped("bricks")).expect_err("studs do not mate studs");
    assert!(
        error.to_string().ends_with(
            "its connector 'stud[1,0,0]' does not fit connector 'stud[0,0,0]' of part 1"
        ),
        "{error}"
    );
}

#[test]
fn a_link_from_a_newer_snapkit_names_its_format() {
    let error = open_link(
        &URL_SAFE_NO_PAD.encode([9, 0, 0, 0, 0, 0]),
        &shipped("bricks"),
    )
    .expect_err("format 9");
    assert_eq!(
        error.to_string(),
        "the link uses format 9; this configurator reads format 1"
    );
}

#[test]
fn raw_links_read_back_as_written() {
    let catalog = shipped("bricks");
    let assembly = grow(
        &catalog,
        &[Growth::Attach {
            open: 3,
            fit: 1,
            placement: 2,
            finish: 1,
        }],
    );
    let raw = snapkit_formats::share_link::raw_link(&assembly);
    assert_eq!(RawLink::from_text(&raw.to_text()), Ok(raw));
}
