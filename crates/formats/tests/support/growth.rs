//! Assemblies for the formats' tests: grown at random on a catalog, or a wall of shelving.

use glam::IVec3;
use proptest::prelude::*;
use snapkit_core::snapping::{fits_at, open_connectors};
use snapkit_core::{Assembly, Catalog, FinishId, PartId, PartKindId, PlacedPart, Placement};
use std::sync::Arc;

/// One step of growing an assembly: attach at an open connector, or take a part away.
#[derive(Clone, Copy, Debug)]
pub enum Growth {
    /// Attach the `fit`-th kind that fits the `open`-th open connector, in its `placement`-th
    /// placement and `finish`-th finish (each index taken modulo what there is).
    Attach {
        /// Which open connector.
        open: usize,
        /// Which fitting kind.
        fit: usize,
        /// Which of its placements.
        placement: usize,
        /// Which of its finishes.
        finish: usize,
    },
    /// Remove the `n`-th part (modulo the part count).
    Remove(usize),
}

/// Random growth steps: mostly attachments, now and then a removal.
pub fn growth_step() -> impl Strategy<Value = Growth> {
    prop_oneof![
        5 => (any::<usize>(), any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(open, fit, placement, finish)| Growth::Attach { open, fit, placement, finish }),
        1 => any::<usize>().prop_map(Growth::Remove),
    ]
}

/// `catalog`'s first kind on the floor, then `steps` applied; steps that do not apply are skipped.
pub fn grow(catalog: &Arc<Catalog>, steps: &[Growth]) -> Assembly {
    let mut assembly = Assembly::new(Arc::clone(catalog));
    let first = &catalog.parts[0];
    assembly
        .insert(PlacedPart {
            id: PartId(1),
            kind: first.id.clone(),
            finish: first.finishes[0].clone(),
            placement: Default::default(),
        })
        .expect("the first kind stands on the floor");
    for step in steps {
        match *step {
            Growth::Attach {
                open,
                fit,
                placement,
                finish,
            } => {
                let open_now = open_connectors(&assembly);
                let Some(onto) = open_now.get(open % open_now.len().max(1)) else {
                    continue;
                };
                let fits = fits_at(&assembly, onto);
                let Some(chosen) = fits.get(fit % fits.len().max(1)) else {
                    continue;
                };
                let kind = catalog.part(&chosen.kind).expect("fits name catalog kinds");
                let part = PlacedPart {
                    id: assembly.next_part_id(),
                    kind: chosen.kind.clone(),
                    finish: kind.finishes[finish % kind.finishes.len()].clone(),
                    placement: chosen.placements[placement % chosen.placements.len()],
                };
                assembly
                    .insert(part)
                    .expect("fits_at offers only valid spots");
            }
            Growth::Remove(index) => {
                let ids: Vec<PartId> = assembly.parts().map(|part| part.id).collect();
                if ids.len() > 1 {
                    assembly.remove(ids[index % ids.len()]);
                }
            }
        }
    }
    assembly
}

/// A wall of shelving frames, `columns` wide (750, 500, 350 mm repeating) and `rows` high,
/// in all five finishes, column by column.
pub fn wall(catalog: &Arc<Catalog>, columns: usize, rows: usize) -> Assembly {
    const WIDTHS_MM: [i32; 3] = [750, 500, 350];
    const FINISHES: [&str; 5] = [
        "powder-white",
        "powder-graphite",
        "powder-gentian",
        "powder-orange",
        "chrome",
    ];
    let mut assembly = Assembly::new(Arc::clone(catalog));
    let mut left_mm = 0;
    for column in 0..columns {
        let width = WIDTHS_MM[column % WIDTHS_MM.len()];
        for row in 0..rows {
            let id = assembly.next_part_id();
            assembly
                .insert(PlacedPart {
                    id,
                    kind: PartKindId::new(format!("frame-{width}x350x350")),
                    finish: FinishId::new(FINISHES[column % FINISHES.len()]),
                    placement: Placement::at(IVec3::new(
                        (left_mm + width / 2) * 1000,
                        i32::try_from(row).expect("few rows") * 350_000,
                        0,
                    )),
                })
                .expect("wall frames fit side by side and on top of each other");
        }
        left_mm += width;
    }
    assembly
}
