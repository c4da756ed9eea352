//! A part's `shape` in a catalog file (one box, or pieces: boxes, upright cylinders and glTF
//! models), and its resolution into core values.

use super::Resolver;
use glam::IVec3;
use schemars::JsonSchema;
use serde::Deserialize;
use snapkit_core::{PartKind, Piece, Primitive, Shape};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Most pieces one shape may have (an 8 × 8 baseplate is a plate and 64 studs).
const MAX_PIECES: usize = 128;

/// Longest model file name.
const MAX_MODEL_FILE_LENGTH: usize = 200;

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub(super) enum RawShape {
    /// Width, height, depth in millimetres; the part's origin is the centre of its bottom face.
    Box([f64; 3]),
    /// Boxes, upright cylinders and models put together, each placed by the centre of its
    /// bottom face.
    Pieces(Vec<RawPiece>),
}

/// One piece: exactly one of `box`, `cylinder` and `model`.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPiece {
    /// Width, height, depth in millimetres.
    #[serde(default, rename = "box")]
    block: Option<[f64; 3]>,
    /// Diameter and height in millimetres; the axis is upright.
    #[serde(default)]
    cylinder: Option<[f64; 2]>,
    /// A glTF model drawn in the part's finish.
    #[serde(default)]
    model: Option<RawModel>,
    /// Where the centre of the piece's bottom face is, in millimetres (default: the origin).
    #[serde(default)]
    at: [f64; 3],
}

/// A binary glTF file beside the catalog, and the box it fills.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawModel {
    /// The `.glb` file, relative to the catalog file, e.g. `models/rolled-arm.glb`: lower-case
    /// letters, digits, `-`, `_` and `.`, folders split by `/`.
    file: String,
    /// Width, height, depth in millimetres of the box the model fills, its bottom face centred
    /// on the piece's origin (metres and Y up in the file). Collisions and rules use this box;
    /// the model must fill it to within a millimetre when it is loaded.
    size: [f64; 3],
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
        let primitive = match (raw.block, raw.cylinder, raw.model) {
            (Some(size), None, None) => Primitive::Box {
                size: self.positive_size(&format!("{path}.box"), size),
            },
            (None, None, Some(model)) => Primitive::Model {
                file: self.model_file(&format!("{path}.model.file"), model.file),
                size: self.positive_size(&format!("{path}.model.size"), model.size),
            },
            (None, Some([diameter, height]), None) => {
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
                    "a piece is a box, a cylinder or a model (give one of them)",
                );
                return None;
            }
        };
        Some(Piece { primitive, at })
    }

    /// A model's file name: a plain relative path ending in `.glb`, nothing that could climb
    /// out of the catalog's folder or reach another site.
    fn model_file(&mut self, path: &str, file: String) -> Arc<str> {
        let plain_segment = |segment: &str| {
            !segment.is_empty()
                && segment != "."
                && segment != ".."
                && segment.bytes().all(|byte| {
                    byte.is_ascii_lowercase()
                        || byte.is_ascii_digit()
                        || matches!(byte, b'-' | b'_' | b'.')
                })
        };
        if file.len() > MAX_MODEL_FILE_LENGTH
            || !file.ends_with(".glb")
            || !file.split('/').all(plain_segment)
        {
            self.problem(
                path,
                format!(
                    "“{}” is not a model file name: a path relative to the catalog ending in \
                     .glb, of lower-case letters, digits, '-', '_', '.' and '/'",
                    file.chars().take(MAX_MODEL_FILE_LENGTH).collect::<String>()
                ),
            );
        }
        file.into()
    }

    /// Each model file fills one box: a file named by two pieces with different sizes would
    /// be drawn wrongly in one of them.
    pub(super) fn model_sizes_agree(&mut self, parts: &[PartKind]) {
        let mut first: BTreeMap<&str, (IVec3, String)> = BTreeMap::new();
        for (part_index, part) in parts.iter().enumerate() {
            for (piece_index, piece) in part.shape.pieces.iter().enumerate() {
                let Primitive::Model { file, size } = &piece.primitive else {
                    continue;
                };
                let path = format!("parts[{part_index}].shape.pieces[{piece_index}].model.size");
                match first.get(file.as_ref()) {
                    Some((declared, declared_at)) if declared != size => self.problem(
                        path,
                        format!("“{file}” is declared with another size at {declared_at}"),
                    ),
                    Some(_) => {}
                    None => {
                        first.insert(file, (*size, path));
                    }
                }
            }
        }
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
