//! The `rules` section of a catalog file, and their resolution into core values.

use super::Resolver;
use schemars::JsonSchema;
use serde::Deserialize;
use snapkit_core::{
    ConnectorName, FinishId, PartKind, PartKindId, Reach, Rule, RuleId, RuleKind, Scope, Selector,
    Severity,
};
use std::collections::{BTreeMap, HashSet};

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    id: String,
    severity: Severity,
    #[serde(default)]
    message: Option<BTreeMap<String, String>>,
    check: RawCheck,
}

#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSelector {
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
enum RawCheck {
    Count {
        #[serde(default)]
        parts: RawSelector,
        #[serde(default)]
        min: Option<u32>,
        #[serde(default)]
        max: Option<u32>,
        #[serde(default)]
        per: Scope,
    },
    Requires {
        parts: RawSelector,
        needs: RawSelector,
        #[serde(default)]
        at: Vec<String>,
        #[serde(default)]
        within: Reach,
    },
    Excludes {
        parts: RawSelector,
        forbids: RawSelector,
        #[serde(default)]
        within: Reach,
    },
    SameFinish {
        #[serde(default)]
        parts: RawSelector,
        #[serde(default)]
        per: Scope,
    },
    FinishPairing {
        parts: RawSelector,
        finishes: Vec<String>,
        attached: RawSelector,
        attached_finishes: Vec<String>,
    },
    OpenConnectors {
        #[serde(default)]
        parts: RawSelector,
        connectors: Vec<String>,
    },
    /// Millimetres.
    Bounds {
        #[serde(default)]
        max_width: Option<f64>,
        #[serde(default)]
        max_height: Option<f64>,
        #[serde(default)]
        max_depth: Option<f64>,
    },
    Support,
    Load,
    Proportion {
        max_height_per_depth: f32,
    },
}

impl Resolver {
    pub(super) fn rules(&mut self, raw: Vec<RawRule>, parts: &[PartKind]) -> Vec<Rule> {
        let mut seen = HashSet::new();
        let mut rules = Vec::with_capacity(raw.len());
        for (index, rule) in raw.into_iter().enumerate() {
            let path = format!("rules[{index}]");
            self.text(&format!("{path}.id"), &rule.id);
            self.unique(&format!("{path}.id"), &rule.id, &mut seen, "rule id");
            let message = rule
                .message
                .map(|texts| self.localized(&format!("{path}.message"), texts));
            let kind = self.check(&format!("{path}.check"), rule.check, parts);
            rules.push(Rule {
                id: RuleId::new(rule.id),
                severity: rule.severity,
                message,
                kind,
            });
        }
        rules
    }

    fn check(&mut self, path: &str, raw: RawCheck, parts: &[PartKind]) -> RuleKind {
        match raw {
            RawCheck::Count {
                parts: selected,
                min,
                max,
                per,
            } => {
                if min.is_none() && max.is_none() {
                    self.problem(format!("{path}.count"), "needs a min, a max or both");
                }
                if let (Some(min), Some(max)) = (min, max)
                    && min > max
                {
                    self.problem(
                        format!("{path}.count.min"),
                        format!("{min} is above the max {max}"),
                    );
                }
                RuleKind::Count {
                    parts: self.selector(&format!("{path}.count.parts"), selected, parts),
                    min,
                    max,
                    per,
                }
            }
            RawCheck::Requires {
                parts: selected,
                needs,
                at,
                within,
            } => {
                let selector = self.selector(&format!("{path}.requires.parts"), selected, parts);
                let at = self.connector_names(&format!("{path}.requires.at"), at, &selector, parts);
                RuleKind::Requires {
                    parts: selector,
                    needs: self.selector(&format!("{path}.requires.needs"), needs, parts),
                    at,
                    within,
                }
            }
            RawCheck::Excludes {
                parts: selected,
                forbids,
                within,
            } => RuleKind::Excludes {
                parts: self.selector(&format!("{path}.excludes.parts"), selected, parts),
                forbids: self.selector(&format!("{path}.excludes.forbids"), forbids, parts),
                within,
            },
            RawCheck::SameFinish {
                parts: selected,
                per,
            } => RuleKind::SameFinish {
                parts: self.selector(&format!("{path}.same_finish.parts"), selected, parts),
                per,
            },
            RawCheck::FinishPairing {
                parts: selected,
                finishes,
                attached,
                attached_finishes,
            } => RuleKind::FinishPairing {
                parts: self.selector(&format!("{path}.finish_pairing.parts"), selected, parts),
                finishes: self.finish_refs(
                    &format!("{path}.finish_pairing.finishes"),
                    finishes,
                    parts,
                ),
                attached: self.selector(
                    &format!("{path}.finish_pairing.attached"),
                    attached,
                    parts,
                ),
                attached_finishes: self.finish_refs(
                    &format!("{path}.finish_pairing.attached_finishes"),
                    attached_finishes,
                    parts,
                ),
            },
            RawCheck::OpenConnectors {
                parts: selected,
                connectors,
            } => {
                let selector =
                    self.selector(&format!("{path}.open_connectors.parts"), selected, parts);
                let connectors = self.connector_names(
                    &format!("{path}.open_connectors.connectors"),
                    connectors,
                    &selector,
                    parts,
                );
                RuleKind::OpenConnectors {
                    parts: selector,
                    connectors,
                }
            }
            RawCheck::Bounds {
                max_width,
                max_height,
                max_depth,
            } => {
                let mut limit = |name: &str, mm: Option<f64>| {
                    let um = self.length(&format!("{path}.bounds.{name}"), mm?);
                    if um <= 0 {
                        self.problem(format!("{path}.bounds.{name}"), "must be a positive length");
                    }
                    Some(um)
                };
                RuleKind::Bounds {
                    max_width_um: limit("max_width", max_width),
                    max_height_um: limit("max_height", max_height),
                    max_depth_um: limit("max_depth", max_depth),
                }
            }
            RawCheck::Support => RuleKind::Support,
            RawCheck::Load => RuleKind::Load,
            RawCheck::Proportion {
                max_height_per_depth,
            } => {
                if !(max_height_per_depth.is_finite() && max_height_per_depth > 0.0) {
                    self.problem(
                        format!("{path}.proportion.max_height_per_depth"),
                        "must be a positive number",
                    );
                }
                RuleKind::Proportion {
                    max_height_per_depth,
                }
            }
        }
    }

    /// Checks that every kind, category and tag a selector names exists.
    pub(super) fn selector(
        &mut self,
        path: &str,
        raw: RawSelector,
        parts: &[PartKind],
    ) -> Selector {
        for (index, kind) in raw.kinds.iter().enumerate() {
            if !parts.iter().any(|part| part.id.as_str() == kind) {
                self.problem(
                    format!("{path}.kinds[{index}]"),
                    format!("unknown part kind '{kind}'"),
                );
            }
        }
        for (index, category) in raw.categories.iter().enumerate() {
            if !parts.iter().any(|part| &part.category == category) {
                self.problem(
                    format!("{path}.categories[{index}]"),
                    format!("no part has the category '{category}'"),
                );
            }
        }
        for (index, tag) in raw.tags.iter().enumerate() {
            if !parts.iter().any(|part| part.tags.contains(tag)) {
                self.problem(
                    format!("{path}.tags[{index}]"),
                    format!("no part has the tag '{tag}'"),
                );
            }
        }
        Selector {
            kinds: raw.kinds.into_iter().map(PartKindId::new).collect(),
            categories: raw.categories,
            tags: raw.tags,
        }
    }

    /// Checks that each connector name exists on at least one selected part kind.
    fn connector_names(
        &mut self,
        path: &str,
        names: Vec<String>,
        selector: &Selector,
        parts: &[PartKind],
    ) -> Vec<ConnectorName> {
        names
            .into_iter()
            .enumerate()
            .map(|(index, name)| {
                let name = ConnectorName::new(name);
                let exists = parts
                    .iter()
                    .any(|part| selector.matches(part) && part.connector(&name).is_some());
                if !exists {
                    self.problem(
                        format!("{path}[{index}]"),
                        format!("no selected part has a connector '{name}'"),
                    );
                }
                name
            })
            .collect()
    }

    fn finish_refs(
        &mut self,
        path: &str,
        finishes: Vec<String>,
        parts: &[PartKind],
    ) -> Vec<FinishId> {
        finishes
            .into_iter()
            .enumerate()
            .map(|(index, finish)| {
                let finish = FinishId::new(finish);
                if !parts.iter().any(|part| part.finishes.contains(&finish)) {
                    self.problem(
                        format!("{path}[{index}]"),
                        format!("no part is made in '{finish}'"),
                    );
                }
                finish
            })
            .collect()
    }
}
