//! "Order": the order document of a configuration that passes the rules, made when the order
//! screen opens and, once the customer confirms it there, saved as a file (or handed to the
//! retailer's page when embedded).
//!
//! Only a [`CheckedConfiguration`] becomes an order, so a configuration with an error cannot
//! be exported whatever the buttons say.

use crate::configuration::Configuration;
use crate::embedding::Embedding;
use crate::file_download::offer_download;
use crate::share_link::current_link;
use crate::ui_text::{phrase, ui_text, ui_text_with};
use snapkit_core::{CheckedConfiguration, Locale};
use snapkit_formats::embed_protocol::EmbedEvent;
use snapkit_formats::{OrderContext, OrderDocument};
use wasm_bindgen::JsValue;

/// The order of `configuration`, or why it cannot be ordered (in the customer's words).
pub(crate) fn make_order(configuration: &Configuration) -> Result<OrderDocument, String> {
    let checked =
        CheckedConfiguration::check(configuration.session.assembly(), &configuration.locale)
            .map_err(|error| {
                ui_text_with(
                    &configuration.locale,
                    "order.not-ready",
                    &[("error", phrase(error.to_string()))],
                )
            })?;
    let link = current_link();
    let page = link.split_once('#').map_or(link.as_str(), |(page, _)| page);
    Ok(OrderDocument::from_checked(
        &checked,
        &OrderContext {
            page,
            locale: &configuration.locale,
            created_at: String::from(js_sys::Date::new_0().to_iso_string()),
            app_version: env!("CARGO_PKG_VERSION"),
        },
    ))
}

/// Hands `order` to the shop around the configurator when embedded, else offers it as a
/// download; the sentence to show the customer either way.
pub(crate) fn deliver_order(
    order: &OrderDocument,
    embedding: Option<&Embedding>,
    locale: &Locale,
) -> String {
    match embedding {
        Some(embedded) => {
            embedded.post(&EmbedEvent::Order {
                order: Box::new(order.clone()),
            });
            ui_text_with(
                locale,
                "order.sent",
                &[("id", phrase(order.configuration_id.clone()))],
            )
        }
        None => save_order(order, locale),
    }
}

/// Offers `order` as a download; the sentence to show the customer either way.
fn save_order(order: &OrderDocument, locale: &Locale) -> String {
    let file = format!("snapkit-order-{}.json", order.configuration_id);
    let saved = serde_json::to_string_pretty(order)
        .map_err(|error| JsValue::from(error.to_string()))
        .and_then(|json| offer_download(&file, json.as_bytes(), "application/json"));
    match saved {
        Ok(()) => ui_text_with(
            locale,
            "order.saved",
            &[
                ("id", phrase(order.configuration_id.clone())),
                ("file", phrase(file)),
            ],
        ),
        Err(error) => {
            web_sys::console::error_1(&error);
            ui_text(locale, "order.not-saved")
        }
    }
}
