//! `cargo xtask fuzz`: runs the cargo-fuzz targets in `fuzz/` with libFuzzer for a set time.
//!
//! The machine has only the stable toolchain; `RUSTC_BOOTSTRAP=1` lets it take the sanitizer
//! flags cargo-fuzz passes. Seeds come from committed files (catalogs, models, order fixtures
//! and their share links), so the fuzzer starts from real input instead of from nothing.

use crate::shell::{execute, output_of};
use anyhow::{Context, Result, bail};
use std::path::Path;
use std::process::Command;

/// Every fuzz target in `fuzz/fuzz_targets`.
pub const TARGETS: [&str; 6] = [
    "catalog_file",
    "catalog_list",
    "share_link",
    "order_file",
    "autosave",
    "model_file",
];

/// Fuzzes `targets` (all when empty) for `seconds` each.
pub fn run(root: &Path, targets: &[String], seconds: u64) -> Result<()> {
    ensure_cargo_fuzz()?;
    let chosen: Vec<&str> = if targets.is_empty() {
        TARGETS.to_vec()
    } else {
        targets.iter().map(String::as_str).collect()
    };
    for target in chosen {
        if !TARGETS.contains(&target) {
            bail!(
                "no fuzz target '{target}'; there are {}",
                TARGETS.join(", ")
            );
        }
        seed(root, target)?;
        eprintln!("xtask: fuzzing {target} for {seconds} s");
        execute(
            Command::new("cargo")
                .args(["fuzz", "run", target, "--"])
                .arg(format!("-max_total_time={seconds}"))
                .arg("-print_final_stats=1")
                .env("RUSTC_BOOTSTRAP", "1")
                .current_dir(root),
        )
        .with_context(|| {
            format!("fuzz target {target} found a crash; see fuzz/artifacts/{target}")
        })?;
    }
    Ok(())
}

fn ensure_cargo_fuzz() -> Result<()> {
    if output_of("cargo", &["fuzz", "--version"]).is_none() {
        eprintln!("xtask: installing cargo-fuzz (a few minutes, once)");
        execute(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }
    Ok(())
}

/// Writes the seeds of `target` into its corpus folder (shipped catalogs, fixture orders and
/// their share links).
fn seed(root: &Path, target: &str) -> Result<()> {
    let corpus = root.join("fuzz/corpus").join(target);
    std::fs::create_dir_all(&corpus)?;
    let seeds: Vec<(String, Vec<u8>)> = match target {
        "catalog_file" | "catalog_list" => files_in(&root.join("assets/catalogs"), "json")?,
        "model_file" => files_in(&root.join("assets/catalogs/models"), "glb")?,
        "order_file" => files_in(&root.join("tests/fixtures/orders"), "json")?,
        "autosave" => files_in(&root.join("tests/fixtures/autosaves"), "json")?,
        _ => files_in(&root.join("tests/fixtures/orders"), "json")?
            .into_iter()
            .filter_map(|(name, text)| {
                let order: serde_json::Value = serde_json::from_slice(&text).ok()?;
                Some((name, order["share_link"].as_str()?.as_bytes().to_vec()))
            })
            .collect(),
    };
    for (name, text) in seeds {
        std::fs::write(corpus.join(format!("seed-{name}")), text)?;
    }
    Ok(())
}

/// The files of `folder` ending in `.extension`, by name without it.
fn files_in(folder: &Path, extension: &str) -> Result<Vec<(String, Vec<u8>)>> {
    let mut found = Vec::new();
    for entry in
        std::fs::read_dir(folder).with_context(|| format!("reading {}", folder.display()))?
    {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == extension) {
            let name = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            found.push((name, std::fs::read(&path)?));
        }
    }
    Ok(found)
}
