//! Proposals: the catalog's designs that meet a customer's answers, best first.
//!
//! Each preset is a candidate as designed and in every finish all its parts are made in (a
//! budget can be met by another fabric). A candidate that breaks an error rule is never
//! proposed. Of each preset only its best candidate is kept (the designer's finish unless
//! another meets the answers better), so the proposals are different products; when no
//! candidate meets every answer, the closest ones are proposed with what each misses, so the
//! customer is never left with nothing.

use super::{Answers, Measure, Prefer, Requirement};
use crate::assembly::Assembly;
use crate::rules::violations;
use crate::{Catalog, FinishId, Locale, PlacedPart, Preset};
use std::sync::Arc;

/// A design proposed for the customer's answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// The design to start from: the preset's id and name, its parts in the proposed finish.
    pub design: Preset,
    /// The finish every part was changed to, or `None` when proposed as the catalog designed it.
    pub finish: Option<FinishId>,
    /// What it costs, in minor currency units.
    pub price: i64,
    /// Its overall width, height and depth in millimetres.
    pub size_mm: [i64; 3],
    /// The answers it does not meet (empty for a proposal that meets them all).
    pub misses: Vec<Miss>,
}

/// An answer a proposal does not meet.
#[derive(Clone, Debug, PartialEq)]
pub struct Miss {
    /// The question answered.
    pub question: String,
    /// What the answer asked.
    pub requirement: Requirement,
    /// What the proposal measures instead.
    pub measured: i64,
}

/// Up to `most` proposals for `answers` to `catalog`'s guided start (none for a catalog
/// without one): those that meet every answer, best first; when none does, the closest, each
/// with what it misses.
pub fn proposals(catalog: &Arc<Catalog>, answers: &Answers, most: usize) -> Vec<Proposal> {
    let Some(guide) = &catalog.guided_start else {
        return Vec::new();
    };
    let requirements: Vec<(&str, Requirement)> = guide
        .questions
        .iter()
        .flat_map(|question| {
            question
                .requirements(answers.get(&question.id))
                .into_iter()
                .map(|requirement| (question.id.as_str(), requirement))
        })
        .collect();
    let ranked = |proposal: &Proposal, assembly: &Assembly| Ranked {
        misses: proposal.misses.len(),
        shortfall_ppm: proposal
            .misses
            .iter()
            .map(Miss::shortfall_ppm)
            .fold(0, i64::saturating_add),
        preferences: guide
            .best_first
            .iter()
            .map(|preference| {
                let value = preference.measure.of(assembly);
                match preference.prefer {
                    Prefer::Most => -value,
                    Prefer::Least => value,
                }
            })
            .collect(),
        price: proposal.price,
    };
    // Of each preset its best candidate: the designer's own finish unless another one meets
    // the answers better.
    let mut best: Vec<(Ranked, Proposal)> = catalog
        .presets
        .iter()
        .filter_map(|preset| {
            candidates(catalog, preset)
                .map(|(assembly, finish)| {
                    let proposal = measured(preset, &assembly, finish, &requirements);
                    (ranked(&proposal, &assembly), proposal)
                })
                .min_by_key(|(rank, proposal)| {
                    (
                        rank.misses,
                        rank.shortfall_ppm,
                        proposal.finish.is_some(),
                        rank.price,
                    )
                })
        })
        .collect();
    best.sort_by(|a, b| a.0.cmp(&b.0));
    let fewest_misses = best.first().map_or(0, |(rank, _)| rank.misses);
    best.into_iter()
        .take_while(|(rank, _)| fewest_misses > 0 || rank.misses == 0)
        .take(most)
        .map(|(_, proposal)| proposal)
        .collect()
}

impl Miss {
    /// How far off the answer this is, relative to the answer, in parts per million (a budget
    /// overrun of 1 % is closer than one seat short of two).
    fn shortfall_ppm(&self) -> i64 {
        let off = i128::from(self.measured.abs_diff(self.requirement.value));
        let of = i128::from(self.requirement.value.unsigned_abs().max(1));
        i64::try_from(off * 1_000_000 / of).unwrap_or(i64::MAX)
    }
}

/// How good a proposal is: fewer misses first, then nearer the answers it misses, then the
/// catalog's preferences, then cheaper.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Ranked {
    misses: usize,
    shortfall_ppm: i64,
    preferences: Vec<i64>,
    price: i64,
}

/// `preset` built as designed and in every finish all its parts are made in, each with the
/// finish it was changed to; only those that break no error rule.
fn candidates<'a>(
    catalog: &'a Arc<Catalog>,
    preset: &'a Preset,
) -> impl Iterator<Item = (Assembly, Option<FinishId>)> + 'a {
    let refinished = catalog.finishes.iter().filter_map(|finish| {
        let made_in = preset.parts.iter().all(|part| {
            catalog
                .part(&part.kind)
                .is_some_and(|kind| kind.finishes.contains(&finish.id))
        });
        let already = preset.parts.iter().all(|part| part.finish == finish.id);
        (made_in && !already).then(|| {
            let parts = preset.parts.iter().map(|part| PlacedPart {
                finish: finish.id.clone(),
                ..part.clone()
            });
            (parts.collect(), Some(finish.id.clone()))
        })
    });
    std::iter::once((preset.parts.clone(), None))
        .chain(refinished)
        .filter_map(|(parts, finish)| {
            let assembly = built(catalog, parts)?;
            let sound = violations(&assembly, &Locale::english())
                .iter()
                .all(|violation| !violation.is_error());
            sound.then_some((assembly, finish))
        })
}

/// The assembly of `parts`, if they go together.
fn built(catalog: &Arc<Catalog>, parts: Vec<PlacedPart>) -> Option<Assembly> {
    let mut assembly = Assembly::new(Arc::clone(catalog));
    for part in parts {
        assembly.insert(part).ok()?;
    }
    Some(assembly)
}

/// `assembly` (built from `preset`, in `finish`) as a proposal, measured against every
/// requirement.
fn measured(
    preset: &Preset,
    assembly: &Assembly,
    finish: Option<FinishId>,
    requirements: &[(&str, Requirement)],
) -> Proposal {
    let misses = requirements
        .iter()
        .filter_map(|(question, requirement)| {
            let measured = requirement.measure.of(assembly);
            (!requirement.is_met_by(measured)).then(|| Miss {
                question: (*question).to_owned(),
                requirement: requirement.clone(),
                measured,
            })
        })
        .collect();
    Proposal {
        design: Preset {
            id: preset.id.clone(),
            name: preset.name.clone(),
            parts: assembly.parts().cloned().collect(),
        },
        finish,
        price: Measure::Price.of(assembly),
        size_mm: [Measure::Width, Measure::Height, Measure::Depth].map(|size| size.of(assembly)),
        misses,
    }
}
