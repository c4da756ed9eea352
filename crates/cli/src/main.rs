//! The native `snapkit` command: what a manufacturer and a retailer's back office run.
//!
//! Exit codes: 0 when the input is good, 1 when it is not (a broken catalog, a discrepancy in
//! an order, a link that cannot be opened), 2 for usage and I/O errors. `--json` on every
//! subcommand prints one JSON document on stdout instead of text.

mod commands;
mod output;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "snapkit",
    version,
    about = "Check snapkit catalogs, verify orders and open share links"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load a catalog file and report every problem in it, with path, line and column.
    CheckCatalog {
        /// The catalog JSON file.
        file: PathBuf,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Re-check an order's assembly, rules and prices against the catalog; report every discrepancy.
    VerifyOrder {
        /// The order JSON file.
        order: PathBuf,
        /// The catalog file the order is for.
        #[arg(long)]
        catalog: PathBuf,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Count the distinct products a catalog allows from N parts (the solution space).
    Count {
        /// The catalog file.
        #[arg(long)]
        catalog: PathBuf,
        /// Parts in each product (with --fixed-base: parts built on the base).
        #[arg(long)]
        parts: usize,
        /// Use only this part kind (else every kind).
        #[arg(long)]
        kind: Option<String>,
        /// Count the ways to build on one fixed part (of --kind, or the catalog's first kind)
        /// that alone forms the bottom layer, with no reduction by symmetry.
        #[arg(long)]
        fixed_base: bool,
        /// Split the count by the number of layers.
        #[arg(long)]
        by_height: bool,
        /// Threads to count on (default: every core).
        #[arg(long)]
        threads: Option<usize>,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Share links.
    Link {
        #[command(subcommand)]
        command: LinkCommand,
    },
    /// Rebuild the order a share link describes, priced and checked as the configurator does.
    Order {
        /// The share link (a whole URL, its #c=… fragment, or the bare code).
        #[arg(long)]
        link: String,
        /// The catalog file the link is for.
        #[arg(long)]
        catalog: PathBuf,
        /// The locale for names and messages.
        #[arg(long, default_value = "en")]
        locale: String,
        /// Print the order document as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the configuration a share link holds as a binary glTF file (.glb).
    ExportGltf {
        /// The share link (a whole URL, its #c=… fragment, or the bare code).
        #[arg(long)]
        link: String,
        /// The catalog file the link is for.
        #[arg(long)]
        catalog: PathBuf,
        /// Where to write the .glb file.
        #[arg(long)]
        out: PathBuf,
        /// The locale for part and finish names in the file.
        #[arg(long, default_value = "en")]
        locale: String,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum LinkCommand {
    /// Open a share link with a catalog and show the configuration it holds.
    Decode {
        /// The share link (a whole URL, its #c=… fragment, or the bare code).
        link: String,
        /// The catalog file the link is for.
        #[arg(long)]
        catalog: PathBuf,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Command::CheckCatalog { file, json } => commands::check_catalog::run(&file, json),
        Command::VerifyOrder {
            order,
            catalog,
            json,
        } => commands::verify_order::run(&order, &catalog, json),
        Command::Count {
            catalog,
            parts,
            kind,
            fixed_base,
            by_height,
            threads,
            json,
        } => commands::count::run(&commands::count::CountArgs {
            catalog: &catalog,
            parts,
            kind,
            fixed_base,
            by_height,
            threads: threads.unwrap_or_else(|| {
                std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
            }),
            json,
        }),
        Command::Link {
            command:
                LinkCommand::Decode {
                    link,
                    catalog,
                    json,
                },
        } => commands::link_decode::run(&link, &catalog, json),
        Command::Order {
            link,
            catalog,
            locale,
            json,
        } => commands::order_from_link::run(&link, &catalog, &locale, json),
        Command::ExportGltf {
            link,
            catalog,
            out,
            locale,
            json,
        } => commands::export_gltf::run(&link, &catalog, &out, &locale, json),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("snapkit: {error:#}");
            ExitCode::from(2)
        }
    }
}
