//! The side panel listing the catalog's part kinds.

use snapkit_core::geometry::um_to_mm_vec;
use snapkit_core::{Catalog, Locale};
use std::sync::Arc;
use yew::prelude::*;

/// Properties of [`CatalogPanel`].
#[derive(Properties, PartialEq)]
pub(crate) struct CatalogPanelProps {
    /// The loaded catalog.
    pub catalog: Arc<Catalog>,
}

/// Lists the part kinds with their sizes.
#[component]
pub(crate) fn CatalogPanel(props: &CatalogPanelProps) -> Html {
    let locale = Locale::english();
    let catalog = &props.catalog;
    html! {
        <section class="catalog-panel" aria-label="Parts">
            <h2>{ catalog.meta.name.get(&locale) }</h2>
            <ul class="part-list">
                { for catalog.parts.iter().map(|part| {
                    let size = um_to_mm_vec(part.shape.bounding_size());
                    html! {
                        <li class="part" key={part.id.as_str()}>
                            <span class="part-name">{ part.name.get(&locale) }</span>
                            <span class="part-size">
                                { format!("{} × {} × {} mm", size.x, size.y, size.z) }
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
