//! The catalog panel: the part kinds grouped by category, each a button that adds it at the
//! best open spot and says where it fits right now, or what stops it.

use crate::configuration::stop_reason;
use crate::money::format_money;
use snapkit_core::geometry::um_to_mm_vec;
use snapkit_core::rules::FitReport;
use snapkit_core::{Catalog, Locale, PartKind, PartKindId};
use std::sync::Arc;
use yew::prelude::*;

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
}

/// "Fits in 3 places", or the rule or reason that stops the kind.
fn fit_line(fit: &FitReport) -> String {
    match (&fit.stopped_by, fit.places) {
        (Some(stop), _) => format!("Fits nowhere now: {}", stop_reason(stop)),
        (None, 1) => "Fits in 1 place".to_owned(),
        (None, places) => format!("Fits in {places} places"),
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
    let button = |part: &PartKind| {
        let size = um_to_mm_vec(part.shape.bounding_size());
        let on_add = props.on_add.clone();
        let kind = part.id.clone();
        let price = format_money(part.price, &catalog.meta.currency, &props.locale);
        let fit = props.fits.iter().find(|fit| fit.kind == part.id);
        let blocked = fit.is_some_and(|fit| fit.stopped_by.is_some());
        html! {
            <li key={part.id.as_str()}>
                <button class={classes!("part", blocked.then_some("blocked"))}
                        data-kind={part.id.to_string()}
                        onclick={Callback::from(move |_| on_add.emit(kind.clone()))}>
                    <span class="part-name">{ part.name.get(&props.locale) }</span>
                    <span class="part-size">{ format!("{} × {} × {} mm", size.x, size.y, size.z) }</span>
                    <span class="part-price">{ price }</span>
                    if let Some(fit) = fit {
                        <span class="part-fit">{ fit_line(fit) }</span>
                    }
                </button>
            </li>
        }
    };
    html! {
        <section class="catalog-panel" aria-label="Parts">
            <h2>{ catalog.meta.name.get(&props.locale) }</h2>
            { for categories.into_iter().map(|category| html! {
                <div class="category" key={category}>
                    <h3>{ category }</h3>
                    <ul class="part-list">
                        { for catalog.parts.iter().filter(|part| part.category == category).map(button) }
                    </ul>
                </div>
            }) }
        </section>
    }
}
