//! The catalog panel: the designs to start from, then the part kinds grouped by category, each a button that adds it at the
//! best open spot and says where it fits right now, or what stops it. A part can also be
//! pulled out of the panel onto the 3D view (mouse anywhere on it; a finger sideways, or
//! any way from its grip, so the panel still scrolls under a finger).

use crate::catalog_reach::CatalogReach;
use crate::configuration::stop_reason;
use crate::money::format_money;
use crate::part_drawing::{data_url, part_picture};
use crate::preset_picker::PresetPicker;
use crate::ui_text::{phrase, ui_count, ui_text, ui_text_with};
use glam::Vec2;
use snapkit_core::geometry::um_to_mm_vec;
use snapkit_core::rules::FitReport;
use snapkit_core::{Catalog, Locale, PartKind, PartKindId, Preset};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// How far (CSS pixels) a press must move before it pulls the part out rather than taps it.
const DRAG_THRESHOLD_PX: f32 = 8.0;

/// One step of a part pulled out of the panel.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum PanelDrag {
    /// The customer started pulling a part of this kind.
    Start(PartKindId),
    /// The pointer is here, in client (viewport) pixels.
    Move(Vec2),
    /// The pointer was let go.
    Drop,
    /// The browser took the pointer away (a scroll, a lost touch).
    Cancel,
}

/// A press on a part button that may become a drag.
#[derive(Clone, Debug, PartialEq)]
struct Tracking {
    pointer: i32,
    start: Vec2,
    kind: PartKindId,
    dragging: bool,
}

/// The pointer's position in client pixels.
fn client_point(event: &PointerEvent) -> Vec2 {
    Vec2::new(event.client_x() as f32, event.client_y() as f32)
}

/// Properties of [`CatalogPanel`].
#[derive(Properties, PartialEq)]
pub(crate) struct CatalogPanelProps {
    /// The loaded catalog.
    pub catalog: Arc<Catalog>,
    /// The customer's language.
    pub locale: Locale,
    /// Where each kind fits now (from `core::what_fits`); empty when nothing is placed yet.
    pub fits: Vec<FitReport>,
    /// A part kind was tapped.
    pub on_add: Callback<PartKindId>,
    /// A part kind is being pulled out onto the 3D view.
    pub on_drag: Callback<PanelDrag>,
    /// A preset (by id) was chosen to start from.
    pub on_start: Callback<Preset>,
    /// Whether the configuration has parts.
    pub has_parts: bool,
}

/// "Fits in 3 places", or the rule or reason that stops the kind.
fn fit_line(fit: &FitReport, locale: &Locale) -> String {
    match &fit.stopped_by {
        Some(stop) => ui_text_with(
            locale,
            "catalog.fits-nowhere",
            &[("reason", phrase(stop_reason(stop, locale)))],
        ),
        None => ui_count(locale, "catalog.fits", fit.places, &[]),
    }
}

/// Lists the part kinds by category with their sizes and prices.
#[component]
pub(crate) fn CatalogPanel(props: &CatalogPanelProps) -> Html {
    let catalog = &props.catalog;
    let mut categories: Vec<&str> = Vec::new();
    for part in &catalog.parts {
        if !categories.contains(&part.category.as_str()) {
            categories.push(&part.category);
        }
    }
    let pictures = use_memo(catalog.clone(), |catalog| {
        catalog
            .parts
            .iter()
            .map(|kind| part_picture(catalog, kind).map(|svg| data_url(&svg)))
            .collect::<Vec<_>>()
    });
    let tracking = use_mut_ref(|| None::<Tracking>);
    // The click that follows the release of a drag is not a tap.
    let after_drag = use_mut_ref(|| false);
    let button = |(part, picture): (&PartKind, &Option<String>)| {
        let size = um_to_mm_vec(part.shape.bounding_size());
        let on_add = props.on_add.clone();
        let kind = part.id.clone();
        let onpointerdown = {
            let tracking = tracking.clone();
            let kind = kind.clone();
            Callback::from(move |event: PointerEvent| {
                if event.button() != 0 {
                    return;
                }
                *tracking.borrow_mut() = Some(Tracking {
                    pointer: event.pointer_id(),
                    start: client_point(&event),
                    kind: kind.clone(),
                    dragging: false,
                });
            })
        };
        let onpointermove = {
            let tracking = tracking.clone();
            let on_drag = props.on_drag.clone();
            Callback::from(move |event: PointerEvent| {
                let mut tracking = tracking.borrow_mut();
                let Some(press) = tracking
                    .as_mut()
                    .filter(|press| press.pointer == event.pointer_id())
                else {
                    return;
                };
                let at = client_point(&event);
                if !press.dragging && at.distance(press.start) > DRAG_THRESHOLD_PX {
                    press.dragging = true;
                    // Keep the pointer's events coming here wherever it goes, over the canvas too.
                    // Yew delegates events to its root, so the button is found from the target.
                    let button = event
                        .target()
                        .and_then(|target| target.dyn_into::<Element>().ok())
                        .and_then(|target| target.closest(".part").ok().flatten());
                    if let Some(button) = button
                        && let Err(error) = button.set_pointer_capture(event.pointer_id())
                    {
                        web_sys::console::warn_1(&error);
                    }
                    on_drag.emit(PanelDrag::Start(press.kind.clone()));
                }
                if press.dragging {
                    event.prevent_default();
                    on_drag.emit(PanelDrag::Move(at));
                }
            })
        };
        let onpointerup = {
            let tracking = tracking.clone();
            let after_drag = after_drag.clone();
            let on_drag = props.on_drag.clone();
            Callback::from(move |event: PointerEvent| {
                let press = tracking.borrow_mut().take();
                if let Some(press) =
                    press.filter(|press| press.pointer == event.pointer_id() && press.dragging)
                {
                    on_drag.emit(PanelDrag::Move(client_point(&event)));
                    on_drag.emit(PanelDrag::Drop);
                    *after_drag.borrow_mut() = press.dragging;
                }
            })
        };
        let onpointercancel = {
            let tracking = tracking.clone();
            let on_drag = props.on_drag.clone();
            Callback::from(move |_: PointerEvent| {
                if tracking
                    .borrow_mut()
                    .take()
                    .is_some_and(|press| press.dragging)
                {
                    on_drag.emit(PanelDrag::Cancel);
                }
            })
        };
        let onclick = {
            let after_drag = after_drag.clone();
            let kind = kind.clone();
            Callback::from(move |_| {
                if !std::mem::take(&mut *after_drag.borrow_mut()) {
                    on_add.emit(kind.clone());
                }
            })
        };
        let price = format_money(part.price, &catalog.meta.currency, &props.locale);
        let fit = props.fits.iter().find(|fit| fit.kind == part.id);
        let blocked = fit.is_some_and(|fit| fit.stopped_by.is_some());
        html! {
            <li key={part.id.as_str()}>
                <button class={classes!("part", blocked.then_some("blocked"))}
                        data-kind={part.id.to_string()}
                        title={ui_text(&props.locale, "catalog.add-or-drag")}
                        {onclick} {onpointerdown} {onpointermove} {onpointerup} {onpointercancel}>
                    <span class="part-grip" aria-hidden="true">{ "⠿" }</span>
                    if let Some(picture) = picture {
                        <img class="part-picture" src={picture.clone()} alt="" width="48" height="48"
                             draggable="false" />
                    }
                    <span class="part-name">{ part.name.get(&props.locale) }</span>
                    <span class="part-size">{ format!("{} × {} × {} mm", size.x, size.y, size.z) }</span>
                    <span class="part-price">{ price }</span>
                    if let Some(fit) = fit {
                        <span class="part-fit">{ fit_line(fit, &props.locale) }</span>
                    }
                </button>
            </li>
        }
    };
    html! {
        <section class="catalog-panel" aria-label={ui_text(&props.locale, "catalog.label")}>
            <h2>{ catalog.meta.name.get(&props.locale) }</h2>
            <CatalogReach catalog={catalog.clone()} locale={props.locale.clone()} />
            <PresetPicker catalog={catalog.clone()} locale={props.locale.clone()}
                          has_parts={props.has_parts} on_start={props.on_start.clone()} />
            { for categories.into_iter().map(|category| html! {
                <div class="category" key={category}>
                    <h3>{ catalog.category_name(category, &props.locale) }</h3>
                    <ul class="part-list">
                        { for catalog.parts.iter().zip(pictures.iter())
                            .filter(|(part, _)| part.category == category).map(button) }
                    </ul>
                </div>
            }) }
        </section>
    }
}
