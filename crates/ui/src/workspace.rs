//! The panels of a loaded catalog around one configuration: catalog, rules, price; and the
//! snapshots that keep the scene showing what the configuration is.

use crate::catalog_panel::CatalogPanel;
use crate::configuration::ConfigurationAction;
use crate::embedding::Embedding;
use crate::order_export::{export_order, make_order};
use crate::page_locale::locale_in_address;
use crate::price_panel::PricePanel;
use crate::rules_panel::RulesPanel;
use crate::scene_sync::snapshot_of;
use crate::share_link::{opening_configuration, show_in_address};
use crate::toolbar::Toolbar;
use snapkit_bridge::{ToScene, UiEnd};
use snapkit_core::Catalog;
use snapkit_core::rules::is_orderable;
use snapkit_formats::embed_protocol::EmbedEvent;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Properties of [`Workspace`].
#[derive(Properties, PartialEq)]
pub(crate) struct WorkspaceProps {
    /// The loaded catalog.
    pub catalog: Arc<Catalog>,
    /// The UI's end of the bridge to the scene.
    pub bridge: UiEnd,
    /// Told the number of parts after every change, for the status line.
    pub on_parts: Callback<usize>,
}

/// Owns the configuration of one catalog and lays out its panels.
#[component]
pub(crate) fn Workspace(props: &WorkspaceProps) -> Html {
    let configuration = {
        let catalog = props.catalog.clone();
        use_reducer(move || opening_configuration(catalog, locale_in_address()))
    };
    let embedding = use_memo((), |()| Embedding::from_address());
    // The message listener lives as long as the workspace; it reads the newest state here.
    let latest = use_mut_ref(|| configuration.clone());
    *latest.borrow_mut() = configuration.clone();

    {
        let embedding = embedding.clone();
        let latest = latest.clone();
        let catalog = props.catalog.clone();
        use_effect_with((), move |()| {
            let window = web_sys::window();
            let listener = embedding.as_ref().as_ref().map(|embedded| {
                embedded.post(&EmbedEvent::Ready {
                    catalog: catalog.meta.id.clone(),
                    version: catalog.meta.version.clone(),
                });
                let embedding = embedding.clone();
                Closure::<dyn Fn(web_sys::MessageEvent)>::new(
                    move |event: web_sys::MessageEvent| {
                        // The page's own messages (scheduling inside libraries) are not commands.
                        let from_self = event.source().map(JsValue::from)
                            == web_sys::window().map(JsValue::from);
                        if let Some(embedded) = embedding.as_ref()
                            && !from_self
                        {
                            embedded.receive(&event.origin(), &event.data(), &latest, &catalog);
                        }
                    },
                )
            });
            if let (Some(window), Some(listener)) = (&window, &listener)
                && let Err(error) = window
                    .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref())
            {
                web_sys::console::warn_1(&error);
            }
            move || {
                if let (Some(window), Some(listener)) = (window, listener) {
                    let _ = window.remove_event_listener_with_callback(
                        "message",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    {
        let bridge = props.bridge.clone();
        let on_parts = props.on_parts.clone();
        let state = configuration.clone();
        let embedding = embedding.clone();
        use_effect_with(configuration.revision, move |_| {
            let assembly = state.session.assembly();
            on_parts.emit(assembly.len());
            show_in_address(assembly);
            if let Some(embedded) = embedding.as_ref() {
                embedded.post(&Embedding::change(&state));
            }
            let mut commands = vec![ToScene::ShowSnapshot(snapshot_of(assembly))];
            if state.frame_all {
                commands.push(ToScene::FitToView);
            }
            for command in commands {
                if let Err(error) = bridge.send(command) {
                    web_sys::console::warn_1(&format!("3D view not updated: {error}").into());
                }
            }
        });
    }

    let dispatch = |action: ConfigurationAction| {
        let configuration = configuration.clone();
        Callback::from(move |()| configuration.dispatch(action.clone()))
    };
    let on_order = {
        let configuration = configuration.clone();
        let embedding = embedding.clone();
        Callback::from(move |()| {
            // Embedded, the order goes to the shop around the configurator; alone, to a file.
            let notice = match embedding.as_ref() {
                Some(embedded) => match make_order(&configuration) {
                    Ok(order) => {
                        let id = order.configuration_id.clone();
                        embedded.post(&EmbedEvent::Order {
                            order: Box::new(order),
                        });
                        format!("Order {id} sent to the shop.")
                    }
                    Err(reason) => reason,
                },
                None => export_order(&configuration),
            };
            configuration.dispatch(ConfigurationAction::Notify(notice));
        })
    };
    let on_notice = {
        let configuration = configuration.clone();
        Callback::from(move |notice| configuration.dispatch(ConfigurationAction::Notify(notice)))
    };
    let on_add = {
        let configuration = configuration.clone();
        Callback::from(move |kind| configuration.dispatch(ConfigurationAction::Add(kind)))
    };
    let on_repair = {
        let configuration = configuration.clone();
        Callback::from(move |edit| configuration.dispatch(ConfigurationAction::Apply(edit)))
    };
    let session = &configuration.session;
    let orderable = !session.assembly().is_empty() && is_orderable(&configuration.violations);
    html! {
        <>
            <Toolbar can_undo={session.can_undo()} can_redo={session.can_redo()} {orderable}
                     on_undo={dispatch(ConfigurationAction::Undo)}
                     on_redo={dispatch(ConfigurationAction::Redo)}
                     {on_order} {on_notice} />
            if let Some(notice) = &configuration.notice {
                <p class="notice" role="alert">{ notice.clone() }</p>
            }
            <PricePanel bill={configuration.bill.clone()} catalog={props.catalog.clone()}
                        locale={configuration.locale.clone()} />
            <RulesPanel violations={configuration.violations.clone()}
                        currency={configuration.bill.currency.clone()}
                        locale={configuration.locale.clone()} {on_repair} />
            <CatalogPanel catalog={props.catalog.clone()} locale={configuration.locale.clone()}
                          fits={if session.assembly().is_empty() { Vec::new() } else { configuration.fits.clone() }}
                          {on_add} />
        </>
    }
}
