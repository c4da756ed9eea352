//! Where the catalog comes from: its id in the page URL (or in the share link the page
//! carries), its file served beside the app, and its 3D models served beside the catalog.

use snapkit_core::Catalog;
use snapkit_formats::share_link::RawLink;
use snapkit_formats::{
    ListedCatalog, attach_models, is_catalog_id, load_catalog, read_catalog_list,
};
use std::collections::BTreeMap;

/// The catalog shown when the URL names none.
const DEFAULT_CATALOG: &str = "shelving";

/// The catalog id from the page's `?catalog=` parameter, else from its share link, if it is
/// a plain id.
pub(crate) fn requested_catalog_id() -> Result<String, String> {
    let search = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let id = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|params| params.get("catalog"))
        .or_else(|| {
            let link = snapkit_ui::link_in_address()?;
            RawLink::from_text(&link).ok().map(|raw| raw.catalog_id)
        })
        .unwrap_or_else(|| DEFAULT_CATALOG.to_owned());
    if is_catalog_id(&id) {
        Ok(id)
    } else {
        Err(format!("“{id}” is not a catalog name."))
    }
}

/// Downloads and checks the catalog `id`, then its models. The error is a sentence for the
/// customer; a model that cannot be used is not an error (its parts are drawn as boxes) but
/// one of the sentences beside the catalog.
pub(crate) async fn fetch_catalog_and_models(id: &str) -> Result<(Catalog, Vec<String>), String> {
    let mut catalog = fetch_catalog(id).await?;
    let mut files = BTreeMap::new();
    for file in catalog.model_files().into_keys() {
        let bytes = fetch_bytes(&format!("catalogs/{file}")).await;
        files.insert(file, bytes);
    }
    let problems = attach_models(&mut catalog, |file| {
        files
            .remove(file)
            .unwrap_or_else(|| Err("not downloaded".to_owned()))
    });
    Ok((catalog, problems))
}

/// The answer to a GET of `url`, or why there is none, worded to follow a subject ("… could
/// not be downloaded (…)", "… was not found (HTTP 404)").
async fn download(url: &str) -> Result<gloo_net::http::Response, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|error| format!("could not be downloaded ({error})"))?;
    if response.ok() {
        Ok(response)
    } else {
        Err(format!("was not found (HTTP {})", response.status()))
    }
}

/// The bytes at `url`, or why not.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    download(url)
        .await
        .map_err(|reason| format!("it {reason}"))?
        .binary()
        .await
        .map_err(|error| format!("it could not be read: {error}"))
}

/// The catalogs the site lists beside them, for the product menu; none (and a console
/// warning) when the list is missing or broken: the configurator works without the menu.
pub(crate) async fn fetch_catalog_list() -> Vec<ListedCatalog> {
    let text = match download("catalogs/index.json").await {
        Ok(response) => response.text().await.map_err(|error| error.to_string()),
        Err(reason) => Err(format!("the list of catalogs {reason}")),
    };
    match text.and_then(|text| read_catalog_list(&text)) {
        Ok(listed) => listed,
        Err(reason) => {
            web_sys::console::warn_1(&format!("No product menu: {reason}").into());
            Vec::new()
        }
    }
}

/// Downloads and checks the catalog `id`.
async fn fetch_catalog(id: &str) -> Result<Catalog, String> {
    let text = download(&format!("catalogs/{id}.json"))
        .await
        .map_err(|reason| format!("The catalog “{id}” {reason}."))?
        .text()
        .await
        .map_err(|error| format!("The catalog “{id}” could not be read ({error})."))?;
    load_catalog(&text).map_err(|error| format!("The catalog “{id}” is broken: {error}"))
}
