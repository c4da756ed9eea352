//! The triangles of a catalog's glTF models, by file, once they have been loaded: what the
//! scene and the glTF export draw in place of a model piece's box.

use crate::shape_mesh::TriangleMesh;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Loaded models by file name (as the catalog names them), each in metres around its own
/// origin, the centre of its bottom face.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ModelMeshes(BTreeMap<Arc<str>, Arc<TriangleMesh>>);

impl ModelMeshes {
    /// Keeps `mesh` as the triangles of `file`, replacing any earlier ones.
    pub fn insert(&mut self, file: Arc<str>, mesh: TriangleMesh) {
        self.0.insert(file, Arc::new(mesh));
    }

    /// The triangles of `file`, if it has been loaded.
    pub fn get(&self, file: &str) -> Option<&TriangleMesh> {
        self.0.get(file).map(Arc::as_ref)
    }

    /// How many models are loaded.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
