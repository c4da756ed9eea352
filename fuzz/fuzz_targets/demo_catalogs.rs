//! The shipped demo catalogs, compiled into the fuzz targets that open input against them.

use snapkit_core::Catalog;
use std::sync::{Arc, LazyLock};

/// Shelving, sofa and bricks, loaded once.
pub static CATALOGS: LazyLock<Vec<Arc<Catalog>>> = LazyLock::new(|| {
    [
        include_str!("../../assets/catalogs/shelving.json"),
        include_str!("../../assets/catalogs/sofa.json"),
        include_str!("../../assets/catalogs/bricks.json"),
    ]
    .into_iter()
    .map(|text| Arc::new(snapkit_formats::load_catalog(text).expect("demo catalogs are valid")))
    .collect()
});
