//! The `presets` section of a catalog file: ready-made products written as building steps
//! ("this frame here; that frame onto its right side"), resolved into placed parts and checked
//! like any configuration: every step must fit, and the result must break no error rule.

use super::Resolver;
use schemars::JsonSchema;
use serde::Deserialize;
use snapkit_core::connector::placements_onto;
use snapkit_core::geometry::mm_to_um;
use snapkit_core::{
    Assembly, Catalog, ConnectorName, Direction, Edit, FinishId, Locale, PartId, PartKindId,
    PlacedPart, Placement, Preset, QuarterTurns, Rotation, check,
};
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// Most presets a catalog may declare.
const MAX_PRESETS: usize = 100;
/// Most parts one preset may have.
const MAX_PRESET_PARTS: usize = 2_000;

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPreset {
    id: String,
    name: BTreeMap<String, String>,
    /// The parts in building order; part numbers count from 1 in this order.
    parts: Vec<BuildStep>,
}

/// One part of a configuration written by hand: placed at a point, or attached to an earlier
/// part by naming the two connectors that join.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum BuildStep {
    /// A part at a point.
    Place(PlaceStep),
    /// A part joined to an earlier one.
    Attach(AttachStep),
}

/// A part standing at a point, turned about the vertical.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceStep {
    /// Its kind.
    pub kind: String,
    /// Its finish (default: the kind's first).
    #[serde(default)]
    pub finish: Option<String>,
    /// Where its origin goes, in millimetres.
    pub at: [f64; 3],
    /// Quarter turns about +y.
    #[serde(default)]
    pub turns: u8,
}

/// A part whose connector `by` goes onto connector `onto` of the earlier part `part`.
#[derive(Clone, Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttachStep {
    /// Its kind.
    pub kind: String,
    /// Its finish (default: the kind's first).
    #[serde(default)]
    pub finish: Option<String>,
    /// The number of the part it attaches to (counting from 1 in building order).
    pub part: u32,
    /// The connector on that part.
    pub onto: String,
    /// The connector on the new part.
    pub by: String,
    /// Which of the ways the two connectors can join (0 = the first allowed turn).
    #[serde(default)]
    pub turn: u8,
}

impl BuildStep {
    /// The part this step adds to `assembly`, with the next free id; an error names what the
    /// step refers to that does not exist. Whether it fits there is for the edit to say.
    pub fn part(&self, assembly: &Assembly) -> Result<PlacedPart, String> {
        let catalog = assembly.catalog();
        let (kind, finish, placement) = match self {
            Self::Place(step) => {
                let translation = step
                    .at
                    .map(|mm| mm_to_um(mm).ok_or(format!("{mm} is not a length")));
                let [x, y, z] = translation;
                let placement = Placement {
                    rotation: Rotation::quarter_turns_about(Direction::PosY, step.turns),
                    translation: glam::IVec3::new(x?, y?, z?),
                };
                (&step.kind, &step.finish, placement)
            }
            Self::Attach(step) => {
                let host = assembly
                    .part(PartId(step.part))
                    .ok_or(format!("there is no part {} before this one", step.part))?;
                let host_kind = catalog
                    .part(&host.kind)
                    .ok_or(format!("unknown kind '{}'", host.kind))?;
                let target = host_kind
                    .connector(&ConnectorName::new(step.onto.as_str()))
                    .ok_or(format!("'{}' has no connector '{}'", host.kind, step.onto))?
                    .world_frame(host.placement);
                let moving = catalog
                    .part(&PartKindId::new(step.kind.as_str()))
                    .ok_or(format!("unknown kind '{}'", step.kind))?
                    .connector(&ConnectorName::new(step.by.as_str()))
                    .ok_or(format!("'{}' has no connector '{}'", step.kind, step.by))?;
                let placement = placements_onto(target, moving, QuarterTurns::ALL)
                    .nth(usize::from(step.turn))
                    .ok_or(format!("'{}' cannot turn that way there", step.by))?;
                (&step.kind, &step.finish, placement)
            }
        };
        let kind_id = PartKindId::new(kind.as_str());
        let kind = catalog
            .part(&kind_id)
            .ok_or(format!("unknown kind '{kind_id}'"))?;
        let finish = match finish {
            Some(finish) => FinishId::new(finish.as_str()),
            None => kind
                .finishes
                .first()
                .cloned()
                .ok_or("the kind has no finish")?,
        };
        Ok(PlacedPart {
            id: assembly.next_part_id(),
            kind: kind_id,
            finish,
            placement,
        })
    }
}

impl Resolver {
    /// The presets of `catalog` (resolved apart from its presets), each built and checked.
    pub(super) fn presets(&mut self, raw: Vec<RawPreset>, catalog: &Arc<Catalog>) -> Vec<Preset> {
        if raw.len() > MAX_PRESETS {
            self.problem(
                "presets",
                format!("{} presets; the limit is {MAX_PRESETS}", raw.len()),
            );
        }
        let mut seen = HashSet::new();
        let mut presets = Vec::new();
        for (index, preset) in raw.into_iter().take(MAX_PRESETS).enumerate() {
            let path = format!("presets[{index}]");
            self.text(&format!("{path}.id"), &preset.id);
            self.unique(&format!("{path}.id"), &preset.id, &mut seen, "preset id");
            let name = self.localized(&format!("{path}.name"), preset.name);
            if let Some(parts) = self.built(&path, &preset.parts, catalog) {
                presets.push(Preset {
                    id: preset.id,
                    name,
                    parts,
                });
            }
        }
        presets
    }

    /// The parts `steps` build, or `None` after reporting why they cannot be built or would
    /// break an error rule.
    fn built(
        &mut self,
        path: &str,
        steps: &[BuildStep],
        catalog: &Arc<Catalog>,
    ) -> Option<Vec<PlacedPart>> {
        if steps.is_empty() || steps.len() > MAX_PRESET_PARTS {
            self.problem(
                format!("{path}.parts"),
                format!("needs 1 to {MAX_PRESET_PARTS} parts"),
            );
            return None;
        }
        let mut assembly = Assembly::new(Arc::clone(catalog));
        for (index, step) in steps.iter().enumerate() {
            let placed = step.part(&assembly).and_then(|part| {
                Edit::PlacePart(part)
                    .apply(&mut assembly)
                    .map_err(|error| error.to_string())
            });
            if let Err(reason) = placed {
                self.problem(format!("{path}.parts[{index}]"), reason);
                return None;
            }
        }
        let broken: Vec<String> = check(&assembly, &Locale::english())
            .into_iter()
            .filter(|violation| violation.is_error())
            .map(|violation| format!("'{}': {}", violation.rule, violation.reason))
            .collect();
        if !broken.is_empty() {
            self.problem(
                path,
                format!("the preset breaks rule {}", broken.join("; rule ")),
            );
            return None;
        }
        Some(assembly.parts().cloned().collect())
    }
}
