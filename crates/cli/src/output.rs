//! What every subcommand shares: reading input files, loading the catalog, printing JSON.

use anyhow::{Context, Result, bail};
use snapkit_core::Catalog;
use std::path::Path;
use std::sync::Arc;

/// The text of `path`, or an I/O error naming it.
pub fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// The catalog at `path` for a subcommand that needs a good one: a broken catalog is a usage
/// error here (`check-catalog` says what is wrong with it).
pub fn catalog(path: &Path) -> Result<Arc<Catalog>> {
    match snapkit_formats::load_catalog(&read(path)?) {
        Ok(catalog) => Ok(Arc::new(catalog)),
        Err(error) => bail!(
            "{} is not a usable catalog (run `snapkit check-catalog` on it): {error}",
            path.display()
        ),
    }
}

/// [`catalog`] with its 3D models from beside the file, for a subcommand that draws parts; a
/// model that cannot be used is said on stderr and its parts are drawn as boxes.
pub fn catalog_with_models(path: &Path) -> Result<Arc<Catalog>> {
    let mut catalog = Arc::unwrap_or_clone(catalog(path)?);
    let folder = path.parent().unwrap_or(Path::new("."));
    for problem in snapkit_formats::attach_models_from_folder(&mut catalog, folder) {
        eprintln!("warning: {problem}");
    }
    Ok(Arc::new(catalog))
}

/// Prints `value` as pretty JSON on stdout.
pub fn print_json(value: &serde_json::Value) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// Says why the input was not good — with `json`, `{ "<key>": false, "error": reason }`, else
/// `no <what>: reason` — and answers `Ok(false)`, the subcommand's "input not good".
pub fn refuse(json: bool, key: &str, what: &str, reason: &str) -> Result<bool> {
    if json {
        print_json(&serde_json::json!({ key: false, "error": reason }))?;
    } else {
        println!("no {what}: {reason}");
    }
    Ok(false)
}

/// An amount in minor units as a plain decimal with its currency, e.g. `31220.00 NOK`.
pub fn money(minor_units: i64, currency: &str) -> String {
    // ISO 4217 currencies without minor units; every other snapkit currency has two.
    const WHOLE: [&str; 6] = ["ISK", "JPY", "KRW", "CLP", "VND", "PYG"];
    if WHOLE.contains(&currency) {
        return format!("{minor_units} {currency}");
    }
    let sign = if minor_units < 0 { "-" } else { "" };
    let units = minor_units.unsigned_abs();
    format!("{sign}{}.{:02} {currency}", units / 100, units % 100)
}
