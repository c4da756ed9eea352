//! Orders (`"schema": "snapkit.order/1"`): made only from a checked configuration, read back
//! with limits, and re-verified against the catalog by the back office.

mod document;
mod make;
mod verify;

pub use document::{
    AssemblyRecord, CatalogReference, ConnectionRecord, ConnectorRecord, HardwareLine,
    ORDER_SCHEMA, OrderDocument, PartLine, PartRecord, RotationRecord, Validity, WarningRecord,
};
pub use make::{OrderContext, assembly_record};
pub use verify::{Discrepancy, Verification, same_parts, verify_order};

use crate::json_input::{SyntaxError, parse};

/// Largest order file accepted, in bytes.
pub const MAX_ORDER_BYTES: usize = 16 * 1024 * 1024;

/// Why an order file could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum OrderError {
    /// The file is larger than [`MAX_ORDER_BYTES`].
    #[error("order file is {size} bytes; the limit is {MAX_ORDER_BYTES} bytes")]
    TooLarge {
        /// Size of the rejected file.
        size: usize,
    },
    /// The file is not JSON of the order's shape.
    #[error("{0}")]
    Syntax(SyntaxError),
    /// The file is an order of another format version.
    #[error("unsupported schema '{0}'; this version reads '{ORDER_SCHEMA}'")]
    UnsupportedSchema(String),
}

/// Reads an order file: size limit, typed parse with paths, schema tag.
pub fn read_order(text: &str) -> Result<OrderDocument, OrderError> {
    if text.len() > MAX_ORDER_BYTES {
        return Err(OrderError::TooLarge { size: text.len() });
    }
    let order: OrderDocument = parse(text).map_err(OrderError::Syntax)?;
    if order.schema != ORDER_SCHEMA {
        return Err(OrderError::UnsupportedSchema(order.schema));
    }
    Ok(order)
}
