//! The configurator's shell: header, side panel, 3D view and status line, and its talk with the scene.

use crate::catalog_panel::CatalogPanel;
use crate::scene_canvas::SceneCanvas;
use crate::scene_sync::{snapshot_of, starting_session};
use crate::status_line::StatusLine;
use snapkit_bridge::{FromScene, ToScene, UiEnd};
use snapkit_core::{Catalog, Locale};
use std::sync::Arc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Where the catalog is on its way in.
#[derive(Clone, Debug, PartialEq)]
pub enum CatalogState {
    /// Still downloading.
    Loading,
    /// Loaded and checked.
    Loaded(Arc<Catalog>),
    /// Could not be loaded; the message says why, in plain words.
    Failed(AttrValue),
}

/// Properties of [`Configurator`].
#[derive(Properties, PartialEq)]
pub struct ConfiguratorProps {
    /// The product system being configured.
    pub catalog: CatalogState,
    /// The UI's end of the bridge to the scene.
    pub bridge: UiEnd,
    /// Called once when the scene's canvas is in the document: start the scene from here.
    pub on_canvas_mounted: Callback<()>,
}

/// What the scene has told us so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SceneStatus {
    Starting,
    Running,
    Showing(usize),
    Gone,
}

/// The whole configurator page.
#[component]
pub fn Configurator(props: &ConfiguratorProps) -> Html {
    let scene = use_state_eq(|| SceneStatus::Starting);

    {
        let scene = scene.setter();
        let bridge = props.bridge.clone();
        use_effect_with((), move |()| {
            spawn_local(async move {
                loop {
                    match bridge.next_fact().await {
                        Some(FromScene::Started) => scene.set(SceneStatus::Running),
                        Some(FromScene::SnapshotShown { parts }) => {
                            scene.set(SceneStatus::Showing(parts));
                        }
                        None => {
                            scene.set(SceneStatus::Gone);
                            break;
                        }
                    }
                }
            });
        });
    }

    use_effect_with(
        (props.catalog.clone(), props.bridge.clone()),
        |(catalog, bridge)| {
            if let CatalogState::Loaded(catalog) = catalog {
                let session = starting_session(catalog.clone());
                for command in [
                    ToScene::ShowSnapshot(snapshot_of(session.assembly())),
                    ToScene::FitToView,
                ] {
                    if let Err(error) = bridge.send(command) {
                        web_sys::console::warn_1(&format!("3D view not updated: {error}").into());
                    }
                }
            }
        },
    );

    let locale = Locale::english();
    let (status, ready) = match (&props.catalog, *scene) {
        (CatalogState::Failed(reason), _) => (reason.to_string(), false),
        (CatalogState::Loading, _) => ("Loading the catalog…".to_owned(), false),
        (_, SceneStatus::Gone) => ("The 3D view stopped.".to_owned(), false),
        (_, SceneStatus::Starting) => ("Starting the 3D view…".to_owned(), false),
        (_, SceneStatus::Running) => ("Drawing your configuration…".to_owned(), false),
        (_, SceneStatus::Showing(parts)) => (
            format!("Ready · {parts} part{}", if parts == 1 { "" } else { "s" }),
            true,
        ),
    };
    let subtitle = match &props.catalog {
        CatalogState::Loaded(catalog) => catalog.meta.name.get(&locale).to_owned(),
        _ => String::new(),
    };

    html! {
        <div class="configurator" data-ready={ready.to_string()}>
            <header class="app-header">
                <h1 class="product-name">{ "snapkit" }</h1>
                <span class="catalog-name">{ subtitle }</span>
            </header>
            <aside class="side-panel">
                if let CatalogState::Loaded(catalog) = &props.catalog {
                    <CatalogPanel catalog={catalog.clone()} />
                }
            </aside>
            <main class="scene-area">
                <SceneCanvas on_mounted={props.on_canvas_mounted.clone()} />
            </main>
            <StatusLine text={status} {ready} />
        </div>
    }
}
