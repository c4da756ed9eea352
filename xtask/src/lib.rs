//! The tasks behind `cargo xtask`, as a library so that their parts are tested.

pub mod bench_configurations;
pub mod browser_bench;
pub mod dist;
pub mod fuzz;
pub mod offline_cache;
pub mod serve_command;
pub mod shell;
pub mod soak;
pub mod static_server;
pub mod test_run;
pub mod tidy;
pub mod tools;

use anyhow::{Context, Result};
use std::path::PathBuf;

/// The workspace's root folder (the one holding the virtual manifest).
pub fn workspace_root() -> Result<PathBuf> {
    // At run time first: `cargo run` sets it for this checkout. The compile-time value can name
    // another checkout when several share one CARGO_TARGET_DIR and cargo reuses the binary.
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    let root = manifest_dir
        .parent()
        .context("xtask lives one folder below the workspace root")?;
    Ok(root.to_path_buf())
}
