//! Evaluating each kind of rule against an assembly's facts: the violations, without repairs.

use super::facts::Facts;
use super::load::carried_weights;
use super::message::{Param, Params, finish_label, part_label, render, selector_label};
use super::rule::{Reach, Rule, RuleKind, Scope, Selector};
use super::violation::Violation;
use crate::assembly::Assembly;
use crate::catalog::Catalog;
use crate::geometry::um_to_whole_mm;
use crate::{ConnectorId, FinishId, Locale, LocalizedText, PartId};
use std::collections::BTreeSet;

/// What a broken "requires attached" rule says when its catalog gives no message.
pub(super) const NEEDS_ATTACHED: &str = "{part} needs {needs} attached";

/// Every rule of the assembly's catalog that the assembly breaks, with reasons in `locale`.
pub fn violations(assembly: &Assembly, locale: &Locale) -> Vec<Violation> {
    let facts = Facts::of(assembly);
    let mut found = Vec::new();
    for rule in &assembly.catalog().rules {
        Evaluation {
            rule,
            facts: &facts,
            locale,
            found: &mut found,
        }
        .run();
    }
    found
}

/// One rule checked against one assembly.
struct Evaluation<'r, 'f, 'a> {
    rule: &'r Rule,
    facts: &'f Facts<'a>,
    locale: &'r Locale,
    found: &'r mut Vec<Violation>,
}

impl Evaluation<'_, '_, '_> {
    fn catalog(&self) -> &Catalog {
        self.facts.assembly.catalog()
    }

    /// Records a violation; `default` is the English message used when the catalog has none.
    fn report(
        &mut self,
        parts: Vec<PartId>,
        connectors: Vec<ConnectorId>,
        default: &str,
        params: Params,
        mendable_by_adding: bool,
    ) {
        let reason = match &self.rule.message {
            Some(template) => render(template, self.locale, &params),
            None => render(&LocalizedText::english(default), self.locale, &params),
        };
        let mut parts = parts;
        parts.sort_unstable();
        parts.dedup();
        self.found.push(Violation {
            rule: self.rule.id.clone(),
            severity: self.rule.severity,
            parts,
            connectors,
            reason,
            params,
            mendable_by_adding,
            repairs: Vec::new(),
        });
    }

    /// "Frame 750 × 350 #3": a part as the customer sees it.
    fn part_label(&self, at: usize) -> Param {
        let part = self.facts.parts[at];
        Param::Text(part_label(part.kind, part.placed.id, self.locale))
    }

    fn finish_label(&self, finish: &FinishId) -> String {
        finish_label(self.catalog(), finish, self.locale)
    }

    fn selector_label(&self, selector: &Selector) -> Param {
        Param::Text(selector_label(self.catalog(), selector, self.locale))
    }

    fn selected(&self, scope: &[usize], selector: &Selector) -> Vec<usize> {
        scope
            .iter()
            .copied()
            .filter(|&at| selector.matches(self.facts.parts[at].kind))
            .collect()
    }

    fn run(&mut self) {
        match &self.rule.kind {
            RuleKind::Count {
                parts,
                min,
                max,
                per,
            } => self.count(parts, *min, *max, *per),
            RuleKind::Requires {
                parts,
                needs,
                at,
                within,
            } => self.requires(parts, needs, at, *within),
            RuleKind::Excludes {
                parts,
                forbids,
                within,
            } => self.excludes(parts, forbids, *within),
            RuleKind::SameFinish { parts, per } => self.same_finish(parts, *per),
            RuleKind::FinishPairing {
                parts,
                finishes,
                attached,
                attached_finishes,
            } => self.finish_pairing(parts, finishes, attached, attached_finishes),
            RuleKind::OpenConnectors { parts, connectors } => {
                self.open_connectors(parts, connectors)
            }
            RuleKind::Bounds {
                max_width_um,
                max_height_um,
                max_depth_um,
            } => self.bounds([*max_width_um, *max_height_um, *max_depth_um]),
            RuleKind::Support => self.support(),
            RuleKind::Load => self.load(),
            RuleKind::Proportion {
                max_height_per_depth,
            } => self.proportion(*max_height_per_depth),
        }
    }

    fn count(&mut self, selector: &Selector, min: Option<u32>, max: Option<u32>, per: Scope) {
        for scope in self.facts.scopes(per == Scope::Group) {
            let selected = self.selected(&scope, selector);
            let count = u32::try_from(selected.len()).unwrap_or(u32::MAX);
            let what = self.selector_label(selector);
            if let Some(max) = max.filter(|&max| count > max) {
                let params = Params::from([
                    ("what", what),
                    ("count", Param::Number(count.into())),
                    ("max", Param::Number(max.into())),
                ]);
                let parts = self.facts.ids(selected);
                self.report(
                    parts,
                    Vec::new(),
                    "At most {max} × {what}; there are {count}",
                    params,
                    false,
                );
            } else if let Some(min) = min.filter(|&min| count < min) {
                let params = Params::from([
                    ("what", what),
                    ("count", Param::Number(count.into())),
                    ("min", Param::Number(min.into())),
                ]);
                let parts = self.facts.ids(scope);
                self.report(
                    parts,
                    Vec::new(),
                    "Needs at least {min} × {what}; there are {count}",
                    params,
                    true,
                );
            }
        }
    }

    fn requires(
        &mut self,
        parts: &Selector,
        needs: &Selector,
        at: &[crate::ConnectorName],
        within: Reach,
    ) {
        let all: Vec<usize> = (0..self.facts.parts.len()).collect();
        for subject in self.selected(&all, parts) {
            let satisfied = match within {
                Reach::Attached => self.facts.links[subject].iter().any(|link| {
                    (at.is_empty() || at.contains(link.own))
                        && needs.matches(self.facts.parts[link.other].kind)
                }),
                Reach::Assembly => all
                    .iter()
                    .any(|&other| other != subject && needs.matches(self.facts.parts[other].kind)),
            };
            if satisfied {
                continue;
            }
            let id = self.facts.parts[subject].placed.id;
            let connectors = at
                .iter()
                .map(|name| ConnectorId {
                    part: id,
                    connector: name.clone(),
                })
                .collect();
            let params = Params::from([
                ("part", self.part_label(subject)),
                ("needs", self.selector_label(needs)),
            ]);
            let default = match within {
                Reach::Attached => NEEDS_ATTACHED,
                Reach::Assembly => "{part} needs {needs} in the configuration",
            };
            self.report(vec![id], connectors, default, params, true);
        }
    }

    fn excludes(&mut self, parts: &Selector, forbids: &Selector, within: Reach) {
        let all: Vec<usize> = (0..self.facts.parts.len()).collect();
        for subject in self.selected(&all, parts) {
            let others: BTreeSet<usize> = match within {
                Reach::Attached => self.facts.links[subject]
                    .iter()
                    .map(|link| link.other)
                    .filter(|&other| forbids.matches(self.facts.parts[other].kind))
                    .collect(),
                Reach::Assembly => all
                    .iter()
                    .copied()
                    .filter(|&other| {
                        other != subject && forbids.matches(self.facts.parts[other].kind)
                    })
                    .collect(),
            };
            let Some(&first) = others.first() else {
                continue;
            };
            let params = Params::from([
                ("part", self.part_label(subject)),
                ("other", self.part_label(first)),
            ]);
            let parts = self.facts.ids(std::iter::once(subject).chain(others));
            self.report(
                parts,
                Vec::new(),
                "{part} cannot be combined with {other}",
                params,
                false,
            );
        }
    }

    fn same_finish(&mut self, selector: &Selector, per: Scope) {
        for scope in self.facts.scopes(per == Scope::Group) {
            let selected = self.selected(&scope, selector);
            let finishes: BTreeSet<&FinishId> = selected
                .iter()
                .map(|&at| &self.facts.parts[at].placed.finish)
                .collect();
            if finishes.len() < 2 {
                continue;
            }
            let names: Vec<String> = finishes
                .iter()
                .map(|finish| self.finish_label(finish))
                .collect();
            let params = Params::from([
                ("what", self.selector_label(selector)),
                (
                    "count",
                    Param::Number(i64::try_from(names.len()).unwrap_or(i64::MAX)),
                ),
                ("finishes", Param::Text(names.join(", "))),
            ]);
            let parts = self.facts.ids(selected);
            self.report(
                parts,
                Vec::new(),
                "{what} must all be in one finish; there are {count}: {finishes}",
                params,
                false,
            );
        }
    }

    fn finish_pairing(
        &mut self,
        parts: &Selector,
        finishes: &[FinishId],
        attached: &Selector,
        attached_finishes: &[FinishId],
    ) {
        let all: Vec<usize> = (0..self.facts.parts.len()).collect();
        for subject in self.selected(&all, parts) {
            let finish = &self.facts.parts[subject].placed.finish;
            if !finishes.contains(finish) {
                continue;
            }
            let wrong: BTreeSet<usize> = self.facts.links[subject]
                .iter()
                .map(|link| link.other)
                .filter(|&other| {
                    let neighbour = self.facts.parts[other];
                    attached.matches(neighbour.kind)
                        && !attached_finishes.contains(&neighbour.placed.finish)
                })
                .collect();
            let Some(&first) = wrong.first() else {
                continue;
            };
            let allowed: Vec<String> = attached_finishes
                .iter()
                .map(|f| self.finish_label(f))
                .collect();
            let params = Params::from([
                ("part", self.part_label(subject)),
                ("finish", Param::Text(self.finish_label(finish))),
                ("other", self.part_label(first)),
                ("allowed", Param::Text(allowed.join(", "))),
            ]);
            let ids = self.facts.ids(std::iter::once(subject).chain(wrong));
            self.report(
                ids,
                Vec::new(),
                "{part} in {finish} may only be attached to parts in {allowed}, not to {other}",
                params,
                false,
            );
        }
    }

    fn open_connectors(&mut self, parts: &Selector, connectors: &[crate::ConnectorName]) {
        let all: Vec<usize> = (0..self.facts.parts.len()).collect();
        for subject in self.selected(&all, parts) {
            let part = self.facts.parts[subject];
            for name in connectors {
                let joined = self.facts.links[subject]
                    .iter()
                    .any(|link| link.own == name);
                if joined || part.kind.connector(name).is_none() {
                    continue;
                }
                let params = Params::from([
                    ("part", self.part_label(subject)),
                    ("connector", Param::Text(name.to_string())),
                ]);
                let connector = ConnectorId {
                    part: part.placed.id,
                    connector: name.clone(),
                };
                self.report(
                    vec![part.placed.id],
                    vec![connector],
                    "{part} is open at {connector}",
                    params,
                    true,
                );
            }
        }
    }

    fn bounds(&mut self, limits: [Option<i32>; 3]) {
        const DIMENSIONS: [&str; 3] = ["Width", "Height", "Depth"];
        for scope in self.facts.scopes(true) {
            let Some(extent) = self.facts.extent(&scope) else {
                continue;
            };
            for (axis, limit) in limits.into_iter().enumerate() {
                let Some(limit) = limit.filter(|&limit| extent[axis] > limit) else {
                    continue;
                };
                let params = Params::from([
                    ("dimension", Param::Text(DIMENSIONS[axis].to_owned())),
                    ("actual", Param::Number(um_to_whole_mm(extent[axis]))),
                    ("limit", Param::Number(um_to_whole_mm(limit))),
                ]);
                let parts = self.facts.ids(scope.iter().copied());
                self.report(
                    parts,
                    Vec::new(),
                    "{dimension} {actual} mm exceeds the {limit} mm limit",
                    params,
                    false,
                );
            }
        }
    }

    fn support(&mut self) {
        let grounded = |at: usize| {
            self.facts.parts[at]
                .bounds
                .is_some_and(|bounds| bounds.min.y == 0)
        };
        // Indexed by part: a flag per part is cheaper than hashing every index.
        let mut reached: Vec<bool> = (0..self.facts.parts.len()).map(grounded).collect();
        let mut frontier: Vec<usize> = (0..reached.len()).filter(|&at| reached[at]).collect();
        while let Some(at) = frontier.pop() {
            for link in &self.facts.links[at] {
                if !reached[link.other] {
                    reached[link.other] = true;
                    frontier.push(link.other);
                }
            }
        }
        for scope in self.facts.scopes(true) {
            let floating: Vec<usize> = scope.into_iter().filter(|&at| !reached[at]).collect();
            let Some(&first) = floating.first() else {
                continue;
            };
            let params = Params::from([
                ("part", self.part_label(first)),
                (
                    "count",
                    Param::Number(i64::try_from(floating.len()).unwrap_or(i64::MAX)),
                ),
            ]);
            let parts = self.facts.ids(floating);
            self.report(
                parts,
                Vec::new(),
                "{part} does not rest on anything",
                params,
                false,
            );
        }
    }

    fn load(&mut self) {
        let carried = carried_weights(self.facts);
        for (at, &load) in carried.iter().enumerate() {
            let Some(capacity) = self.facts.parts[at].kind.load_capacity_g else {
                continue;
            };
            if load <= u64::from(capacity) {
                continue;
            }
            let params = Params::from([
                ("part", self.part_label(at)),
                (
                    "load",
                    Param::Grams(i64::try_from(load).unwrap_or(i64::MAX)),
                ),
                ("capacity", Param::Grams(capacity.into())),
            ]);
            let id = self.facts.parts[at].placed.id;
            self.report(
                vec![id],
                Vec::new(),
                "{part} carries {load}; it holds at most {capacity}",
                params,
                false,
            );
        }
    }

    fn proportion(&mut self, max_height_per_depth: f32) {
        for scope in self.facts.scopes(true) {
            let Some(size) = self.facts.extent(&scope) else {
                continue;
            };
            let depth = size.x.min(size.z);
            #[expect(
                clippy::cast_precision_loss,
                reason = "sizes are far below 2^24 µm ratios matter at"
            )]
            let ratio = size.y as f32 / depth.max(1) as f32;
            if ratio <= max_height_per_depth {
                continue;
            }
            let params = Params::from([
                ("height", Param::Number(um_to_whole_mm(size.y))),
                ("depth", Param::Number(um_to_whole_mm(depth))),
            ]);
            let parts = self.facts.ids(scope.iter().copied());
            self.report(
                parts,
                Vec::new(),
                "{height} mm tall on a {depth} mm base: fix it to the wall",
                params,
                false,
            );
        }
    }
}
