//! `snapkit count --catalog FILE --parts N`: how many distinct products a catalog allows.

use crate::output::{catalog, print_json};
use anyhow::Result;
use serde_json::json;
use snapkit_core::rules::message::format_number;
use snapkit_core::solution_space::{CountQuery, count};
use snapkit_core::{Locale, PartKindId};
use std::path::Path;
use std::time::Instant;

/// What `snapkit count` was asked.
pub struct CountArgs<'a> {
    /// The catalog file.
    pub catalog: &'a Path,
    /// Parts per product (on top of the base with `fixed_base`).
    pub parts: usize,
    /// Only this kind.
    pub kind: Option<String>,
    /// Build on one fixed base part, no reduction by symmetry.
    pub fixed_base: bool,
    /// Split the count by number of layers.
    pub by_height: bool,
    /// Threads to count on.
    pub threads: usize,
    /// Print JSON.
    pub json: bool,
}

/// Counts and prints; `Ok(true)` whenever the count was made.
pub fn run(args: &CountArgs<'_>) -> Result<bool> {
    let catalog = catalog(args.catalog)?;
    let query = CountQuery {
        parts: args.parts,
        kind: args.kind.as_deref().map(PartKindId::new),
        fixed_base: args.fixed_base,
    };
    let started = Instant::now();
    let found = count(&catalog, &query, args.threads)?;
    let seconds = started.elapsed().as_secs_f64();
    let english = Locale::english();
    if args.json {
        let mut document = json!({
            "catalog": { "id": catalog.meta.id, "version": catalog.meta.version },
            "parts": args.parts,
            "kind": args.kind,
            "fixed_base": args.fixed_base,
            "products": found.products,
            "visited": found.visited,
            "seconds": seconds,
            "threads": args.threads,
        });
        if args.by_height {
            document["by_height"] = found
                .by_layers
                .iter()
                .map(|(layers, products)| (layers.to_string(), json!(products)))
                .collect();
        }
        print_json(&document)?;
        return Ok(true);
    }
    let of_what = match &query.kind {
        Some(kind) => catalog.part(kind).map_or_else(
            || kind.to_string(),
            |part| part.name.get(&english).to_owned(),
        ),
        None => "any kind".to_owned(),
    };
    let what = if args.fixed_base {
        format!(
            "ways to build {} parts ({of_what}) on one fixed base part",
            args.parts
        )
    } else {
        format!("distinct products of {} parts ({of_what})", args.parts)
    };
    println!(
        "{}: {} {what}",
        catalog.meta.name.get(&english),
        grouped(found.products, &english)
    );
    if args.by_height {
        for (layers, products) in &found.by_layers {
            println!("  {layers} layer(s): {}", grouped(*products, &english));
        }
    }
    println!(
        "{} assemblies visited in {seconds:.3} s on {} thread(s)",
        grouped(found.visited, &english),
        args.threads
    );
    Ok(true)
}

/// A count with English thousands separators.
fn grouped(number: u64, english: &Locale) -> String {
    format_number(i64::try_from(number).unwrap_or(i64::MAX), english)
}
