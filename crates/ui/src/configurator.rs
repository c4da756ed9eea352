//! The configurator's shell: header, side panel, 3D view and status line, and its talk with the scene.

use crate::catalog_menu::CatalogMenu;
use crate::context_loss::{AfterLoss, record_loss, reload_after, when_context_lost};
use crate::embedding::Embedding;
use crate::kiosk::{KioskGuard, kiosk_in_address};
use crate::page_locale::page_locale;
use crate::scene_canvas::{CANVAS_ID, SceneCanvas};
use crate::status_line::StatusLine;
use crate::timeline_marks::{CONFIGURATION_SHOWN, SCENE_STARTED, mark_once};
use crate::ui_text::{ui_count, ui_text};
use crate::workspace::{Summary, Workspace};
use snapkit_bridge::{FromScene, UiEnd};
use snapkit_core::Catalog;
use snapkit_formats::ListedCatalog;
use std::cell::RefCell;
use std::rc::Rc;
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
    /// How many of the catalog's 3D models could not be used (their parts are drawn as boxes).
    #[prop_or_default]
    pub missing_models: usize,
    /// The catalogs the site offers, for the product menu (none: no menu).
    #[prop_or_default]
    pub catalogs: Vec<ListedCatalog>,
}

/// Where the scene's facts about the configuration (taps, drags) go: the workspace of the
/// loaded catalog registers itself here.
#[derive(Clone, Default)]
pub(crate) struct SceneListener(Rc<RefCell<Option<Callback<FromScene>>>>);

impl PartialEq for SceneListener {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl SceneListener {
    /// From now on, facts go to `listener`.
    pub(crate) fn listen(&self, listener: Callback<FromScene>) {
        *self.0.borrow_mut() = Some(listener);
    }

    fn tell(&self, fact: FromScene) {
        let listener = self.0.borrow().clone();
        if let Some(listener) = listener {
            listener.emit(fact);
        }
    }
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
    let listener = use_memo((), |()| SceneListener::default());
    // Once lost, the context is not coming back in this page: that outranks what the scene says.
    let lost = use_state_eq(|| None::<AfterLoss>);
    {
        let lost = lost.setter();
        use_effect_with((), move |()| {
            when_context_lost(CANVAS_ID, move || {
                let after = record_loss();
                web_sys::console::warn_1(&format!("WebGL context lost: {after:?}").into());
                if let AfterLoss::ReloadIn(pause_ms) = after {
                    reload_after(pause_ms);
                }
                lost.set(Some(after));
            });
        });
    }

    {
        let scene = scene.setter();
        let bridge = props.bridge.clone();
        let listener = (*listener).clone();
        use_effect_with((), move |()| {
            spawn_local(async move {
                loop {
                    match bridge.next_fact().await {
                        Some(FromScene::Started) => {
                            mark_once(SCENE_STARTED);
                            scene.set(SceneStatus::Running);
                        }
                        Some(FromScene::SnapshotShown { parts }) => {
                            mark_once(CONFIGURATION_SHOWN);
                            scene.set(SceneStatus::Showing(parts));
                        }
                        Some(fact) => listener.tell(fact),
                        None => {
                            scene.set(SceneStatus::Gone);
                            break;
                        }
                    }
                }
            });
        });
    }

    // The configuration's part count and language, from the workspace: the scene's count may
    // lag behind, and a host page may change the language.
    let shown = use_state_eq(|| Summary {
        parts: 0,
        locale: page_locale(),
        total: String::new(),
    });
    let on_change = {
        let shown = shown.setter();
        Callback::from(move |summary| shown.set(summary))
    };
    let Summary {
        parts,
        locale,
        total,
    } = &*shown;
    // The panels fold away for a bigger 3D view: to the side on a wide screen, down to a strip
    // with the toolbar on a narrow one (a bottom sheet). The total stays in sight either way.
    let panel_open = use_state_eq(|| true);
    let toggle_panel = {
        let panel_open = panel_open.clone();
        Callback::from(move |_| panel_open.set(!*panel_open))
    };
    // The page says which language it is in, for screen readers and the browser.
    use_effect_with(locale.clone(), |locale| {
        if let Some(root) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
        {
            let _ = root.set_attribute("lang", locale.as_str());
        }
    });

    let (status, ready) = match (&props.catalog, *scene) {
        _ if matches!(*lost, Some(AfterLoss::ReloadIn(_))) => {
            (ui_text(locale, "status.restarting-3d"), false)
        }
        _ if *lost == Some(AfterLoss::GiveUp) => (ui_text(locale, "status.3d-given-up"), true),
        (CatalogState::Failed(reason), _) => (reason.to_string(), false),
        (CatalogState::Loading, _) => (ui_text(locale, "status.loading-catalog"), false),
        (_, SceneStatus::Gone) => (ui_text(locale, "status.3d-stopped"), false),
        (_, SceneStatus::Starting) => (ui_text(locale, "status.starting-3d"), false),
        (_, SceneStatus::Running) => (ui_text(locale, "status.drawing"), false),
        (_, SceneStatus::Showing(_)) => {
            let mut status = ui_count(locale, "status.ready", *parts, &[]);
            if props.missing_models > 0 {
                status.push_str(" · ");
                status.push_str(&ui_count(
                    locale,
                    "status.models-missing",
                    props.missing_models,
                    &[],
                ));
            }
            (status, true)
        }
    };
    let subtitle = match &props.catalog {
        CatalogState::Loaded(catalog) => catalog.meta.name.get(locale).to_owned(),
        _ => String::new(),
    };
    // The product menu, in place of the catalog's name, where there is a choice; a shop that
    // embeds the configurator shows one product: no menu there.
    let embedded = use_memo((), |()| Embedding::from_address().is_some());
    let menu = match &props.catalog {
        CatalogState::Loaded(catalog) if !*embedded && props.catalogs.len() > 1 => {
            Some(catalog.meta.id.clone())
        }
        _ => None,
    };

    let kiosk = use_memo((), |()| kiosk_in_address());
    html! {
        <div class={classes!("configurator", (!*panel_open).then_some("panel-closed"))}
             data-ready={ready.to_string()}>
            if let (Some(idle_seconds), CatalogState::Loaded(catalog)) = (*kiosk, &props.catalog) {
                <KioskGuard {idle_seconds} catalog={catalog.clone()} locale={locale.clone()} />
            }
            <header class="app-header">
                <h1 class="product-name">{ "snapkit" }</h1>
                if let Some(current) = menu {
                    <CatalogMenu catalogs={props.catalogs.clone()} {current} locale={locale.clone()} />
                } else {
                    <span class="catalog-name">{ subtitle }</span>
                }
                if !*panel_open && !total.is_empty() {
                    <span class="header-total">{ total.clone() }</span>
                }
                <button class="panel-toggle" aria-controls="side-panel"
                        aria-expanded={panel_open.to_string()} onclick={toggle_panel}>
                    { ui_text(locale, if *panel_open { "panel.hide" } else { "panel.show" }) }
                </button>
            </header>
            <aside class="side-panel" id="side-panel">
                if let CatalogState::Loaded(catalog) = &props.catalog {
                    <Workspace catalog={catalog.clone()} bridge={props.bridge.clone()} {on_change}
                               scene_listener={(*listener).clone()} />
                }
            </aside>
            <main class="scene-area">
                <SceneCanvas on_mounted={props.on_canvas_mounted.clone()}
                             label={ui_text(locale, "scene.label")} />
                if *lost == Some(AfterLoss::GiveUp) {
                    <p class="scene-unavailable">{ ui_text(locale, "scene.unavailable") }</p>
                }
            </main>
            <StatusLine text={status} {ready} />
        </div>
    }
}
