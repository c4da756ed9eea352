//! Finishes: the surface a part is made in (a powder-coat colour, chrome, a fabric).

use crate::{FinishId, LocalizedText};
use serde::{Deserialize, Serialize};

/// An sRGB colour with 8 bits per channel, as catalogs write it (`#rrggbb`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Srgb {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

/// A surface finish with the physical look the scene draws it with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finish {
    /// The finish's id in its catalog.
    pub id: FinishId,
    /// Display name per locale.
    pub name: LocalizedText,
    /// Base colour.
    pub colour: Srgb,
    /// Perceptual roughness, 0 (mirror) to 1 (matte).
    pub roughness: f32,
    /// Metalness, 0 (dielectric) to 1 (metal).
    pub metalness: f32,
}
