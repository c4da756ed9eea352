//! `cargo xtask dist`: the production build in dist/, pre-compressed, with a size report.

use crate::shell::execute;
use crate::tools::{ensure_build_tools, tool_path};
use anyhow::{Context, Result};
use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// File types worth compressing; images and fonts are already compressed.
const COMPRESSIBLE: &[&str] = &[
    "html",
    "js",
    "css",
    "wasm",
    "glb",
    "json",
    "svg",
    "webmanifest",
    "txt",
];

/// Builds dist/ (installing tools first when missing), pre-compresses it, and measures it.
pub fn run(root: &Path) -> Result<SizeReport> {
    ensure_build_tools(root)?;
    let dist = build(root)?;
    precompress(&dist)?;
    SizeReport::measure(root, &dist)
}

/// Runs trunk's release build into `dist/` and returns that folder.
pub fn build(root: &Path) -> Result<PathBuf> {
    let dist = root.join("dist");
    execute(
        Command::new("trunk")
            .args(["build", "--release"])
            .current_dir(root)
            .env("PATH", tool_path()?),
    )?;
    crate::offline_cache::stamp_service_worker(&dist)?;
    Ok(dist)
}

fn compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| COMPRESSIBLE.contains(&ext))
}

/// Every file under `dir`, sorted.
pub fn files_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(files_in(&path)?);
        } else {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Brotli (quality 11) of `bytes`.
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).context("brotli")?;
    Ok(out)
}

/// Gzip (level 9) of `bytes`.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

/// Where the pre-compressed copy of `path` lives: `path` with `suffix` (`.br`, `.gz`) appended.
pub fn compressed_copy(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Writes `NAME.br` and `NAME.gz` beside every compressible file in `dist`.
pub fn precompress(dist: &Path) -> Result<()> {
    for path in files_in(dist)?
        .into_iter()
        .filter(|path| compressible(path))
    {
        let bytes = fs::read(&path)?;
        for (suffix, packed) in [(".br", brotli(&bytes)?), (".gz", gzip(&bytes)?)] {
            let target = compressed_copy(&path, suffix);
            fs::write(&target, packed).with_context(|| format!("writing {}", target.display()))?;
        }
    }
    Ok(())
}

/// Sizes of one shipped file at each stage, in bytes.
#[derive(Debug)]
pub struct FileSize {
    /// File name in dist/.
    pub name: String,
    /// For the wasm: rustc's output, before wasm-bindgen.
    pub rustc: Option<u64>,
    /// For the wasm: after wasm-bindgen, before wasm-opt.
    pub bindgen: Option<u64>,
    /// As shipped in dist/ (after wasm-opt for the wasm).
    pub shipped: u64,
    /// Gzip level 9.
    pub gzip: u64,
    /// Brotli quality 11.
    pub brotli: u64,
}

/// The size of the web build, file by file.
#[derive(Debug)]
pub struct SizeReport {
    /// One row per compressible shipped file.
    pub files: Vec<FileSize>,
}

impl SizeReport {
    fn measure(root: &Path, dist: &Path) -> Result<Self> {
        let rustc_wasm =
            target_dir(root)?.join("wasm32-unknown-unknown/web-release/snapkit-app.wasm");
        let mut files = Vec::new();
        for path in files_in(dist)?
            .into_iter()
            .filter(|path| compressible(path))
        {
            let name = path.strip_prefix(dist)?.display().to_string();
            let shipped = fs::metadata(&path)?;
            let is_wasm = name.ends_with(".wasm");
            let (rustc, bindgen) = if is_wasm {
                (
                    Some(fs::metadata(&rustc_wasm)?.len()),
                    Some(bindgen_size(&rustc_wasm)?),
                )
            } else {
                (None, None)
            };
            files.push(FileSize {
                name,
                rustc,
                bindgen,
                shipped: shipped.len(),
                gzip: precompressed_size(&path, ".gz")?,
                brotli: precompressed_size(&path, ".br")?,
            });
        }
        Ok(Self { files })
    }
}

/// The size of the pre-compressed copy `path` + `suffix` that [`precompress`] wrote.
fn precompressed_size(path: &Path, suffix: &str) -> Result<u64> {
    let packed = compressed_copy(path, suffix);
    Ok(fs::metadata(&packed)
        .with_context(|| format!("{} is missing; run precompress first", packed.display()))?
        .len())
}

/// The cargo target directory this workspace builds into.
pub fn target_dir(root: &Path) -> Result<PathBuf> {
    let metadata = cargo_metadata::MetadataCommand::new()
        .current_dir(root)
        .no_deps()
        .exec()?;
    Ok(metadata.target_directory.into_std_path_buf())
}

/// The size of the wasm-bindgen output for `wasm`, before any wasm-opt pass.
fn bindgen_size(wasm: &Path) -> Result<u64> {
    let out = std::env::temp_dir().join("snapkit-size-report");
    let _ = fs::remove_dir_all(&out);
    execute(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&out)
            .arg(wasm)
            .env("PATH", tool_path()?),
    )?;
    Ok(fs::metadata(out.join("snapkit-app_bg.wasm"))?.len())
}

fn kib(bytes: Option<u64>) -> String {
    bytes.map_or_else(
        || "–".to_owned(),
        |bytes| format!("{:.1}", bytes as f64 / 1024.0),
    )
}

impl fmt::Display for SizeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "| file | rustc KiB | wasm-bindgen KiB | shipped KiB | gzip KiB | brotli KiB |"
        )?;
        writeln!(f, "|---|---:|---:|---:|---:|---:|")?;
        for file in &self.files {
            writeln!(
                f,
                "| {} | {} | {} | {} | {} | {} |",
                file.name,
                kib(file.rustc),
                kib(file.bindgen),
                kib(Some(file.shipped)),
                kib(Some(file.gzip)),
                kib(Some(file.brotli)),
            )?;
        }
        let total = |pick: fn(&FileSize) -> u64| self.files.iter().map(pick).sum::<u64>();
        write!(
            f,
            "| **total** | | | {} | {} | {} |",
            kib(Some(total(|file| file.shipped))),
            kib(Some(total(|file| file.gzip))),
            kib(Some(total(|file| file.brotli))),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_copies_decode_to_the_original() {
        let text = b"snapkit snapkit snapkit snapkit".repeat(100);
        let packed = brotli(&text).expect("brotli");
        let mut unpacked = Vec::new();
        brotli::BrotliDecompress(&mut &packed[..], &mut unpacked).expect("decodes");
        assert_eq!(unpacked, text);
        assert!(packed.len() < text.len() / 10);
        let gz = gzip(&text).expect("gzip");
        let mut decoder = flate2::read::GzDecoder::new(&gz[..]);
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut decoder, &mut out).expect("gunzips");
        assert_eq!(out, text);
    }

    #[test]
    fn only_text_and_wasm_are_compressed() {
        assert!(compressible(Path::new("dist/app_bg.wasm")));
        assert!(compressible(Path::new("dist/catalogs/shelving.json")));
        assert!(!compressible(Path::new("dist/thumb.png")));
        assert!(!compressible(Path::new("dist/app_bg.wasm.br")));
    }
}
