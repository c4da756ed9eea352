//! Strong identifiers: the only way parts, kinds and finishes are named across boundaries.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Declares a catalog-scoped identifier: a newtype over the id string the catalog author chose,
/// shared rather than copied (ids are cloned into every placed part, joint and violation).
macro_rules! catalog_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Arc<str>);

        impl $name {
            /// Wraps an id as written in a catalog.
            pub fn new(id: impl Into<String>) -> Self {
                Self(Arc::from(id.into()))
            }

            /// The id as written in the catalog.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

catalog_id!(
    /// Identifies a kind of part within a catalog, e.g. `frame-750x350`.
    PartKindId
);
catalog_id!(
    /// Identifies a finish within a catalog, e.g. `powder-white`.
    FinishId
);
catalog_id!(
    /// Identifies a connector type within a catalog, e.g. `stud`.
    ConnectorTypeId
);
catalog_id!(
    /// Names a connector within its part kind, e.g. `stud[1,3]` or `left`.
    ConnectorName
);

catalog_id!(
    /// Identifies a rule within a catalog, e.g. `max-width`.
    RuleId
);
catalog_id!(
    /// Identifies a hardware item within a catalog, e.g. `connector-ball`.
    HardwareId
);

/// Identifies one placed part within an assembly. Stable for the part's lifetime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartId(pub u32);

impl fmt::Display for PartId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// One connector of one placed part.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ConnectorId {
    /// The part it is on.
    pub part: PartId,
    /// The connector's name in the part's kind.
    pub connector: ConnectorName,
}

impl fmt::Display for ConnectorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.part, self.connector)
    }
}
