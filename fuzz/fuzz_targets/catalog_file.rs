//! Fuzzes the catalog file loader: any input must load or be refused with an error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = snapkit_formats::load_catalog(text);
    }
});
