//! "Order": the order document of a configuration that passes the rules, saved as a file (or
//! handed to the retailer's page when embedded).
//!
//! Only a [`CheckedConfiguration`] becomes an order, so a configuration with an error cannot
//! be exported whatever the buttons say.

use crate::configuration::Configuration;
use crate::file_download::offer_download;
use crate::share_link::current_link;
use crate::ui_text::{phrase, ui_text, ui_text_with};
use snapkit_core::CheckedConfiguration;
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

/// Makes the order and offers it as a download; the sentence to show the customer either way.
pub(crate) fn export_order(configuration: &Configuration) -> String {
    let order = match make_order(configuration) {
        Ok(order) => order,
        Err(reason) => return reason,
    };
    let file = format!("snapkit-order-{}.json", order.configuration_id);
    let saved = serde_json::to_string_pretty(&order)
        .map_err(|error| JsValue::from(error.to_string()))
        .and_then(|json| offer_download(&file, json.as_bytes(), "application/json"));
    match saved {
        Ok(()) => ui_text_with(
            &configuration.locale,
            "order.saved",
            &[
                ("id", phrase(order.configuration_id)),
                ("file", phrase(file)),
            ],
        ),
        Err(error) => {
            web_sys::console::error_1(&error);
            ui_text(&configuration.locale, "order.not-saved")
        }
    }
}
