//! `cargo xtask test`: every check and test in order, then a one-screen summary.

use crate::shell::{describe, execute};
use crate::static_server::StaticServer;
use crate::tools::{CHROMEDRIVER, ensure_browser_test_tools, ensure_build_tools, tool_path};
use anyhow::{Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The outcome of one step.
struct StepResult {
    name: &'static str,
    error: Option<String>,
    took: Duration,
}

/// Runs the steps one after another, going on after a failure so one run shows everything.
#[derive(Default)]
struct TestRun {
    results: Vec<StepResult>,
}

impl TestRun {
    fn step(&mut self, name: &'static str, body: impl FnOnce() -> Result<()>) {
        eprintln!("\n=== {name} ===");
        let started = Instant::now();
        let error = body().err().map(|error| format!("{error:#}"));
        if let Some(error) = &error {
            eprintln!("xtask: {name} FAILED: {error}");
        }
        self.results.push(StepResult {
            name,
            error,
            took: started.elapsed(),
        });
    }

    fn failed(&self) -> usize {
        self.results
            .iter()
            .filter(|result| result.error.is_some())
            .count()
    }

    fn summary(&self) -> String {
        let mut lines = vec![String::new(), "snapkit test summary".to_owned()];
        for result in &self.results {
            let verdict = if result.error.is_some() {
                "FAIL"
            } else {
                "ok  "
            };
            lines.push(format!(
                "  {verdict}  {:<36} {:>6.1}s",
                result.name,
                result.took.as_secs_f64()
            ));
            if let Some(error) = &result.error {
                let first_line = error.lines().next().unwrap_or_default();
                lines.push(format!("        {first_line}"));
            }
        }
        let failed = self.failed();
        lines.push(format!(
            "steps: {} passed, {failed} failed",
            self.results.len() - failed
        ));
        lines.join("\n")
    }
}

fn cargo(root: &Path, args: &[&str]) -> Command {
    let mut command = Command::new("cargo");
    command.args(args).current_dir(root);
    command
}

/// Runs every check and test; fails if any step failed.
pub fn run(root: &Path) -> Result<()> {
    let mut steps = TestRun::default();
    steps.step("install missing tools", || {
        ensure_build_tools(root)?;
        ensure_browser_test_tools(root)
    });
    steps.step("format (cargo fmt --check)", || {
        execute(&mut cargo(root, &["fmt", "--all", "--check"]))
    });
    steps.step("clippy native", || {
        execute(&mut cargo(
            root,
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--locked",
                "--",
                "-D",
                "warnings",
            ],
        ))
    });
    steps.step("clippy wasm32", || {
        execute(&mut cargo(
            root,
            &[
                "clippy",
                "--workspace",
                "--exclude",
                "xtask",
                "--exclude",
                "snapkit-cli",
                // Benchmarks are native-only (criterion), so not `--all-targets` here.
                "--lib",
                "--bins",
                "--tests",
                "--locked",
                "--target",
                WASM_TARGET,
                "--",
                "-D",
                "warnings",
            ],
        ))
    });
    steps.step("native tests", || {
        execute(&mut cargo(
            root,
            &[
                "test",
                "--workspace",
                "--exclude",
                "snapkit-app",
                "--locked",
            ],
        ))
    });
    steps.step("wasm tests in headless Chromium", || {
        let mut command = cargo(
            root,
            &[
                "test",
                "--package",
                "snapkit-ui",
                "--target",
                WASM_TARGET,
                "--locked",
            ],
        );
        command
            .env("PATH", tool_path()?)
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env(
                "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
                root.join("tests/webdriver.json"),
            )
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
        execute(&mut command)
    });
    steps.step("web build (trunk, release)", || {
        let dist = crate::dist::build(root)?;
        crate::dist::precompress(&dist)
    });
    steps.step("browser end-to-end tests", || end_to_end(root));
    println!("{}", steps.summary());
    let failed = steps.failed();
    if failed > 0 {
        bail!("{failed} step(s) failed");
    }
    Ok(())
}

/// The native `snapkit` binary, built if needed: the e2e tests verify browser orders with it.
fn native_cli(root: &Path) -> Result<PathBuf> {
    execute(
        Command::new(env!("CARGO"))
            .args(["build", "--quiet", "-p", "snapkit-cli"])
            .current_dir(root),
    )?;
    Ok(crate::dist::target_dir(root)?.join("debug/snapkit"))
}

/// Serves dist/ on a free port and runs the Playwright tests in tests/e2e against it.
fn end_to_end(root: &Path) -> Result<()> {
    let server = StaticServer::start(&root.join("dist"), 0)?;
    // The demo retailer page, on another origin than the configurator.
    let shop = StaticServer::start(&root.join("web/embed"), 0)?;
    let e2e = root.join("tests/e2e");
    let artifacts = e2e.join("artifacts");
    std::fs::create_dir_all(&artifacts)?;
    let mut command = Command::new("node");
    command
        .args(["--test", "--test-reporter=spec"])
        .current_dir(&e2e)
        .env("SNAPKIT_URL", server.url())
        .env("SNAPKIT_DIST", root.join("dist"))
        .env("SNAPKIT_SHOP_URL", shop.url())
        .env("SNAPKIT_ARTIFACTS", &artifacts)
        .env("SNAPKIT_CLI", native_cli(root)?);
    eprintln!("xtask: {} against {}", describe(&command), server.url());
    execute(&mut command)?;
    eprintln!("xtask: screenshots are in {}", artifacts.display());
    Ok(())
}
