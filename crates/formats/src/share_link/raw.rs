//! Stage one of a share link: text to [`RawLink`] and back, with no catalog involved.
//!
//! Envelope: base64url (no padding) of `[format version][deflate(payload)][CRC-32 of payload]`.
//! Payload: catalog id, version and hash prefix; a table of the texts the parts use (kind ids,
//! finish ids, connector names); then the parts in encoding order, each either placed
//! absolutely or attached by a named connector to a named connector of an earlier part.

use super::LinkError;
use super::wire::{Reader, Writer};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The format version byte this snapkit writes and reads.
pub const LINK_FORMAT: u8 = 1;
/// Longest link text accepted, in characters.
pub const MAX_LINK_CHARS: usize = 64 * 1024;
/// Largest inflated payload accepted, in bytes.
pub const MAX_PAYLOAD_BYTES: usize = 1024 * 1024;
/// Most parts a link may carry.
pub const MAX_LINK_PARTS: usize = 5_000;
/// Most distinct texts a link may carry.
pub const MAX_LINK_TEXTS: usize = 10_000;
/// How many bytes of the catalog's content hash a link carries.
pub const HASH_PREFIX_BYTES: usize = 8;

/// A decoded link before it meets a catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawLink {
    /// The catalog it was made for.
    pub catalog_id: String,
    /// That catalog's version.
    pub catalog_version: String,
    /// The first bytes of that catalog's content hash.
    pub catalog_hash: [u8; HASH_PREFIX_BYTES],
    /// The parts, in encoding order.
    pub parts: Vec<RawPart>,
}

/// One part of a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawPart {
    /// Part kind id.
    pub kind: String,
    /// Finish id.
    pub finish: String,
    /// Index of its rotation in `Rotation::all`.
    pub rotation: u8,
    /// Where it is.
    pub anchor: Anchor,
}

/// How a part's position is given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Its origin in micrometres, for a part attached to no earlier part.
    Absolute([i32; 3]),
    /// Its connector `own` sits on connector `onto` of the earlier part `parent`.
    Attached {
        /// Index of the earlier part in encoding order.
        parent: usize,
        /// The earlier part's connector.
        onto: String,
        /// This part's connector.
        own: String,
    },
}

impl RawLink {
    /// The link text: base64url of the envelope.
    pub fn to_text(&self) -> String {
        let payload = self.payload();
        let mut envelope = vec![LINK_FORMAT];
        envelope.extend(miniz_oxide::deflate::compress_to_vec(&payload, 10));
        envelope.extend(crc32fast::hash(&payload).to_le_bytes());
        URL_SAFE_NO_PAD.encode(envelope)
    }

    /// The uncompressed payload; its hash is the configuration's id.
    pub fn payload(&self) -> Vec<u8> {
        let mut texts = TextTable::default();
        for part in &self.parts {
            texts.add(&part.kind);
            texts.add(&part.finish);
            if let Anchor::Attached { onto, own, .. } = &part.anchor {
                texts.add(onto);
                texts.add(own);
            }
        }
        let mut out = Writer::default();
        out.text(&self.catalog_id);
        out.text(&self.catalog_version);
        out.raw(&self.catalog_hash);
        out.unsigned(texts.entries.len() as u64);
        for text in &texts.entries {
            out.text(text);
        }
        out.unsigned(self.parts.len() as u64);
        for (at, part) in self.parts.iter().enumerate() {
            out.unsigned(texts.index(&part.kind));
            out.unsigned(texts.index(&part.finish));
            out.byte(part.rotation);
            match &part.anchor {
                Anchor::Absolute(position) => {
                    out.unsigned(0);
                    for coordinate in position {
                        out.signed(i64::from(*coordinate));
                    }
                }
                Anchor::Attached { parent, onto, own } => {
                    // How far back the parent is: 1 for the part just before.
                    out.unsigned((at - parent) as u64);
                    out.unsigned(texts.index(onto));
                    out.unsigned(texts.index(own));
                }
            }
        }
        out.into_bytes()
    }

    /// Reads a link's text: the whole URL, its `#c=…` fragment, or the bare code.
    pub fn from_text(text: &str) -> Result<Self, LinkError> {
        let code = link_code(text)?;
        let envelope = URL_SAFE_NO_PAD.decode(code).map_err(|_| {
            if code
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
            {
                // The right letters in a length no encoder writes: cut off or changed.
                LinkError::Damaged
            } else {
                LinkError::NotALink("its code has characters no link contains".to_owned())
            }
        })?;
        let (&format, rest) = envelope.split_first().ok_or(LinkError::Truncated)?;
        if format != LINK_FORMAT {
            return Err(LinkError::UnsupportedFormat(format));
        }
        let split = rest.len().checked_sub(4).ok_or(LinkError::Truncated)?;
        let (compressed, checksum) = rest.split_at(split);
        let payload =
            miniz_oxide::inflate::decompress_to_vec_with_limit(compressed, MAX_PAYLOAD_BYTES)
                .map_err(|_| LinkError::Damaged)?;
        if crc32fast::hash(&payload).to_le_bytes() != checksum {
            return Err(LinkError::Damaged);
        }
        Self::from_payload(&payload)
    }

    fn from_payload(payload: &[u8]) -> Result<Self, LinkError> {
        let mut input = Reader::new(payload);
        let catalog_id = input.text()?;
        let catalog_version = input.text()?;
        let catalog_hash = input.array::<HASH_PREFIX_BYTES>()?;
        let text_count = input.below(MAX_LINK_TEXTS + 1, "text count")?;
        let texts = (0..text_count)
            .map(|_| input.text())
            .collect::<Result<Vec<_>, _>>()?;
        let part_count = input.below(MAX_LINK_PARTS + 1, "part count")?;
        let mut parts = Vec::with_capacity(part_count);
        for at in 0..part_count {
            let kind = texts[input.below(texts.len(), "text index")?].clone();
            let finish = texts[input.below(texts.len(), "text index")?].clone();
            let rotation = input.byte()?;
            if rotation >= 24 {
                return Err(LinkError::Malformed(format!(
                    "part {} has rotation {rotation}; there are 24",
                    at + 1
                )));
            }
            let anchor = match input.below(at + 1, "parent distance")? {
                0 => Anchor::Absolute([
                    input.signed_i32()?,
                    input.signed_i32()?,
                    input.signed_i32()?,
                ]),
                back => Anchor::Attached {
                    parent: at - back,
                    onto: texts[input.below(texts.len(), "text index")?].clone(),
                    own: texts[input.below(texts.len(), "text index")?].clone(),
                },
            };
            parts.push(RawPart {
                kind,
                finish,
                rotation,
                anchor,
            });
        }
        if !input.is_at_end() {
            return Err(LinkError::Malformed("bytes after the last part".to_owned()));
        }
        Ok(Self {
            catalog_id,
            catalog_version,
            catalog_hash,
            parts,
        })
    }
}

/// The base64url code inside a link text.
fn link_code(text: &str) -> Result<&str, LinkError> {
    let text = text.trim();
    if text.len() > MAX_LINK_CHARS {
        return Err(LinkError::NotALink(format!(
            "it is {} characters long; the limit is {MAX_LINK_CHARS}",
            text.len()
        )));
    }
    let fragment = text.rsplit_once('#').map_or(text, |(_, fragment)| fragment);
    let code = fragment
        .split('&')
        .find_map(|field| field.strip_prefix("c="))
        .unwrap_or(fragment);
    if code.is_empty() {
        return Err(LinkError::NotALink(
            "it carries no configuration (#c=…)".to_owned(),
        ));
    }
    Ok(code)
}

/// Texts in order of first use, each written once.
#[derive(Default)]
struct TextTable {
    entries: Vec<String>,
    indices: std::collections::HashMap<String, u64>,
}

impl TextTable {
    fn add(&mut self, text: &str) {
        if !self.indices.contains_key(text) {
            self.indices
                .insert(text.to_owned(), self.entries.len() as u64);
            self.entries.push(text.to_owned());
        }
    }

    fn index(&self, text: &str) -> u64 {
        self.indices.get(text).copied().unwrap_or(0)
    }
}
