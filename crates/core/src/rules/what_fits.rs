//! "What fits here": for an open connector, or the whole assembly, which part kinds and
//! finishes can be added right now, in how many places, and for those that cannot, what stops them.

use super::evaluate::{NEEDS_ATTACHED, violations};
use super::message::{Param, Params, render, selector_label};
use super::rule::{Reach, RuleKind};
use super::violation::Violation;
use crate::assembly::{Assembly, PlacedPart};
use crate::catalog::PartKind;
use crate::edit::Edit;
use crate::finish_choice::finishes_to_try;
use crate::geometry::Aabb;
use crate::geometry::Placement;
use crate::snapping::{
    OpenConnector, Refusal, distinct_products, open_connectors, placements_onto_open, refusals_at,
};
use crate::{ConnectorId, FinishId, Locale, LocalizedText, PartId, PartKindId, RuleId};
use glam::IVec3;
use std::collections::HashSet;

/// Whether one part kind can be added, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct FitReport {
    /// The part kind.
    pub kind: PartKindId,
    /// In how many distinct places it can go.
    pub places: usize,
    /// The finishes it can be added in (at its first good place).
    pub finishes: Vec<FinishId>,
    /// Why it cannot be added anywhere; `None` when it can.
    pub stopped_by: Option<Stop>,
}

/// What stops a part kind from being added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stop {
    /// None of its connectors mates with an open one there.
    NoConnector,
    /// Every spot it could attach at is refused (the first reason found).
    Refused(Refusal),
    /// Adding it would break this rule.
    Rule {
        /// The rule.
        rule: RuleId,
        /// The reason, in the customer's language.
        reason: String,
    },
}

/// For each part kind of the catalog, whether and where it can be added: at the open connector
/// `at`, or anywhere when `at` is `None`.
pub fn what_fits(assembly: &Assembly, at: Option<&ConnectorId>, locale: &Locale) -> Vec<FitReport> {
    let before = violations(assembly, locale);
    let known: HashSet<(&RuleId, &[PartId])> = before.iter().map(Violation::key).collect();
    let open: Vec<_> = open_connectors(assembly)
        .into_iter()
        .filter(|open| at.is_none_or(|at| &open.id == at))
        .collect();
    let mut work = assembly.clone();
    assembly
        .catalog()
        .parts
        .iter()
        .map(|kind| {
            let Candidates {
                places,
                refused,
                mates,
            } = candidates(assembly, kind, &open, at.is_none());
            let mut report = FitReport {
                kind: kind.id.clone(),
                places: 0,
                finishes: Vec::new(),
                stopped_by: None,
            };
            for &placement in &places {
                let verdicts: Vec<(FinishId, Option<Stop>)> = kind
                    .finishes
                    .iter()
                    .map(|finish| {
                        let stop = blocking_rule(
                            &mut work, assembly, kind, placement, finish, &known, locale,
                        );
                        (finish.clone(), stop)
                    })
                    .collect();
                let good: Vec<FinishId> = verdicts
                    .iter()
                    .filter(|(_, stop)| stop.is_none())
                    .map(|(finish, _)| finish.clone())
                    .collect();
                if good.is_empty() {
                    if report.stopped_by.is_none() {
                        report.stopped_by = verdicts.into_iter().find_map(|(_, stop)| stop);
                    }
                } else {
                    if report.places == 0 {
                        report.finishes = good;
                    }
                    report.places += 1;
                }
            }
            if report.places > 0 {
                report.stopped_by = None;
            } else if report.stopped_by.is_none() {
                report.stopped_by = Some(match refused {
                    Some(refusal) if mates => Stop::Refused(refusal),
                    _ => unmet_requirement(assembly, kind, locale).unwrap_or(Stop::NoConnector),
                });
            }
            report
        })
        .collect()
}

/// Why a kind that attaches nowhere here cannot be added, in the catalog's words, when a rule
/// says what it must be attached to and the configuration has no such part ("Drawer 750 × 175
/// needs a frame 750 wide and 175 high"); `None` when such a part is there (its spots are
/// taken) or no rule says.
fn unmet_requirement(assembly: &Assembly, kind: &PartKind, locale: &Locale) -> Option<Stop> {
    let catalog = assembly.catalog();
    catalog.rules.iter().find_map(|rule| {
        let RuleKind::Requires {
            parts,
            needs,
            within: Reach::Attached,
            ..
        } = &rule.kind
        else {
            return None;
        };
        // Only rules about this kind; then whether what it needs is already there.
        if !parts.matches(kind)
            || assembly
                .parts()
                .filter_map(|part| assembly.kind_of(part.id))
                .any(|placed| needs.matches(placed))
        {
            return None;
        }
        let params = Params::from([
            ("part", Param::Text(kind.name.get(locale).to_owned())),
            ("needs", Param::Text(selector_label(catalog, needs, locale))),
        ]);
        let template = rule
            .message
            .clone()
            .unwrap_or_else(|| LocalizedText::english(NEEDS_ATTACHED));
        Some(Stop::Rule {
            rule: rule.id.clone(),
            reason: render(&template, locale, &params),
        })
    })
}

/// The distinct collision-free places for one kind, and what refused the others.
struct Candidates {
    places: Vec<Placement>,
    refused: Option<Refusal>,
    mates: bool,
}

/// Where `kind` could attach to the connectors `open` (and stand on the floor of an empty
/// assembly when `floor` holds), before rules are asked.
/// Room left between an assembly and a free-standing part set down in front of it.
const FREE_STANDING_GAP_UM: i32 = 300_000;

/// Where a kind without connectors (it stands on its own, like an ottoman) goes when added:
/// on the floor in front of the assembly (+Z), centred on it, on the catalog's grid.
fn free_standing_spot(assembly: &Assembly, kind: &PartKind) -> Option<Placement> {
    let around = assembly.bounds()?;
    let own = kind.collision.iter().copied().reduce(Aabb::union)?;
    let grid = assembly.catalog().meta.snap_grid_um.max(1);
    let centre_x = (around.min.x + around.max.x) / 2 - (own.min.x + own.max.x) / 2;
    let front_z = around.max.z + FREE_STANDING_GAP_UM - own.min.z;
    Some(Placement::at(IVec3::new(
        centre_x.div_euclid(grid) * grid,
        -own.min.y,
        // Rounded up, so the gap never shrinks.
        (front_z + grid - 1).div_euclid(grid) * grid,
    )))
}

fn candidates(
    assembly: &Assembly,
    kind: &PartKind,
    open: &[OpenConnector],
    floor: bool,
) -> Candidates {
    let mut refused = None;
    let mut mates = false;
    let mut valid = Vec::new();
    if assembly.is_empty() && floor {
        mates = true;
        valid.push(Placement::default());
    } else if floor
        && kind.connectors.is_empty()
        && let Some(spot) = free_standing_spot(assembly, kind)
    {
        mates = true;
        match refusals_at(assembly, kind, spot, &[]).into_iter().next() {
            Some(refusal) => refused = Some(refusal),
            None => valid.push(spot),
        }
    }
    for onto in open {
        let Some(attempts) = placements_onto_open(assembly, kind, onto) else {
            continue;
        };
        mates = true;
        for (placement, refusal) in attempts {
            match refusal {
                Some(refusal) => refused = refused.or(Some(refusal)),
                None => valid.push(placement),
            }
        }
    }
    Candidates {
        places: distinct_products(kind, valid.into_iter()),
        refused,
        mates,
    }
}

/// The first place (in part and connector order; only at the open connector `at` when given)
/// where a part of `kind` can be added without a new error, in the finish of the part it
/// attaches to when it comes in it; or what stops it. This is "tap to add" in the catalog
/// panel, and "add here" at a chosen spot.
pub fn best_spot(
    assembly: &Assembly,
    kind: &PartKindId,
    at: Option<&ConnectorId>,
    locale: &Locale,
) -> Result<PlacedPart, Stop> {
    let kind = assembly.catalog().part(kind).ok_or(Stop::NoConnector)?;
    let before = violations(assembly, locale);
    let known: HashSet<(&RuleId, &[PartId])> = before.iter().map(Violation::key).collect();
    let open: Vec<_> = open_connectors(assembly)
        .into_iter()
        .filter(|open| at.is_none_or(|at| &open.id == at))
        .collect();
    let Candidates {
        places,
        refused,
        mates,
    } = candidates(assembly, kind, &open, at.is_none());
    let mut work = assembly.clone();
    let mut first_stop = None;
    for placement in places {
        let finishes = finishes_to_try(assembly, kind, placement);
        for finish in &finishes {
            match blocking_rule(&mut work, assembly, kind, placement, finish, &known, locale) {
                None => {
                    return Ok(PlacedPart {
                        id: assembly.next_part_id(),
                        kind: kind.id.clone(),
                        finish: finish.clone(),
                        placement,
                    });
                }
                Some(stop) => first_stop = first_stop.or(Some(stop)),
            }
        }
    }
    Err(first_stop.unwrap_or_else(|| match refused {
        Some(refusal) if mates => Stop::Refused(refusal),
        _ => unmet_requirement(assembly, kind, locale).unwrap_or(Stop::NoConnector),
    }))
}

/// The first new error (one adding parts cannot mend) that placing `kind` there in `finish`
/// would bring, trying it on `work` (a copy of `assembly`, restored afterwards).
fn blocking_rule(
    work: &mut Assembly,
    assembly: &Assembly,
    kind: &PartKind,
    placement: Placement,
    finish: &FinishId,
    known: &HashSet<(&RuleId, &[PartId])>,
    locale: &Locale,
) -> Option<Stop> {
    let edit = Edit::PlacePart(PlacedPart {
        id: work.next_part_id(),
        kind: kind.id.clone(),
        finish: finish.clone(),
        placement,
    });
    let applied = edit.apply(work).ok()?;
    let stop = violations(work, locale)
        .into_iter()
        .find(|violation| {
            violation.is_error()
                && !violation.mendable_by_adding
                && !known.contains(&violation.key())
        })
        .map(|violation| Stop::Rule {
            rule: violation.rule,
            reason: violation.reason,
        });
    if applied.inverse.apply(work).is_err() {
        *work = assembly.clone();
    }
    stop
}
