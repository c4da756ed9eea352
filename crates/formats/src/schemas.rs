//! The published JSON Schemas (draft 2020-12) of the catalog file and the order document,
//! generated from the very types that read them, so they cannot drift apart.
//! `schemas/*.schema.json` in the repository and the built site are copies, kept equal by a test.

use crate::catalog_file::RawCatalog;
use crate::order::OrderDocument;
use serde_json::Value;

/// The JSON Schema of catalog files (`snapkit.catalog/1`).
pub fn catalog_schema() -> Value {
    schemars::schema_for!(RawCatalog).to_value()
}

/// The JSON Schema of order documents (`snapkit.order/1`).
pub fn order_schema() -> Value {
    schemars::schema_for!(OrderDocument).to_value()
}
