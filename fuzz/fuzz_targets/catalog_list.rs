//! Fuzzes the catalog list reader: any input must read or be refused with a reason, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = snapkit_formats::read_catalog_list(text);
    }
});
