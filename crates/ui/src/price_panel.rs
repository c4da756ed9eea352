//! The price, always in view, and the bill of materials behind it.

use crate::money::format_money;
use crate::ui_text::{phrase, ui_count, ui_text, ui_text_with};
use snapkit_core::pricing::{BillOfMaterials, BomLine, LineItem};
use snapkit_core::rules::message::finish_label;
use snapkit_core::{Catalog, Locale};
use std::sync::Arc;
use yew::prelude::*;

/// Properties of [`PricePanel`].
#[derive(Properties, PartialEq)]
pub(crate) struct PricePanelProps {
    /// What the configuration costs.
    pub bill: BillOfMaterials,
    /// For finish names.
    pub catalog: Arc<Catalog>,
    /// The customer's language.
    pub locale: Locale,
}

/// The total, and an expandable bill of materials with hardware lines.
#[component]
pub(crate) fn PricePanel(props: &PricePanelProps) -> Html {
    let bill = &props.bill;
    let money = |minor: i64| format_money(minor, &bill.currency, &props.locale);
    let row = |line: &BomLine| {
        let finish = match &line.item {
            LineItem::Part { finish, .. } => finish_label(&props.catalog, finish, &props.locale),
            LineItem::Hardware(_) => String::new(),
        };
        html! {
            <tr class="bom-line">
                <td class="bom-quantity">{ line.quantity }</td>
                <td>
                    <span class="bom-name">{ line.name.get(&props.locale) }</span>
                    <span class="bom-detail">{ format!("{} {}", line.sku, finish) }</span>
                </td>
                <td class="bom-amount">{ money(line.line_total) }</td>
            </tr>
        }
    };
    let lines = bill.lines.len() + bill.hardware.len();
    html! {
        <section class="price-panel" aria-label={ui_text(&props.locale, "price.label")}>
            <div class="total">
                <span>{ ui_text(&props.locale, "price.total") }</span>
                <strong class="total-amount">{ money(bill.total) }</strong>
            </div>
            if bill.discount > 0 {
                <div class="saving">
                    { ui_text_with(&props.locale, "price.you-save", &[("amount", phrase(money(bill.discount)))]) }
                </div>
            }
            <details class="bill">
                <summary>{ ui_count(&props.locale, "price.bill", lines, &[]) }</summary>
                <table>
                    <tbody>
                        { for bill.lines.iter().map(row) }
                        { for bill.hardware.iter().map(row) }
                    </tbody>
                </table>
            </details>
        </section>
    }
}
