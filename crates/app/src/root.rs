//! The root component: owns the bridge, loads the catalog, and starts the scene exactly once.

use crate::catalog_source::{fetch_catalog_and_models, fetch_catalog_list, requested_catalog_id};
use snapkit_bridge::SceneEnd;
use snapkit_ui::{CANVAS_ID, CatalogState, Configurator};
use std::cell::RefCell;
use std::sync::Arc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The page: the configurator for the catalog the URL asks for.
#[component]
pub(crate) fn Root() -> Html {
    let catalog = use_state(|| CatalogState::Loading);
    let missing_models = use_state(|| 0_usize);
    let catalogs = use_state(Vec::new);
    let bridge = use_memo((), |()| {
        let (ui, scene) = snapkit_bridge::connect();
        (ui, RefCell::new(Some(scene)))
    });

    {
        let catalog = catalog.setter();
        let missing_models = missing_models.setter();
        let catalogs = catalogs.setter();
        use_effect_with((), move |()| {
            // The menu's list comes beside the catalog, not before it.
            spawn_local(async move { catalogs.set(fetch_catalog_list().await) });
            spawn_local(async move {
                let loaded = match requested_catalog_id() {
                    Ok(id) => fetch_catalog_and_models(&id).await,
                    Err(reason) => Err(reason),
                };
                catalog.set(match loaded {
                    Ok((loaded, model_problems)) => {
                        for problem in &model_problems {
                            web_sys::console::error_1(&problem.into());
                        }
                        missing_models.set(model_problems.len());
                        CatalogState::Loaded(Arc::new(loaded))
                    }
                    Err(reason) => {
                        web_sys::console::error_1(&reason.clone().into());
                        CatalogState::Failed(reason.into())
                    }
                });
            });
        });
    }

    let on_canvas_mounted = {
        let bridge = bridge.clone();
        Callback::from(move |()| {
            // Taking the scene's end makes a second start impossible.
            let scene_end: Option<SceneEnd> = bridge.1.borrow_mut().take();
            if let Some(scene_end) = scene_end {
                snapkit_scene::run_in_canvas(&format!("#{CANVAS_ID}"), scene_end);
            }
        })
    };

    html! {
        <Configurator catalog={(*catalog).clone()} bridge={bridge.0.clone()} {on_canvas_mounted}
                      missing_models={*missing_models} catalogs={(*catalogs).clone()} />
    }
}
