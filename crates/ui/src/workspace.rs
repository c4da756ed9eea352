//! The panels of a loaded catalog around one configuration: catalog, rules, price; and the
//! snapshots that keep the scene showing what the configuration is.

use crate::catalog_panel::CatalogPanel;
use crate::configuration::{Configuration, ConfigurationAction};
use crate::price_panel::PricePanel;
use crate::rules_panel::RulesPanel;
use crate::scene_sync::{snapshot_of, starting_session};
use snapkit_bridge::{ToScene, UiEnd};
use snapkit_core::{Catalog, Locale};
use std::sync::Arc;
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
        use_reducer(move || Configuration::new(starting_session(catalog), Locale::english()))
    };

    {
        let bridge = props.bridge.clone();
        let on_parts = props.on_parts.clone();
        let state = configuration.clone();
        use_effect_with(configuration.revision, move |_| {
            let assembly = state.session.assembly();
            on_parts.emit(assembly.len());
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
        Callback::from(move |_: MouseEvent| configuration.dispatch(action.clone()))
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
    html! {
        <>
            <div class="toolbar" role="toolbar" aria-label="History">
                <button class="undo" disabled={!session.can_undo()}
                        onclick={dispatch(ConfigurationAction::Undo)}>{ "Undo" }</button>
                <button class="redo" disabled={!session.can_redo()}
                        onclick={dispatch(ConfigurationAction::Redo)}>{ "Redo" }</button>
            </div>
            if let Some(notice) = &configuration.notice {
                <p class="notice" role="alert">{ notice.clone() }</p>
            }
            <PricePanel bill={configuration.bill.clone()} catalog={props.catalog.clone()}
                        locale={configuration.locale.clone()} />
            <RulesPanel violations={configuration.violations.clone()}
                        currency={configuration.bill.currency.clone()}
                        locale={configuration.locale.clone()} {on_repair} />
            <CatalogPanel catalog={props.catalog.clone()} locale={configuration.locale.clone()}
                          {on_add} />
        </>
    }
}
