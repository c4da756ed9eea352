//! The shipped demo catalogs, loaded as the configurator loads them: the file, then its models.

use snapkit_core::Catalog;
use std::sync::Arc;

/// The folder of the demo catalogs.
pub fn catalogs_folder() -> String {
    format!("{}/../../assets/catalogs", env!("CARGO_MANIFEST_DIR"))
}

/// The demo catalog `assets/catalogs/<name>.json` with its models.
pub fn shipped(name: &str) -> Arc<Catalog> {
    let path = format!("{}/{name}.json", catalogs_folder());
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {path}: {error}"));
    let mut catalog = snapkit_formats::load_catalog(&text)
        .unwrap_or_else(|error| panic!("demo catalog {name} is valid: {error}"));
    let problems =
        snapkit_formats::attach_models_from_folder(&mut catalog, catalogs_folder().as_ref());
    assert_eq!(
        problems,
        Vec::<String>::new(),
        "demo catalog {name}'s models"
    );
    Arc::new(catalog)
}
