//! Fuzzes reading a catalog's glTF model: any bytes must read or be refused, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use glam::IVec3;

fuzz_target!(|data: &[u8]| {
    let _ = snapkit_formats::read_model(data, IVec3::new(200_000, 520_000, 950_000));
});
