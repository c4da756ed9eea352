//! From a checked configuration to its order document: the only way to write one.

use super::document::{
    AssemblyRecord, CatalogReference, ConnectionRecord, ConnectorRecord, HardwareLine,
    ORDER_SCHEMA, OrderDocument, PartLine, PartRecord, RotationRecord, Validity, WarningRecord,
};
use crate::share_link::{configuration_id, share_url};
use snapkit_core::pricing::LineItem;
use snapkit_core::{Assembly, CheckedConfiguration, ConnectorId, Direction, Locale, PartId};

/// What an order needs besides the configuration.
#[derive(Clone, Debug)]
pub struct OrderContext<'a> {
    /// The configurator page's address; the share link is made from it.
    pub page: &'a str,
    /// The customer's locale, for names and messages.
    pub locale: &'a Locale,
    /// When the order is made, RFC 3339 in UTC.
    pub created_at: String,
    /// This snapkit's version.
    pub app_version: &'a str,
}

impl OrderDocument {
    /// The order for a configuration that passed the rules.
    pub fn from_checked(checked: &CheckedConfiguration, context: &OrderContext<'_>) -> Self {
        let assembly = checked.assembly();
        let meta = &assembly.catalog().meta;
        let bill = checked.bill();
        let locale = context.locale;
        let mut lines = Vec::new();
        for line in &bill.lines {
            if let LineItem::Part { kind, finish } = &line.item {
                lines.push(PartLine {
                    sku: line.sku.clone(),
                    kind: kind.to_string(),
                    name: line.name.get(locale).to_owned(),
                    finish: finish.to_string(),
                    quantity: line.quantity,
                    unit_price: line.unit_price,
                    discount: line.discount,
                    line_total: line.line_total,
                    parts: part_numbers(&line.parts),
                });
            }
        }
        let hardware = bill
            .hardware
            .iter()
            .filter_map(|line| match &line.item {
                LineItem::Hardware(id) => Some(HardwareLine {
                    sku: line.sku.clone(),
                    hardware: id.to_string(),
                    name: line.name.get(locale).to_owned(),
                    quantity: line.quantity,
                    unit_price: line.unit_price,
                    line_total: line.line_total,
                }),
                LineItem::Part { .. } => None,
            })
            .collect();
        Self {
            schema: ORDER_SCHEMA.to_owned(),
            catalog: CatalogReference {
                id: meta.id.clone(),
                version: meta.version.clone(),
                content_hash: meta.content_hash.clone(),
            },
            configuration_id: configuration_id(assembly),
            locale: locale.as_str().to_owned(),
            currency: bill.currency.clone(),
            lines,
            hardware,
            subtotal: bill.subtotal,
            discount: bill.discount,
            total: bill.total,
            assembly: assembly_record(assembly),
            share_link: share_url(context.page, assembly),
            validity: Validity {
                orderable: true,
                warnings: checked
                    .warnings()
                    .iter()
                    .map(|warning| WarningRecord {
                        rule: warning.rule.to_string(),
                        message: warning.reason.clone(),
                        parts: part_numbers(&warning.parts),
                    })
                    .collect(),
            },
            created_at: context.created_at.clone(),
            app_version: context.app_version.to_owned(),
        }
    }
}

/// The parts and connections of `assembly` as the order records them.
pub fn assembly_record(assembly: &Assembly) -> AssemblyRecord {
    let end = |id: &ConnectorId| ConnectorRecord {
        part: id.part.0,
        connector: id.connector.to_string(),
    };
    AssemblyRecord {
        parts: assembly
            .parts()
            .map(|part| PartRecord {
                id: part.id.0,
                kind: part.kind.to_string(),
                finish: part.finish.to_string(),
                position_um: part.placement.translation.to_array(),
                rotation: RotationRecord {
                    x: part.placement.rotation.direction(Direction::PosX),
                    y: part.placement.rotation.direction(Direction::PosY),
                },
            })
            .collect(),
        connections: assembly
            .connections()
            .map(|connection| ConnectionRecord {
                a: end(&connection.a),
                b: end(&connection.b),
            })
            .collect(),
    }
}

fn part_numbers(parts: &[PartId]) -> Vec<u32> {
    parts.iter().map(|part| part.0).collect()
}
