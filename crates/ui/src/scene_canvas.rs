//! The `<canvas>` the 3D scene draws into: mounted once, never re-created.

use glam::Vec2;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

/// The id of the canvas element the scene renders into.
pub const CANVAS_ID: &str = "snapkit-canvas";

/// Properties of [`SceneCanvas`].
#[derive(Properties, PartialEq)]
pub(crate) struct SceneCanvasProps {
    /// Called once, after the canvas is in the document.
    pub on_mounted: Callback<()>,
    /// What the canvas shows, for screen readers.
    pub label: AttrValue,
}

/// A container-sized canvas. The scene starts from `on_mounted`, because it looks the
/// canvas up exactly once, when it starts.
#[component]
pub(crate) fn SceneCanvas(props: &SceneCanvasProps) -> Html {
    let on_mounted = props.on_mounted.clone();
    let frame = use_node_ref();
    {
        let frame = frame.clone();
        use_effect_with((), move |()| {
            if let Some(frame) = frame.cast::<web_sys::Element>() {
                let_tab_leave(&frame);
            }
            on_mounted.emit(());
        });
    }
    html! {
        <div class="scene-frame" ref={frame}>
            <canvas id={CANVAS_ID} aria-label={props.label.clone()} tabindex="0"></canvas>
        </div>
    }
}

/// Keeps the Tab key away from the scene, so it moves the focus on instead of being swallowed:
/// the scene's window cancels the browser's default of every key it hears (F5, Ctrl+R), which
/// would trap a keyboard user in the canvas. Heard on the canvas's frame before the canvas.
fn let_tab_leave(frame: &web_sys::Element) {
    let listener = Closure::<dyn Fn(KeyboardEvent)>::new(|event: KeyboardEvent| {
        if event.key() == "Tab" {
            event.stop_propagation();
        }
    });
    let added = frame.add_event_listener_with_callback_and_bool(
        "keydown",
        listener.as_ref().unchecked_ref(),
        true,
    );
    if added.is_ok() {
        // The canvas lives as long as the page, and so does this listener.
        listener.forget();
    }
}

/// The canvas's top-left corner and size, in client pixels; `None` before it is mounted.
fn canvas_rect() -> Option<(Vec2, Vec2)> {
    let rect = web_sys::window()?
        .document()?
        .get_element_by_id(CANVAS_ID)?
        .get_bounding_client_rect();
    Some((
        Vec2::new(rect.left() as f32, rect.top() as f32),
        Vec2::new(rect.width() as f32, rect.height() as f32),
    ))
}

/// A client point as pixels from the canvas's top-left corner; `None` when it is off the canvas.
pub(crate) fn point_on_canvas(client: Vec2) -> Option<Vec2> {
    let (origin, size) = canvas_rect()?;
    let local = client - origin;
    (local.cmpge(Vec2::ZERO).all() && local.cmplt(size).all()).then_some(local)
}

/// A point given from the canvas's top-left corner, in client pixels.
pub(crate) fn client_point_of(on_canvas: Vec2) -> Vec2 {
    canvas_rect().map_or(on_canvas, |(origin, _)| origin + on_canvas)
}
