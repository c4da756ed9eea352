//! The start of a configuration: "Start from a design" (the catalog's presets as buttons, each
//! with a picture drawn from its parts, its name and price), "Help me choose" (the guided
//! start) and "Start from scratch". Each replaces the configuration in one step, so one undo
//! brings it back.

use crate::guided_start::GuidedStart;
use crate::money::format_money;
use crate::part_drawing::{assembly_picture, data_url};
use crate::ui_text::{ui_count, ui_text};
use snapkit_core::{Assembly, Catalog, Locale, LocalizedText, Preset, bill_of_materials};
use std::sync::Arc;
use yew::prelude::*;

/// Properties of [`PresetPicker`].
#[derive(Properties, PartialEq)]
pub(crate) struct PresetPickerProps {
    /// The loaded catalog.
    pub catalog: Arc<Catalog>,
    /// The customer's language.
    pub locale: Locale,
    /// Whether the configuration has parts (else there is nothing to start from scratch from).
    pub has_parts: bool,
    /// A design to start from was chosen (a preset, a proposal, or no parts at all).
    pub on_start: Callback<Preset>,
}

/// Each preset's picture as a `data:` URL, in catalog order.
fn preset_pictures(catalog: &Arc<Catalog>) -> Vec<Option<String>> {
    catalog
        .presets
        .iter()
        .map(|preset| assembly_picture(catalog, &preset.parts).map(|svg| data_url(&svg)))
        .collect()
}

/// What each preset costs, in catalog order (`None` for one that no longer builds).
fn preset_prices(catalog: &Arc<Catalog>) -> Vec<Option<i64>> {
    catalog
        .presets
        .iter()
        .map(|preset| {
            let mut assembly = Assembly::new(Arc::clone(catalog));
            preset.replacing(&assembly).apply(&mut assembly).ok()?;
            Some(bill_of_materials(&assembly).total)
        })
        .collect()
}

/// The presets as a row of buttons; nothing when the catalog has none.
#[component]
pub(crate) fn PresetPicker(props: &PresetPickerProps) -> Html {
    let prices = use_memo(props.catalog.clone(), preset_prices);
    let pictures = use_memo(props.catalog.clone(), preset_pictures);
    let catalog = &props.catalog;
    if catalog.presets.is_empty() {
        return html! {};
    }
    let on_scratch = {
        let on_start = props.on_start.clone();
        let nothing = Preset {
            id: String::new(),
            name: LocalizedText::english(""),
            parts: Vec::new(),
        };
        Callback::from(move |_| on_start.emit(nothing.clone()))
    };
    html! {
        <section class="presets" aria-label={ui_text(&props.locale, "presets.title")}>
            <h3>{ ui_text(&props.locale, "presets.title") }</h3>
            <ul class="preset-list">
                { for catalog.presets.iter().zip(prices.iter()).zip(pictures.iter()).map(|((preset, price), picture)| {
                    let on_start = props.on_start.clone();
                    let chosen = preset.clone();
                    html! {
                        <li key={preset.id.clone()}>
                            <button class="preset" data-preset={preset.id.clone()}
                                    title={ui_count(&props.locale, "parts", preset.parts.len(), &[])}
                                    onclick={Callback::from(move |_| on_start.emit(chosen.clone()))}>
                                if let Some(picture) = picture {
                                    <img class="preset-picture" src={picture.clone()} alt="" />
                                }
                                <span class="preset-name">{ preset.name.get(&props.locale) }</span>
                                if let Some(price) = price {
                                    <span class="preset-price">
                                        { format_money(*price, &catalog.meta.currency, &props.locale) }
                                    </span>
                                }
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <GuidedStart catalog={catalog.clone()} locale={props.locale.clone()}
                         on_start={props.on_start.clone()} />
            <button class="start-scratch" disabled={!props.has_parts} onclick={on_scratch}>
                { ui_text(&props.locale, "start.scratch") }
            </button>
        </section>
    }
}
