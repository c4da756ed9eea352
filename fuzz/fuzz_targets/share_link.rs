//! Fuzzes the share-link decoder: any text must open or be refused with an error, never panic.
//! Both stages run: the raw decoder, then the rebuild against the demo catalogs.
#![no_main]

mod demo_catalogs;

use demo_catalogs::CATALOGS;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for catalog in CATALOGS.iter() {
            let _ = snapkit_formats::open_link(text, catalog);
        }
    }
});
