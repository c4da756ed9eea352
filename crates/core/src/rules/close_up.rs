//! Shortening an assembly that is too long along one axis by taking out a slice of it and
//! moving what lies beyond the slice up to close the gap (a sofa one seat shorter, a shelving
//! wall one bay narrower), rather than cutting off an end that has to stay (the arm end).

use crate::PartId;
use crate::geometry::Aabb;
use glam::IVec3;

/// A slice to take out and the parts to move up behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CloseUp {
    /// The parts of the slice.
    pub(crate) removed: Vec<PartId>,
    /// The parts beyond the slice, nearest first, each with the move that closes the gap.
    pub(crate) moved: Vec<(PartId, IVec3)>,
}

/// Every way to take out a slice along `axis` (0 = x, 1 = y, 2 = z) at least `excess`
/// micrometres long, between two cuts that no part reaches across (so the assembly falls apart
/// there into a near side, the slice and a far side), with at least one part on each side;
/// for each first cut, the nearest second cut that is far enough, shortest slices first.
pub(crate) fn close_ups(boxes: &[(PartId, Aabb)], axis: usize, excess: i32) -> Vec<CloseUp> {
    let reaches_across = |cut: i32| {
        boxes
            .iter()
            .any(|(_, bounds)| bounds.min[axis] < cut && cut < bounds.max[axis])
    };
    let mut cuts: Vec<i32> = boxes
        .iter()
        .flat_map(|(_, bounds)| [bounds.min[axis], bounds.max[axis]])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    // The outermost cuts would leave a side empty.
    let inner = cuts
        .get(1..cuts.len().saturating_sub(1))
        .unwrap_or_default();
    let clean: Vec<i32> = inner
        .iter()
        .copied()
        .filter(|&cut| !reaches_across(cut))
        .collect();
    let mut found: Vec<(i32, CloseUp)> = Vec::new();
    for (at, &from) in clean.iter().enumerate() {
        let Some(&to) = clean[at + 1..].iter().find(|&&to| to - from >= excess) else {
            continue;
        };
        let mut shift = IVec3::ZERO;
        shift[axis] = from - to;
        let mut moved: Vec<(i32, PartId)> = boxes
            .iter()
            .filter(|(_, bounds)| bounds.min[axis] >= to)
            .map(|(part, bounds)| (bounds.min[axis], *part))
            .collect();
        moved.sort_unstable();
        found.push((
            to - from,
            CloseUp {
                removed: boxes
                    .iter()
                    .filter(|(_, bounds)| bounds.min[axis] >= from && bounds.max[axis] <= to)
                    .map(|(part, _)| *part)
                    .collect(),
                moved: moved.into_iter().map(|(_, part)| (part, shift)).collect(),
            },
        ));
    }
    found.sort_by_key(|(length, _)| *length);
    found.into_iter().map(|(_, close_up)| close_up).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run of parts along x, each `widths[i]` mm wide, 1 mm deep and high, ids from 1.
    fn run(widths: &[i32]) -> Vec<(PartId, Aabb)> {
        let mut x = 0;
        (1..)
            .zip(widths)
            .map(|(id, &width)| {
                let bounds = Aabb::spanning(IVec3::new(x, 0, 0), IVec3::new(x + width, 1, 1));
                x += width;
                (PartId(id), bounds)
            })
            .collect()
    }

    #[test]
    fn takes_out_an_inner_slice_and_moves_the_far_side_up_shortest_first() {
        // Arm, three seats, arm: 300 mm too long.
        let close_ups = close_ups(&run(&[200, 1000, 600, 1000, 200]), 0, 300);
        assert_eq!(
            close_ups[0],
            CloseUp {
                removed: vec![PartId(3)],
                moved: vec![
                    (PartId(4), IVec3::new(-600, 0, 0)),
                    (PartId(5), IVec3::new(-600, 0, 0))
                ],
            },
            "the shortest slice comes first"
        );
        assert!(
            close_ups
                .iter()
                .all(|close_up| !close_up.removed.contains(&PartId(1))
                    && !close_up.removed.contains(&PartId(5))),
            "the ends stay: {close_ups:?}"
        );
        assert_eq!(close_ups.len(), 3, "each seat is one way: {close_ups:?}");
    }

    #[test]
    fn a_slice_too_short_grows_until_it_is_long_enough() {
        let close_ups = close_ups(&run(&[200, 600, 600, 200]), 0, 1000);
        assert_eq!(close_ups.len(), 1);
        assert_eq!(close_ups[0].removed, vec![PartId(2), PartId(3)]);
        assert_eq!(
            close_ups[0].moved,
            vec![(PartId(4), IVec3::new(-1200, 0, 0))]
        );
    }

    #[test]
    fn a_part_reaching_across_the_slice_keeps_it_in() {
        let mut boxes = run(&[200, 1000, 200]);
        // A shelf lying across all three: no cut is clean.
        boxes.push((
            PartId(9),
            Aabb::spanning(IVec3::new(0, 1, 0), IVec3::new(1400, 2, 1)),
        ));
        assert!(close_ups(&boxes, 0, 100).is_empty());
    }

    #[test]
    fn what_lies_inside_the_slice_goes_with_it() {
        let mut boxes = run(&[200, 1000, 1000, 200]);
        // A shelf inside the second bay.
        boxes.push((
            PartId(9),
            Aabb::spanning(IVec3::new(1300, 1, 0), IVec3::new(2100, 2, 1)),
        ));
        let close_ups = close_ups(&boxes, 0, 1000);
        let removed: Vec<_> = close_ups.iter().map(|c| c.removed.clone()).collect();
        assert_eq!(removed, [vec![PartId(2)], vec![PartId(3), PartId(9)]]);
    }
}
