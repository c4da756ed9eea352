//! The rules panel: every broken rule in plain words, errors before warnings, each with the
//! repairs `core` verified, and their price effect.

use crate::money::with_price_change;
use crate::repair_text::repair_text;
use crate::ui_text::{number, ui_count, ui_text, ui_text_with};
use snapkit_core::{Assembly, Edit, Locale, PartId, Severity, Violation};
use yew::prelude::*;

/// Properties of [`RulesPanel`].
#[derive(Properties, PartialEq)]
pub(crate) struct RulesPanelProps {
    /// What `core` found.
    pub violations: Vec<Violation>,
    /// The assembly they are about, to name its parts.
    pub assembly: Assembly,
    /// The customer's language.
    pub locale: Locale,
    /// Applies a repair as one undoable step.
    pub on_repair: Callback<Edit>,
    /// Shows these parts in the 3D view.
    pub on_focus: Callback<Vec<PartId>>,
}

/// Lists violations with their repairs, or says the configuration can be ordered.
#[component]
pub(crate) fn RulesPanel(props: &RulesPanelProps) -> Html {
    let errors = props
        .violations
        .iter()
        .filter(|v| v.severity == Severity::Error)
        .count();
    let mut sorted: Vec<&Violation> = props.violations.iter().collect();
    sorted.sort_by_key(|violation| violation.severity);
    let item = |violation: &Violation| {
        let class = match violation.severity {
            Severity::Error => "violation error",
            Severity::Warning => "violation warning",
        };
        html! {
            <li class={class} data-rule={violation.rule.to_string()}>
                <p class="reason">{ violation.reason.clone() }</p>
                if !violation.parts.is_empty() {
                    <button class="show-parts" onclick={
                        let on_focus = props.on_focus.clone();
                        let parts = violation.parts.clone();
                        Callback::from(move |_| on_focus.emit(parts.clone()))
                    }>{ match violation.parts.len() {
                        1 => ui_text(&props.locale, "rules.show-part"),
                        many => ui_text_with(&props.locale, "rules.show-parts", &[("count", number(many))]),
                    } }</button>
                }
                if !violation.repairs.is_empty() {
                    <div class="repairs">
                        { for violation.repairs.iter().map(|repair| {
                            let on_repair = props.on_repair.clone();
                            let edit = repair.edit.clone();
                            let text = with_price_change(
                                &repair_text(&repair.action, &props.assembly, &props.locale),
                                repair.price_change,
                                &props.assembly.catalog().meta.currency,
                                &props.locale,
                            );
                            html! {
                                <button class="repair" onclick={Callback::from(move |_| on_repair.emit(edit.clone()))}>
                                    { text }
                                </button>
                            }
                        }) }
                    </div>
                }
            </li>
        }
    };
    html! {
        <section class="rules-panel" aria-label={ui_text(&props.locale, "rules.label")}>
            if props.violations.is_empty() {
                <p class="verdict ok">{ ui_text(&props.locale, "rules.ready") }</p>
            } else if errors == 0 {
                <p class="verdict ok">{ ui_text(&props.locale, "rules.ready-with-notes") }</p>
            } else {
                <p class="verdict blocked">{ ui_count(&props.locale, "rules.problems", errors, &[]) }</p>
            }
            if !sorted.is_empty() {
                <ul class="violations">{ for sorted.into_iter().map(item) }</ul>
            }
        </section>
    }
}
