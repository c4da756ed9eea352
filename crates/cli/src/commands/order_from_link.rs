//! `snapkit order --link URL --catalog FILE`: the order a share link describes, made natively.

use crate::output::{catalog, money, print_json, refuse};
use anyhow::Result;
use snapkit_core::{CheckedConfiguration, Locale};
use snapkit_formats::{OrderContext, OrderDocument, open_link};
use std::path::Path;
use std::time::SystemTime;

/// Makes the order for `link`; `Ok(true)` when the configuration can be ordered.
pub fn run(link: &str, catalog_file: &Path, locale: &str, json: bool) -> Result<bool> {
    let catalog = catalog(catalog_file)?;
    let locale = Locale::new(locale);
    let refuse = |reason: String| refuse(json, "ordered", "order", &reason);
    let opened = match open_link(link, &catalog) {
        Ok(opened) => opened,
        Err(error) => return refuse(error.to_string()),
    };
    let checked = match CheckedConfiguration::check(&opened.assembly, &locale) {
        Ok(checked) => checked,
        Err(error) => return refuse(error.to_string()),
    };
    let page = link.split_once('#').map_or("", |(page, _)| page);
    let order = OrderDocument::from_checked(
        &checked,
        &OrderContext {
            page,
            locale: &locale,
            created_at: humantime::format_rfc3339_seconds(SystemTime::now()).to_string(),
            app_version: env!("CARGO_PKG_VERSION"),
        },
    );
    if json {
        print_json(&serde_json::to_value(&order)?)?;
        return Ok(true);
    }
    println!(
        "order {} for catalog '{}' version {}:",
        order.configuration_id, order.catalog.id, order.catalog.version
    );
    for line in &order.lines {
        println!(
            "  {:>3} × {} in {} ({}): {}",
            line.quantity,
            line.name,
            line.finish,
            line.sku,
            money(line.line_total, &order.currency)
        );
    }
    for line in &order.hardware {
        println!(
            "  {:>3} × {} ({}): {}",
            line.quantity,
            line.name,
            line.sku,
            money(line.line_total, &order.currency)
        );
    }
    println!("  total {}", money(order.total, &order.currency));
    for warning in &order.validity.warnings {
        println!("  warning: {}", warning.message);
    }
    Ok(true)
}
