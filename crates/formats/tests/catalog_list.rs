//! The shipped list of catalogs (`assets/catalogs/index.json`) names every demo catalog file
//! by its id and with its own name; a broken list is refused with the reason.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;

use demo_catalogs::{catalogs_folder, shipped};
use proptest::prelude::*;
use snapkit_core::Locale;
use snapkit_formats::{is_catalog_id, read_catalog_list};

#[test]
fn the_shipped_list_names_every_catalog_file_with_the_catalogs_own_names() {
    let text = std::fs::read_to_string(format!("{}/index.json", catalogs_folder()))
        .expect("assets/catalogs/index.json");
    let listed = read_catalog_list(&text).expect("the shipped list reads");
    let mut files: Vec<String> = std::fs::read_dir(catalogs_folder())
        .expect("the catalogs folder")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let id = name.strip_suffix(".json")?.to_owned();
            (id != "index").then_some(id)
        })
        .collect();
    files.sort();
    let mut ids: Vec<String> = listed.iter().map(|entry| entry.id.clone()).collect();
    ids.sort();
    assert_eq!(ids, files, "every catalog file is listed, and only those");
    for entry in &listed {
        let catalog = shipped(&entry.id);
        assert_eq!(catalog.meta.id, entry.id);
        for locale in [Locale::english(), Locale::new("nb")] {
            assert_eq!(
                entry.name.get(&locale),
                catalog.meta.name.get(&locale),
                "{}",
                entry.id
            );
        }
    }
}

#[test]
fn a_broken_list_is_refused_with_the_reason() {
    let refused = |text: &str| read_catalog_list(text).expect_err(text);
    assert!(refused("[]").starts_with("the list is not valid"));
    assert!(
        refused(r#"{"catalogs": [{"id": "../etc", "name": {"en": "x"}}]}"#)
            .contains("catalogs[0].id")
    );
    assert!(
        refused(
            r#"{"catalogs": [{"id": "a", "name": {"en": "A"}}, {"id": "a", "name": {"en": "B"}}]}"#
        )
        .contains("listed twice")
    );
    assert!(
        refused(r#"{"catalogs": [{"id": "a", "name": {"nb": "A"}}]}"#).contains("English name")
    );
    assert!(refused(r#"{"catalogs": [], "more": 1}"#).starts_with("the list is not valid"));
    assert!(refused(&" ".repeat(70_000)).contains("larger than"));
    assert!(is_catalog_id("shelving-2") && !is_catalog_id("Shelving") && !is_catalog_id(""));
}

proptest! {
    /// Any text, and any list-shaped JSON, reads or is refused; what reads has plain, unique ids.
    #[test]
    fn any_input_reads_or_is_refused_without_panicking(
        text in ".{0,200}",
        ids in prop::collection::vec("[a-zA-Z0-9./-]{0,8}", 0..5),
    ) {
        let _ = read_catalog_list(&text);
        let entries: Vec<String> = ids
            .iter()
            .map(|id| format!(r#"{{"id": {id:?}, "name": {{"en": "A", "nb": "B"}}}}"#))
            .collect();
        let list = format!(r#"{{"catalogs": [{}]}}"#, entries.join(","));
        if let Ok(listed) = read_catalog_list(&list) {
            let mut seen = std::collections::BTreeSet::new();
            for entry in &listed {
                prop_assert!(is_catalog_id(&entry.id));
                prop_assert!(seen.insert(entry.id.clone()));
            }
        }
    }
}
