//! The guided start of each demo catalog: answers to its needs questions and the designs
//! proposed for them.
//!
//! `tests/fixtures/guided_start/<catalog>.json` lists answer sets; `<catalog>.expected.json`
//! holds the proposals for each (design, finish, price, size, what it misses). Every proposal
//! is also rebuilt and checked here: it breaks no error rule, costs what its bill says, and
//! meets every answer it does not say it misses. After a deliberate change, rewrite the
//! expectations with `SNAPKIT_BLESS=1 cargo test -p snapkit-formats --test guided_start` and
//! review the diff.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;

use demo_catalogs::shipped;
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use snapkit_core::guided_start::{
    Answer, AnswerKind, Answers, Bound, Measure, Proposal, proposals,
};
use snapkit_core::rules::violations;
use snapkit_core::{Assembly, Catalog, Locale, bill_of_materials};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How many proposals the configurator shows.
const SHOWN: usize = 3;

/// A catalog's answer sets.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    /// The demo catalog's name.
    catalog: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    answers: Answers,
}

/// What was proposed for one answer set, in words a reviewer can check.
#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Outcome {
    name: String,
    proposals: Vec<Proposed>,
}

#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Proposed {
    design: String,
    finish: Option<String>,
    price: i64,
    width_height_depth_mm: [i64; 3],
    misses: Vec<String>,
}

impl Proposed {
    fn of(proposal: &Proposal) -> Self {
        Self {
            design: proposal.design.id.clone(),
            finish: proposal.finish.as_ref().map(|finish| finish.to_string()),
            price: proposal.price,
            width_height_depth_mm: proposal.size_mm,
            misses: proposal
                .misses
                .iter()
                .map(|miss| {
                    let bound = match miss.requirement.bound {
                        Bound::AtMost => "at most",
                        Bound::AtLeast => "at least",
                    };
                    let measure = match &miss.requirement.measure {
                        Measure::Count(selector) => format!("count of {selector:?}"),
                        other => format!("{other:?}").to_lowercase(),
                    };
                    format!(
                        "{}: {measure} {bound} {}, is {}",
                        miss.question, miss.requirement.value, miss.measured
                    )
                })
                .collect(),
        }
    }
}

fn fixtures_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/guided_start")
}

/// Checks what a proposal claims by building it again.
fn assert_sound(catalog: &Arc<Catalog>, answers: &Answers, proposal: &Proposal, case: &str) {
    let mut assembly = Assembly::new(Arc::clone(catalog));
    for part in &proposal.design.parts {
        assembly.insert(part.clone()).unwrap_or_else(|error| {
            panic!("{case}: {} does not build: {error}", proposal.design.id)
        });
    }
    let errors: Vec<_> = violations(&assembly, &Locale::english())
        .into_iter()
        .filter(|violation| violation.is_error())
        .collect();
    assert!(
        errors.is_empty(),
        "{case}: {} breaks {errors:?}",
        proposal.design.id
    );
    assert_eq!(
        bill_of_materials(&assembly).total,
        proposal.price,
        "{case}: price"
    );
    let guide = catalog.guided_start.as_ref().expect("a guided start");
    for question in &guide.questions {
        for requirement in question.requirements(answers.get(&question.id)) {
            let measured = requirement.measure.of(&assembly);
            let missed = proposal
                .misses
                .iter()
                .any(|miss| miss.question == question.id && miss.requirement == requirement);
            assert_eq!(
                !requirement.is_met_by(measured),
                missed,
                "{case}: {} and {requirement:?} (measures {measured})",
                proposal.design.id
            );
        }
    }
}

fn run_fixture(path: &Path) -> Result<(), String> {
    let cases: Cases = serde_json::from_str(
        &std::fs::read_to_string(path).map_err(|error| format!("{path:?}: {error}"))?,
    )
    .map_err(|error| format!("{path:?}: {error}"))?;
    let catalog = shipped(&cases.catalog);
    let outcomes: Vec<Outcome> = cases
        .cases
        .iter()
        .map(|case| {
            let proposed = proposals(&catalog, &case.answers, SHOWN);
            assert!(!proposed.is_empty(), "{}: nothing proposed", case.name);
            for proposal in &proposed {
                assert_sound(&catalog, &case.answers, proposal, &case.name);
            }
            Outcome {
                name: case.name.clone(),
                proposals: proposed.iter().map(Proposed::of).collect(),
            }
        })
        .collect();
    let actual = serde_json::to_string_pretty(&outcomes).map_err(|error| error.to_string())? + "\n";
    let expected_path = path.with_extension("expected.json");
    if std::env::var_os("SNAPKIT_BLESS").is_some() {
        return std::fs::write(&expected_path, actual).map_err(|error| error.to_string());
    }
    let expected = std::fs::read_to_string(&expected_path)
        .map_err(|_| format!("no {expected_path:?}; run with SNAPKIT_BLESS=1 to write it"))?;
    if expected == actual {
        Ok(())
    } else {
        Err(format!(
            "{path:?}: proposals differ from {expected_path:?} (SNAPKIT_BLESS=1 rewrites it)\n--- actual ---\n{actual}"
        ))
    }
}

#[test]
fn each_demo_catalogs_answers_give_the_expected_proposals() {
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(fixtures_folder())
        .expect("the guided start fixtures folder exists")
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| {
            path.extension().is_some_and(|ext| ext == "json")
                && !path.to_string_lossy().ends_with(".expected.json")
        })
        .collect();
    fixtures.sort();
    assert_eq!(fixtures.len(), 2, "shelving and sofa have a guided start");
    let failures: Vec<String> = fixtures
        .iter()
        .filter_map(|path| run_fixture(path).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_catalog_without_a_guided_start_proposes_nothing() {
    assert!(proposals(&shipped("bricks"), &Answers::new(), SHOWN).is_empty());
}

/// Any answers to the questions of `catalog`, figures anywhere (also outside the offered range).
fn any_answers(catalog: &Arc<Catalog>) -> impl Strategy<Value = Answers> + use<> {
    let guide = catalog.guided_start.clone().expect("a guided start");
    let per_question: Vec<_> = guide
        .questions
        .into_iter()
        .map(|question| {
            let id = question.id.clone();
            let answer = match question.answer {
                AnswerKind::Figure { min, max, .. } => {
                    ((min - max)..=(2 * max)).prop_map(Answer::Figure).boxed()
                }
                AnswerKind::Choice { options } => {
                    let ids: Vec<String> = options.into_iter().map(|option| option.id).collect();
                    proptest::sample::select(ids)
                        .prop_map(Answer::Choice)
                        .boxed()
                }
            };
            proptest::option::of(answer).prop_map(move |answer| (id.clone(), answer))
        })
        .collect();
    per_question.prop_map(|answers| {
        answers
            .into_iter()
            .filter_map(|(id, answer)| Some((id, answer?)))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the answers, something is proposed, at most three different designs, each
    /// sound; and either all meet every answer or none does.
    #[test]
    fn any_answers_get_sound_proposals(
        (catalog, answers) in prop_oneof![Just(shipped("shelving")), Just(shipped("sofa"))]
            .prop_flat_map(|catalog| (Just(Arc::clone(&catalog)), any_answers(&catalog)))
    ) {
        let proposed = proposals(&catalog, &answers, SHOWN);
        prop_assert!(!proposed.is_empty() && proposed.len() <= SHOWN);
        let mut designs: Vec<&str> = proposed.iter().map(|p| p.design.id.as_str()).collect();
        designs.sort_unstable();
        designs.dedup();
        prop_assert_eq!(designs.len(), proposed.len());
        let meeting = proposed.iter().filter(|p| p.misses.is_empty()).count();
        prop_assert!(meeting == 0 || meeting == proposed.len());
        for proposal in &proposed {
            assert_sound(&catalog, &answers, proposal, "random answers");
        }
    }
}
