//! "What fits here": for an open connector, or the whole assembly, which part kinds and
//! finishes can be added right now, in how many places, and for those that cannot, what stops them.

use super::evaluate::violations;
use super::violation::Violation;
use crate::assembly::{Assembly, PlacedPart};
use crate::catalog::PartKind;
use crate::edit::Edit;
use crate::geometry::Placement;
use crate::snapping::{Refusal, distinct_products, open_connectors, placements_onto_open};
use crate::{ConnectorId, FinishId, Locale, PartId, PartKindId, RuleId};
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
            let mut refused = None;
            let mut mates = false;
            let mut valid = Vec::new();
            if assembly.is_empty() && at.is_none() {
                mates = true;
                valid.push(Placement::default());
            }
            for onto in &open {
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
            let places = distinct_products(kind, valid.into_iter());
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
                    _ => Stop::NoConnector,
                });
            }
            report
        })
        .collect()
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
