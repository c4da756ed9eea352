//! Self-contained share links: a configuration inside the URL fragment (`#c=…`).
//!
//! Servers never see the fragment, so no server stores configurations. Decoding is two-stage
//! like catalogs: [`RawLink::from_text`] reads the bytes with limits and a checksum, then
//! [`open_link`] rebuilds the assembly from the catalog. No input makes either panic; every
//! refusal is a [`LinkError`] that says what was wrong in words a customer can act on.

mod layout;
mod raw;
mod rebuild;
mod wire;

pub use layout::raw_link;
pub use raw::{Anchor, LINK_FORMAT, MAX_LINK_CHARS, MAX_LINK_PARTS, RawLink, RawPart};
pub use rebuild::OpenedLink;

use crate::content_hash::hex;
use sha2::{Digest, Sha256};
use snapkit_core::{Assembly, Catalog};
use std::sync::Arc;

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// The text is not a snapkit link at all.
    #[error("this is not a snapkit configuration link: {0}")]
    NotALink(String),
    /// The link ends too early to hold anything.
    #[error("the link is cut off: it ends before its configuration does")]
    Truncated,
    /// The link was written by a newer snapkit.
    #[error("the link uses format {0}; this configurator reads format {LINK_FORMAT}")]
    UnsupportedFormat(u8),
    /// Its checksum does not match: cut off or changed on the way.
    #[error(
        "the link is damaged (its checksum does not match); it may have been cut off or changed"
    )]
    Damaged,
    /// It passed the checksum but does not hold together.
    #[error("the link is damaged: {0}")]
    Malformed(String),
    /// It was made for another product system.
    #[error(
        "this link was made for catalog '{link_catalog}' version {link_version}, not for '{catalog}'"
    )]
    WrongCatalog {
        /// The catalog the link names.
        link_catalog: String,
        /// Its version.
        link_version: String,
        /// The catalog it was opened with.
        catalog: String,
    },
    /// The catalog changed since, and some of what the link uses is gone.
    #[error("this link was made for catalog '{catalog}' version {version}; {}", .problems.join("; "))]
    Outdated {
        /// The catalog the link names.
        catalog: String,
        /// The version it was made for.
        version: String,
        /// What no longer exists, each in words.
        problems: Vec<String>,
    },
    /// A part cannot be placed where the link puts it.
    #[error(
        "this link was made for catalog '{catalog}' version {version}; part {part} ({kind}) cannot be placed: {reason}"
    )]
    Unbuildable {
        /// The catalog the link names.
        catalog: String,
        /// The version it was made for.
        version: String,
        /// 1-based position of the part in the link.
        part: usize,
        /// The part's kind, by name.
        kind: String,
        /// Why it cannot go there.
        reason: String,
    },
}

/// The share code of `assembly`: what follows `#c=` in its link.
pub fn share_code(assembly: &Assembly) -> String {
    raw_link(assembly).to_text()
}

/// The full share link: `base` (any fragment dropped) with `#c=` and the code.
pub fn share_url(base: &str, assembly: &Assembly) -> String {
    let page = base.split_once('#').map_or(base, |(page, _)| page);
    format!("{page}#c={}", share_code(assembly))
}

/// A stable id for the configuration: the same parts in the same places give the same id.
pub fn configuration_id(assembly: &Assembly) -> String {
    hex(&Sha256::digest(raw_link(assembly).payload())[..8])
}

/// Opens a link (a whole URL, its fragment, or the bare code) with `catalog`.
pub fn open_link(text: &str, catalog: &Arc<Catalog>) -> Result<OpenedLink, LinkError> {
    rebuild::rebuild(&RawLink::from_text(text)?, catalog)
}
