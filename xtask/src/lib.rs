//! The tasks behind `cargo xtask`, as a library so that their parts are tested.

pub mod dist;
pub mod serve_command;
pub mod shell;
pub mod static_server;
pub mod test_run;
pub mod tidy;
pub mod tools;

use anyhow::{Context, Result};
use std::path::PathBuf;

/// The workspace's root folder (the one holding the virtual manifest).
pub fn workspace_root() -> Result<PathBuf> {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = manifest_dir
        .parent()
        .context("xtask lives one folder below the workspace root")?;
    Ok(root.to_path_buf())
}
