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

impl Srgb {
    /// The colour in linear light, each channel 0..1 (the sRGB transfer function undone), as
    /// renderers and glTF's `baseColorFactor` want it.
    pub fn to_linear(self) -> [f32; 3] {
        [self.r, self.g, self.b].map(|channel| {
            let encoded = f32::from(channel) / 255.0;
            if encoded <= 0.04045 {
                encoded / 12.92
            } else {
                ((encoded + 0.055) / 1.055).powf(2.4)
            }
        })
    }
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
    /// How much light the surface stops, 1 (opaque) down to 0 (invisible): below 1 for glass.
    pub opacity: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_light_keeps_black_and_white_and_darkens_the_middle() {
        assert_eq!(Srgb { r: 0, g: 0, b: 0 }.to_linear(), [0.0; 3]);
        assert_eq!(
            Srgb {
                r: 255,
                g: 255,
                b: 255
            }
            .to_linear(),
            [1.0; 3]
        );
        let [grey, _, _] = Srgb {
            r: 128,
            g: 128,
            b: 128,
        }
        .to_linear();
        assert!((grey - 0.2158).abs() < 1e-3, "{grey}");
    }
}
