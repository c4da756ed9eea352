//! Picking: which placed part a pointer ray from the camera meets first.

use crate::PartId;
use crate::assembly::Assembly;
use crate::catalog::PartKind;
use crate::geometry::{Aabb, Placement};
use glam::Vec3;

/// The part whose collision volume the ray from `origin` along `direction` (micrometres)
/// enters first, with the distance along the ray; when it meets no collision volume, the part
/// whose overall box it enters first (a tap into the hollow of an open frame picks the frame);
/// `None` when it meets no part.
pub fn part_under_ray(assembly: &Assembly, origin: Vec3, direction: Vec3) -> Option<(PartId, f32)> {
    let direction = direction.try_normalize()?;
    nearest(assembly, |kind, placement| {
        Assembly::world_boxes(kind, placement)
            .filter_map(|aabb| entry_distance(aabb, origin, direction))
            .reduce(f32::min)
    })
    .or_else(|| {
        nearest(assembly, |kind, placement| {
            entry_distance(Assembly::bounds_of(kind, placement)?, origin, direction)
        })
    })
}

/// The part with the smallest `distance` (parts it gives none for are missed).
fn nearest(
    assembly: &Assembly,
    distance: impl Fn(&PartKind, Placement) -> Option<f32>,
) -> Option<(PartId, f32)> {
    let catalog = assembly.catalog();
    assembly
        .parts()
        .filter_map(|placed| {
            let kind = catalog.part(&placed.kind)?;
            distance(kind, placed.placement).map(|distance| (placed.id, distance))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

/// How far along the (unit) ray it enters `aabb`: 0 when it starts inside, `None` when it misses.
fn entry_distance(aabb: Aabb, origin: Vec3, direction: Vec3) -> Option<f32> {
    let inverse = direction.recip();
    let near = (aabb.min.as_vec3() - origin) * inverse;
    let far = (aabb.max.as_vec3() - origin) * inverse;
    // An axis the ray runs parallel to gives 0 * inf = NaN: it constrains nothing, unless the
    // origin lies outside the slab, which the infinities of the other corner already report.
    let enter = near.min(far);
    let leave = near.max(far);
    let enter = [enter.x, enter.y, enter.z]
        .into_iter()
        .filter(|value| !value.is_nan())
        .fold(0.0_f32, f32::max);
    let leave = [leave.x, leave.y, leave.z]
        .into_iter()
        .filter(|value| !value.is_nan())
        .fold(f32::INFINITY, f32::min);
    (enter <= leave).then_some(enter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use glam::IVec3;

    fn unit_box() -> Aabb {
        Aabb::spanning(IVec3::ZERO, IVec3::splat(10))
    }

    #[test]
    fn a_ray_straight_at_a_box_enters_at_its_face() {
        let hit = entry_distance(unit_box(), Vec3::new(5.0, 5.0, -20.0), Vec3::Z);
        assert_eq!(hit, Some(20.0));
    }

    #[test]
    fn a_ray_beside_or_away_from_a_box_misses() {
        assert_eq!(
            entry_distance(unit_box(), Vec3::new(15.0, 5.0, -20.0), Vec3::Z),
            None
        );
        assert_eq!(
            entry_distance(unit_box(), Vec3::new(5.0, 5.0, -20.0), -Vec3::Z),
            None
        );
    }

    #[test]
    fn a_ray_starting_inside_enters_at_once() {
        assert_eq!(
            entry_distance(unit_box(), Vec3::splat(5.0), Vec3::X),
            Some(0.0)
        );
    }

    #[test]
    fn a_slanted_ray_meets_the_box() {
        let direction = Vec3::new(1.0, -1.0, 0.0).normalize();
        let hit = entry_distance(unit_box(), Vec3::new(-5.0, 20.0, 5.0), direction);
        // It enters through the top (y = 10) at x = 5.
        let top = (Vec3::new(5.0, 10.0, 5.0) - Vec3::new(-5.0, 20.0, 5.0)).length();
        assert!(
            hit.is_some_and(|hit| (hit - top).abs() < 1e-3),
            "{hit:?}, not {top}"
        );
    }
}
