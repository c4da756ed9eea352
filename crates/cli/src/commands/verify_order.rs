//! `snapkit verify-order ORDER --catalog FILE`: the back office's check before accepting an order.

use crate::output::{catalog, money, print_json, read};
use anyhow::Result;
use serde_json::json;
use snapkit_formats::{OrderError, read_order, verify_order};
use std::path::Path;

/// Verifies the order at `order` against the catalog at `catalog_file`; `Ok(true)` when accepted.
pub fn run(order: &Path, catalog_file: &Path, json: bool) -> Result<bool> {
    let catalog = catalog(catalog_file)?;
    let shown = order.display();
    let document = match read_order(&read(order)?) {
        Ok(document) => document,
        Err(error) => return refuse_unreadable(&shown.to_string(), &error, json),
    };
    let verification = verify_order(&document, &catalog);
    let accepted = verification.is_accepted();
    if json {
        print_json(&json!({
            "file": shown.to_string(),
            "accepted": accepted,
            "configuration_id": document.configuration_id,
            "total": document.total,
            "currency": document.currency,
            "discrepancies": verification.discrepancies.iter().map(|d| json!({
                "path": d.path, "message": d.message,
            })).collect::<Vec<_>>(),
            "notes": verification.notes,
        }))?;
    } else {
        for note in &verification.notes {
            println!("{shown}: note: {note}");
        }
        if accepted {
            println!(
                "{shown}: order {} agrees with catalog '{}': {} parts, total {}",
                document.configuration_id,
                catalog.meta.id,
                document.assembly.parts.len(),
                money(document.total, &document.currency),
            );
        } else {
            println!(
                "{shown}: {} discrepancy(ies); do not accept this order",
                verification.discrepancies.len()
            );
            for discrepancy in &verification.discrepancies {
                println!("{shown}: {discrepancy}");
            }
        }
    }
    Ok(accepted)
}

/// An order file that is not an order: exit 1 with the reason (it is the input that is bad).
fn refuse_unreadable(shown: &str, error: &OrderError, json: bool) -> Result<bool> {
    if json {
        print_json(&json!({
            "file": shown,
            "accepted": false,
            "discrepancies": [{ "path": "", "message": error.to_string() }],
            "notes": [],
        }))?;
    } else {
        println!("{shown}: not a readable order: {error}");
    }
    Ok(false)
}
