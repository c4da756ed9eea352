//! The shelving walls snapkit's benchmarks draw, in the browser (`cargo xtask bench
//! --browser`) and natively on a GPU (the scene's `frame_time` example): walls of 750 mm
//! frames from the shipped shelving catalog, as near square as the frames allow.

use glam::IVec3;
use snapkit_core::{
    Assembly, Catalog, Edit, FinishId, PartId, PartKindId, PlacedPart, Placement, Rotation,
};
use snapkit_formats::{attach_models_from_folder, load_catalog};
use std::path::Path;
use std::sync::Arc;

/// The frame the walls are made of.
const FRAME: &str = "frame-750x350x350";

/// Why a wall could not be built.
#[derive(Debug, thiserror::Error)]
pub enum WallError {
    /// The shipped catalog could not be read from disk.
    #[error("reading the shelving catalog {path}: {source}")]
    Unreadable {
        /// The file that was read.
        path: String,
        /// What the file system said.
        source: std::io::Error,
    },
    /// The shipped catalog or one of its models is not valid.
    #[error("the shelving catalog: {0}")]
    InvalidCatalog(String),
    /// The catalog has no frame to build with.
    #[error("the shelving catalog has no {FRAME} in a finish")]
    NoFrame,
    /// The frames did not go together (a catalog change broke the wall's layout).
    #[error("building a wall of {parts} frames: {reason}")]
    DoesNotFit {
        /// How many frames were asked for.
        parts: usize,
        /// What the assembly refused.
        reason: String,
    },
}

/// The shipped shelving catalog (`assets/catalogs/shelving.json` under `root`), with its models.
pub fn shelving(root: &Path) -> Result<Arc<Catalog>, WallError> {
    let folder = root.join("assets/catalogs");
    let path = folder.join("shelving.json");
    let text = std::fs::read_to_string(&path).map_err(|source| WallError::Unreadable {
        path: path.display().to_string(),
        source,
    })?;
    let mut catalog =
        load_catalog(&text).map_err(|error| WallError::InvalidCatalog(error.to_string()))?;
    if let Some(problem) = attach_models_from_folder(&mut catalog, &folder).first() {
        return Err(WallError::InvalidCatalog(problem.clone()));
    }
    Ok(Arc::new(catalog))
}

/// A wall of `parts` frames, as near square as the frames allow: each column stacked up to a
/// row count, columns side by side, every frame joined to its neighbours.
pub fn shelving_wall(catalog: &Arc<Catalog>, parts: usize) -> Result<Assembly, WallError> {
    let frame = catalog
        .part(&PartKindId::new(FRAME))
        .ok_or(WallError::NoFrame)?;
    let size = frame.shape.bounding_size();
    let finish: FinishId = frame.finishes.first().cloned().ok_or(WallError::NoFrame)?;
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
        .map_err(|error| WallError::DoesNotFit {
            parts,
            reason: error.to_string(),
        })?;
    Ok(assembly)
}
