//! Caps the canvas's device pixel ratio so a high-DPI tablet never gets a huge drawing buffer.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;

/// Highest device pixel ratio the canvas is drawn at.
pub const MAX_PIXEL_RATIO: f32 = 2.0;
/// Widest (or tallest) the canvas's drawing buffer may be, in physical pixels.
pub const MAX_CANVAS_SIDE_PX: f32 = 4096.0;

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(First, cap_pixel_ratio);
}

/// The pixel ratio to draw at for a window of this logical size on a display of this ratio.
pub(crate) fn capped_pixel_ratio(display_ratio: f32, logical_size: Vec2) -> f32 {
    let longest_side = logical_size.max_element().max(1.0);
    display_ratio
        .min(MAX_PIXEL_RATIO)
        .min(MAX_CANVAS_SIDE_PX / longest_side)
}

fn cap_pixel_ratio(mut window: Single<&mut Window, With<PrimaryWindow>>) {
    let resolution = &window.resolution;
    let logical = Vec2::new(resolution.width(), resolution.height());
    let wanted = capped_pixel_ratio(resolution.base_scale_factor(), logical);
    let current = resolution.scale_factor_override();
    if current.is_none_or(|ratio| (ratio - wanted).abs() > 0.01) {
        window.resolution.set_scale_factor_override(Some(wanted));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn high_dpi_tablets_are_capped_at_two() {
        assert_eq!(capped_pixel_ratio(3.0, Vec2::new(1024.0, 768.0)), 2.0);
        assert_eq!(capped_pixel_ratio(1.0, Vec2::new(1024.0, 768.0)), 1.0);
    }

    #[test]
    fn no_side_exceeds_the_maximum_buffer_size() {
        let ratio = capped_pixel_ratio(2.0, Vec2::new(2560.0, 1440.0));
        assert!(2560.0 * ratio <= MAX_CANVAS_SIDE_PX);
    }
}
