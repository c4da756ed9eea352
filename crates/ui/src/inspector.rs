//! The inspector of the selected part: its name and price, its finishes as swatches with the
//! price difference, turning it where it stands, swapping it for another kind that fits in its
//! place (with the price difference), and removing it (with the parts that would be left
//! hanging, said by name, and what each way of removing takes off the order).

use crate::money::{format_money, with_price_change};
use crate::ui_text::{phrase, ui_count, ui_text, ui_text_with};
use snapkit_core::in_place::{quarter_turn, swaps};
use snapkit_core::rules::message::part_label;
use snapkit_core::{Assembly, Edit, Locale, PartId, price_change};
use yew::prelude::*;

/// Properties of [`Inspector`].
#[derive(Properties, PartialEq)]
pub(crate) struct InspectorProps {
    /// The assembly the part is in.
    pub assembly: Assembly,
    /// The selected part.
    pub part: PartId,
    /// The customer's language.
    pub locale: Locale,
    /// Applies an edit as one undoable step.
    pub on_edit: Callback<Edit>,
    /// Closes the inspector (selects nothing).
    pub on_close: Callback<()>,
}

/// Shows what can be done with the selected part.
#[component]
pub(crate) fn Inspector(props: &InspectorProps) -> Html {
    let assembly = &props.assembly;
    let catalog = assembly.catalog();
    let Some((placed, kind)) = assembly
        .part(props.part)
        .and_then(|placed| Some((placed, catalog.part(&placed.kind)?)))
    else {
        return html! {};
    };
    let currency = &catalog.meta.currency;
    let price_now = kind.unit_price(&placed.finish);
    let swatches = kind.finishes.iter().filter_map(|finish_id| {
        let finish = catalog.finish(finish_id)?;
        let current = *finish_id == placed.finish;
        let label = with_price_change(
            finish.name.get(&props.locale),
            kind.unit_price(finish_id) - price_now,
            currency,
            &props.locale,
        );
        let on_edit = props.on_edit.clone();
        let edit = Edit::SetFinish {
            id: placed.id,
            finish: finish_id.clone(),
        };
        let colour = finish.colour;
        Some(html! {
            <li key={finish_id.as_str()}>
                <button class="swatch" aria-pressed={current.to_string()} title={label.clone()}
                        aria-label={label} data-finish={finish_id.to_string()}
                        style={format!("background: rgb({}, {}, {})", colour.r, colour.g, colour.b)}
                        onclick={Callback::from(move |_| if !current { on_edit.emit(edit.clone()) })}>
                    <span class="swatch-name">{ finish.name.get(&props.locale) }</span>
                </button>
            </li>
        })
    });
    let swap_buttons: Vec<Html> = swaps(assembly, placed.id)
        .into_iter()
        .filter_map(|swap| {
            let other = catalog.part(&swap.kind)?;
            let label = with_price_change(
                other.name.get(&props.locale),
                swap.price_change,
                currency,
                &props.locale,
            );
            let on_edit = props.on_edit.clone();
            Some(html! {
                <li key={swap.kind.as_str()}>
                    <button class="swap" data-kind={swap.kind.to_string()}
                            onclick={Callback::from(move |_| on_edit.emit(swap.edit.clone()))}>
                        { label }
                    </button>
                </li>
            })
        })
        .collect();
    let turn = quarter_turn(assembly, placed.id).map(|edit| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_| on_edit.emit(edit.clone()))
    });
    let hanging = assembly.left_hanging_without(&[placed.id]);
    let remove_alone = Edit::RemovePart(placed.id);
    let remove_with_hanging = (!hanging.is_empty()).then(|| {
        Edit::Batch(
            std::iter::once(placed.id)
                .chain(hanging.iter().copied())
                .map(Edit::RemovePart)
                .collect(),
        )
    });
    // Each removal button says what it takes off the order (hardware freed included).
    let removal_button = |edit: Edit, class: &'static str, name: String| {
        let label = with_price_change(
            &name,
            price_change(assembly, &edit).unwrap_or(0),
            currency,
            &props.locale,
        );
        let on_edit = props.on_edit.clone();
        html! {
            <button class={class} onclick={Callback::from(move |_| on_edit.emit(edit.clone()))}>
                { label }
            </button>
        }
    };
    let hanging_names: Vec<String> = hanging
        .iter()
        .filter_map(|id| {
            let part = assembly.part(*id)?;
            Some(part_label(catalog.part(&part.kind)?, *id, &props.locale))
        })
        .collect();
    let on_close = props.on_close.clone();
    html! {
        <section class="inspector" aria-label={ui_text(&props.locale, "inspector.label")}
                 data-part={placed.id.0.to_string()}>
            <h2>{ part_label(kind, placed.id, &props.locale) }</h2>
            <p class="inspector-price">{ format_money(price_now, currency, &props.locale) }</p>
            <ul class="swatches" aria-label={ui_text(&props.locale, "inspector.finish")}>{ for swatches }</ul>
            if !swap_buttons.is_empty() {
                <h3 class="inspector-heading" id="swaps-heading">{ ui_text(&props.locale, "inspector.replace-with") }</h3>
                <ul class="swaps" aria-labelledby="swaps-heading">{ for swap_buttons }</ul>
            }
            if !hanging_names.is_empty() {
                <p class="inspector-warning">
                    { ui_text_with(
                        &props.locale,
                        "inspector.leaves-hanging",
                        &[("parts", phrase(hanging_names.join(", ")))],
                    ) }
                </p>
            }
            <div class="inspector-actions">
                <button class="turn" disabled={turn.is_none()}
                        title={ui_text(&props.locale, if turn.is_some() { "inspector.turn-hint" } else { "inspector.no-turn" })}
                        onclick={turn.unwrap_or_default()}>
                    { ui_text(&props.locale, "inspector.turn") }
                </button>
                if let Some(edit) = remove_with_hanging {
                    { removal_button(
                        edit,
                        "remove-with-hanging",
                        ui_count(&props.locale, "inspector.remove-with", hanging_names.len(), &[]),
                    ) }
                }
                { removal_button(remove_alone, "remove", ui_text(&props.locale, "inspector.remove")) }
                <button class="close" onclick={Callback::from(move |_| on_close.emit(()))}>
                    { ui_text(&props.locale, "inspector.done") }
                </button>
            </div>
        </section>
    }
}
