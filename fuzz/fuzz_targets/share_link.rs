//! Fuzzes the share-link decoder: any text must open or be refused with an error, never panic.
//! Both stages run: the raw decoder, then the rebuild against the demo catalogs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use snapkit_core::Catalog;
use std::sync::{Arc, LazyLock};

static CATALOGS: LazyLock<Vec<Arc<Catalog>>> = LazyLock::new(|| {
    [
        include_str!("../../assets/catalogs/shelving.json"),
        include_str!("../../assets/catalogs/sofa.json"),
        include_str!("../../assets/catalogs/bricks.json"),
    ]
    .into_iter()
    .map(|text| Arc::new(snapkit_formats::load_catalog(text).expect("demo catalogs are valid")))
    .collect()
});

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for catalog in CATALOGS.iter() {
            let _ = snapkit_formats::open_link(text, catalog);
        }
    }
});
