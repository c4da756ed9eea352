//! The rules panel: every broken rule in plain words, errors before warnings, each with the
//! repairs `core` verified, and their price effect. A tapped repair is first shown (ghosts in
//! the 3D view, the new total here) and made only with Apply.

use crate::money::{format_money, with_price_change};
use crate::repair_text::repair_text;
use crate::ui_text::{number, phrase, ui_count, ui_text, ui_text_with};
use snapkit_core::{Assembly, Edit, Locale, PartId, Repair, Severity, Violation};
use yew::prelude::*;

/// Properties of [`RulesPanel`].
#[derive(Properties, PartialEq)]
pub(crate) struct RulesPanelProps {
    /// What `core` found.
    pub violations: Vec<Violation>,
    /// The assembly they are about, to name its parts.
    pub assembly: Assembly,
    /// The order's total now, in minor units.
    pub total: i64,
    /// The repair being shown before it is made.
    pub previewed: Option<Edit>,
    /// The customer's language.
    pub locale: Locale,
    /// Applies a repair as one undoable step.
    pub on_repair: Callback<Edit>,
    /// Shows a repair before it is made, or stops showing it.
    pub on_preview: Callback<Option<Edit>>,
    /// Shows these parts in the 3D view.
    pub on_focus: Callback<Vec<PartId>>,
}

/// One repair: a button that shows it, and once shown, the new total with Apply and Cancel.
fn repair_choice(props: &RulesPanelProps, repair: &Repair) -> Html {
    let currency = &props.assembly.catalog().meta.currency;
    let text = with_price_change(
        &repair_text(&repair.action, &props.assembly, &props.locale),
        repair.price_change,
        currency,
        &props.locale,
    );
    let shown = props.previewed.as_ref() == Some(&repair.edit);
    let on_show = {
        let on_preview = props.on_preview.clone();
        let edit = repair.edit.clone();
        Callback::from(move |_| on_preview.emit((!shown).then(|| edit.clone())))
    };
    let on_apply = {
        let on_repair = props.on_repair.clone();
        let edit = repair.edit.clone();
        Callback::from(move |_| on_repair.emit(edit.clone()))
    };
    let on_cancel = props.on_preview.reform(|_| None);
    let new_total = format_money(props.total + repair.price_change, currency, &props.locale);
    html! {
        <>
            <button class="repair" aria-expanded={shown.to_string()} onclick={on_show}>{ text }</button>
            if shown {
                <div class="repair-preview" role="group" aria-label={ui_text(&props.locale, "rules.preview-label")}>
                    <p>{ ui_text_with(&props.locale, "rules.preview", &[("total", phrase(new_total))]) }</p>
                    <div class="repair-preview-actions">
                        <button class="apply-repair" onclick={on_apply}>{ ui_text(&props.locale, "rules.apply") }</button>
                        <button class="cancel-repair" onclick={on_cancel}>{ ui_text(&props.locale, "rules.cancel") }</button>
                    </div>
                </div>
            }
        </>
    }
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
                        { for violation.repairs.iter().map(|repair| repair_choice(props, repair)) }
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
