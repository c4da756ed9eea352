//! Fuzzes order reading and re-verification: any text must verify or be refused, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use snapkit_core::Catalog;
use std::sync::{Arc, LazyLock};

static SHELVING: LazyLock<Arc<Catalog>> = LazyLock::new(|| {
    Arc::new(
        snapkit_formats::load_catalog(include_str!("../../assets/catalogs/shelving.json"))
            .expect("the demo catalog is valid"),
    )
});

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(order) = snapkit_formats::read_order(text)
    {
        let _ = snapkit_formats::verify_order(&order, &SHELVING);
    }
});
