//! The catalog file (`"schema": "snapkit.catalog/1"`): raw JSON parse, then resolution into a `core::Catalog`.

use serde::Deserialize;
use snapkit_core::{
    Catalog, CatalogMeta, Finish, FinishId, Locale, LocalizedText, PartKind, PartKindId, Shape,
    Srgb,
};
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// The schema tag this version of snapkit reads.
pub const CATALOG_SCHEMA: &str = "snapkit.catalog/1";
/// Largest catalog file accepted, in bytes.
pub const MAX_CATALOG_BYTES: usize = 4 * 1024 * 1024;
/// Most part kinds a catalog may declare.
pub const MAX_PART_KINDS: usize = 5_000;
/// Most finishes a catalog may declare.
pub const MAX_FINISHES: usize = 500;
/// Longest text (name, id, SKU) accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 500;

/// Why a catalog file could not be loaded.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum CatalogError {
    /// The file is larger than [`MAX_CATALOG_BYTES`].
    #[error("catalog file is {size} bytes; the limit is {limit} bytes")]
    TooLarge {
        /// Size of the rejected file.
        size: usize,
        /// The limit it broke.
        limit: usize,
    },
    /// The file is not JSON of the catalog's shape.
    #[error("{path}: {message} (line {line}, column {column})")]
    Syntax {
        /// JSON path of the value that failed to parse.
        path: String,
        /// What was wrong there.
        message: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
    },
    /// The file parsed, but its content does not hold together. Every problem is listed.
    #[error("catalog has {} problem(s):\n{}", .0.len(), ProblemList(.0))]
    Invalid(Vec<CatalogProblem>),
}

/// One thing wrong in a catalog, at a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogProblem {
    /// Where, e.g. `parts[3].finishes[1]`.
    pub path: String,
    /// What, in plain words.
    pub message: String,
}

impl fmt::Display for CatalogProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

struct ProblemList<'a>(&'a [CatalogProblem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in self.0 {
            writeln!(f, "  {problem}")?;
        }
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    schema: String,
    id: String,
    version: String,
    name: BTreeMap<String, String>,
    currency: String,
    finishes: Vec<RawFinish>,
    parts: Vec<RawPart>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFinish {
    id: String,
    name: BTreeMap<String, String>,
    colour: String,
    roughness: f32,
    metalness: f32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPart {
    id: String,
    sku: String,
    name: BTreeMap<String, String>,
    category: String,
    shape: RawShape,
    finishes: Vec<String>,
    price: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
enum RawShape {
    /// Width, height, depth in millimetres.
    Box([f32; 3]),
}

/// Loads a catalog from the text of a catalog file: parse with limits, then resolve and check.
pub fn load_catalog(text: &str) -> Result<Catalog, CatalogError> {
    if text.len() > MAX_CATALOG_BYTES {
        return Err(CatalogError::TooLarge {
            size: text.len(),
            limit: MAX_CATALOG_BYTES,
        });
    }
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    let raw: RawCatalog = serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        CatalogError::Syntax {
            path,
            message: inner.to_string(),
            line: inner.line(),
            column: inner.column(),
        }
    })?;
    Resolver::default().resolve(raw)
}

/// Collects every problem while turning raw values into core values.
#[derive(Default)]
struct Resolver {
    problems: Vec<CatalogProblem>,
}

impl Resolver {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(CatalogProblem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn resolve(mut self, raw: RawCatalog) -> Result<Catalog, CatalogError> {
        if raw.schema != CATALOG_SCHEMA {
            self.problem(
                "schema",
                format!(
                    "unsupported schema '{}'; this version reads '{CATALOG_SCHEMA}'",
                    raw.schema
                ),
            );
        }
        self.text("id", &raw.id);
        self.text("version", &raw.version);
        if raw.currency.len() != 3 || !raw.currency.bytes().all(|b| b.is_ascii_uppercase()) {
            self.problem(
                "currency",
                format!(
                    "'{}' is not an ISO 4217 code (three capital letters)",
                    raw.currency
                ),
            );
        }
        let name = self.localized("name", raw.name);
        let finishes = self.finishes(raw.finishes);
        let finish_ids: HashSet<&FinishId> = finishes.iter().map(|finish| &finish.id).collect();
        let parts = self.parts(raw.parts, &finish_ids);
        if self.problems.is_empty() {
            Ok(Catalog {
                meta: CatalogMeta {
                    id: raw.id,
                    version: raw.version,
                    name,
                    currency: raw.currency,
                },
                parts,
                finishes,
            })
        } else {
            Err(CatalogError::Invalid(self.problems))
        }
    }

    fn text(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.problem(path, "must not be empty");
        } else if text.chars().count() > MAX_TEXT_CHARS {
            self.problem(path, format!("longer than {MAX_TEXT_CHARS} characters"));
        }
    }

    fn localized(&mut self, path: &str, texts: BTreeMap<String, String>) -> LocalizedText {
        for (locale, text) in &texts {
            self.text(&format!("{path}.{locale}"), text);
        }
        let Some(english) = texts.get("en") else {
            self.problem(path, "needs an English text (\"en\")");
            return LocalizedText::english("");
        };
        let mut localized = LocalizedText::english(english.clone());
        for (locale, text) in texts {
            localized = localized.with(Locale::new(locale), text);
        }
        localized
    }

    fn finishes(&mut self, raw: Vec<RawFinish>) -> Vec<Finish> {
        if raw.len() > MAX_FINISHES {
            self.problem(
                "finishes",
                format!("{} finishes; the limit is {MAX_FINISHES}", raw.len()),
            );
        }
        let mut seen = HashSet::new();
        let mut finishes = Vec::with_capacity(raw.len());
        for (index, finish) in raw.into_iter().enumerate() {
            let path = format!("finishes[{index}]");
            self.text(&format!("{path}.id"), &finish.id);
            if !seen.insert(finish.id.clone()) {
                self.problem(
                    format!("{path}.id"),
                    format!("duplicate finish id '{}'", finish.id),
                );
            }
            let colour = parse_hex_colour(&finish.colour).unwrap_or_else(|| {
                self.problem(
                    format!("{path}.colour"),
                    format!("'{}' is not a colour of the form #rrggbb", finish.colour),
                );
                Srgb { r: 0, g: 0, b: 0 }
            });
            self.unit_interval(&format!("{path}.roughness"), finish.roughness);
            self.unit_interval(&format!("{path}.metalness"), finish.metalness);
            let name = self.localized(&format!("{path}.name"), finish.name);
            finishes.push(Finish {
                id: FinishId::new(finish.id),
                name,
                colour,
                roughness: finish.roughness,
                metalness: finish.metalness,
            });
        }
        finishes
    }

    fn unit_interval(&mut self, path: &str, value: f32) {
        if !(0.0..=1.0).contains(&value) {
            self.problem(path, format!("{value} is outside 0..1"));
        }
    }

    fn parts(&mut self, raw: Vec<RawPart>, finish_ids: &HashSet<&FinishId>) -> Vec<PartKind> {
        if raw.len() > MAX_PART_KINDS {
            self.problem(
                "parts",
                format!("{} part kinds; the limit is {MAX_PART_KINDS}", raw.len()),
            );
        }
        let mut seen = HashSet::new();
        let mut parts = Vec::with_capacity(raw.len());
        for (index, part) in raw.into_iter().enumerate() {
            let path = format!("parts[{index}]");
            self.text(&format!("{path}.id"), &part.id);
            self.text(&format!("{path}.sku"), &part.sku);
            self.text(&format!("{path}.category"), &part.category);
            if !seen.insert(part.id.clone()) {
                self.problem(
                    format!("{path}.id"),
                    format!("duplicate part id '{}'", part.id),
                );
            }
            let RawShape::Box(size) = part.shape;
            if size.iter().any(|side| !side.is_finite() || *side <= 0.0) {
                self.problem(
                    format!("{path}.shape.box"),
                    "every side must be a positive number of millimetres",
                );
            }
            if part.finishes.is_empty() {
                self.problem(
                    format!("{path}.finishes"),
                    "a part needs at least one finish",
                );
            }
            let finishes: Vec<FinishId> = part.finishes.into_iter().map(FinishId::new).collect();
            for (finish_index, finish) in finishes.iter().enumerate() {
                if !finish_ids.contains(finish) {
                    self.problem(
                        format!("{path}.finishes[{finish_index}]"),
                        format!("unknown finish '{finish}'"),
                    );
                }
            }
            if part.price < 0 {
                self.problem(format!("{path}.price"), "a price cannot be negative");
            }
            let name = self.localized(&format!("{path}.name"), part.name);
            parts.push(PartKind {
                id: PartKindId::new(part.id),
                sku: part.sku,
                name,
                category: part.category,
                shape: Shape::Box { size: size.into() },
                finishes,
                price: part.price,
            });
        }
        parts
    }
}

fn parse_hex_colour(text: &str) -> Option<Srgb> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |range| u8::from_str_radix(&hex[range], 16).ok();
    Some(Srgb {
        r: channel(0..2)?,
        g: channel(2..4)?,
        b: channel(4..6)?,
    })
}
