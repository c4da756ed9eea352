//! The `hardware` section of a catalog file: what connections and open ends need, and its
//! resolution into core values.

use super::Resolver;
use schemars::JsonSchema;
use serde::Deserialize;
use snapkit_core::{ConnectorTypeId, Hardware, HardwareId, HardwareNeed};
use std::collections::{BTreeMap, HashSet};

/// A hardware item as written: either `joins` (two connector types, with `per_connection`) or
/// `caps` (connector types whose open ends need it, with `per_open_end`).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHardware {
    id: String,
    sku: String,
    name: BTreeMap<String, String>,
    price: i64,
    /// The two connector types whose connections need it, in either order.
    #[serde(default)]
    joins: Option<[String; 2]>,
    /// How many each such connection needs (1 if left out).
    #[serde(default)]
    per_connection: Option<u32>,
    /// The connector types whose open ends (joined to nothing) need it, e.g. an end cap.
    #[serde(default)]
    caps: Option<Vec<String>>,
    /// How many each open end needs (1 if left out).
    #[serde(default)]
    per_open_end: Option<u32>,
}

impl Resolver {
    pub(super) fn hardware(
        &mut self,
        raw: Vec<RawHardware>,
        type_ids: &HashSet<&ConnectorTypeId>,
    ) -> Vec<Hardware> {
        let mut seen = HashSet::new();
        raw.into_iter()
            .enumerate()
            .map(|(index, item)| {
                let path = format!("hardware[{index}]");
                self.text(&format!("{path}.id"), &item.id);
                self.text(&format!("{path}.sku"), &item.sku);
                self.unique(&format!("{path}.id"), &item.id, &mut seen, "hardware id");
                if item.price < 0 {
                    self.problem(format!("{path}.price"), "a price cannot be negative");
                }
                let need = self.hardware_need(&path, &item, type_ids);
                let name = self.localized(&format!("{path}.name"), item.name);
                Hardware {
                    id: HardwareId::new(item.id),
                    sku: item.sku,
                    name,
                    price: item.price,
                    need,
                }
            })
            .collect()
    }

    /// What makes an assembly need `item`: exactly one of `joins` and `caps`, each with its
    /// own count.
    fn hardware_need(
        &mut self,
        path: &str,
        item: &RawHardware,
        type_ids: &HashSet<&ConnectorTypeId>,
    ) -> HardwareNeed {
        let per_connection =
            self.hardware_count(&format!("{path}.per_connection"), item.per_connection);
        let per_open_end = self.hardware_count(&format!("{path}.per_open_end"), item.per_open_end);
        match (&item.joins, &item.caps) {
            (Some(joins), None) => {
                if item.per_open_end.is_some() {
                    self.problem(
                        format!("{path}.per_open_end"),
                        "only an item that `caps` open ends counts per open end",
                    );
                }
                let joins = joins.clone().map(ConnectorTypeId::new);
                for (end, joined) in joins.iter().enumerate() {
                    self.known_connector_type(&format!("{path}.joins[{end}]"), joined, type_ids);
                }
                HardwareNeed::Connection {
                    joins,
                    per_connection,
                }
            }
            (None, Some(caps)) => {
                if item.per_connection.is_some() {
                    self.problem(
                        format!("{path}.per_connection"),
                        "only an item that `joins` connector types counts per connection",
                    );
                }
                if caps.is_empty() {
                    self.problem(format!("{path}.caps"), "name at least one connector type");
                }
                let caps: Vec<ConnectorTypeId> =
                    caps.iter().cloned().map(ConnectorTypeId::new).collect();
                for (at, capped) in caps.iter().enumerate() {
                    self.known_connector_type(&format!("{path}.caps[{at}]"), capped, type_ids);
                }
                HardwareNeed::OpenEnd { caps, per_open_end }
            }
            (joins, _) => {
                let message = if joins.is_some() {
                    "a hardware item either `joins` two connector types or `caps` open ends, not both"
                } else {
                    "say what needs this item: `joins` (two connector types) or `caps` (connector types whose open ends it covers)"
                };
                self.problem(path.to_owned(), message);
                HardwareNeed::OpenEnd {
                    caps: Vec::new(),
                    per_open_end,
                }
            }
        }
    }

    /// A per-connection or per-open-end count: 1 if left out, and never 0.
    fn hardware_count(&mut self, path: &str, count: Option<u32>) -> u32 {
        if count == Some(0) {
            self.problem(path.to_owned(), "must be at least 1");
        }
        count.unwrap_or(1)
    }
}
