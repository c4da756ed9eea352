//! The product menu in the header: the catalogs the site lists (`catalogs/index.json`), in the
//! customer's language. Choosing one opens it (the configuration on screen stays saved in this
//! browser and is offered back on return). Not shown when the page is embedded in a shop,
//! which shows one product.

use crate::ui_text::ui_text;
use snapkit_core::Locale;
use snapkit_formats::ListedCatalog;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`CatalogMenu`].
#[derive(Properties, PartialEq)]
pub(crate) struct CatalogMenuProps {
    /// The catalogs offered.
    pub catalogs: Vec<ListedCatalog>,
    /// The one on screen.
    pub current: String,
    /// The customer's language.
    pub locale: Locale,
}

/// The address of this page showing catalog `id`: the same parameters (language, kiosk), no
/// configuration link (that belongs to the catalog on screen).
fn address_of(id: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let params = web_sys::UrlSearchParams::new_with_str(&location.search().ok()?).ok()?;
    params.set("catalog", id);
    Some(format!(
        "{}{}?{}",
        location.origin().ok()?,
        location.pathname().ok()?,
        String::from(params.to_string())
    ))
}

/// A menu of the listed catalogs.
#[component]
pub(crate) fn CatalogMenu(props: &CatalogMenuProps) -> Html {
    let current = props.current.clone();
    let onchange = Callback::from(move |event: Event| {
        let Some(select) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlSelectElement>().ok())
        else {
            return;
        };
        let id = select.value();
        if id == current {
            return;
        }
        if let (Some(window), Some(address)) = (web_sys::window(), address_of(&id))
            && let Err(error) = window.location().set_href(&address)
        {
            web_sys::console::error_1(&error);
        }
    });
    html! {
        <select class="catalog-menu" aria-label={ui_text(&props.locale, "menu.product")} {onchange}>
            { for props.catalogs.iter().map(|catalog| html! {
                <option value={catalog.id.clone()} selected={catalog.id == props.current}>
                    { catalog.name.get(&props.locale) }
                </option>
            }) }
        </select>
    }
}
