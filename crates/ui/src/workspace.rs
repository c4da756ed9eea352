//! The panels of a loaded catalog around one configuration: catalog, rules, price; and the
//! snapshots that keep the scene showing what the configuration is.

use crate::catalog_panel::CatalogPanel;
use crate::configuration::ConfigurationAction;
use crate::order_export::export_order;
use crate::price_panel::PricePanel;
use crate::rules_panel::RulesPanel;
use crate::scene_sync::snapshot_of;
use crate::share_link::{opening_configuration, show_in_address};
use crate::toolbar::Toolbar;
use snapkit_bridge::{ToScene, UiEnd};
use snapkit_core::rules::is_orderable;
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
        use_reducer(move || opening_configuration(catalog, Locale::english()))
    };

    {
        let bridge = props.bridge.clone();
        let on_parts = props.on_parts.clone();
        let state = configuration.clone();
        use_effect_with(configuration.revision, move |_| {
            let assembly = state.session.assembly();
            on_parts.emit(assembly.len());
            show_in_address(assembly);
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
        Callback::from(move |()| {
            let notice = export_order(&configuration);
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
