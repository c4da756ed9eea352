//! The autosave: the configuration on screen and both its histories, kept in the browser's
//! storage after every change so that a closed tab, a crash or a reload never loses the
//! customer's work.
//!
//! Storage can hold anything (an older snapkit's save, a damaged or edited one), so it is
//! read like every other input: size limit, typed parse, then a rebuild through the engine
//! that checks every part and every edit. When the history no longer replays (the catalog
//! changed), the configuration itself is still restored, without its history.

use crate::json_input::{SyntaxError, parse};
use serde::{Deserialize, Serialize};
use snapkit_core::{Assembly, Catalog, Edit, EditError, PlacedPart, Session};
use std::sync::Arc;

/// The format name every autosave carries.
pub const AUTOSAVE_FORMAT: &str = "snapkit.autosave/1";

/// The largest autosave read (browsers keep about 5 MB per site; a 500-part configuration with
/// a long history is a few hundred kB).
pub const MAX_AUTOSAVE_BYTES: usize = 4 * 1024 * 1024;

/// An autosave as stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AutosaveDocument {
    /// Always [`AUTOSAVE_FORMAT`].
    pub format: String,
    /// The catalog's id.
    pub catalog: String,
    /// The catalog's version when it was saved.
    pub catalog_version: String,
    /// When it was saved, in milliseconds since 1970 (the browser's clock).
    pub saved_at_ms: u64,
    /// The assembly the history starts from.
    pub start: Vec<PlacedPart>,
    /// The edits done since, oldest first.
    pub done: Vec<Edit>,
    /// The edits undone, oldest undo first.
    pub undone: Vec<Edit>,
    /// The assembly on screen.
    pub current: Vec<PlacedPart>,
}

/// Why an autosave could not be restored.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AutosaveError {
    /// Larger than any autosave snapkit writes.
    #[error("it is larger than {MAX_AUTOSAVE_BYTES} bytes")]
    TooLarge,
    /// Not an autosave document.
    #[error("it is damaged: {} at line {}, column {}", .0.message, .0.line, .0.column)]
    Syntax(SyntaxError),
    /// Written by another snapkit.
    #[error("it was saved in format '{0}'; this configurator reads {AUTOSAVE_FORMAT}")]
    UnsupportedFormat(String),
    /// Saved for another product system.
    #[error("it was saved for catalog '{0}'")]
    OtherCatalog(String),
    /// Its parts do not fit this catalog any more (or overlap, or repeat).
    #[error("a part no longer fits: {0}")]
    Unbuildable(EditError),
}

/// A restored autosave.
#[derive(Clone, Debug)]
pub struct RestoredAutosave {
    /// The session, with its histories when they still replay.
    pub session: Session,
    /// Whether undo and redo were restored too.
    pub history_kept: bool,
    /// When it was saved, in milliseconds since 1970.
    pub saved_at_ms: u64,
    /// The catalog version it was saved with.
    pub catalog_version: String,
}

/// The autosave of `session`, as stored.
pub fn autosave(session: &Session, saved_at_ms: u64) -> String {
    let catalog = &session.assembly().catalog().meta;
    let document = AutosaveDocument {
        format: AUTOSAVE_FORMAT.to_owned(),
        catalog: catalog.id.clone(),
        catalog_version: catalog.version.clone(),
        saved_at_ms,
        start: session.start().parts().cloned().collect(),
        done: session.history().cloned().collect(),
        undone: session.undone().cloned().collect(),
        current: session.assembly().parts().cloned().collect(),
    };
    // Plain data of strings and numbers: serialising it cannot fail.
    serde_json::to_string(&document).unwrap_or_default()
}

/// Restores the session an autosave holds, for `catalog`.
pub fn restore(text: &str, catalog: &Arc<Catalog>) -> Result<RestoredAutosave, AutosaveError> {
    if text.len() > MAX_AUTOSAVE_BYTES {
        return Err(AutosaveError::TooLarge);
    }
    let document: AutosaveDocument = parse(text).map_err(AutosaveError::Syntax)?;
    if document.format != AUTOSAVE_FORMAT {
        return Err(AutosaveError::UnsupportedFormat(document.format));
    }
    if document.catalog != catalog.meta.id {
        return Err(AutosaveError::OtherCatalog(document.catalog));
    }
    let current = assembly_of(catalog, &document.current)?;
    let with_history = assembly_of(catalog, &document.start)
        .ok()
        .and_then(|start| Session::rebuild(start, &document.done, &document.undone).ok())
        .filter(|session| session.assembly() == &current);
    let history_kept = with_history.is_some();
    Ok(RestoredAutosave {
        session: with_history.unwrap_or_else(|| Session::from_assembly(current)),
        history_kept,
        saved_at_ms: document.saved_at_ms,
        catalog_version: document.catalog_version,
    })
}

/// The assembly of `parts`, each placed as an edit is (checked, ids unique).
fn assembly_of(catalog: &Arc<Catalog>, parts: &[PlacedPart]) -> Result<Assembly, AutosaveError> {
    let mut assembly = Assembly::new(Arc::clone(catalog));
    for part in parts {
        Edit::PlacePart(part.clone())
            .apply(&mut assembly)
            .map_err(AutosaveError::Unbuildable)?;
    }
    Ok(assembly)
}
