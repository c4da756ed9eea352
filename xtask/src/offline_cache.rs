//! The service worker's release stamp: after the web build, `dist/service-worker.js` gets the
//! list of files it keeps for offline use and a release id made from their contents, so a new
//! release (any changed file) installs a new cache and the old one is deleted.

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::Path;

/// The service worker in dist/.
const SERVICE_WORKER: &str = "service-worker.js";
/// Where the release id goes in the service worker's source.
const RELEASE_MARK: &str = "\"__SNAPKIT_RELEASE__\"";
/// Where the list of files to keep goes.
const FILES_MARK: &str = "\"__SNAPKIT_FILES__\"";

/// Writes the files to keep (every file of `dist` but compressed copies and the worker
/// itself, as absolute paths, plus `/` for the page) and their release id into the worker.
pub fn stamp_service_worker(dist: &Path) -> Result<()> {
    let worker = dist.join(SERVICE_WORKER);
    let source = fs::read_to_string(&worker)
        .with_context(|| format!("reading {}; the web build copies it", worker.display()))?;
    if !source.contains(RELEASE_MARK) || !source.contains(FILES_MARK) {
        bail!(
            "{} has no {RELEASE_MARK} or {FILES_MARK} to fill in (stamped twice?)",
            worker.display()
        );
    }
    let mut kept = vec!["/".to_owned()];
    let mut hasher = Sha256::new();
    for path in crate::dist::files_in(dist)? {
        let name = path
            .strip_prefix(dist)?
            .to_string_lossy()
            .replace('\\', "/");
        if name == SERVICE_WORKER || name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(fs::read(&path).with_context(|| format!("reading {}", path.display()))?);
        kept.push(format!("/{name}"));
    }
    let release: String = hasher.finalize()[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let stamped = source
        .replace(RELEASE_MARK, &format!("\"{release}\""))
        .replace(FILES_MARK, &serde_json::to_string(&kept)?);
    fs::write(&worker, stamped).with_context(|| format!("writing {}", worker.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORKER: &str =
        "const RELEASE = \"__SNAPKIT_RELEASE__\";\nconst FILES = \"__SNAPKIT_FILES__\";\n";

    fn stamped(dir: &Path, app: &str) -> String {
        fs::write(dir.join(SERVICE_WORKER), WORKER).expect("worker");
        fs::create_dir_all(dir.join("catalogs")).expect("folder");
        fs::write(dir.join("app.wasm"), app).expect("wasm");
        fs::write(dir.join("app.wasm.br"), "packed").expect("br");
        fs::write(dir.join("catalogs/sofa.json"), "{}").expect("catalog");
        stamp_service_worker(dir).expect("stamped");
        fs::read_to_string(dir.join(SERVICE_WORKER)).expect("read")
    }

    fn release_of(worker: &str) -> &str {
        worker.split('"').nth(1).expect("a quoted release")
    }

    #[test]
    fn the_worker_keeps_every_file_but_compressed_copies_and_itself() {
        let dir = std::env::temp_dir().join(format!("snapkit-offline-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("dir");
        let worker = stamped(&dir, "wasm one");
        assert!(
            worker.contains(r#"const FILES = ["/","/app.wasm","/catalogs/sofa.json"];"#),
            "{worker}"
        );
        let first = release_of(&worker).to_owned();
        assert_eq!(first.len(), 16);
        assert_eq!(
            release_of(&stamped(&dir, "wasm one")),
            first,
            "same files, same release"
        );
        assert_ne!(
            release_of(&stamped(&dir, "wasm two")),
            first,
            "a changed file is a new release"
        );
        let error = stamp_service_worker(&dir).expect_err("already stamped");
        assert!(error.to_string().contains("stamped twice"), "{error}");
        fs::remove_dir_all(&dir).expect("cleaned up");
    }
}
