//! The opening configuration of a catalog when no link or order says otherwise.

use snapkit_core::{Catalog, Edit, PartId, PlacedPart, Placement, Session};
use std::sync::Arc;

/// The opening configuration: the catalog's first part kind in its default finish, on the floor.
/// Empty when the catalog has no part kinds.
pub(crate) fn starting_session(catalog: Arc<Catalog>) -> Session {
    let first = catalog.parts.first().and_then(|kind| {
        Some(PlacedPart {
            id: PartId(1),
            kind: kind.id.clone(),
            finish: catalog.default_finish(kind)?.id.clone(),
            placement: Placement::default(),
        })
    });
    let mut session = Session::new(catalog);
    if let Some(first) = first
        && let Err(error) = session.apply(Edit::PlacePart(first))
    {
        web_sys::console::warn_1(&format!("could not place the first part: {error}").into());
    }
    session
}
