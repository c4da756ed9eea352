//! Fills a loaded catalog's models from their files: each file read (by whatever fetches files
//! where the catalog lives: the page over HTTP, the CLI from disk), checked, and kept. A model
//! that cannot be read is drawn as the box it fills, and said in one sentence.

use crate::model_file::read_model;
use snapkit_core::Catalog;
use std::path::Path;

/// Reads every model file `catalog` names through `read` (file name, relative to the catalog
/// file, to its bytes or a reason) into `catalog.models`. The answer has one sentence per
/// model that could not be used; those parts are drawn as boxes.
pub fn attach_models(
    catalog: &mut Catalog,
    mut read: impl FnMut(&str) -> Result<Vec<u8>, String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (file, size) in catalog.model_files() {
        match read(&file).and_then(|bytes| read_model(&bytes, size).map_err(|e| e.to_string())) {
            Ok(mesh) => catalog.models.insert(file, mesh),
            Err(reason) => problems.push(format!(
                "The 3D model “{file}” cannot be used ({reason}); its parts are shown as boxes."
            )),
        }
    }
    problems
}

/// [`attach_models`] for a catalog file in `folder` on disk (the CLI, native tests).
pub fn attach_models_from_folder(catalog: &mut Catalog, folder: &Path) -> Vec<String> {
    attach_models(catalog, |file| {
        std::fs::read(folder.join(file)).map_err(|error| error.to_string())
    })
}
