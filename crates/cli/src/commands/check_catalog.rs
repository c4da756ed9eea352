//! `snapkit check-catalog FILE`: every problem in a catalog file and the 3D models it names
//! (read from beside it), or a summary of a good one.

use crate::output::{print_json, read};
use anyhow::Result;
use serde_json::json;
use snapkit_core::Locale;
use snapkit_formats::{CatalogError, attach_models_from_folder, load_catalog};
use std::path::Path;

/// Checks `file`; `Ok(true)` when it is a valid catalog whose models all load.
pub fn run(file: &Path, json: bool) -> Result<bool> {
    let shown = file.display();
    let loaded = load_catalog(&read(file)?)
        .map_err(|error| problems_in(&error))
        .and_then(|mut catalog| {
            let folder = file.parent().unwrap_or(Path::new("."));
            let model_problems = attach_models_from_folder(&mut catalog, folder);
            if model_problems.is_empty() {
                Ok(catalog)
            } else {
                // A model is not a place in the catalog's text: the sentence names its file.
                Err(model_problems
                    .into_iter()
                    .map(|problem| (String::new(), problem, 1, 1))
                    .collect())
            }
        });
    match loaded {
        Ok(catalog) => {
            let meta = &catalog.meta;
            if json {
                print_json(&json!({
                    "file": shown.to_string(),
                    "valid": true,
                    "catalog": {
                        "id": meta.id,
                        "version": meta.version,
                        "content_hash": meta.content_hash,
                        "currency": meta.currency,
                        "part_kinds": catalog.parts.len(),
                        "finishes": catalog.finishes.len(),
                        "rules": catalog.rules.len(),
                        "models": catalog.models.len(),
                    },
                    "problems": [],
                }))?;
            } else {
                println!(
                    "{shown}: catalog '{}' version {} is valid: {} part kinds, {} finishes, {} rules, {} 3D models, prices in {}",
                    meta.name.get(&Locale::english()),
                    meta.version,
                    catalog.parts.len(),
                    catalog.finishes.len(),
                    catalog.rules.len(),
                    catalog.models.len(),
                    meta.currency,
                );
            }
            Ok(true)
        }
        Err(problems) => {
            if json {
                print_json(&json!({
                    "file": shown.to_string(),
                    "valid": false,
                    "catalog": null,
                    "problems": problems.iter().map(|(path, message, line, column)| json!({
                        "path": path, "message": message, "line": line, "column": column,
                    })).collect::<Vec<_>>(),
                }))?;
            } else {
                println!("{shown}: {} problem(s)", problems.len());
                for (path, message, line, column) in &problems {
                    let path = if path.is_empty() { "." } else { path };
                    println!("{shown}:{line}:{column}: {path}: {message}");
                }
            }
            Ok(false)
        }
    }
}

/// Each problem of a catalog that did not load: JSON path, message, line, column.
fn problems_in(error: &CatalogError) -> Vec<(String, String, usize, usize)> {
    match error {
        CatalogError::Invalid(problems) => problems
            .iter()
            .map(|p| (p.path.clone(), p.message.clone(), p.line, p.column))
            .collect(),
        CatalogError::Syntax(syntax) => vec![(
            syntax.path.clone(),
            syntax.message.clone(),
            syntax.line,
            syntax.column,
        )],
        CatalogError::TooLarge { .. } => vec![(String::new(), error.to_string(), 1, 1)],
    }
}
