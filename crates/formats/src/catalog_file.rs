//! The catalog file (`"schema": "snapkit.catalog/1"`): raw JSON parse, then resolution into a `core::Catalog`.

use glam::IVec3;
use schemars::JsonSchema;
use serde::Deserialize;
use snapkit_core::geometry::mm_to_um;
use snapkit_core::{
    Aabb, Catalog, CatalogMeta, Connector, ConnectorName, ConnectorType, ConnectorTypeId,
    Direction, Finish, FinishId, Locale, LocalizedText, PartKind, PartKindId, QuantityBreak,
    QuarterTurns, Srgb,
};
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::sync::Arc;

mod guided_start_section;
mod hardware_section;
mod presets_section;
mod rules_section;
mod shape_section;

use crate::content_hash::content_hash;
use crate::json_input::{SyntaxError, parse};
use crate::json_locate::locate;

use guided_start_section::RawGuidedStart;
use hardware_section::RawHardware;
use presets_section::RawPreset;
pub use presets_section::{AttachStep, BuildStep, PlaceStep};
use rules_section::RawRule;
use shape_section::RawShape;

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
/// Most connectors one part kind may have (after expanding grids).
pub const MAX_CONNECTORS_PER_PART: usize = 1_000;
/// Largest coordinate or size accepted, in millimetres (100 m).
pub const MAX_LENGTH_MM: f64 = 100_000.0;

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
    #[error("{0}")]
    Syntax(SyntaxError),
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
    /// 1-based line of the value in the file (of its nearest existing parent if it is missing).
    pub line: usize,
    /// 1-based column of that value.
    pub column: usize,
}

impl fmt::Display for CatalogProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (line {}, column {})",
            self.path, self.message, self.line, self.column
        )
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

/// A snapkit catalog file: one modular product system.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "snapkit catalog",
    extend("$id" = "https://snapkit.dev/schemas/snapkit.catalog-1.schema.json")
)]
pub(crate) struct RawCatalog {
    schema: String,
    id: String,
    version: String,
    name: BTreeMap<String, String>,
    currency: String,
    /// The floor snap grid in millimetres.
    #[serde(default = "default_snap_grid")]
    snap_grid: f64,
    #[serde(default)]
    connector_types: Vec<RawConnectorType>,
    finishes: Vec<RawFinish>,
    parts: Vec<RawPart>,
    #[serde(default)]
    hardware: Vec<RawHardware>,
    #[serde(default)]
    rules: Vec<RawRule>,
    /// Ready-made products to start from.
    #[serde(default)]
    presets: Vec<RawPreset>,
    /// The needs questions that lead a customer to proposals among the presets.
    #[serde(default)]
    guided_start: Option<RawGuidedStart>,
    /// The part categories' names by category id, for the catalog panel's headings; a
    /// category without one is headed by its id.
    #[serde(default)]
    categories: BTreeMap<String, BTreeMap<String, String>>,
}

fn default_snap_grid() -> f64 {
    1.0
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawConnectorType {
    id: String,
    #[serde(default)]
    mates: Vec<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawConnector {
    name: String,
    #[serde(rename = "type")]
    connector_type: String,
    /// Millimetres, in the part's frame.
    position: [f64; 3],
    normal: Direction,
    up: Direction,
    #[serde(default = "no_turns")]
    rotations: Vec<u8>,
    /// Repeats the connector on a grid: `name[i,j,k]` at `position + (i, j, k) * step`.
    grid: Option<RawGrid>,
}

fn no_turns() -> Vec<u8> {
    vec![0]
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawGrid {
    step: [f64; 3],
    count: [u16; 3],
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawBox {
    min: [f64; 3],
    max: [f64; 3],
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawFinish {
    id: String,
    name: BTreeMap<String, String>,
    colour: String,
    roughness: f32,
    metalness: f32,
    /// 1 (opaque, the default) down to 0: below 1 for a see-through finish such as glass.
    #[serde(default = "opaque")]
    opacity: f32,
}

fn opaque() -> f32 {
    1.0
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawPart {
    id: String,
    sku: String,
    name: BTreeMap<String, String>,
    category: String,
    #[serde(default)]
    tags: Vec<String>,
    shape: RawShape,
    #[serde(default)]
    collision: Option<Vec<RawBox>>,
    finishes: Vec<String>,
    price: i64,
    /// Prices that differ from `price` in some finishes.
    #[serde(default)]
    finish_prices: BTreeMap<String, i64>,
    #[serde(default)]
    quantity_breaks: Vec<RawQuantityBreak>,
    weight_g: u32,
    #[serde(default)]
    contents_g: u32,
    #[serde(default)]
    load_capacity_g: Option<u32>,
    #[serde(default)]
    connectors: Vec<RawConnector>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawQuantityBreak {
    from: u32,
    percent_off: u8,
}

/// Loads a catalog from the text of a catalog file: parse with limits, then resolve and check.
pub fn load_catalog(text: &str) -> Result<Catalog, CatalogError> {
    if text.len() > MAX_CATALOG_BYTES {
        return Err(CatalogError::TooLarge {
            size: text.len(),
            limit: MAX_CATALOG_BYTES,
        });
    }
    let raw: RawCatalog = parse(text).map_err(CatalogError::Syntax)?;
    let mut catalog = Resolver::default()
        .resolve(raw)
        .map_err(|error| match error {
            CatalogError::Invalid(problems) => CatalogError::Invalid(
                problems
                    .into_iter()
                    .map(|problem| {
                        let (line, column) = locate(text, &problem.path);
                        CatalogProblem {
                            line,
                            column,
                            ..problem
                        }
                    })
                    .collect(),
            ),
            other => other,
        })?;
    // The text parsed once already, so it is JSON; the hash needs its generic form.
    let value: serde_json::Value = parse(text).map_err(CatalogError::Syntax)?;
    catalog.meta.content_hash = content_hash(&value);
    Ok(catalog)
}

/// Collects every problem while turning raw values into core values.
#[derive(Default)]
struct Resolver {
    problems: Vec<CatalogProblem>,
}

impl Resolver {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        // Located in the text once resolution is over.
        self.problems.push(CatalogProblem {
            path: path.into(),
            message: message.into(),
            line: 1,
            column: 1,
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
        let snap_grid_um = self.length("snap_grid", raw.snap_grid);
        if snap_grid_um <= 0 {
            self.problem("snap_grid", "must be a positive number of millimetres");
        }
        let connector_types = self.connector_types(raw.connector_types);
        let finishes = self.finishes(raw.finishes);
        let finish_ids: HashSet<&FinishId> = finishes.iter().map(|finish| &finish.id).collect();
        let type_ids: HashSet<&ConnectorTypeId> =
            connector_types.iter().map(|kind| &kind.id).collect();
        let parts = self.parts(raw.parts, &finish_ids, &type_ids);
        self.model_sizes_agree(&parts);
        let hardware = self.hardware(raw.hardware, &type_ids);
        let rules = self.rules(raw.rules, &parts);
        let category_names = self.category_names(raw.categories, &parts);
        let guided_start = raw
            .guided_start
            .map(|guide| self.guided_start(guide, &parts));
        if !self.problems.is_empty() {
            return Err(CatalogError::Invalid(self.problems));
        }
        // Presets are built with the catalog itself, so they come once the rest is sound.
        let mut catalog = Catalog {
            meta: CatalogMeta {
                id: raw.id,
                version: raw.version,
                name,
                currency: raw.currency,
                snap_grid_um,
                content_hash: String::new(),
            },
            parts,
            finishes,
            connector_types,
            hardware,
            rules,
            presets: Vec::new(),
            guided_start,
            category_names,
            models: Default::default(),
        };
        if !raw.presets.is_empty() {
            let without_presets = Arc::new(catalog.clone());
            catalog.presets = self.presets(raw.presets, &without_presets);
        }
        if self.problems.is_empty() {
            Ok(catalog)
        } else {
            Err(CatalogError::Invalid(self.problems))
        }
    }

    /// Reports `id` when an earlier entry of the same list (`seen`) has it already.
    fn unique(&mut self, path: &str, id: &str, seen: &mut HashSet<String>, noun: &str) {
        if !seen.insert(id.to_owned()) {
            self.problem(path, format!("duplicate {noun} '{id}'"));
        }
    }

    fn text(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.problem(path, "must not be empty");
        } else if text.chars().count() > MAX_TEXT_CHARS {
            self.problem(path, format!("longer than {MAX_TEXT_CHARS} characters"));
        }
    }

    /// The categories' names; each must be the category of some part.
    fn category_names(
        &mut self,
        raw: BTreeMap<String, BTreeMap<String, String>>,
        parts: &[PartKind],
    ) -> BTreeMap<String, LocalizedText> {
        raw.into_iter()
            .map(|(category, names)| {
                let path = format!("categories.{category}");
                if !parts.iter().any(|part| part.category == category) {
                    self.problem(&path, format!("no part has the category '{category}'"));
                }
                let name = self.localized(&path, names);
                (category, name)
            })
            .collect()
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
            self.unique(&format!("{path}.id"), &finish.id, &mut seen, "finish id");
            let colour = parse_hex_colour(&finish.colour).unwrap_or_else(|| {
                self.problem(
                    format!("{path}.colour"),
                    format!("'{}' is not a colour of the form #rrggbb", finish.colour),
                );
                Srgb { r: 0, g: 0, b: 0 }
            });
            self.unit_interval(&format!("{path}.roughness"), finish.roughness);
            self.unit_interval(&format!("{path}.metalness"), finish.metalness);
            self.unit_interval(&format!("{path}.opacity"), finish.opacity);
            let name = self.localized(&format!("{path}.name"), finish.name);
            finishes.push(Finish {
                id: FinishId::new(finish.id),
                name,
                colour,
                roughness: finish.roughness,
                metalness: finish.metalness,
                opacity: finish.opacity,
            });
        }
        finishes
    }

    /// Millimetres to micrometres, reporting values that are not finite or too large.
    fn length(&mut self, path: &str, mm: f64) -> i32 {
        match mm_to_um(mm).filter(|_| mm.abs() <= MAX_LENGTH_MM) {
            Some(um) => um,
            None => {
                self.problem(
                    path,
                    format!("{mm} is not a length within ±{MAX_LENGTH_MM} mm"),
                );
                0
            }
        }
    }

    fn point(&mut self, path: &str, mm: [f64; 3]) -> IVec3 {
        IVec3::new(
            self.length(&format!("{path}[0]"), mm[0]),
            self.length(&format!("{path}[1]"), mm[1]),
            self.length(&format!("{path}[2]"), mm[2]),
        )
    }

    fn connector_types(&mut self, raw: Vec<RawConnectorType>) -> Vec<ConnectorType> {
        let declared: HashSet<String> = raw.iter().map(|kind| kind.id.clone()).collect();
        let mut seen = HashSet::new();
        for (index, kind) in raw.iter().enumerate() {
            let path = format!("connector_types[{index}]");
            self.text(&format!("{path}.id"), &kind.id);
            self.unique(&format!("{path}.id"), &kind.id, &mut seen, "connector type");
            for (mate_index, mate) in kind.mates.iter().enumerate() {
                if !declared.contains(mate) {
                    self.problem(
                        format!("{path}.mates[{mate_index}]"),
                        format!("unknown connector type '{mate}'"),
                    );
                }
            }
            let has_mate =
                !kind.mates.is_empty() || raw.iter().any(|other| other.mates.contains(&kind.id));
            if !has_mate {
                self.problem(
                    format!("{path}.mates"),
                    format!("connector type '{}' mates with nothing", kind.id),
                );
            }
        }
        raw.into_iter()
            .map(|kind| ConnectorType {
                id: ConnectorTypeId::new(kind.id),
                mates: kind.mates.into_iter().map(ConnectorTypeId::new).collect(),
            })
            .collect()
    }

    /// Reports `id` at `path` unless it is one of the catalog's connector types.
    fn known_connector_type(
        &mut self,
        path: &str,
        id: &ConnectorTypeId,
        type_ids: &HashSet<&ConnectorTypeId>,
    ) {
        if !type_ids.contains(id) {
            self.problem(path.to_owned(), format!("unknown connector type '{id}'"));
        }
    }

    fn connectors(
        &mut self,
        path: &str,
        raw: Vec<RawConnector>,
        type_ids: &HashSet<&ConnectorTypeId>,
    ) -> Vec<Connector> {
        let mut connectors = Vec::new();
        for (index, connector) in raw.into_iter().enumerate() {
            let path = format!("{path}.connectors[{index}]");
            self.text(&format!("{path}.name"), &connector.name);
            let connector_type = ConnectorTypeId::new(connector.connector_type);
            self.known_connector_type(&format!("{path}.type"), &connector_type, type_ids);
            if !connector.normal.is_perpendicular_to(connector.up) {
                self.problem(
                    format!("{path}.up"),
                    format!(
                        "'{}' is not at right angles to the normal '{}'",
                        connector.up, connector.normal
                    ),
                );
            }
            let rotations = QuarterTurns::from_turns(&connector.rotations).unwrap_or_else(|| {
                self.problem(
                    format!("{path}.rotations"),
                    "must be [0], [0, 2] or [0, 1, 2, 3] (a closed set of quarter turns)",
                );
                QuarterTurns::NONE
            });
            let origin = self.point(&format!("{path}.position"), connector.position);
            let (step, count) = match &connector.grid {
                Some(grid) => (
                    self.point(&format!("{path}.grid.step"), grid.step),
                    grid.count,
                ),
                None => (IVec3::ZERO, [1, 1, 1]),
            };
            let total = count.iter().map(|&n| usize::from(n)).product::<usize>();
            if total == 0 || total > MAX_CONNECTORS_PER_PART {
                self.problem(
                    format!("{path}.grid.count"),
                    format!("makes {total} connectors; between 1 and {MAX_CONNECTORS_PER_PART} are allowed"),
                );
                continue;
            }
            for i in 0..count[0] {
                for j in 0..count[1] {
                    for k in 0..count[2] {
                        let name = if connector.grid.is_some() {
                            format!("{}[{i},{j},{k}]", connector.name)
                        } else {
                            connector.name.clone()
                        };
                        let offset = step * IVec3::new(i32::from(i), i32::from(j), i32::from(k));
                        connectors.push(Connector {
                            name: ConnectorName::new(name),
                            connector_type: connector_type.clone(),
                            position: origin + offset,
                            normal: connector.normal,
                            up: connector.up,
                            rotations,
                        });
                    }
                }
            }
        }
        if connectors.len() > MAX_CONNECTORS_PER_PART {
            self.problem(
                format!("{path}.connectors"),
                format!(
                    "{} connectors; the limit is {MAX_CONNECTORS_PER_PART}",
                    connectors.len()
                ),
            );
        }
        let mut names = HashSet::new();
        for connector in &connectors {
            if !names.insert(connector.name.clone()) {
                self.problem(
                    format!("{path}.connectors"),
                    format!("duplicate connector name '{}'", connector.name),
                );
            }
        }
        connectors
    }

    fn unit_interval(&mut self, path: &str, value: f32) {
        if !(0.0..=1.0).contains(&value) {
            self.problem(path, format!("{value} is outside 0..1"));
        }
    }

    fn parts(
        &mut self,
        raw: Vec<RawPart>,
        finish_ids: &HashSet<&FinishId>,
        type_ids: &HashSet<&ConnectorTypeId>,
    ) -> Vec<PartKind> {
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
            self.unique(&format!("{path}.id"), &part.id, &mut seen, "part id");
            let shape = self.shape(&format!("{path}.shape"), part.shape);
            let collision = match part.collision {
                None => vec![shape.bounds()],
                Some(boxes) => {
                    if boxes.is_empty() {
                        self.problem(format!("{path}.collision"), "needs at least one box");
                    }
                    boxes
                        .into_iter()
                        .enumerate()
                        .map(|(box_index, raw_box)| {
                            let box_path = format!("{path}.collision[{box_index}]");
                            let min = self.point(&format!("{box_path}.min"), raw_box.min);
                            let max = self.point(&format!("{box_path}.max"), raw_box.max);
                            if !min.cmplt(max).all() {
                                self.problem(box_path, "min must be below max on every axis");
                            }
                            Aabb::spanning(min, max)
                        })
                        .collect()
                }
            };
            let connectors = self.connectors(&path, part.connectors, type_ids);
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
            let mut finish_prices = BTreeMap::new();
            for (finish, price) in part.finish_prices {
                let finish = FinishId::new(finish);
                if !finishes.contains(&finish) {
                    self.problem(
                        format!("{path}.finish_prices.{finish}"),
                        format!("the part is not made in '{finish}'"),
                    );
                }
                if price < 0 {
                    self.problem(
                        format!("{path}.finish_prices.{finish}"),
                        "a price cannot be negative",
                    );
                }
                finish_prices.insert(finish, price);
            }
            let quantity_breaks = part
                .quantity_breaks
                .into_iter()
                .enumerate()
                .map(|(break_index, step)| {
                    if step.from < 2 || step.percent_off == 0 || step.percent_off > 100 {
                        self.problem(
                            format!("{path}.quantity_breaks[{break_index}]"),
                            "needs from ≥ 2 and percent_off between 1 and 100",
                        );
                    }
                    QuantityBreak {
                        from: step.from,
                        percent_off: step.percent_off,
                    }
                })
                .collect();
            let name = self.localized(&format!("{path}.name"), part.name);
            parts.push(PartKind {
                id: PartKindId::new(part.id),
                sku: part.sku,
                name,
                category: part.category,
                tags: part.tags,
                shape,
                collision,
                finishes,
                price: part.price,
                finish_prices,
                quantity_breaks,
                weight_g: part.weight_g,
                contents_g: part.contents_g,
                load_capacity_g: part.load_capacity_g,
                connectors,
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
