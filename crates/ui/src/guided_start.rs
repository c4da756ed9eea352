//! "Help me choose": the catalog's needs questions (wall width, what it stores, budget), and
//! up to three designs from `core::guided_start::proposals` that meet the answers, each with
//! its picture, size and price; when none meets them all, the closest, each saying what it
//! misses. A tap starts from the proposal in one undoable step, like a design.

use crate::money::{format_money, minor_digits};
use crate::part_drawing::{assembly_picture, data_url};
use crate::ui_text::{number, phrase, ui_text, ui_text_with};
use snapkit_core::guided_start::{
    Answer, AnswerKind, Answers, Bound, Measure, Miss, NeedsQuestion, Proposal, proposals,
};
use snapkit_core::rules::message::finish_label;
use snapkit_core::{Catalog, Locale, Preset};
use std::sync::Arc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// How many proposals are shown.
const SHOWN: usize = 3;

/// Properties of [`GuidedStart`].
#[derive(Properties, PartialEq)]
pub(crate) struct GuidedStartProps {
    /// The loaded catalog (one with a guided start).
    pub catalog: Arc<Catalog>,
    /// The customer's language.
    pub locale: Locale,
    /// A proposal was chosen.
    pub on_start: Callback<Preset>,
}

/// The proposals for some answers, each with its picture as a `data:` URL.
fn pictured_proposals(
    (catalog, answers): &(Arc<Catalog>, Answers),
) -> Vec<(Proposal, Option<String>)> {
    proposals(catalog, answers, SHOWN)
        .into_iter()
        .map(|proposal| {
            let picture =
                assembly_picture(catalog, &proposal.design.parts).map(|svg| data_url(&svg));
            (proposal, picture)
        })
        .collect()
}

/// The questions and the proposals for the answers given so far.
#[component]
pub(crate) fn GuidedStart(props: &GuidedStartProps) -> Html {
    let answers = use_state(Answers::new);
    let proposed = use_memo(
        (props.catalog.clone(), (*answers).clone()),
        pictured_proposals,
    );
    let Some(guide) = &props.catalog.guided_start else {
        return html! {};
    };
    let on_answer = {
        let answers = answers.clone();
        Callback::from(move |(question, answer): (String, Option<Answer>)| {
            let mut next = (*answers).clone();
            match answer {
                Some(answer) => next.insert(question, answer),
                None => next.remove(&question),
            };
            answers.set(next);
        })
    };
    let meets_all = proposed
        .first()
        .is_some_and(|(proposal, _)| proposal.misses.is_empty());
    html! {
        <details class="guided-start">
            <summary>{ ui_text(&props.locale, "guided.title") }</summary>
            <div class="needs-questions">
                { for guide.questions.iter().map(|question| question_field(question, &props.catalog, &props.locale, &on_answer)) }
            </div>
            <h4 class="proposals-heading">
                { ui_text(&props.locale, if meets_all { "guided.proposals" } else { "guided.closest" }) }
            </h4>
            <ul class="proposal-list">
                { for proposed.iter().map(|(proposal, picture)| proposal_button(proposal, picture.as_deref(), guide.questions.as_slice(), &props.catalog, &props.locale, &props.on_start)) }
            </ul>
        </details>
    }
}

/// One question as a labelled field: a number for a figure (a price in whole currency units),
/// a menu for a choice. An empty or unreadable figure means the question's default.
fn question_field(
    question: &NeedsQuestion,
    catalog: &Catalog,
    locale: &Locale,
    on_answer: &Callback<(String, Option<Answer>)>,
) -> Html {
    let field_id = format!("need-{}", question.id);
    let id = question.id.clone();
    let label = html! { <label for={field_id.clone()}>{ question.text.get(locale) }</label> };
    match &question.answer {
        AnswerKind::Figure {
            measure,
            min,
            max,
            step,
            default,
            ..
        } => {
            let scale = match measure {
                Measure::Price => 10_i64.pow(minor_digits(&catalog.meta.currency)),
                _ => 1,
            };
            let unit = match measure {
                Measure::Price => catalog.meta.currency.clone(),
                Measure::Width | Measure::Height | Measure::Depth => "mm".to_owned(),
                Measure::Count(_) => String::new(),
            };
            let on_answer = on_answer.clone();
            let oninput = Callback::from(move |event: InputEvent| {
                let input: HtmlInputElement = event.target_unchecked_into();
                let figure = input.value().trim().parse::<i64>().ok();
                let answer = figure.map(|figure| Answer::Figure(figure.saturating_mul(scale)));
                on_answer.emit((id.clone(), answer));
            });
            html! {
                <div class="need">
                    { label }
                    <span class="need-figure">
                        <input id={field_id} type="number" inputmode="numeric"
                               min={(min / scale).to_string()} max={(max / scale).to_string()}
                               step={(step / scale).max(1).to_string()}
                               placeholder={(default / scale).to_string()} {oninput} />
                        if !unit.is_empty() {
                            <span class="need-unit">{ unit }</span>
                        }
                    </span>
                </div>
            }
        }
        AnswerKind::Choice { options } => {
            let on_answer = on_answer.clone();
            let onchange = Callback::from(move |event: Event| {
                let select: HtmlSelectElement = event.target_unchecked_into();
                on_answer.emit((id.clone(), Some(Answer::Choice(select.value()))));
            });
            html! {
                <div class="need">
                    { label }
                    <select id={field_id} {onchange}>
                        { for options.iter().map(|option| html! {
                            <option value={option.id.clone()}>{ option.text.get(locale) }</option>
                        }) }
                    </select>
                </div>
            }
        }
    }
}

/// A proposal as a button: picture, name (and the finish it is proposed in), size, price and
/// what it misses.
fn proposal_button(
    proposal: &Proposal,
    picture: Option<&str>,
    questions: &[NeedsQuestion],
    catalog: &Catalog,
    locale: &Locale,
    on_start: &Callback<Preset>,
) -> Html {
    let design = proposal.design.name.get(locale).to_owned();
    let name = match &proposal.finish {
        Some(finish) => ui_text_with(
            locale,
            "guided.in-finish",
            &[
                ("design", phrase(design)),
                ("finish", phrase(finish_label(catalog, finish, locale))),
            ],
        ),
        None => design,
    };
    let [width, height, depth] = proposal.size_mm;
    let size = ui_text_with(
        locale,
        "guided.size",
        &[
            ("width", number(width)),
            ("height", number(height)),
            ("depth", number(depth)),
        ],
    );
    let on_start = on_start.clone();
    let chosen = proposal.design.clone();
    html! {
        <li key={proposal.design.id.clone()}>
            <button class="proposal" data-preset={proposal.design.id.clone()}
                    data-finish={proposal.finish.as_ref().map(ToString::to_string)}
                    onclick={Callback::from(move |_| on_start.emit(chosen.clone()))}>
                if let Some(picture) = picture {
                    <img class="preset-picture" src={picture.to_owned()} alt="" />
                }
                <span class="preset-name">{ name }</span>
                <span class="proposal-size">{ size }</span>
                <span class="preset-price">
                    { format_money(proposal.price, &catalog.meta.currency, locale) }
                </span>
                if !proposal.misses.is_empty() {
                    <ul class="proposal-misses">
                        { for proposal.misses.iter().map(|miss| html! {
                            <li>{ miss_text(miss, questions, catalog, locale) }</li>
                        }) }
                    </ul>
                }
            </button>
        </li>
    }
}

/// What a proposal misses, after the question it misses: "How many should it seat? Has 2;
/// you asked for at least 6".
fn miss_text(
    miss: &Miss,
    questions: &[NeedsQuestion],
    catalog: &Catalog,
    locale: &Locale,
) -> String {
    let requirement = &miss.requirement;
    let figure = |value: i64| match requirement.measure {
        Measure::Price => phrase(format_money(value, &catalog.meta.currency, locale)),
        _ => number(value),
    };
    let key = match requirement.measure {
        Measure::Width => "guided.miss.width",
        Measure::Height => "guided.miss.height",
        Measure::Depth => "guided.miss.depth",
        Measure::Price => "guided.miss.price",
        Measure::Count(_) => "guided.miss.count",
    };
    let bound = match requirement.bound {
        Bound::AtMost => "guided.at-most",
        Bound::AtLeast => "guided.at-least",
    };
    let text = ui_text_with(
        locale,
        key,
        &[
            ("measured", figure(miss.measured)),
            ("bound", phrase(ui_text(locale, bound))),
            ("limit", figure(requirement.value)),
        ],
    );
    match questions
        .iter()
        .find(|question| question.id == miss.question)
    {
        Some(question) => format!("{} {text}", question.text.get(locale)),
        None => text,
    }
}
