//! "Start from a design": the catalog's presets as buttons, each with a picture drawn from its
//! parts, its name and price. A
//! tap replaces the configuration with the preset in one step, so one undo brings it back.

use crate::money::format_money;
use crate::part_drawing::{assembly_picture, data_url};
use crate::ui_text::{ui_count, ui_text};
use snapkit_core::{Assembly, Catalog, Locale, bill_of_materials};
use std::sync::Arc;
use yew::prelude::*;

/// Properties of [`PresetPicker`].
#[derive(Properties, PartialEq)]
pub(crate) struct PresetPickerProps {
    /// The loaded catalog.
    pub catalog: Arc<Catalog>,
    /// The customer's language.
    pub locale: Locale,
    /// A preset (by id) was chosen.
    pub on_start: Callback<String>,
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
    html! {
        <section class="presets" aria-label={ui_text(&props.locale, "presets.title")}>
            <h3>{ ui_text(&props.locale, "presets.title") }</h3>
            <ul class="preset-list">
                { for catalog.presets.iter().zip(prices.iter()).zip(pictures.iter()).map(|((preset, price), picture)| {
                    let on_start = props.on_start.clone();
                    let id = preset.id.clone();
                    html! {
                        <li key={preset.id.clone()}>
                            <button class="preset" data-preset={preset.id.clone()}
                                    title={ui_count(&props.locale, "parts", preset.parts.len(), &[])}
                                    onclick={Callback::from(move |_| on_start.emit(id.clone()))}>
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
        </section>
    }
}
