//! `snapkit link decode URL --catalog FILE`: what a share link holds.

use crate::output::{catalog, money, print_json};
use anyhow::Result;
use serde_json::json;
use snapkit_core::{Locale, bill_of_materials, check};
use snapkit_formats::open_link;
use snapkit_formats::order::assembly_record;
use std::path::Path;

/// Opens `link` with the catalog at `catalog_file`; `Ok(true)` when it opens.
pub fn run(link: &str, catalog_file: &Path, json: bool) -> Result<bool> {
    let catalog = catalog(catalog_file)?;
    let opened = match open_link(link, &catalog) {
        Ok(opened) => opened,
        Err(error) => {
            if json {
                print_json(&json!({ "opened": false, "error": error.to_string() }))?;
            } else {
                println!("the link does not open: {error}");
            }
            return Ok(false);
        }
    };
    let assembly = &opened.assembly;
    let violations = check(assembly, &Locale::english());
    let bill = bill_of_materials(assembly);
    if json {
        print_json(&json!({
            "opened": true,
            "catalog": { "id": catalog.meta.id, "version": catalog.meta.version },
            "made_for_version": opened.made_for_version,
            "parts": assembly.len(),
            "total": bill.total,
            "currency": bill.currency,
            "violations": violations.iter().map(|v| json!({
                "rule": v.rule.to_string(), "severity": v.severity, "message": v.reason,
            })).collect::<Vec<_>>(),
            "assembly": assembly_record(assembly),
        }))?;
        return Ok(true);
    }
    if let Some(version) = &opened.made_for_version {
        println!(
            "note: the link was made for version {version} of catalog '{}'; opened with version {}",
            catalog.meta.id, catalog.meta.version
        );
    }
    println!(
        "catalog '{}': {} parts, {} connections, total {}",
        catalog.meta.id,
        assembly.len(),
        assembly.connections().len(),
        money(bill.total, &bill.currency)
    );
    for line in &bill.lines {
        println!(
            "  {:>3} × {} ({})",
            line.quantity,
            line.name.get(&Locale::english()),
            line.sku
        );
    }
    for violation in &violations {
        println!("  {:?}: {}", violation.severity, violation.reason);
    }
    Ok(true)
}
