//! A part's `shape` in a catalog file (one box, or pieces: boxes and upright cylinders), and
//! its resolution into core values.

use super::Resolver;
use glam::IVec3;
use schemars::JsonSchema;
use serde::Deserialize;
use snapkit_core::{Piece, Primitive, Shape};

/// Most pieces one shape may have.
const MAX_PIECES: usize = 64;

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub(super) enum RawShape {
    /// Width, height, depth in millimetres; the part's origin is the centre of its bottom face.
    Box([f64; 3]),
    /// Boxes and upright cylinders put together, each placed by the centre of its bottom face.
    Pieces(Vec<RawPiece>),
}

/// One piece: exactly one of `box` and `cylinder`.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPiece {
    /// Width, height, depth in millimetres.
    #[serde(default, rename = "box")]
    block: Option<[f64; 3]>,
    /// Diameter and height in millimetres; the axis is upright.
    #[serde(default)]
    cylinder: Option<[f64; 2]>,
    /// Where the centre of the piece's bottom face is, in millimetres (default: the origin).
    #[serde(default)]
    at: [f64; 3],
}

impl Resolver {
    /// The shape at `path` (`parts[i].shape`), every problem with it reported.
    pub(super) fn shape(&mut self, path: &str, raw: RawShape) -> Shape {
        match raw {
            RawShape::Box(size) => {
                let size = self.positive_size(&format!("{path}.box"), size);
                Shape::block(size)
            }
            RawShape::Pieces(pieces) => {
                let path = format!("{path}.pieces");
                if pieces.is_empty() {
                    self.problem(path.clone(), "needs at least one piece");
                }
                if pieces.len() > MAX_PIECES {
                    self.problem(
                        path.clone(),
                        format!("{} pieces; the limit is {MAX_PIECES}", pieces.len()),
                    );
                }
                let pieces = pieces
                    .into_iter()
                    .take(MAX_PIECES)
                    .enumerate()
                    .filter_map(|(index, piece)| self.piece(&format!("{path}[{index}]"), piece))
                    .collect();
                Shape { pieces }
            }
        }
    }

    fn piece(&mut self, path: &str, raw: RawPiece) -> Option<Piece> {
        let at = self.point(&format!("{path}.at"), raw.at);
        let primitive = match (raw.block, raw.cylinder) {
            (Some(size), None) => Primitive::Box {
                size: self.positive_size(&format!("{path}.box"), size),
            },
            (None, Some([diameter, height])) => {
                let size =
                    self.positive_size(&format!("{path}.cylinder"), [diameter, height, diameter]);
                Primitive::Cylinder {
                    diameter: size.x,
                    height: size.y,
                }
            }
            _ => {
                self.problem(
                    path,
                    "a piece is either a box or a cylinder (give one of them)",
                );
                return None;
            }
        };
        Some(Piece { primitive, at })
    }

    /// A size in millimetres whose every side must be positive.
    fn positive_size(&mut self, path: &str, mm: [f64; 3]) -> IVec3 {
        let size = self.point(path, mm);
        if size.min_element() <= 0 {
            self.problem(path, "every side must be a positive number of millimetres");
        }
        size
    }
}
