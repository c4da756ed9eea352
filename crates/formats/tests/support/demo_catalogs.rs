//! The shipped demo catalogs, loaded as the configurator loads them.

use snapkit_core::Catalog;
use std::sync::Arc;

/// The demo catalog `assets/catalogs/<name>.json`.
pub fn shipped(name: &str) -> Arc<Catalog> {
    let path = format!(
        "{}/../../assets/catalogs/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {path}: {error}"));
    Arc::new(
        snapkit_formats::load_catalog(&text)
            .unwrap_or_else(|error| panic!("demo catalog {name} is valid: {error}")),
    )
}
