//! The order screen: the order document exactly as it will leave (design id, catalog and
//! version, every line with its SKU, finish, quantity and amount, the hardware, the discount,
//! the total, the warnings ordered anyway), to check before confirming it; confirming saves it
//! as a file or, embedded, hands it to the shop. Escape or "Back to the design" closes it.

use crate::money::format_money;
use crate::ui_text::{phrase, ui_count, ui_text, ui_text_with};
use snapkit_core::rules::message::finish_label;
use snapkit_core::{Catalog, FinishId, Locale};
use snapkit_formats::OrderDocument;
use std::rc::Rc;
use std::sync::Arc;
use yew::prelude::*;

/// Properties of [`OrderReview`].
#[derive(Properties, PartialEq)]
pub(crate) struct OrderReviewProps {
    /// The order as it will leave.
    pub order: Rc<OrderDocument>,
    /// For the catalog's and the finishes' names.
    pub catalog: Arc<Catalog>,
    /// The customer's language.
    pub locale: Locale,
    /// Whether confirming hands the order to the shop around the configurator (else: a file).
    pub embedded: bool,
    /// The customer confirmed the order.
    pub on_confirm: Callback<()>,
    /// The customer went back to the design.
    pub on_close: Callback<()>,
}

/// One row of the order's lines.
struct Row<'a> {
    quantity: u32,
    name: &'a str,
    detail: String,
    unit_price: i64,
    line_total: i64,
}

/// Shows the order to check, with Confirm and Back.
#[component]
pub(crate) fn OrderReview(props: &OrderReviewProps) -> Html {
    let heading = use_node_ref();
    {
        // The screen takes the focus, so that a keyboard or screen reader user is in it.
        let heading = heading.clone();
        use_effect_with((), move |()| {
            if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }
    let order = &props.order;
    let locale = &props.locale;
    let money = |minor: i64| format_money(minor, &order.currency, locale);
    let parts = order.lines.iter().map(|line| Row {
        quantity: line.quantity,
        name: &line.name,
        detail: format!(
            "{} · {}",
            line.sku,
            finish_label(&props.catalog, &FinishId::new(&line.finish), locale)
        ),
        unit_price: line.unit_price,
        line_total: line.line_total,
    });
    let hardware = order.hardware.iter().map(|line| Row {
        quantity: line.quantity,
        name: &line.name,
        detail: line.sku.clone(),
        unit_price: line.unit_price,
        line_total: line.line_total,
    });
    let row = |row: Row| {
        html! {
            <tr class="order-line">
                <td class="order-quantity">{ row.quantity }</td>
                <td>
                    <span class="order-name">{ row.name }</span>
                    <span class="order-detail">{ row.detail }</span>
                </td>
                <td class="order-unit">{ money(row.unit_price) }</td>
                <td class="order-amount">{ money(row.line_total) }</td>
            </tr>
        }
    };
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let on_confirm = props.on_confirm.reform(|_: MouseEvent| ());
    let on_key = {
        let on_close = props.on_close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                on_close.emit(());
            }
        })
    };
    let parts_count: u32 = order.lines.iter().map(|line| line.quantity).sum();
    html! {
        <div class="order-review-backdrop">
            <section class="order-review" role="dialog" aria-modal="true"
                     aria-labelledby="order-review-heading" onkeydown={on_key}>
                <h2 id="order-review-heading" tabindex="-1" ref={heading}>
                    { ui_text(locale, "review.heading") }
                </h2>
                <p class="order-review-design">
                    { ui_text_with(locale, "review.design", &[
                        ("id", phrase(order.configuration_id.clone())),
                        ("catalog", phrase(props.catalog.meta.name.get(locale).to_owned())),
                        ("version", phrase(order.catalog.version.clone())),
                    ]) }
                </p>
                <p class="order-review-count">{ ui_count(locale, "review.parts", parts_count as usize, &[]) }</p>
                <table class="order-review-lines">
                    <thead>
                        <tr>
                            <th scope="col">{ ui_text(locale, "review.quantity") }</th>
                            <th scope="col">{ ui_text(locale, "review.item") }</th>
                            <th scope="col">{ ui_text(locale, "review.unit-price") }</th>
                            <th scope="col">{ ui_text(locale, "review.amount") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for parts.map(row) }
                        { for hardware.map(row) }
                    </tbody>
                </table>
                <dl class="order-review-sums">
                    if order.discount > 0 {
                        <dt>{ ui_text(locale, "review.subtotal") }</dt>
                        <dd>{ money(order.subtotal) }</dd>
                        <dt>{ ui_text(locale, "review.discount") }</dt>
                        <dd>{ format!("−{}", money(order.discount)) }</dd>
                    }
                    <dt class="order-review-total-label">{ ui_text(locale, "price.total") }</dt>
                    <dd class="order-review-total">{ money(order.total) }</dd>
                </dl>
                if !order.validity.warnings.is_empty() {
                    <div class="order-review-notes">
                        <h3>{ ui_text(locale, "review.notes") }</h3>
                        <ul>
                            { for order.validity.warnings.iter().map(|warning| html! {
                                <li>{ warning.message.clone() }</li>
                            }) }
                        </ul>
                    </div>
                }
                <p class="order-review-next">
                    { ui_text(locale, if props.embedded { "review.next-shop" } else { "review.next-file" }) }
                </p>
                <div class="order-review-actions">
                    <button class="confirm-order" onclick={on_confirm}>
                        { ui_text(locale, if props.embedded { "review.send" } else { "review.save" }) }
                    </button>
                    <button class="close-review" onclick={on_close}>{ ui_text(locale, "review.back") }</button>
                </div>
            </section>
        </div>
    }
}
