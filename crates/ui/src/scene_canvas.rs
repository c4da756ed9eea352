//! The `<canvas>` the 3D scene draws into: mounted once, never re-created.

use yew::prelude::*;

/// The id of the canvas element the scene renders into.
pub const CANVAS_ID: &str = "snapkit-canvas";

/// Properties of [`SceneCanvas`].
#[derive(Properties, PartialEq)]
pub(crate) struct SceneCanvasProps {
    /// Called once, after the canvas is in the document.
    pub on_mounted: Callback<()>,
}

/// A container-sized canvas. The scene starts from `on_mounted`, because it looks the
/// canvas up exactly once, when it starts.
#[component]
pub(crate) fn SceneCanvas(props: &SceneCanvasProps) -> Html {
    let on_mounted = props.on_mounted.clone();
    use_effect_with((), move |()| on_mounted.emit(()));
    html! {
        <div class="scene-frame">
            <canvas id={CANVAS_ID} aria-label="3D view of your configuration" tabindex="0"></canvas>
        </div>
    }
}
