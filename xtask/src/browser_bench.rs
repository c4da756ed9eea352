//! `cargo xtask bench --browser`: builds the web app, exports the same shelving walls (20, 100
//! and 500 frames) as share links and as glTF, serves snapkit and a `<model-viewer>` baseline
//! page (`web/baseline/`, the production bundle from npm) on two local servers, both
//! pre-compressed alike, and runs the harness `tests/e2e/bench.mjs` against them in headless
//! Chromium. The report goes to stdout, with every figure against `budgets.json`.

use crate::bench_configurations::wall_configuration;
use crate::dist::precompress;
use crate::shell::execute;
use crate::static_server::StaticServer;
use crate::tools::ensure_browser_test_tools;
use anyhow::{Context, Result};
use serde_json::json;
use snapkit_bench_walls::shelving;
use std::fs;
use std::path::Path;
use std::process::Command;

/// Sizes of the walls measured.
const WALL_PARTS: [usize; 3] = [20, 100, 500];

/// Runs the browser benchmark with `runs` runs per figure.
pub fn run(root: &Path, runs: u32) -> Result<()> {
    let report = crate::dist::run(root)?;
    println!("{report}\n");
    ensure_browser_test_tools(root)?;

    let baseline = crate::dist::target_dir(root)?.join("bench-baseline");
    if baseline.exists() {
        fs::remove_dir_all(&baseline)?;
    }
    fs::create_dir_all(&baseline)?;
    fs::copy(
        root.join("web/baseline/index.html"),
        baseline.join("index.html"),
    )?;
    fs::copy(
        root.join("tests/e2e/node_modules/@google/model-viewer/dist/model-viewer.min.js"),
        baseline.join("model-viewer.min.js"),
    )
    .context("copying model-viewer's production bundle from tests/e2e/node_modules")?;
    let catalog = shelving(root)?;
    let mut walls = Vec::new();
    for parts in WALL_PARTS {
        let wall = wall_configuration(&catalog, parts)?;
        let file = format!("shelving-{parts}.glb");
        fs::write(baseline.join(&file), &wall.glb)?;
        walls.push(json!({ "parts": parts, "link_code": wall.link_code, "glb": file }));
    }
    precompress(&baseline)?;
    let walls_file = baseline.join("walls.json");
    fs::write(&walls_file, serde_json::to_string(&walls)?)?;

    let snapkit = StaticServer::start(&root.join("dist"), 0)?;
    let model_viewer = StaticServer::start(&baseline, 0)?;
    execute(
        Command::new("node")
            .arg("bench.mjs")
            .current_dir(root.join("tests/e2e"))
            .env("SNAPKIT_URL", snapkit.url())
            .env("BASELINE_URL", model_viewer.url())
            .env("SNAPKIT_ARTIFACTS", std::env::temp_dir())
            .env("BENCH_RUNS", runs.to_string())
            .env("BENCH_WALLS", &walls_file)
            .env("BENCH_BUDGETS", root.join("budgets.json")),
    )
}
