//! The native `snapkit` command: checks catalogs the way the configurator loads them.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use snapkit_core::Locale;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "snapkit", version, about = "Check snapkit catalogs")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load a catalog file and report every problem in it.
    CheckCatalog {
        /// The catalog JSON file.
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("snapkit: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::CheckCatalog { file } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            match snapkit_formats::load_catalog(&text) {
                Ok(catalog) => {
                    println!(
                        "{}: catalog '{}' version {} is valid: {} part kinds, {} finishes, prices in {}",
                        file.display(),
                        catalog.meta.name.get(&Locale::english()),
                        catalog.meta.version,
                        catalog.parts.len(),
                        catalog.finishes.len(),
                        catalog.meta.currency,
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(error) => {
                    eprintln!("{}: {error}", file.display());
                    Ok(ExitCode::FAILURE)
                }
            }
        }
    }
}
