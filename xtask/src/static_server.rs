//! A small static file server for dist/: pre-compressed variants, correct types, no path escapes.

use crate::dist::compressed_copy;
use anyhow::{Context, Result, anyhow};
use std::fs;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;
use tiny_http::{Header, Request, Response, Server};

/// Worker threads answering requests.
const WORKERS: usize = 4;

/// A running server; it stops when dropped.
pub struct StaticServer {
    server: Arc<Server>,
    address: SocketAddr,
}

impl StaticServer {
    /// Serves `root` on `127.0.0.1:port` (port 0 picks a free one).
    pub fn start(root: &Path, port: u16) -> Result<Self> {
        let server = Server::http(("127.0.0.1", port))
            .map_err(|error| anyhow!("cannot listen on 127.0.0.1:{port}: {error}"))?;
        let address = server
            .server_addr()
            .to_ip()
            .context("the server listens on an IP address")?;
        let server = Arc::new(server);
        let root = root
            .canonicalize()
            .with_context(|| format!("{} does not exist; build it first", root.display()))?;
        for _ in 0..WORKERS {
            let server = Arc::clone(&server);
            let root = root.clone();
            thread::spawn(move || {
                for request in server.incoming_requests() {
                    answer(&root, request);
                }
            });
        }
        Ok(Self { server, address })
    }

    /// The base URL, e.g. `http://127.0.0.1:8080/`.
    pub fn url(&self) -> String {
        format!("http://{}/", self.address)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// The MIME type for a file name.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|ext| ext.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("glb") => "model/gltf-binary",
        _ => "application/octet-stream",
    }
}

/// Maps a request path to a file under `root`, refusing anything that would leave it.
pub fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|part| !matches!(part, Component::Normal(_)))
    {
        return None;
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn answer(root: &Path, request: Request) {
    let Some(file) = resolve(root, request.url()) else {
        let _ = request.respond(Response::from_string("not found").with_status_code(404));
        return;
    };
    let accepts = |encoding: &str| {
        request.headers().iter().any(|header| {
            header.field.equiv("Accept-Encoding") && header.value.as_str().contains(encoding)
        })
    };
    let variant = [("br", ".br"), ("gzip", ".gz")]
        .into_iter()
        .filter(|(encoding, _)| accepts(encoding))
        .map(|(encoding, suffix)| (encoding, compressed_copy(&file, suffix)))
        .find(|(_, packed)| packed.is_file());
    let (body_path, encoding) = match &variant {
        Some((encoding, packed)) => (packed.as_path(), Some(*encoding)),
        None => (file.as_path(), None),
    };
    let Ok(body) = fs::read(body_path) else {
        let _ = request.respond(Response::from_string("unreadable").with_status_code(500));
        return;
    };
    let mut response = Response::from_data(body);
    let headers = [
        header("Content-Type", content_type(&file)),
        header("Cache-Control", cache_policy(&file)),
        header("X-Content-Type-Options", "nosniff"),
        header("Vary", "Accept-Encoding"),
        encoding.and_then(|encoding| header("Content-Encoding", encoding)),
    ];
    for header in headers.into_iter().flatten() {
        response.add_header(header);
    }
    let _ = request.respond(response);
}

/// How long a browser may keep `file`: for good when Trunk put a content hash in its name
/// (`style-e06fc8b2702609d9.css`), else it asks again each time (the page, catalogs, models,
/// the service worker), so a new release is never hidden behind an old copy.
fn cache_policy(file: &Path) -> &'static str {
    let hashed = file
        .file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| {
            name.split(['-', '_', '.']).any(|token| {
                token.len() == 16 && token.bytes().all(|byte| byte.is_ascii_hexdigit())
            })
        });
    if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_root_are_refused() {
        let root = std::env::temp_dir();
        assert_eq!(resolve(&root, "/../etc/passwd"), None);
        assert_eq!(resolve(&root, "/a/../../etc/passwd"), None);
    }

    #[test]
    fn wasm_is_served_as_wasm() {
        assert_eq!(content_type(Path::new("app_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("index.html")),
            "text/html; charset=utf-8"
        );
    }

    #[test]
    fn only_files_named_by_their_content_are_kept_for_good() {
        for hashed in [
            "snapkit-app-376bc7045c91b89e_bg.wasm",
            "d789d63b7c84d294-loader.js",
            "style-e06fc8b2702609d9.css",
        ] {
            assert_eq!(
                cache_policy(Path::new(hashed)),
                "public, max-age=31536000, immutable"
            );
        }
        for plain in [
            "index.html",
            "catalogs/shelving.json",
            "service-worker.js",
            "offline.js",
        ] {
            assert_eq!(cache_policy(Path::new(plain)), "no-cache", "{plain}");
        }
    }

    #[test]
    fn serves_brotli_to_browsers_that_accept_it() -> Result<()> {
        let dir = std::env::temp_dir().join(format!("snapkit-server-test-{}", std::process::id()));
        fs::create_dir_all(&dir)?;
        fs::write(dir.join("index.html"), "<p>plain</p>")?;
        fs::write(dir.join("index.html.br"), "packed")?;
        let server = StaticServer::start(&dir, 0)?;
        let address = server.address;
        let get = |accept: &str| -> Result<String> {
            use std::io::{Read, Write};
            let mut stream = std::net::TcpStream::connect(address)?;
            write!(
                stream,
                "GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {accept}\r\nConnection: close\r\n\r\n"
            )?;
            let mut reply = String::new();
            stream.read_to_string(&mut reply)?;
            Ok(reply)
        };
        let packed = get("gzip, br")?;
        assert!(packed.contains("Content-Encoding: br"), "{packed}");
        assert!(packed.ends_with("packed"));
        let plain = get("identity")?;
        assert!(!plain.contains("Content-Encoding"));
        assert!(plain.ends_with("<p>plain</p>"));
        fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
