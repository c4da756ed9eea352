//! Small pictures drawn from the catalog's own shapes, for the panels: a part kind in its first
//! finish, or a preset's parts in theirs, seen from the front right and above, flat-shaded,
//! as SVG. Nothing is rendered ahead or downloaded; a catalog change redraws them.

use glam::{Quat, Vec2, Vec3};
use snapkit_core::shape_mesh::{TriangleMesh, UM_PER_METRE};
use snapkit_core::{Catalog, PartKind, PlacedPart, Srgb};
use std::collections::HashMap;
use std::fmt::Write;

/// Sides of a drawn cylinder: round enough at thumbnail size.
const CYLINDER_SIDES: u32 = 16;
/// The colour of a part whose finish the catalog does not know: a neutral grey.
const UNKNOWN_FINISH: Srgb = Srgb {
    r: 160,
    g: 160,
    b: 160,
};
/// The picture's width and height in SVG units.
const VIEW: f32 = 100.0;

/// Where the viewer looks from (towards the origin): front right, above.
fn towards_viewer() -> Vec3 {
    Vec3::ONE.normalize()
}

/// The screen's right and up, seen from [`towards_viewer`].
fn screen_axes() -> (Vec3, Vec3) {
    (
        Vec3::new(1.0, 0.0, -1.0).normalize(),
        Vec3::new(-1.0, 2.0, -1.0).normalize(),
    )
}

/// Where the light comes from: above, a little right and in front.
fn towards_light() -> Vec3 {
    Vec3::new(0.3, 1.0, 0.6).normalize()
}

/// One triangle on screen, with how near it is and its shaded colour.
struct Facet {
    corners: [Vec2; 3],
    nearness: f32,
    fill: [u8; 3],
}

/// Collects the visible triangles of placed meshes.
#[derive(Default)]
struct Drawing {
    facets: Vec<Facet>,
}

impl Drawing {
    /// Adds `mesh` (metres, about its part's origin) turned by `rotation`, moved by `offset`
    /// metres, in `colour`; triangles facing away are left out.
    fn add(&mut self, mesh: &TriangleMesh, rotation: Quat, offset: Vec3, colour: Srgb) {
        let (right, up) = screen_axes();
        for triangle in mesh.indices.chunks_exact(3) {
            let Some(world) = triangle
                .iter()
                .map(|&at| {
                    mesh.positions
                        .get(at as usize)
                        .map(|&p| rotation * Vec3::from_array(p) + offset)
                })
                .collect::<Option<Vec<Vec3>>>()
            else {
                continue;
            };
            let normal = (world[1] - world[0])
                .cross(world[2] - world[0])
                .normalize_or_zero();
            if normal.dot(towards_viewer()) <= 0.0 {
                continue;
            }
            let lit = normal.dot(towards_light()).max(0.0);
            // Diffuse light, plus a sheen that keeps the faces of a black part apart.
            let shade = |channel: u8| {
                (f32::from(channel) * (0.5 + 0.5 * lit) + 56.0 * lit * lit)
                    .round()
                    .min(255.0) as u8
            };
            self.facets.push(Facet {
                corners: [0, 1, 2].map(|at| Vec2::new(world[at].dot(right), -world[at].dot(up))),
                nearness: world.iter().map(|p| p.dot(towards_viewer())).sum::<f32>() / 3.0,
                fill: [shade(colour.r), shade(colour.g), shade(colour.b)],
            });
        }
    }

    /// The drawing as an SVG document fitted to a square, farthest triangles first; `None`
    /// when nothing is visible.
    fn svg(mut self) -> Option<String> {
        let corners = || self.facets.iter().flat_map(|facet| facet.corners);
        let low = corners().reduce(Vec2::min)?;
        let high = corners().reduce(Vec2::max)?;
        let scale = VIEW * 0.92 / (high - low).max_element().max(f32::EPSILON);
        let margin = (Vec2::splat(VIEW) - (high - low) * scale) / 2.0;
        self.facets
            .sort_by(|a, b| a.nearness.total_cmp(&b.nearness));
        let mut svg =
            format!("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {VIEW} {VIEW}'>");
        let mut open: Option<[u8; 3]> = None;
        for facet in &self.facets {
            if open != Some(facet.fill) {
                if open.is_some() {
                    svg.push_str("'/>");
                }
                let [r, g, b] = facet.fill;
                // The outline in the fill's colour closes the hairlines between triangles.
                let _ = write!(
                    svg,
                    "<path fill='rgb({r},{g},{b})' stroke='rgb({r},{g},{b})' stroke-width='0.4' \
                     stroke-linejoin='round' d='"
                );
                open = Some(facet.fill);
            }
            for (at, corner) in facet.corners.iter().enumerate() {
                let point = (*corner - low) * scale + margin;
                let _ = write!(
                    svg,
                    "{}{:.1} {:.1}",
                    if at == 0 { "M" } else { "L" },
                    point.x,
                    point.y
                );
            }
            svg.push('Z');
        }
        svg.push_str("'/></svg>");
        Some(svg)
    }
}

/// The colour of `finish` in `catalog`, or a neutral grey for an unknown one.
fn colour_of(catalog: &Catalog, finish: &snapkit_core::FinishId) -> Srgb {
    catalog
        .finish(finish)
        .map_or(UNKNOWN_FINISH, |finish| finish.colour)
}

/// `kind` in its first finish, as an SVG document.
pub(crate) fn part_picture(catalog: &Catalog, kind: &PartKind) -> Option<String> {
    let mut drawing = Drawing::default();
    let colour = kind
        .finishes
        .first()
        .map_or(UNKNOWN_FINISH, |finish| colour_of(catalog, finish));
    drawing.add(
        &kind.shape.mesh_in_metres(CYLINDER_SIDES, &catalog.models),
        Quat::IDENTITY,
        Vec3::ZERO,
        colour,
    );
    drawing.svg()
}

/// `parts` (a preset) as placed, each in its finish, as an SVG document.
pub(crate) fn assembly_picture(catalog: &Catalog, parts: &[PlacedPart]) -> Option<String> {
    let mut meshes: HashMap<&str, TriangleMesh> = HashMap::new();
    let mut drawing = Drawing::default();
    for part in parts {
        let Some(kind) = catalog.part(&part.kind) else {
            continue;
        };
        let mesh = meshes
            .entry(kind.id.as_str())
            .or_insert_with(|| kind.shape.mesh_in_metres(CYLINDER_SIDES, &catalog.models));
        drawing.add(
            mesh,
            Quat::from_array(part.placement.rotation.to_quaternion()),
            part.placement.translation.as_vec3() / UM_PER_METRE,
            colour_of(catalog, &part.finish),
        );
    }
    drawing.svg()
}

/// An SVG document as a `data:` URL for an `<img>`.
pub(crate) fn data_url(svg: &str) -> String {
    format!(
        "data:image/svg+xml,{}",
        String::from(js_sys::encode_uri_component(svg))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use glam::IVec3;
    use snapkit_core::shape::Shape;

    /// The demo shelving catalog with its first kind made a plain box of `size` micrometres.
    fn shelving_with_a_box(size: [i32; 3]) -> Catalog {
        let mut catalog =
            snapkit_formats::load_catalog(include_str!("../../../assets/catalogs/shelving.json"))
                .expect("the demo catalog loads");
        catalog.parts[0].shape = Shape::block(IVec3::from_array(size));
        catalog
    }

    fn triangles(svg: &str) -> usize {
        svg.matches('M').count()
    }

    #[test]
    fn a_box_shows_its_three_faces_towards_the_viewer_in_three_shades() {
        let catalog = shelving_with_a_box([750_000, 350_000, 350_000]);
        let svg = part_picture(&catalog, &catalog.parts[0]).expect("a picture");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{svg}");
        assert_eq!(
            triangles(&svg),
            6,
            "top, front and right: two triangles each"
        );
        let shades: std::collections::BTreeSet<&str> = svg
            .split("fill='")
            .skip(1)
            .filter_map(|rest| rest.split('\'').next())
            .collect();
        assert_eq!(shades.len(), 3, "one shade per face: {svg}");
    }

    #[test]
    fn the_picture_fills_its_square_whatever_the_size_of_the_part() {
        for size in [[8_000, 9_600, 16_000], [3_000_000, 700_000, 900_000]] {
            let catalog = shelving_with_a_box(size);
            let svg = part_picture(&catalog, &catalog.parts[0]).expect("a picture");
            let numbers: Vec<f32> = svg
                .split(['M', 'L', 'Z', ' ', '\''])
                .filter_map(|word| word.parse().ok())
                .collect();
            assert!(numbers.iter().all(|n| (0.0..=VIEW).contains(n)), "{svg}");
            let widest = numbers.iter().copied().fold(0.0f32, f32::max);
            assert!(widest > 90.0, "it fills the square: {svg}");
        }
    }

    #[test]
    fn a_preset_draws_the_visible_faces_of_each_of_its_parts() {
        let catalog = shelving_with_a_box([350_000, 350_000, 350_000]);
        let boxes_only = &catalog.parts[0].id;
        let preset = catalog
            .presets
            .iter()
            .find(|preset| preset.parts.iter().all(|part| &part.kind == boxes_only))
            .expect("a design of the first kind alone");
        let picture = assembly_picture(&catalog, &preset.parts).expect("a picture");
        assert_eq!(triangles(&picture), 6 * preset.parts.len(), "{picture}");
        assert_eq!(assembly_picture(&catalog, &[]), None);
    }
}
