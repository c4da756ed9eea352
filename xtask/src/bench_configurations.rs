//! The shelving configurations the browser benchmark draws: walls of 750 mm frames, as share
//! links (what snapkit opens) and as binary glTF (what the model-viewer baseline shows).

use anyhow::{Context, Result, anyhow};
use glam::IVec3;
use snapkit_core::{
    Assembly, Catalog, Edit, FinishId, PartId, PartKindId, PlacedPart, Placement, Rotation,
};
use snapkit_formats::gltf_export::export_glb;
use snapkit_formats::{attach_models_from_folder, load_catalog, share_code};
use std::path::Path;
use std::sync::Arc;

/// The frame the walls are made of.
const FRAME: &str = "frame-750x350x350";

/// A configuration to measure.
pub struct BenchConfiguration {
    /// How many parts it has.
    pub parts: usize,
    /// Its share-link code (what follows `#c=`).
    pub link_code: String,
    /// It as a `.glb` file.
    pub glb: Vec<u8>,
}

/// The shipped shelving catalog with its models.
pub fn shelving(root: &Path) -> Result<Arc<Catalog>> {
    let folder = root.join("assets/catalogs");
    let text = std::fs::read_to_string(folder.join("shelving.json"))
        .context("reading the shelving catalog")?;
    let mut catalog = load_catalog(&text).map_err(|error| anyhow!("shelving: {error}"))?;
    let problems = attach_models_from_folder(&mut catalog, &folder);
    if let Some(problem) = problems.first() {
        return Err(anyhow!("shelving: {problem}"));
    }
    Ok(Arc::new(catalog))
}

/// A wall of `parts` frames, as near square as the frames allow: each column stacked up to a
/// row count, columns side by side, every frame joined to its neighbours.
pub fn shelving_wall(catalog: &Arc<Catalog>, parts: usize) -> Result<BenchConfiguration> {
    let frame = catalog
        .part(&PartKindId::new(FRAME))
        .with_context(|| format!("the shelving catalog has no {FRAME}"))?;
    let size = frame.shape.bounding_size();
    let finish: FinishId = frame
        .finishes
        .first()
        .cloned()
        .context("the frame has a finish")?;
    // Frames are twice as wide as tall: twice as many rows as columns looks square.
    let rows = ((parts as f64 * 2.0).sqrt().ceil() as usize).clamp(1, 20);
    let mut assembly = Assembly::new(catalog.clone());
    let placements = (0..parts).zip(1..).map(|(index, id)| {
        let (column, row) = (index / rows, index % rows);
        Edit::PlacePart(PlacedPart {
            id: PartId(id),
            kind: frame.id.clone(),
            finish: finish.clone(),
            placement: Placement {
                rotation: Rotation::IDENTITY,
                translation: IVec3::new(column as i32 * size.x, row as i32 * size.y, 0),
            },
        })
    });
    Edit::Batch(placements.collect())
        .apply(&mut assembly)
        .map_err(|error| anyhow!("building a wall of {parts} frames: {error}"))?;
    let glb = export_glb(&assembly, &snapkit_core::Locale::english())
        .map_err(|error| anyhow!("exporting the wall of {parts}: {error}"))?;
    Ok(BenchConfiguration {
        parts,
        link_code: share_code(&assembly),
        glb,
    })
}
