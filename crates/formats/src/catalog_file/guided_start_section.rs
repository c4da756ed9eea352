//! The `guided_start` section of a catalog file: the needs questions the configurator asks a
//! customer who does not know where to begin, and what each answer asks of a design.

use super::Resolver;
use super::rules_section::RawSelector;
use schemars::JsonSchema;
use serde::Deserialize;
use snapkit_core::guided_start::{
    AnswerKind, Bound, GuidedStart, Measure, NeedsOption, NeedsQuestion, Prefer, Preference,
    Requirement,
};
use snapkit_core::{LocalizedText, PartKind};
use std::collections::{BTreeMap, HashSet};

/// Most questions a guided start may ask (a guided start is two or three questions).
const MAX_QUESTIONS: usize = 10;
/// Most options one choice question may offer.
const MAX_OPTIONS: usize = 20;
/// Most requirements one option, or preferences the guided start, may have.
const MAX_REQUIREMENTS: usize = 20;

/// The guided start: its questions and what makes one proposal better than another.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct RawGuidedStart {
    /// The questions in the order they are asked.
    questions: Vec<RawQuestion>,
    /// What makes a proposal better, most important first (the cheaper comes first otherwise).
    #[serde(default)]
    best_first: Vec<RawPreference>,
}

/// One question, answered with a figure or by choosing an option.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    /// The question, per locale.
    text: BTreeMap<String, String>,
    /// Answered with a figure that limits a measure.
    #[serde(default)]
    figure: Option<RawFigure>,
    /// Answered by choosing one of these options (the first is assumed until one is chosen).
    #[serde(default)]
    choice: Option<Vec<RawOption>>,
}

/// A figure answer: the measure it limits, which way, and the figures offered.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    measure: RawMeasure,
    bound: Bound,
    min: i64,
    max: i64,
    step: i64,
    default: i64,
}

/// One option of a choice question.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawOption {
    id: String,
    text: BTreeMap<String, String>,
    /// What a design must have for this option; none: anything will do.
    #[serde(default)]
    requires: Vec<RawRequirement>,
}

/// A limit on one measure.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawRequirement {
    measure: RawMeasure,
    bound: Bound,
    value: i64,
}

/// Something measured on a whole design: `width`, `height`, `depth` (millimetres), `price`
/// (minor currency units) or `{"count": selector}` (parts).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
enum RawMeasure {
    Width,
    Height,
    Depth,
    Price,
    Count(RawSelector),
}

/// One thing that makes a proposal better.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawPreference {
    measure: RawMeasure,
    prefer: Prefer,
}

impl Resolver {
    /// The guided start, every id, figure and selector checked.
    pub(super) fn guided_start(&mut self, raw: RawGuidedStart, parts: &[PartKind]) -> GuidedStart {
        let path = "guided_start";
        if raw.questions.is_empty() || raw.questions.len() > MAX_QUESTIONS {
            self.problem(
                format!("{path}.questions"),
                format!("needs 1 to {MAX_QUESTIONS} questions"),
            );
        }
        if raw.best_first.len() > MAX_REQUIREMENTS {
            self.problem(
                format!("{path}.best_first"),
                format!("at most {MAX_REQUIREMENTS} preferences"),
            );
        }
        let mut seen = HashSet::new();
        let questions = raw
            .questions
            .into_iter()
            .take(MAX_QUESTIONS)
            .enumerate()
            .filter_map(|(index, question)| {
                let path = format!("{path}.questions[{index}]");
                self.text(&format!("{path}.id"), &question.id);
                self.unique(
                    &format!("{path}.id"),
                    &question.id,
                    &mut seen,
                    "question id",
                );
                let text = self.localized(&format!("{path}.text"), question.text);
                let answer = match (question.figure, question.choice) {
                    (Some(figure), None) => self.figure(&format!("{path}.figure"), figure, parts),
                    (None, Some(options)) => self.choice(&format!("{path}.choice"), options, parts),
                    _ => {
                        self.problem(&path, "needs exactly one of \"figure\" and \"choice\"");
                        return None;
                    }
                };
                Some(NeedsQuestion {
                    id: question.id,
                    text,
                    answer,
                })
            })
            .collect();
        let best_first = raw
            .best_first
            .into_iter()
            .take(MAX_REQUIREMENTS)
            .enumerate()
            .map(|(index, preference)| Preference {
                measure: self.measure(
                    &format!("{path}.best_first[{index}].measure"),
                    preference.measure,
                    parts,
                ),
                prefer: preference.prefer,
            })
            .collect();
        GuidedStart {
            questions,
            best_first,
        }
    }

    fn figure(&mut self, path: &str, raw: RawFigure, parts: &[PartKind]) -> AnswerKind {
        if raw.min < 0 || raw.min > raw.max {
            self.problem(
                format!("{path}.min"),
                "must be 0 or more and not above \"max\"",
            );
        }
        if !(raw.min..=raw.max).contains(&raw.default) {
            self.problem(
                format!("{path}.default"),
                format!("{} is not between {} and {}", raw.default, raw.min, raw.max),
            );
        }
        if raw.step <= 0 {
            self.problem(format!("{path}.step"), "must be a positive number");
        }
        AnswerKind::Figure {
            measure: self.measure(&format!("{path}.measure"), raw.measure, parts),
            bound: raw.bound,
            min: raw.min,
            max: raw.max,
            step: raw.step,
            default: raw.default,
        }
    }

    fn choice(&mut self, path: &str, raw: Vec<RawOption>, parts: &[PartKind]) -> AnswerKind {
        if raw.is_empty() || raw.len() > MAX_OPTIONS {
            self.problem(path, format!("needs 1 to {MAX_OPTIONS} options"));
        }
        let mut seen = HashSet::new();
        let options = raw
            .into_iter()
            .take(MAX_OPTIONS)
            .enumerate()
            .map(|(index, option)| {
                let path = format!("{path}[{index}]");
                self.text(&format!("{path}.id"), &option.id);
                self.unique(&format!("{path}.id"), &option.id, &mut seen, "option id");
                let text: LocalizedText = self.localized(&format!("{path}.text"), option.text);
                if option.requires.len() > MAX_REQUIREMENTS {
                    self.problem(
                        format!("{path}.requires"),
                        format!("at most {MAX_REQUIREMENTS} requirements"),
                    );
                }
                let requires = option
                    .requires
                    .into_iter()
                    .take(MAX_REQUIREMENTS)
                    .enumerate()
                    .map(|(number, requirement)| Requirement {
                        measure: self.measure(
                            &format!("{path}.requires[{number}].measure"),
                            requirement.measure,
                            parts,
                        ),
                        bound: requirement.bound,
                        value: requirement.value,
                    })
                    .collect();
                NeedsOption {
                    id: option.id,
                    text,
                    requires,
                }
            })
            .collect();
        AnswerKind::Choice { options }
    }

    fn measure(&mut self, path: &str, raw: RawMeasure, parts: &[PartKind]) -> Measure {
        match raw {
            RawMeasure::Width => Measure::Width,
            RawMeasure::Height => Measure::Height,
            RawMeasure::Depth => Measure::Depth,
            RawMeasure::Price => Measure::Price,
            RawMeasure::Count(selector) => {
                Measure::Count(self.selector(&format!("{path}.count"), selector, parts))
            }
        }
    }
}
