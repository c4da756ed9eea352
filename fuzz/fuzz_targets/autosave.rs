//! Fuzzes restoring an autosave: any stored text must restore or be refused, never panic.
#![no_main]

mod demo_catalogs;

use demo_catalogs::CATALOGS;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for catalog in CATALOGS.iter() {
            let _ = snapkit_formats::restore(text, catalog);
        }
    }
});
