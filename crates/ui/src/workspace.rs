//! The panels of a loaded catalog around one configuration: catalog, inspector, rules, price;
//! the snapshots that keep the scene showing what the configuration is; and the scene's taps
//! and drags turned into actions on it.

use crate::autosave;
use crate::catalog_panel::{CatalogPanel, PanelDrag};
use crate::configuration::{Configuration, ConfigurationAction};
use crate::configurator::SceneListener;
use crate::drag_hint::{DragHint, refusal_text};
use crate::edit_names::edit_name;
use crate::embedding::Embedding;
use crate::inspector::Inspector;
use crate::kept_selection;
use crate::model_export::export_model;
use crate::money::format_money;
use crate::open_spots::OpenSpots;
use crate::order_export::{deliver_order, make_order};
use crate::order_review::OrderReview;
use crate::page_locale::page_locale;
use crate::part_chooser::PartChooser;
use crate::price_panel::PricePanel;
use crate::restore_offer::{RestoreOffer, restored_notice};
use crate::rules_panel::RulesPanel;
use crate::scene_canvas::{client_point_of, point_on_canvas};
use crate::share_link::{opening_configuration, show_in_address};
use crate::toolbar::Toolbar;
use crate::ui_text::{phrase, ui_text_with};
use glam::Vec2;
use snapkit_bridge::{
    DragCommand, DragOutcome, DragPreview, FromScene, PartMark, SceneSnapshot, ToScene, UiEnd,
};
use snapkit_core::rules::is_orderable;
use snapkit_core::{Catalog, ConnectorId, Edit, Locale, PartId, Severity};
use snapkit_formats::OrderDocument;
use snapkit_formats::embed_protocol::EmbedEvent;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// What the page around the panels shows of the configuration.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Summary {
    /// How many parts it has.
    pub parts: usize,
    /// The customer's language.
    pub locale: Locale,
    /// Its total price, formatted.
    pub total: String,
}

/// Properties of [`Workspace`].
#[derive(Properties, PartialEq)]
pub(crate) struct WorkspaceProps {
    /// The loaded catalog.
    pub catalog: Arc<Catalog>,
    /// The UI's end of the bridge to the scene.
    pub bridge: UiEnd,
    /// Told the configuration's summary after every change, for the status line and header.
    pub on_change: Callback<Summary>,
    /// Where the scene's taps and drags arrive.
    pub scene_listener: SceneListener,
}

/// Sends `command` to the scene; a full or closed bridge only costs the 3D view an update.
fn tell_scene(bridge: &UiEnd, command: ToScene) {
    if let Err(error) = bridge.send(command) {
        web_sys::console::warn_1(&format!("3D view not updated: {error}").into());
    }
}

/// How each part stands out in the scene: the selection first, then errors, then warnings.
fn marks_of(configuration: &Configuration) -> BTreeMap<PartId, PartMark> {
    let mut marks = BTreeMap::new();
    let mut violations: Vec<_> = configuration.violations.iter().collect();
    // Warnings first, so an error on the same part overwrites them.
    violations.sort_by_key(|violation| std::cmp::Reverse(violation.severity));
    for violation in violations {
        let mark = match violation.severity {
            Severity::Error => PartMark::Error,
            Severity::Warning => PartMark::Warning,
        };
        for part in &violation.parts {
            marks.insert(*part, mark);
        }
    }
    if let Some(selected) = configuration.selected {
        marks.insert(selected, PartMark::Selected);
    }
    marks
}

/// The hint beside the pointer while a drag is refused there, if it is.
fn hint_for(preview: &DragPreview, configuration: &Configuration) -> Option<(Vec2, String)> {
    let pointer = preview.pointer?;
    let reason = preview.refusals.first()?;
    Some((
        client_point_of(pointer),
        refusal_text(reason, configuration),
    ))
}

/// Owns the configuration of one catalog and lays out its panels.
#[component]
pub(crate) fn Workspace(props: &WorkspaceProps) -> Html {
    let configuration = {
        let catalog = props.catalog.clone();
        use_reducer(move || {
            let mut opening = opening_configuration(catalog, page_locale());
            opening.selected = kept_selection::recall(opening.session.assembly());
            opening
        })
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
        let on_change = props.on_change.clone();
        let state = configuration.clone();
        let embedding = embedding.clone();
        use_effect_with(configuration.revision, move |_| {
            let assembly = state.session.assembly();
            on_change.emit(Summary {
                parts: assembly.len(),
                locale: state.locale.clone(),
                total: format_money(state.bill.total, &state.bill.currency, &state.locale),
            });
            show_in_address(assembly);
            // Every change is saved at once; the configuration as opened is not, so that a
            // save offered back is kept until the customer changes something.
            if state.revision > 0 {
                autosave::save(&state.session);
            }
            if let Some(embedded) = embedding.as_ref() {
                embedded.post(&Embedding::change(&state));
            }
        });
    }
    {
        // Every change, and every change of selection, is drawn; an added part is framed. A
        // previewed repair is drawn as it would leave the configuration, its parts in view.
        let bridge = props.bridge.clone();
        let state = configuration.clone();
        use_effect_with(
            (
                configuration.revision,
                configuration.selected,
                configuration.previewed.clone(),
            ),
            move |_| {
                kept_selection::remember(state.session.assembly(), state.selected);
                let assembly = state.session.assembly();
                let marks = marks_of(&state);
                let preview = state
                    .previewed
                    .as_ref()
                    .and_then(|edit| SceneSnapshot::preview(assembly, edit, &marks));
                match preview {
                    Some(preview) => {
                        let changing = preview.changing();
                        tell_scene(&bridge, ToScene::ShowSnapshot(preview));
                        tell_scene(&bridge, ToScene::Focus(changing));
                    }
                    None => {
                        tell_scene(
                            &bridge,
                            ToScene::ShowSnapshot(SceneSnapshot::of(assembly, &marks)),
                        );
                        if state.frame_all {
                            tell_scene(&bridge, ToScene::FitToView);
                        }
                    }
                }
            },
        );
    }

    let hint = use_state_eq(|| None::<(Vec2, String)>);
    // The spot chosen in "Add to this part", from its list or a "+" marker in the scene.
    let chosen_spot = use_state_eq(|| None::<ConnectorId>);
    {
        let latest = latest.clone();
        let hint = hint.setter();
        let chosen_spot = chosen_spot.setter();
        let listener = props.scene_listener.clone();
        use_effect_with((), move |()| {
            listener.listen(Callback::from(move |fact: FromScene| {
                let configuration = latest.borrow().clone();
                match fact {
                    FromScene::Picked(part) => {
                        configuration.dispatch(ConfigurationAction::Select(part));
                    }
                    FromScene::SpotPicked(spot) => {
                        configuration.dispatch(ConfigurationAction::Select(Some(spot.part)));
                        chosen_spot.set(Some(spot));
                        show_open_spots();
                    }
                    FromScene::DragPreview(preview) => {
                        hint.set(hint_for(&preview, &configuration));
                    }
                    FromScene::DragEnded(outcome) => {
                        hint.set(None);
                        match outcome {
                            DragOutcome::Proposed(edit) => {
                                configuration.dispatch(ConfigurationAction::Apply(edit));
                            }
                            DragOutcome::Refused { kind, refusals } => {
                                if let Some(reason) = refusals.first() {
                                    let reason = refusal_text(reason, &configuration);
                                    // The reason goes on after a colon: lower case first.
                                    let mut letters = reason.chars();
                                    let reason: String = letters
                                        .next()
                                        .into_iter()
                                        .flat_map(char::to_lowercase)
                                        .chain(letters)
                                        .collect();
                                    let notice = ui_text_with(
                                        &configuration.locale,
                                        "drag.cannot-go-there",
                                        &[
                                            ("kind", phrase(configuration.kind_name(&kind))),
                                            ("reason", phrase(reason)),
                                        ],
                                    );
                                    configuration.dispatch(ConfigurationAction::Notify(notice));
                                }
                            }
                            DragOutcome::Cancelled => {}
                        }
                    }
                    FromScene::Started | FromScene::SnapshotShown { .. } => {}
                }
            }));
        });
    }
    {
        // Escape gives a drag, a repair preview and the selection up; R turns the dragged
        // part; Delete removes the selected part; Ctrl/Cmd+Z undoes, with Shift (or Ctrl+Y)
        // redoes. Keys typed into a text field are the field's.
        let bridge = props.bridge.clone();
        let latest = latest.clone();
        use_effect_with((), move |()| {
            let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
                if typing_in_a_field(&event) {
                    return;
                }
                let command = event.ctrl_key() || event.meta_key();
                match event.key().as_str() {
                    "z" | "Z" if command => {
                        event.prevent_default();
                        latest.borrow().dispatch(if event.shift_key() {
                            ConfigurationAction::Redo
                        } else {
                            ConfigurationAction::Undo
                        });
                    }
                    "y" | "Y" if command => {
                        event.prevent_default();
                        latest.borrow().dispatch(ConfigurationAction::Redo);
                    }
                    "Escape" => {
                        tell_scene(&bridge, ToScene::Drag(DragCommand::Cancel));
                        latest.borrow().dispatch(ConfigurationAction::Preview(None));
                        latest.borrow().dispatch(ConfigurationAction::Select(None));
                    }
                    "r" | "R" if !command => {
                        tell_scene(&bridge, ToScene::Drag(DragCommand::Rotate));
                    }
                    "Delete" | "Backspace" => {
                        let configuration = latest.borrow().clone();
                        if let Some(selected) = configuration.selected {
                            configuration
                                .dispatch(ConfigurationAction::Apply(Edit::RemovePart(selected)));
                        }
                    }
                    _ => {}
                }
            });
            let document = web_sys::window().and_then(|window| window.document());
            if let Some(document) = &document
                && let Err(error) = document
                    .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref())
            {
                web_sys::console::warn_1(&error);
            }
            move || {
                if let Some(document) = document {
                    let _ = document.remove_event_listener_with_callback(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    let on_drag = {
        let bridge = props.bridge.clone();
        Callback::from(move |step: PanelDrag| {
            let command = match step {
                PanelDrag::Start(kind) => DragCommand::Start(kind),
                PanelDrag::Move(client) => DragCommand::Pointer(point_on_canvas(client)),
                PanelDrag::Drop => DragCommand::Drop,
                PanelDrag::Cancel => DragCommand::Cancel,
            };
            tell_scene(&bridge, ToScene::Drag(command));
        })
    };
    let on_focus = {
        let bridge = props.bridge.clone();
        Callback::from(move |parts: Vec<PartId>| tell_scene(&bridge, ToScene::Focus(parts)))
    };
    let on_select = {
        let configuration = configuration.clone();
        Callback::from(move |part| configuration.dispatch(ConfigurationAction::Select(part)))
    };
    let on_select_none = on_select.reform(|()| None);
    let on_choose_spot = {
        let chosen_spot = chosen_spot.clone();
        Callback::from(move |spot| chosen_spot.set(Some(spot)))
    };
    let on_preview = {
        let configuration = configuration.clone();
        Callback::from(move |edit| configuration.dispatch(ConfigurationAction::Preview(edit)))
    };

    let dispatch = |action: ConfigurationAction| {
        let configuration = configuration.clone();
        Callback::from(move |()| configuration.dispatch(action.clone()))
    };
    let on_export_model = {
        let configuration = configuration.clone();
        Callback::from(move |()| {
            configuration.dispatch(ConfigurationAction::Notify(export_model(&configuration)));
        })
    };
    // "Order" opens the order screen with the order as it will leave; confirming it there
    // hands it to the shop around the configurator (embedded) or saves it as a file.
    let reviewed = use_state(|| None::<Rc<OrderDocument>>);
    {
        // Any change to the configuration closes the order screen: it shows a made order.
        let reviewed = reviewed.clone();
        use_effect_with(configuration.revision, move |_| reviewed.set(None));
    }
    let on_order = {
        let configuration = configuration.clone();
        let reviewed = reviewed.clone();
        Callback::from(move |()| match make_order(&configuration) {
            Ok(order) => reviewed.set(Some(Rc::new(order))),
            Err(reason) => configuration.dispatch(ConfigurationAction::Notify(reason)),
        })
    };
    let order_review = (*reviewed).clone().map(|order| {
        let on_confirm = {
            let configuration = configuration.clone();
            let embedding = embedding.clone();
            let reviewed = reviewed.clone();
            let order = order.clone();
            Callback::from(move |()| {
                let notice = deliver_order(&order, embedding.as_ref().as_ref(), &configuration.locale);
                reviewed.set(None);
                configuration.dispatch(ConfigurationAction::Notify(notice));
            })
        };
        let on_close = {
            let reviewed = reviewed.clone();
            Callback::from(move |()| reviewed.set(None))
        };
        html! {
            <OrderReview {order} catalog={props.catalog.clone()} locale={configuration.locale.clone()}
                         embedded={embedding.is_some()} {on_confirm} {on_close} />
        }
    });
    let on_notice = {
        let configuration = configuration.clone();
        Callback::from(move |notice| configuration.dispatch(ConfigurationAction::Notify(notice)))
    };
    let on_add = {
        let configuration = configuration.clone();
        Callback::from(move |kind| configuration.dispatch(ConfigurationAction::Add(kind)))
    };
    let on_edit = {
        let configuration = configuration.clone();
        Callback::from(move |edit| configuration.dispatch(ConfigurationAction::Apply(edit)))
    };
    let on_start = {
        let configuration = configuration.clone();
        Callback::from(move |preset| configuration.dispatch(ConfigurationAction::StartFrom(preset)))
    };
    let restore_offer = configuration.restore_offer.clone().map(|offer| {
        let on_restore = {
            let configuration = configuration.clone();
            let offer = offer.clone();
            Callback::from(move |()| {
                let notice = restored_notice(
                    &offer,
                    &configuration.locale,
                    &configuration.catalog().meta.version,
                );
                configuration.dispatch(ConfigurationAction::Open {
                    session: Box::new(offer.session.clone()),
                    notice: Some(notice),
                });
            })
        };
        let on_decline = {
            let configuration = configuration.clone();
            Callback::from(move |()| {
                autosave::forget(configuration.catalog());
                configuration.dispatch(ConfigurationAction::DismissRestore);
            })
        };
        html! {
            <RestoreOffer {offer} locale={configuration.locale.clone()} {on_restore} {on_decline} />
        }
    });
    let session = &configuration.session;
    let orderable = !session.assembly().is_empty() && is_orderable(&configuration.violations);
    html! {
        <>
            { for restore_offer }
            { for order_review }
            <Toolbar undo={session.next_undo().map(|(edit, inverse)| edit_name(edit, inverse, &configuration))}
                     redo={session.next_redo().map(|(edit, inverse)| edit_name(edit, inverse, &configuration))}
                     {orderable}
                     on_undo={dispatch(ConfigurationAction::Undo)}
                     on_redo={dispatch(ConfigurationAction::Redo)}
                     {on_order} {on_notice} {on_export_model}
                     has_parts={!session.assembly().is_empty()}
                     locale={configuration.locale.clone()} />
            if let Some(notice) = &configuration.notice {
                <p class="notice" role="alert">{ notice.clone() }</p>
            }
            if let Some((at, text)) = (*hint).clone() {
                <DragHint {at} text={text} />
            }
            if let Some(part) = configuration.selected {
                <Inspector assembly={session.assembly().clone()} {part}
                           locale={configuration.locale.clone()} on_edit={on_edit.clone()}
                           on_close={on_select_none} />
                <OpenSpots assembly={session.assembly().clone()} {part}
                           chosen={(*chosen_spot).clone()} on_choose={on_choose_spot}
                           locale={configuration.locale.clone()} on_edit={on_edit.clone()} />
            }
            <PartChooser assembly={session.assembly().clone()} selected={configuration.selected}
                         locale={configuration.locale.clone()} {on_select} />
            <PricePanel bill={configuration.bill.clone()} catalog={props.catalog.clone()}
                        locale={configuration.locale.clone()} />
            <RulesPanel violations={configuration.violations.clone()}
                        assembly={session.assembly().clone()}
                        total={configuration.bill.total}
                        previewed={configuration.previewed.clone()}
                        locale={configuration.locale.clone()} on_repair={on_edit} {on_preview} {on_focus} />
            <CatalogPanel catalog={props.catalog.clone()} locale={configuration.locale.clone()}
                          fits={if session.assembly().is_empty() { Vec::new() } else { configuration.fits.clone() }}
                          has_parts={!session.assembly().is_empty()}
                          {on_add} {on_drag} {on_start} />
        </>
    }
}

/// Brings "Add to this part" into view (a "+" tapped in the scene chose its spot there).
fn show_open_spots() {
    if let Some(section) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(".open-spots").ok().flatten())
    {
        section.scroll_into_view_with_bool(false);
    }
}

/// Whether a key went to a text field (the share link's), where it edits the text.
fn typing_in_a_field(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA"))
}
