//! `cargo xtask serve`: install what is missing, build the release app, serve it until stopped,
//! with the demo retailer page (`web/embed/`) on the next port: another origin, as in a real shop.

use crate::static_server::StaticServer;
use anyhow::Result;
use std::path::Path;

/// Builds dist/ and serves it on `127.0.0.1:port`, and the demo retailer page on `port + 1`,
/// until the process is stopped.
pub fn run(root: &Path, port: u16) -> Result<()> {
    let report = crate::dist::run(root)?;
    println!("{report}\n");
    let server = StaticServer::start(&root.join("dist"), port)?;
    let shop = StaticServer::start(&root.join("web/embed"), port.saturating_add(1))?;
    println!("snapkit is served at {}  (Ctrl-C stops it)", server.url());
    println!(
        "a demo retailer page embeds it from another origin: {}?configurator={}",
        shop.url(),
        server.url()
    );
    loop {
        std::thread::park();
    }
}
