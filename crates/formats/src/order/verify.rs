//! Re-verification of an order against the catalog, as a retailer's back office runs it:
//! rebuild the assembly, re-check the rules, re-price, and compare with what the order says.

use super::document::{ConnectionRecord, ConnectorRecord, OrderDocument};
use super::make::assembly_record;
use crate::share_link::{configuration_id, open_link};
use snapkit_core::pricing::{BomLine, LineItem, bill_of_materials};
use snapkit_core::rules::violations;
use snapkit_core::{
    Assembly, Catalog, FinishId, Locale, PartId, PartKindId, PlacedPart, Placement, Rotation,
};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::Arc;

/// Something in an order that does not agree with the catalog, at a JSON path of the order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discrepancy {
    /// Where in the order, e.g. `lines[2].unit_price`.
    pub path: String,
    /// What disagrees, in plain words with both figures.
    pub message: String,
}

impl fmt::Display for Discrepancy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The outcome of re-verifying an order.
#[derive(Clone, Debug, Default)]
pub struct Verification {
    /// Every disagreement found; an order is accepted only when there is none.
    pub discrepancies: Vec<Discrepancy>,
    /// Facts worth knowing that are not disagreements (the catalog changed since, say).
    pub notes: Vec<String>,
}

impl Verification {
    /// Whether the order agrees with the catalog in every respect.
    pub fn is_accepted(&self) -> bool {
        self.discrepancies.is_empty()
    }

    fn disagree(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.discrepancies.push(Discrepancy {
            path: path.into(),
            message: message.into(),
        });
    }
}

/// Re-checks `order` against `catalog` and reports every discrepancy.
pub fn verify_order(order: &OrderDocument, catalog: &Arc<Catalog>) -> Verification {
    let mut report = Verification::default();
    let meta = &catalog.meta;
    if order.catalog.id != meta.id {
        report.disagree(
            "catalog.id",
            format!(
                "the order is for catalog '{}', not '{}'",
                order.catalog.id, meta.id
            ),
        );
        return report;
    }
    if order.catalog.content_hash != meta.content_hash {
        report.notes.push(format!(
            "the order was made with version {} of catalog '{}' (content {}); checked against version {} (content {})",
            order.catalog.version,
            meta.id,
            short(&order.catalog.content_hash),
            meta.version,
            short(&meta.content_hash),
        ));
    }
    if order.currency != meta.currency {
        report.disagree(
            "currency",
            format!(
                "'{}' in the order, '{}' in the catalog",
                order.currency, meta.currency
            ),
        );
    }
    if !order.validity.orderable {
        report.disagree("validity.orderable", "the order says it is not orderable");
    }
    let Some(assembly) = rebuild(order, catalog, &mut report) else {
        return report;
    };
    compare_connections(order, &assembly, &mut report);
    compare_rules(order, &assembly, &mut report);
    compare_prices(order, &assembly, &mut report);
    let id = configuration_id(&assembly);
    if order.configuration_id != id {
        report.disagree(
            "configuration_id",
            format!(
                "'{}' in the order; the assembly's id is '{id}'",
                order.configuration_id
            ),
        );
    }
    match open_link(&order.share_link, catalog) {
        Ok(opened) if same_parts(&opened.assembly, &assembly) => {}
        Ok(_) => report.disagree("share_link", "it opens a different configuration"),
        Err(error) => report.disagree("share_link", error.to_string()),
    }
    report
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// The order's assembly placed part by part; `None` when a part cannot be placed.
fn rebuild(
    order: &OrderDocument,
    catalog: &Arc<Catalog>,
    report: &mut Verification,
) -> Option<Assembly> {
    let mut assembly = Assembly::new(Arc::clone(catalog));
    let before = report.discrepancies.len();
    for (at, part) in order.assembly.parts.iter().enumerate() {
        let path = format!("assembly.parts[{at}]");
        let Some(rotation) = Rotation::from_x_y(part.rotation.x, part.rotation.y) else {
            report.disagree(
                format!("{path}.rotation"),
                "its x and y axes are not at right angles",
            );
            continue;
        };
        if assembly.part(PartId(part.id)).is_some() {
            report.disagree(
                format!("{path}.id"),
                format!("part #{} appears twice", part.id),
            );
            continue;
        }
        let placed = PlacedPart {
            id: PartId(part.id),
            kind: PartKindId::new(&part.kind),
            finish: FinishId::new(&part.finish),
            placement: Placement {
                rotation,
                translation: glam::IVec3::from_array(part.position_um),
            },
        };
        if let Err(error) = assembly.insert(placed) {
            report.disagree(path, format!("part #{} ({}): {error}", part.id, part.kind));
        }
    }
    if order.assembly.parts.is_empty() {
        report.disagree("assembly.parts", "the order has no parts");
    }
    (report.discrepancies.len() == before).then_some(assembly)
}

fn ordered(connection: &ConnectionRecord) -> ConnectionRecord {
    if connection.a <= connection.b {
        connection.clone()
    } else {
        ConnectionRecord {
            a: connection.b.clone(),
            b: connection.a.clone(),
        }
    }
}

fn end(connector: &ConnectorRecord) -> String {
    format!("#{}.{}", connector.part, connector.connector)
}

fn compare_connections(order: &OrderDocument, assembly: &Assembly, report: &mut Verification) {
    let real: BTreeSet<ConnectionRecord> =
        assembly_record(assembly).connections.into_iter().collect();
    let mut listed = BTreeSet::new();
    for (at, connection) in order.assembly.connections.iter().enumerate() {
        let connection = ordered(connection);
        if !real.contains(&connection) {
            report.disagree(
                format!("assembly.connections[{at}]"),
                format!(
                    "{} and {} are not joined: those connectors do not meet",
                    end(&connection.a),
                    end(&connection.b)
                ),
            );
        }
        listed.insert(connection);
    }
    for missing in real.difference(&listed) {
        report.disagree(
            "assembly.connections",
            format!(
                "{} and {} are joined, but the order does not list it",
                end(&missing.a),
                end(&missing.b)
            ),
        );
    }
}

fn compare_rules(order: &OrderDocument, assembly: &Assembly, report: &mut Verification) {
    let found = violations(assembly, &Locale::new(order.locale.clone()));
    let mut stated: BTreeMap<(&str, Vec<u32>), usize> = BTreeMap::new();
    for warning in &order.validity.warnings {
        *stated
            .entry((warning.rule.as_str(), warning.parts.clone()))
            .or_default() += 1;
    }
    for violation in &found {
        let parts: Vec<u32> = violation.parts.iter().map(|part| part.0).collect();
        if violation.is_error() {
            report.disagree(
                "validity",
                format!(
                    "the assembly breaks rule '{}': {}",
                    violation.rule, violation.reason
                ),
            );
            continue;
        }
        match stated.get_mut(&(violation.rule.as_str(), parts)) {
            Some(count) if *count > 0 => *count -= 1,
            _ => report.disagree(
                "validity.warnings",
                format!(
                    "the order does not mention warning '{}': {}",
                    violation.rule, violation.reason
                ),
            ),
        }
    }
    for ((rule, _), count) in stated {
        for _ in 0..count {
            report.disagree(
                "validity.warnings",
                format!("the order lists warning '{rule}', which the assembly does not have"),
            );
        }
    }
}

/// The figures a bill line and an order line share, for comparing them.
struct Figures<'a> {
    sku: &'a str,
    quantity: u32,
    unit_price: i64,
    discount: i64,
    line_total: i64,
}

fn compare_line(path: &str, order: &Figures<'_>, bill: &BomLine, report: &mut Verification) {
    if order.sku != bill.sku {
        report.disagree(
            format!("{path}.sku"),
            format!(
                "'{}' in the order, '{}' in the catalog",
                order.sku, bill.sku
            ),
        );
    }
    for (field, stated, expected) in [
        (
            "quantity",
            i64::from(order.quantity),
            i64::from(bill.quantity),
        ),
        ("unit_price", order.unit_price, bill.unit_price),
        ("discount", order.discount, bill.discount),
        ("line_total", order.line_total, bill.line_total),
    ] {
        if stated != expected {
            report.disagree(
                format!("{path}.{field}"),
                format!("{stated} in the order, {expected} by the catalog"),
            );
        }
    }
}

fn compare_prices(order: &OrderDocument, assembly: &Assembly, report: &mut Verification) {
    let bill = bill_of_materials(assembly);
    let mut part_lines: BTreeMap<(String, String), &BomLine> = BTreeMap::new();
    let mut hardware_lines: BTreeMap<String, &BomLine> = BTreeMap::new();
    for line in bill.lines.iter().chain(&bill.hardware) {
        match &line.item {
            LineItem::Part { kind, finish } => {
                part_lines.insert((kind.to_string(), finish.to_string()), line);
            }
            LineItem::Hardware(id) => {
                hardware_lines.insert(id.to_string(), line);
            }
        }
    }
    for (at, line) in order.lines.iter().enumerate() {
        let path = format!("lines[{at}]");
        let figures = Figures {
            sku: &line.sku,
            quantity: line.quantity,
            unit_price: line.unit_price,
            discount: line.discount,
            line_total: line.line_total,
        };
        match part_lines.remove(&(line.kind.clone(), line.finish.clone())) {
            Some(expected) => compare_line(&path, &figures, expected, report),
            None => report.disagree(
                path,
                format!(
                    "{} × '{}' in '{}' are not in the assembly",
                    line.quantity, line.kind, line.finish
                ),
            ),
        }
    }
    for ((kind, finish), line) in part_lines {
        report.disagree(
            "lines",
            format!(
                "no line for the {} × '{kind}' in '{finish}' the assembly has",
                line.quantity
            ),
        );
    }
    for (at, line) in order.hardware.iter().enumerate() {
        let path = format!("hardware[{at}]");
        let figures = Figures {
            sku: &line.sku,
            quantity: line.quantity,
            unit_price: line.unit_price,
            discount: 0,
            line_total: line.line_total,
        };
        match hardware_lines.remove(&line.hardware) {
            Some(expected) => compare_line(&path, &figures, expected, report),
            None => report.disagree(path, format!("the assembly needs no '{}'", line.hardware)),
        }
    }
    for (id, line) in hardware_lines {
        report.disagree(
            "hardware",
            format!(
                "no line for the {} × '{id}' the connections need",
                line.quantity
            ),
        );
    }
    for (field, stated, expected) in [
        ("subtotal", order.subtotal, bill.subtotal),
        ("discount", order.discount, bill.discount),
        ("total", order.total, bill.total),
    ] {
        if stated != expected {
            report.disagree(
                field,
                format!("{stated} in the order, {expected} by the catalog"),
            );
        }
    }
}

/// Whether two assemblies have the same parts in the same places, whatever their ids.
pub fn same_parts(a: &Assembly, b: &Assembly) -> bool {
    let key = |assembly: &Assembly| {
        let mut parts: Vec<_> = assembly
            .parts()
            .map(|part| {
                (
                    part.placement.translation.to_array(),
                    part.placement.rotation.index(),
                    part.kind.to_string(),
                    part.finish.to_string(),
                )
            })
            .collect();
        parts.sort();
        parts
    };
    key(a) == key(b)
}
