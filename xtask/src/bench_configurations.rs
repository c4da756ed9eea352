//! The shelving configurations the browser benchmark draws (`snapkit-bench-walls`' walls),
//! as share links (what snapkit opens) and as binary glTF (what the model-viewer baseline shows).

use anyhow::{Result, anyhow};
use snapkit_bench_walls::shelving_wall;
use snapkit_core::Catalog;
use snapkit_formats::gltf_export::export_glb;
use snapkit_formats::share_code;
use std::sync::Arc;

/// A configuration to measure.
pub struct BenchConfiguration {
    /// How many parts it has.
    pub parts: usize,
    /// Its share-link code (what follows `#c=`).
    pub link_code: String,
    /// It as a `.glb` file.
    pub glb: Vec<u8>,
}

/// A wall of `parts` frames, as a link and as glTF.
pub fn wall_configuration(catalog: &Arc<Catalog>, parts: usize) -> Result<BenchConfiguration> {
    let assembly = shelving_wall(catalog, parts)?;
    let glb = export_glb(&assembly, &snapkit_core::Locale::english())
        .map_err(|error| anyhow!("exporting the wall of {parts}: {error}"))?;
    Ok(BenchConfiguration {
        parts,
        link_code: share_code(&assembly),
        glb,
    })
}
