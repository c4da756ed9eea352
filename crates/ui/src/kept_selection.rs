//! The tab remembers which part is selected in which configuration, so that a reload (the
//! restart after a lost WebGL context, or the customer's own) comes back with the same part
//! selected. Kept per tab in `sessionStorage`, beside the configuration's share code, so
//! another configuration never inherits a selection.

use snapkit_core::{Assembly, PartId};
use snapkit_formats::share_code;
use web_sys::Storage;

/// Where the tab keeps the selection.
const SELECTION_KEY: &str = "snapkit.selection";

fn storage() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Keeps `selected` as the selection of `assembly`, or forgets the selection.
pub(crate) fn remember(assembly: &Assembly, selected: Option<PartId>) {
    let Some(storage) = storage() else { return };
    let _ = match selected {
        Some(part) => storage.set_item(SELECTION_KEY, &kept(part, &share_code(assembly))),
        None => storage.remove_item(SELECTION_KEY),
    };
}

/// The part kept as selected in `assembly`, if this tab selected one in this very configuration.
pub(crate) fn recall(assembly: &Assembly) -> Option<PartId> {
    let text = storage()?.get_item(SELECTION_KEY).ok()??;
    selection_in(&text, assembly)
}

/// The kept form: the part's id, then the configuration's share code (`7@eNp…`).
fn kept(part: PartId, link: &str) -> String {
    format!("{}@{link}", part.0)
}

fn selection_in(kept: &str, assembly: &Assembly) -> Option<PartId> {
    let (part, link) = kept.split_once('@')?;
    let part = PartId(part.parse().ok()?);
    (link == share_code(assembly) && assembly.part(part).is_some()).then_some(part)
}

#[cfg(test)]
mod tests {
    use super::*;
    use snapkit_core::{Edit, FinishId, PartKindId, PlacedPart, Placement};
    use std::sync::Arc;

    fn two_frames() -> Assembly {
        let catalog =
            snapkit_formats::load_catalog(include_str!("../../../assets/catalogs/shelving.json"))
                .expect("the shipped shelving");
        let frame = PartKindId::new("frame-750x350x350");
        let width = catalog
            .part(&frame)
            .expect("a frame")
            .shape
            .bounding_size()
            .x;
        let mut assembly = Assembly::new(Arc::new(catalog));
        let frames = (0..2).map(|index| {
            Edit::PlacePart(PlacedPart {
                id: PartId(index + 1),
                kind: frame.clone(),
                finish: FinishId::new("powder-white"),
                placement: Placement::at(glam::IVec3::new(index as i32 * width, 0, 0)),
            })
        });
        Edit::Batch(frames.collect())
            .apply(&mut assembly)
            .expect("two frames side by side");
        assembly
    }

    #[test]
    fn a_selection_comes_back_only_in_its_own_configuration() {
        let assembly = two_frames();
        let link = share_code(&assembly);
        assert_eq!(
            selection_in(&kept(PartId(2), &link), &assembly),
            Some(PartId(2))
        );
        assert_eq!(
            selection_in(&kept(PartId(9), &link), &assembly),
            None,
            "no such part"
        );
        assert_eq!(selection_in(&kept(PartId(2), "other"), &assembly), None);
        assert_eq!(selection_in("nonsense", &assembly), None);
    }
}
