//! Repairs: concrete edits that fix a violation, proposed per kind of rule and each one
//! tried on a copy of the assembly. Only those that fix the violation without bringing a
//! new error are offered, smallest first, each with its price effect.

use super::close_up::{CloseUp, close_ups};
use super::evaluate::violations;
use super::facts::Facts;
use super::message::Param;
use super::repair_action::RepairAction;
use super::rule::{RuleKind, Selector};
use super::violation::{Repair, Violation};
use super::what_fits::best_spot;
use crate::assembly::{Assembly, PlacedPart};
use crate::catalog::PartKind;
use crate::edit::Edit;
use crate::geometry::{Placement, Rotation};
use crate::in_place::swaps;
use crate::pricing::bill_of_materials;
use crate::snapping::{OpenConnector, fits_at, open_connectors};
use crate::{Aabb, FinishId, Locale, PartId, PartKindId};
use std::collections::BTreeSet;

/// Most repairs offered for one violation.
const MAX_REPAIRS: usize = 5;
/// Most part kinds tried when a repair adds a part.
const MAX_KINDS_TRIED: usize = 6;
/// Most edits that fix a violation but break something else, kept to be finished by the
/// repairs of what they break when nothing fixes it cleanly.
const MAX_NEAR_MISSES: usize = 4;
/// Most repairs of new errors that may follow such an edit.
const MAX_FOLLOW_UPS: usize = 3;

/// An edit that might fix a violation, before it is tried.
#[derive(Clone)]
struct Candidate {
    action: RepairAction,
    edit: Edit,
}

/// The verified repairs of `found[index]`, smallest first. When no edit fixes it without
/// breaking something else, an edit that fixes it is finished by the repairs of what it breaks
/// (take out a third corner, then close the seat it opened with an arm end), as one repair.
pub fn repairs_for(
    assembly: &Assembly,
    found: &[Violation],
    index: usize,
    locale: &Locale,
) -> Vec<Repair> {
    let (mut repairs, near_misses) = tried_repairs(assembly, found, index, locale);
    if repairs.is_empty() {
        let total_before = bill_of_materials(assembly).total;
        repairs = near_misses
            .into_iter()
            .filter_map(|(candidate, after)| {
                let (steps, edits, after) = followed_up(candidate, after, found, locale)?;
                let action = RepairAction::Steps(steps);
                Some(Repair {
                    description: action.describe(assembly, locale),
                    action,
                    edit: Edit::Batch(edits),
                    price_change: bill_of_materials(&after).total - total_before,
                })
            })
            .take(MAX_REPAIRS)
            .collect();
        repairs.sort_by_key(|repair| (edit_size(&repair.edit), repair.price_change.abs()));
    }
    repairs
}

/// The repairs of `found[index]` that fix it with no new error, smallest first; and the
/// candidates that fix it but bring a new error, each with the assembly it leaves.
fn tried_repairs(
    assembly: &Assembly,
    found: &[Violation],
    index: usize,
    locale: &Locale,
) -> (Vec<Repair>, Vec<(Candidate, Assembly)>) {
    let violation = &found[index];
    let Some(rule) = assembly
        .catalog()
        .rules
        .iter()
        .find(|rule| rule.id == violation.rule)
    else {
        return (Vec::new(), Vec::new());
    };
    let proposer = Proposer { assembly, locale };
    let candidates = proposer.propose(&rule.kind, violation);
    let total_before = bill_of_materials(assembly).total;
    let mut work = assembly.clone();
    let mut repairs: Vec<Repair> = Vec::new();
    let mut near_misses = Vec::new();
    // Two repairs that end in the same product (taking out any one of four equal bays) are
    // one choice for the customer.
    let mut products: BTreeSet<Vec<ProductPart>> = BTreeSet::new();
    for candidate in candidates {
        if repairs.len() == MAX_REPAIRS {
            break;
        }
        if repairs.iter().any(|repair| repair.edit == candidate.edit) {
            continue;
        }
        let Ok(applied) = candidate.edit.apply(&mut work) else {
            continue;
        };
        let after = violations(&work, locale);
        let fixed = !after.iter().any(|other| same_problem(violation, other));
        let no_new_error = brings_no_new_error(found, &after);
        let total_after = bill_of_materials(&work).total;
        let new_product = products.insert(product_of(&work));
        if fixed && new_product && !no_new_error && near_misses.len() < MAX_NEAR_MISSES {
            near_misses.push((candidate.clone(), work.clone()));
        }
        if applied.inverse.apply(&mut work).is_err() {
            work = assembly.clone();
        }
        if fixed && no_new_error && new_product {
            repairs.push(Repair {
                description: candidate.action.describe(assembly, locale),
                action: candidate.action,
                edit: candidate.edit,
                price_change: total_after - total_before,
            });
        }
    }
    repairs.sort_by_key(|repair| (edit_size(&repair.edit), repair.price_change.abs()));
    (repairs, near_misses)
}

/// Whether every error in `after` was there before (in `found`) in some form.
fn brings_no_new_error(found: &[Violation], after: &[Violation]) -> bool {
    after
        .iter()
        .filter(|other| other.is_error())
        .all(|other| is_old_error(found, other))
}

/// Whether `error` is one of the errors in `found`, or their kin.
fn is_old_error(found: &[Violation], error: &Violation) -> bool {
    found
        .iter()
        .any(|old| old.is_error() && related(old, error))
}

/// `candidate` (already applied to `after`) followed by the first clean repair of each new
/// error it brings, until none is left: the steps, their edits and the assembly they leave;
/// `None` when a new error has no clean repair or too many would follow.
fn followed_up(
    candidate: Candidate,
    mut after: Assembly,
    found: &[Violation],
    locale: &Locale,
) -> Option<(Vec<RepairAction>, Vec<Edit>, Assembly)> {
    let mut steps = vec![candidate.action];
    let mut edits = vec![candidate.edit];
    for _ in 0..MAX_FOLLOW_UPS {
        let now = violations(&after, locale);
        let Some(new_error) = now
            .iter()
            .position(|other| other.is_error() && !is_old_error(found, other))
        else {
            return Some((steps, edits, after));
        };
        let (repairs, _) = tried_repairs(&after, &now, new_error, locale);
        let next = repairs.into_iter().next()?;
        next.edit.apply(&mut after).ok()?;
        steps.push(next.action);
        edits.push(next.edit);
    }
    brings_no_new_error(found, &violations(&after, locale)).then_some((steps, edits, after))
}

/// A part as a product knows it: kind, finish, turn and position.
type ProductPart = (PartKindId, FinishId, Rotation, [i32; 3]);

/// What an assembly is as a product, whatever its part ids: its parts' kinds, finishes and
/// places, in order.
fn product_of(assembly: &Assembly) -> Vec<ProductPart> {
    let mut parts: Vec<_> = assembly
        .parts()
        .map(|part| {
            (
                part.kind.clone(),
                part.finish.clone(),
                part.placement.rotation,
                part.placement.translation.to_array(),
            )
        })
        .collect();
    parts.sort();
    parts
}

/// Whether `other` is still the problem `original` names: same rule, at the same connector
/// (or part) when it names one.
fn same_problem(original: &Violation, other: &Violation) -> bool {
    original.rule == other.rule
        && if !original.connectors.is_empty() {
            original
                .connectors
                .iter()
                .any(|connector| other.connectors.contains(connector))
        } else if !original.parts.is_empty() {
            shares_part(original, other)
        } else {
            true
        }
}

/// Whether two violations are of the same rule about overlapping parts.
fn related(a: &Violation, b: &Violation) -> bool {
    a.rule == b.rule && (shares_part(a, b) || (a.parts.is_empty() && b.parts.is_empty()))
}

fn shares_part(a: &Violation, b: &Violation) -> bool {
    a.parts
        .iter()
        .any(|part| b.parts.binary_search(part).is_ok())
}

/// How many single edits an edit is.
fn edit_size(edit: &Edit) -> usize {
    match edit {
        Edit::Batch(edits) => edits.iter().map(edit_size).sum(),
        _ => 1,
    }
}

/// Proposes candidate repairs for one assembly.
struct Proposer<'a> {
    assembly: &'a Assembly,
    locale: &'a Locale,
}

impl Proposer<'_> {
    fn kind_of(&self, id: PartId) -> Option<&PartKind> {
        let placed = self.assembly.part(id)?;
        self.assembly.catalog().part(&placed.kind)
    }

    fn propose(&self, rule: &RuleKind, violation: &Violation) -> Vec<Candidate> {
        match rule {
            RuleKind::Count {
                parts, min, max, ..
            } => {
                let count = match violation.params.get("count") {
                    Some(Param::Number(count)) => u32::try_from(*count).unwrap_or(0),
                    _ => 0,
                };
                match (min, max) {
                    (_, Some(max)) if count > *max => {
                        self.remove_leaves(&violation.parts, count - max)
                    }
                    (Some(min), _) => self.add_matching(parts, min.saturating_sub(count)),
                    _ => Vec::new(),
                }
            }
            RuleKind::Requires { needs, at, .. } => {
                let mut candidates = Vec::new();
                for &subject in &violation.parts {
                    candidates.extend(self.attach_to(subject, needs, at));
                    candidates.extend(self.add_matching(needs, 1));
                    candidates.extend(self.removal(&[subject]));
                }
                candidates
            }
            RuleKind::Excludes { .. } | RuleKind::Support => {
                let mut candidates = Vec::new();
                if matches!(rule, RuleKind::Support) {
                    candidates.extend(self.removal(&violation.parts));
                }
                for &part in &violation.parts {
                    candidates.extend(self.removal(&[part]));
                }
                candidates
            }
            RuleKind::SameFinish { .. } => self.unify_finishes(&violation.parts),
            RuleKind::FinishPairing {
                parts,
                finishes,
                attached,
                attached_finishes,
            } => self.pair_finishes(
                &violation.parts,
                parts,
                finishes,
                attached,
                attached_finishes,
            ),
            RuleKind::OpenConnectors { .. } => violation
                .connectors
                .iter()
                .flat_map(|connector| {
                    let open = open_connectors(self.assembly)
                        .into_iter()
                        .find(|open| &open.id == connector);
                    open.map(|open| {
                        let mut candidates = self.attach_at(&open, &Selector::default());
                        candidates.extend(self.unblock(&open));
                        candidates.extend(self.cut_off(open.id.part));
                        candidates
                    })
                    .unwrap_or_default()
                })
                .collect(),
            RuleKind::Bounds {
                max_width_um,
                max_height_um,
                max_depth_um,
            } => self.trim_to(
                &violation.parts,
                [*max_width_um, *max_height_um, *max_depth_um],
            ),
            RuleKind::Load => violation
                .parts
                .iter()
                .flat_map(|&part| self.relieve(part))
                .collect(),
            RuleKind::Proportion { .. } => Vec::new(),
        }
    }

    /// Removes `parts` and whatever would be left hanging without them.
    fn removal(&self, parts: &[PartId]) -> Option<Candidate> {
        if parts.is_empty() {
            return None;
        }
        let hanging = self.assembly.left_hanging_without(parts);
        let action = RepairAction::Remove {
            parts: parts.to_vec(),
            resting: hanging.len(),
        };
        // One spelling per set of parts, so the same removal is never offered twice.
        let removed: BTreeSet<PartId> = parts.iter().chain(&hanging).copied().collect();
        let edits = removed.into_iter().map(Edit::RemovePart).collect();
        Some(Candidate {
            action,
            edit: Edit::Batch(edits),
        })
    }

    /// Removes `excess` of `parts`, newest first, choosing parts nothing else rests on.
    fn remove_leaves(&self, parts: &[PartId], excess: u32) -> Vec<Candidate> {
        let mut chosen: Vec<PartId> = Vec::new();
        for &part in parts.iter().rev() {
            if chosen.len() == excess as usize {
                break;
            }
            let mut trial = chosen.clone();
            trial.push(part);
            if self.assembly.left_hanging_without(&trial).is_empty() {
                chosen = trial;
            }
        }
        if chosen.len() < excess as usize {
            return Vec::new();
        }
        self.removal(&chosen).into_iter().collect()
    }

    /// Adds `count` parts of one selected kind where they fit, one candidate per kind.
    fn add_matching(&self, selector: &Selector, count: u32) -> Vec<Candidate> {
        if count == 0 {
            return Vec::new();
        }
        self.assembly
            .catalog()
            .parts
            .iter()
            .filter(|kind| selector.matches(kind))
            .take(MAX_KINDS_TRIED)
            .filter_map(|kind| {
                let mut work = self.assembly.clone();
                let mut edits = Vec::new();
                for _ in 0..count {
                    let part = best_spot(&work, &kind.id, None, self.locale).ok()?;
                    let edit = Edit::PlacePart(part);
                    edit.apply(&mut work).ok()?;
                    edits.push(edit);
                }
                Some(Candidate {
                    action: RepairAction::Add {
                        count,
                        kind: kind.id.clone(),
                    },
                    edit: Edit::Batch(edits),
                })
            })
            .collect()
    }

    /// Attaches a `needs` part to `subject`, at one of `at` (or any of its open connectors).
    fn attach_to(
        &self,
        subject: PartId,
        needs: &Selector,
        at: &[crate::ConnectorName],
    ) -> Vec<Candidate> {
        open_connectors(self.assembly)
            .into_iter()
            .filter(|open| {
                open.id.part == subject && (at.is_empty() || at.contains(&open.id.connector))
            })
            .flat_map(|open| self.attach_at(&open, needs))
            .collect()
    }

    /// Each selected kind that fits on `open`, in the finish of the part it attaches to when
    /// it comes in that finish.
    fn attach_at(&self, open: &OpenConnector, wanted: &Selector) -> Vec<Candidate> {
        let host_finish = self.assembly.part(open.id.part).map(|part| &part.finish);
        fits_at(self.assembly, open)
            .into_iter()
            .filter_map(|fit| {
                let kind = self.assembly.catalog().part(&fit.kind)?;
                if !wanted.matches(kind) {
                    return None;
                }
                let placement = *fit.placements.first()?;
                let part = new_part(self.assembly, kind, placement, host_finish)?;
                Some(Candidate {
                    action: RepairAction::AddAt {
                        kind: kind.id.clone(),
                        at: open.id.part,
                    },
                    edit: Edit::PlacePart(part),
                })
            })
            .take(MAX_KINDS_TRIED)
            .collect()
    }

    /// Swaps for the parts that stand against `open` without joining it (a chaise's closed
    /// side against a seat's open one), each kind that takes such a part's place while keeping
    /// what it joined: the swap may join `open` where nothing could be attached to it.
    fn unblock(&self, open: &OpenConnector) -> Vec<Candidate> {
        let at = Aabb::spanning(open.frame.position, open.frame.position);
        let catalog = self.assembly.catalog();
        self.assembly
            .parts()
            .filter(|part| part.id != open.id.part)
            .filter(|part| {
                catalog.part(&part.kind).is_some_and(|kind| {
                    Assembly::world_boxes(kind, part.placement).any(|bounds| bounds.intersects(at))
                })
            })
            .flat_map(|part| {
                swaps(self.assembly, part.id)
                    .into_iter()
                    .map(move |swap| Candidate {
                        action: RepairAction::Replace {
                            part: part.id,
                            with: swap.kind,
                        },
                        edit: swap.edit,
                    })
            })
            .take(MAX_KINDS_TRIED)
            .collect()
    }

    /// Takes `part` out together with every part that would then be apart from the biggest
    /// group of what is left (a seat and its arm cut off from the sofa); never everything.
    fn cut_off(&self, part: PartId) -> Option<Candidate> {
        let mut rest = self.assembly.clone();
        rest.remove(part);
        let facts = Facts::of(&rest);
        let mut groups = facts.scopes(true);
        let biggest = groups.iter().map(Vec::len).max()?;
        let kept = groups.iter().position(|group| group.len() == biggest)?;
        groups.remove(kept);
        let mut removed = facts.ids(groups.into_iter().flatten());
        removed.push(part);
        removed.sort_unstable();
        self.removal(&removed)
    }

    /// Puts all of `parts` in one finish, one candidate per finish they have.
    fn unify_finishes(&self, parts: &[PartId]) -> Vec<Candidate> {
        let finishes: BTreeSet<&FinishId> = parts
            .iter()
            .filter_map(|&part| self.assembly.part(part).map(|placed| &placed.finish))
            .collect();
        finishes
            .into_iter()
            .filter_map(|finish| {
                let edits = self.set_finish(parts, finish)?;
                Some(Candidate {
                    action: RepairAction::MakeAll {
                        finish: finish.clone(),
                    },
                    edit: Edit::Batch(edits),
                })
            })
            .collect()
    }

    /// `SetFinish` edits that put `parts` in `finish`; `None` if one of them is not made in it.
    fn set_finish(&self, parts: &[PartId], finish: &FinishId) -> Option<Vec<Edit>> {
        let mut edits = Vec::new();
        for &part in parts {
            let placed = self.assembly.part(part)?;
            if &placed.finish == finish {
                continue;
            }
            if !self.kind_of(part)?.finishes.contains(finish) {
                return None;
            }
            edits.push(Edit::SetFinish {
                id: part,
                finish: finish.clone(),
            });
        }
        Some(edits)
    }

    /// Changes the neighbours to an allowed finish, or the constrained parts to a free one.
    fn pair_finishes(
        &self,
        involved: &[PartId],
        parts: &Selector,
        finishes: &[FinishId],
        attached: &Selector,
        attached_finishes: &[FinishId],
    ) -> Vec<Candidate> {
        let (subjects, neighbours): (Vec<PartId>, Vec<PartId>) =
            involved.iter().partition(|&&part| {
                self.assembly.part(part).is_some_and(|placed| {
                    self.kind_of(part).is_some_and(|kind| parts.matches(kind))
                        && finishes.contains(&placed.finish)
                })
            });
        let neighbours: Vec<PartId> = neighbours
            .into_iter()
            .filter(|&part| {
                self.kind_of(part)
                    .is_some_and(|kind| attached.matches(kind))
            })
            .collect();
        let mut candidates: Vec<Candidate> = attached_finishes
            .iter()
            .filter_map(|finish| {
                let edits = self.set_finish(&neighbours, finish)?;
                Some(Candidate {
                    action: RepairAction::Make {
                        parts: neighbours.clone(),
                        finish: finish.clone(),
                    },
                    edit: Edit::Batch(edits),
                })
            })
            .collect();
        for &subject in &subjects {
            let Some(kind) = self.kind_of(subject) else {
                continue;
            };
            for finish in kind
                .finishes
                .iter()
                .filter(|finish| !finishes.contains(finish))
            {
                candidates.push(Candidate {
                    action: RepairAction::Make {
                        parts: vec![subject],
                        finish: finish.clone(),
                    },
                    edit: Edit::SetFinish {
                        id: subject,
                        finish: finish.clone(),
                    },
                });
            }
        }
        candidates
    }

    /// Removes the parts that reach past a size limit, from either end of each axis, or takes
    /// a slice out of the middle and closes the gap.
    fn trim_to(&self, parts: &[PartId], limits: [Option<i32>; 3]) -> Vec<Candidate> {
        let boxes: Vec<(PartId, Aabb)> = parts
            .iter()
            .filter_map(|&part| {
                let placed = self.assembly.part(part)?;
                let kind = self.kind_of(part)?;
                let bounds = Assembly::world_boxes(kind, placed.placement).reduce(Aabb::union)?;
                Some((part, bounds))
            })
            .collect();
        let Some(all) = boxes.iter().map(|(_, bounds)| *bounds).reduce(Aabb::union) else {
            return Vec::new();
        };
        let mut candidates = Vec::new();
        for (axis, limit) in limits.into_iter().enumerate() {
            let Some(limit) = limit.filter(|&limit| all.size()[axis] > limit) else {
                continue;
            };
            let beyond_high: Vec<PartId> = boxes
                .iter()
                .filter(|(_, bounds)| bounds.max[axis] > all.min[axis] + limit)
                .map(|(part, _)| *part)
                .collect();
            let beyond_low: Vec<PartId> = boxes
                .iter()
                .filter(|(_, bounds)| bounds.min[axis] < all.max[axis] - limit)
                .map(|(part, _)| *part)
                .collect();
            candidates.extend(self.removal(&beyond_high));
            candidates.extend(self.removal(&beyond_low));
            candidates.extend(
                close_ups(&boxes, axis, all.size()[axis] - limit)
                    .into_iter()
                    .take(MAX_REPAIRS)
                    .filter_map(|close_up| self.closing_up(close_up)),
            );
        }
        candidates
    }

    /// Takes a slice out and moves the far side up to close the gap, as one edit.
    fn closing_up(&self, close_up: CloseUp) -> Option<Candidate> {
        let mut edits: Vec<Edit> = close_up
            .removed
            .iter()
            .map(|&part| Edit::RemovePart(part))
            .collect();
        for (part, shift) in close_up.moved {
            let placed = self.assembly.part(part)?;
            edits.push(Edit::MovePart {
                id: part,
                to: Placement {
                    translation: placed.placement.translation + shift,
                    ..placed.placement
                },
            });
        }
        Some(Candidate {
            action: RepairAction::TakeOut {
                parts: close_up.removed.clone(),
            },
            edit: Edit::Batch(edits),
        })
    }

    /// Replaces an overloaded part with a stronger kind of its category, or takes off what it carries.
    fn relieve(&self, part: PartId) -> Vec<Candidate> {
        let Some(kind) = self.kind_of(part) else {
            return Vec::new();
        };
        let capacity = kind.load_capacity_g.unwrap_or(0);
        let mut stronger: Vec<&PartKind> = self
            .assembly
            .catalog()
            .parts
            .iter()
            .filter(|other| {
                other.category == kind.category
                    && other.load_capacity_g.is_some_and(|more| more > capacity)
            })
            .collect();
        stronger.sort_by_key(|other| other.load_capacity_g);
        let mut candidates: Vec<Candidate> = stronger
            .into_iter()
            .map(|other| Candidate {
                action: RepairAction::Replace {
                    part,
                    with: other.id.clone(),
                },
                edit: Edit::ReplaceKind {
                    id: part,
                    kind: other.id.clone(),
                },
            })
            .collect();
        let bottom_of = |id: PartId| {
            let placed = self.assembly.part(id)?;
            let kind = self.kind_of(id)?;
            Assembly::world_boxes(kind, placed.placement)
                .reduce(Aabb::union)
                .map(|bounds| bounds.min.y)
        };
        // Everything that weighs on the part, highest first: taking off the top few is often
        // enough, and smaller than taking off all of it.
        let own_bottom = bottom_of(part);
        let mut above: Vec<PartId> = Vec::new();
        let mut frontier = vec![part];
        while let Some(at) = frontier.pop() {
            for other in self.assembly.neighbours(at) {
                if bottom_of(other) > bottom_of(at) && !above.contains(&other) {
                    above.push(other);
                    frontier.push(other);
                }
            }
        }
        above.sort_by_key(|&other| std::cmp::Reverse(bottom_of(other)));
        for count in 1..=above.len().min(MAX_KINDS_TRIED) {
            candidates.extend(self.removal(&above[..count]));
        }
        let direct: Vec<PartId> = above
            .iter()
            .copied()
            .filter(|&other| self.assembly.neighbours(part).contains(&other))
            .filter(|&other| bottom_of(other) > own_bottom)
            .collect();
        candidates.extend(self.removal(&direct));
        candidates
    }
}

/// A new part of `kind` at `placement`, in `finish` when the kind comes in it, else its default.
fn new_part(
    assembly: &Assembly,
    kind: &PartKind,
    placement: Placement,
    finish: Option<&FinishId>,
) -> Option<PlacedPart> {
    let finish = finish
        .filter(|finish| kind.finishes.contains(finish))
        .or_else(|| kind.finishes.first())?;
    Some(PlacedPart {
        id: assembly.next_part_id(),
        kind: kind.id.clone(),
        finish: finish.clone(),
        placement,
    })
}
