//! `snapkit export-gltf --link URL --catalog FILE --out FILE.glb`: the configuration a share
//! link holds, as a binary glTF file (for AR viewers, planners and CAD hand-off).

use crate::output::{catalog_with_models, print_json, refuse};
use anyhow::{Context, Result};
use serde_json::json;
use snapkit_core::Locale;
use snapkit_formats::gltf_export::export_glb;
use snapkit_formats::open_link;
use std::path::Path;

/// Writes the `.glb` for `link` to `out`; `Ok(false)` when the link cannot be opened or holds
/// nothing to export.
pub fn run(link: &str, catalog_file: &Path, out: &Path, locale: &str, json: bool) -> Result<bool> {
    let catalog = catalog_with_models(catalog_file)?;
    let refuse = |reason: String| refuse(json, "exported", "glTF file", &reason);
    let opened = match open_link(link, &catalog) {
        Ok(opened) => opened,
        Err(error) => return refuse(error.to_string()),
    };
    let glb = match export_glb(&opened.assembly, &Locale::new(locale)) {
        Ok(glb) => glb,
        Err(error) => return refuse(error.to_string()),
    };
    std::fs::write(out, &glb).with_context(|| format!("writing {}", out.display()))?;
    if json {
        print_json(&json!({
            "exported": true,
            "file": out.display().to_string(),
            "bytes": glb.len(),
            "parts": opened.assembly.len(),
        }))?;
    } else {
        println!(
            "{}: {} parts, {} bytes of binary glTF",
            out.display(),
            opened.assembly.len(),
            glb.len()
        );
    }
    Ok(true)
}
