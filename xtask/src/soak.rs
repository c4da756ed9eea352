//! `cargo xtask soak`: builds the web app, serves it, and drives hundreds of edit / undo / redo
//! cycles in headless Chromium (`tests/e2e/soak.mjs`), printing the wasm memory and JS heap
//! after warm-up and as it goes. A measurement for BENCHMARKS.md, not a test step.

use crate::shell::execute;
use crate::static_server::StaticServer;
use crate::tools::ensure_browser_test_tools;
use anyhow::Result;
use std::path::Path;
use std::process::Command;

/// Runs the soak for `cycles` cycles against a fresh release build.
pub fn run(root: &Path, cycles: u32) -> Result<()> {
    let report = crate::dist::run(root)?;
    println!("{report}\n");
    ensure_browser_test_tools(root)?;
    let server = StaticServer::start(&root.join("dist"), 0)?;
    execute(
        Command::new("node")
            .arg("soak.mjs")
            .current_dir(root.join("tests/e2e"))
            .env("SNAPKIT_URL", server.url())
            .env("SNAPKIT_ARTIFACTS", std::env::temp_dir())
            .env("SOAK_CYCLES", cycles.to_string()),
    )
}
