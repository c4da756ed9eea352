//! The catalogs a site offers (`catalogs/index.json` beside them): each one's id and its name
//! per language, for the configurator's product menu. Read as untrusted input: a broken list
//! costs the menu, never the configurator.

use serde::Deserialize;
use snapkit_core::{Locale, LocalizedText};
use std::collections::{BTreeMap, BTreeSet};

/// The largest list read, in bytes.
const MAX_LIST_BYTES: usize = 64 * 1024;
/// The most catalogs a list may name.
const MAX_CATALOGS: usize = 100;

/// One catalog the site offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedCatalog {
    /// Its id: the file `catalogs/<id>.json`, and `?catalog=<id>`.
    pub id: String,
    /// Its name per language.
    pub name: LocalizedText,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    catalogs: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    name: BTreeMap<String, String>,
}

/// Whether `id` can name a catalog: 1 to 64 lower-case letters, digits and hyphens (so it is
/// safe in a file name and a URL).
pub fn is_catalog_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

/// Reads a catalog list, or says what is wrong with it.
pub fn read_catalog_list(text: &str) -> Result<Vec<ListedCatalog>, String> {
    if text.len() > MAX_LIST_BYTES {
        return Err(format!("the list is larger than {MAX_LIST_BYTES} bytes"));
    }
    let raw: RawList =
        serde_json::from_str(text).map_err(|error| format!("the list is not valid: {error}"))?;
    if raw.catalogs.len() > MAX_CATALOGS {
        return Err(format!(
            "the list names {} catalogs; the limit is {MAX_CATALOGS}",
            raw.catalogs.len()
        ));
    }
    let mut seen = BTreeSet::new();
    raw.catalogs
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let at = format!("catalogs[{index}]");
            if !is_catalog_id(&entry.id) {
                return Err(format!(
                    "{at}.id: '{}' is not a catalog id (lower-case letters, digits, hyphens)",
                    entry.id
                ));
            }
            if !seen.insert(entry.id.clone()) {
                return Err(format!("{at}.id: '{}' is listed twice", entry.id));
            }
            let english = entry
                .name
                .get("en")
                .ok_or_else(|| format!("{at}.name: needs an English name (\"en\")"))?;
            let name = entry.name.iter().fold(
                LocalizedText::english(english.clone()),
                |name, (locale, text)| name.with(Locale::new(locale.clone()), text.clone()),
            );
            Ok(ListedCatalog { id: entry.id, name })
        })
        .collect()
}
