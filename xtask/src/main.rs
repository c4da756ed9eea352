//! `cargo xtask`: the one entry point for people and CI (serve, test, dist, tidy, bench, soak, fuzz).

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::process::ExitCode;
use xtask::{browser_bench, dist, fuzz, serve_command, soak, test_run, tidy, workspace_root};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Build, serve and test snapkit")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Install what is missing, build the release app with the demo catalogs, and serve it.
    Serve {
        /// Port to serve on, on 127.0.0.1.
        #[arg(long, default_value_t = 8080)]
        port: u16,
    },
    /// Run every check and test: format, clippy (native and wasm32), native tests, browser tests.
    Test,
    /// Production build into dist/ with pre-compressed assets and a size report.
    Dist,
    /// Check the architecture invariants that a machine can check.
    Tidy,
    /// Run the native benchmarks (snapping, edits, rule check and bill) in release mode and print their figures;
    /// with --browser, measure the web app against a <model-viewer> baseline in headless Chromium instead.
    Bench {
        /// Measure in the browser: transfer, first frame, frame times, interaction latency, memory.
        #[arg(long)]
        browser: bool,
        /// Runs per browser figure (median and range are reported).
        #[arg(long, default_value_t = 5)]
        runs: u32,
    },
    /// Drive hundreds of edit/undo/redo cycles in headless Chromium and print the memory figures.
    Soak {
        /// Cycles to run (each: 2 adds, 3 undos, 1 redo).
        #[arg(long, default_value_t = 150)]
        cycles: u32,
    },
    /// Fuzz the decoders of untrusted input (catalog files, share links, orders, autosaves, models) with libFuzzer.
    Fuzz {
        /// Targets to run (catalog_file, share_link, order_file, autosave, model_file); all when none are named.
        targets: Vec<String>,
        /// Seconds per target.
        #[arg(long, default_value_t = 60)]
        seconds: u64,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let root = workspace_root()?;
    match cli.command {
        Command::Serve { port } => serve_command::run(&root, port),
        Command::Test => test_run::run(&root),
        Command::Dist => dist::run(&root).map(|report| println!("{report}")),
        Command::Tidy => tidy::run(&root),
        Command::Bench {
            browser: true,
            runs,
        } => browser_bench::run(&root, runs),
        Command::Bench { browser: false, .. } => xtask::shell::execute(
            std::process::Command::new("cargo")
                .args(["bench", "--package", "snapkit-core", "--benches"])
                .current_dir(&root),
        ),
        Command::Soak { cycles } => soak::run(&root, cycles),
        Command::Fuzz { targets, seconds } => fuzz::run(&root, &targets, seconds),
    }
}
