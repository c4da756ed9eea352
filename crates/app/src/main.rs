//! snapkit-app: the wasm binary. Composition root: loads the catalog, mounts the UI,
//! and starts the 3D scene once the UI has put its canvas in the page.

mod catalog_source;
mod console_warnings;
mod root;

fn main() {
    snapkit_ui::install_panic_screen();
    console_warnings::install();
    yew::Renderer::<root::Root>::new().render();
}
