//! Prices and the bill of materials: integer minor units in the catalog's currency, never floats.
//!
//! A part costs its kind's price in its finish; a line of many equal parts may earn a
//! quantity break; every connection between two connector types that need hardware adds
//! that hardware, and every open end of a type that needs capping adds its cap. The bill is
//! what operations builds from, so nothing shipped may be missing.

use crate::assembly::{Assembly, PlacedPart};
use crate::catalog::{Catalog, PartKind};
use crate::edit::Edit;
use crate::{ConnectorTypeId, FinishId, HardwareId, LocalizedText, PartId, PartKindId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A lower unit price from a quantity on: `percent_off` off every unit once a line has at least
/// `from` of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuantityBreak {
    /// The quantity from which the break applies.
    pub from: u32,
    /// Whole percent taken off the unit price.
    pub percent_off: u8,
}

/// A hardware item the assembly needs, e.g. a connector ball per connection or an end cap per
/// open end.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hardware {
    /// Its id in the catalog.
    pub id: HardwareId,
    /// Stock keeping unit.
    pub sku: String,
    /// Display name per locale.
    pub name: LocalizedText,
    /// Unit price in minor units.
    pub price: i64,
    /// What needs it, and how many.
    pub need: HardwareNeed,
}

/// What makes an assembly need a hardware item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HardwareNeed {
    /// Each connection between two connector types (in either order), e.g. connector balls
    /// between stacked frames.
    Connection {
        /// The two connector types.
        joins: [ConnectorTypeId; 2],
        /// How many each such connection needs.
        per_connection: u32,
    },
    /// Each connector of one of these types that joins nothing, e.g. the caps on a frame's open
    /// tube ends: every open end is capped, so the order ships the caps without the customer
    /// placing them.
    OpenEnd {
        /// The connector types whose open ends need it.
        caps: Vec<ConnectorTypeId>,
        /// How many each open end needs.
        per_open_end: u32,
    },
}

/// What a bill line is for.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineItem {
    /// Parts of one kind in one finish.
    Part {
        /// The kind.
        kind: PartKindId,
        /// The finish.
        finish: FinishId,
    },
    /// A hardware item.
    Hardware(HardwareId),
}

/// One line of the bill of materials.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BomLine {
    /// What it is.
    pub item: LineItem,
    /// Stock keeping unit.
    pub sku: String,
    /// Display name per locale.
    pub name: LocalizedText,
    /// How many.
    pub quantity: u32,
    /// List price of one, in minor units.
    pub unit_price: i64,
    /// Taken off the line by a quantity break, in minor units.
    pub discount: i64,
    /// `quantity × unit_price − discount`.
    pub line_total: i64,
    /// The placed parts the line is for (empty for hardware), so the UI can point at them.
    pub parts: Vec<PartId>,
}

/// Everything that has to be made, picked and shipped for an assembly, with its price.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BillOfMaterials {
    /// ISO 4217 currency of every amount.
    pub currency: String,
    /// Part lines, by kind (in catalog order) then finish.
    pub lines: Vec<BomLine>,
    /// Hardware lines, in catalog order.
    pub hardware: Vec<BomLine>,
    /// The sum of all lines at list price.
    pub subtotal: i64,
    /// Quantity breaks taken off.
    pub discount: i64,
    /// What the customer pays: `subtotal − discount`.
    pub total: i64,
}

impl PartKind {
    /// List price of one part of this kind in `finish`, in minor units.
    pub fn unit_price(&self, finish: &FinishId) -> i64 {
        self.finish_prices
            .get(finish)
            .copied()
            .unwrap_or(self.price)
    }

    /// The discount a line of `quantity` of these at `unit_price` earns.
    fn discount(&self, quantity: u32, unit_price: i64) -> i64 {
        let percent = self
            .quantity_breaks
            .iter()
            .filter(|step| quantity >= step.from)
            .map(|step| step.percent_off)
            .max()
            .unwrap_or(0);
        // Rounded to the nearest minor unit, half up.
        (unit_price * i64::from(quantity) * i64::from(percent) + 50) / 100
    }
}

/// List price of one placed part, in minor units (0 if its kind is not in the catalog).
pub fn part_price(catalog: &Catalog, part: &PlacedPart) -> i64 {
    catalog
        .part(&part.kind)
        .map_or(0, |kind| kind.unit_price(&part.finish))
}

/// The bill of materials of `assembly`, in a deterministic order.
pub fn bill_of_materials(assembly: &Assembly) -> BillOfMaterials {
    let catalog = assembly.catalog();
    let kind_order: BTreeMap<&PartKindId, usize> = catalog
        .parts
        .iter()
        .enumerate()
        .map(|(at, kind)| (&kind.id, at))
        .collect();
    let mut by_item: BTreeMap<(usize, &FinishId), (&PartKind, Vec<PartId>)> = BTreeMap::new();
    for placed in assembly.parts() {
        let (Some(&order), Some(kind)) = (kind_order.get(&placed.kind), catalog.part(&placed.kind))
        else {
            continue;
        };
        by_item
            .entry((order, &placed.finish))
            .or_insert_with(|| (kind, Vec::new()))
            .1
            .push(placed.id);
    }
    let lines: Vec<BomLine> = by_item
        .into_iter()
        .map(|((_, finish), (kind, parts))| {
            let quantity = u32::try_from(parts.len()).unwrap_or(u32::MAX);
            let unit_price = kind.unit_price(finish);
            let discount = kind.discount(quantity, unit_price);
            BomLine {
                item: LineItem::Part {
                    kind: kind.id.clone(),
                    finish: finish.clone(),
                },
                sku: kind.sku.clone(),
                name: kind.name.clone(),
                quantity,
                unit_price,
                discount,
                line_total: unit_price * i64::from(quantity) - discount,
                parts,
            }
        })
        .collect();
    let hardware = hardware_lines(assembly);
    let subtotal = lines
        .iter()
        .chain(&hardware)
        .map(|line| line.unit_price * i64::from(line.quantity))
        .sum();
    let discount = lines
        .iter()
        .chain(&hardware)
        .map(|line| line.discount)
        .sum();
    BillOfMaterials {
        currency: catalog.meta.currency.clone(),
        lines,
        hardware,
        subtotal,
        discount,
        total: subtotal - discount,
    }
}

/// What `edit` would change the order's total by, in minor units (negative: the customer pays
/// less): the bill with the edit minus the bill now, so hardware freed or needed and quantity
/// breaks lost or earned count too. `None` when the edit does not apply to `assembly`.
pub fn price_change(assembly: &Assembly, edit: &Edit) -> Option<i64> {
    let mut after = assembly.clone();
    edit.apply(&mut after).ok()?;
    Some(bill_of_materials(&after).total - bill_of_materials(assembly).total)
}

/// One line per hardware item the connections and open ends need.
fn hardware_lines(assembly: &Assembly) -> Vec<BomLine> {
    let catalog = assembly.catalog();
    if catalog.hardware.is_empty() {
        return Vec::new();
    }
    let mut quantities = vec![0_u32; catalog.hardware.len()];
    let mut add = |at: usize, quantity: u32| {
        quantities[at] = quantities[at].saturating_add(quantity);
    };
    for (_, a, b) in assembly.joined() {
        let (a, b) = (&a.connector_type, &b.connector_type);
        for (at, item) in catalog.hardware.iter().enumerate() {
            if let HardwareNeed::Connection {
                joins: [x, y],
                per_connection,
            } = &item.need
                && ((x == a && y == b) || (x == b && y == a))
            {
                add(at, *per_connection);
            }
        }
    }
    let caps_open_ends = catalog
        .hardware
        .iter()
        .any(|item| matches!(item.need, HardwareNeed::OpenEnd { .. }));
    if caps_open_ends {
        let open_ends = assembly
            .parts()
            .flat_map(|placed| assembly.open_connectors_of(placed.id));
        for connector in open_ends {
            for (at, item) in catalog.hardware.iter().enumerate() {
                if let HardwareNeed::OpenEnd { caps, per_open_end } = &item.need
                    && caps.contains(&connector.connector_type)
                {
                    add(at, *per_open_end);
                }
            }
        }
    }
    catalog
        .hardware
        .iter()
        .zip(quantities)
        .filter(|(_, quantity)| *quantity > 0)
        .map(|(item, quantity)| BomLine {
            item: LineItem::Hardware(item.id.clone()),
            sku: item.sku.clone(),
            name: item.name.clone(),
            quantity,
            unit_price: item.price,
            discount: 0,
            line_total: item.price * i64::from(quantity),
            parts: Vec::new(),
        })
        .collect()
}
