//! `cargo xtask serve`: install what is missing, build the release app, serve it until stopped.

use crate::static_server::StaticServer;
use anyhow::Result;
use std::path::Path;

/// Builds dist/ and serves it on `127.0.0.1:port` until the process is stopped.
pub fn run(root: &Path, port: u16) -> Result<()> {
    let report = crate::dist::run(root)?;
    println!("{report}\n");
    let server = StaticServer::start(&root.join("dist"), port)?;
    println!("snapkit is served at {}  (Ctrl-C stops it)", server.url());
    loop {
        std::thread::park();
    }
}
