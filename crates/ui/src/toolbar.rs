//! The bar above the panels: undo and redo, share the configuration, order it; under it, the
//! 3D model download.

use crate::share_link::current_link;
use crate::ui_text::{phrase, ui_text, ui_text_with};
use snapkit_core::Locale;
use wasm_bindgen_futures::JsFuture;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Properties of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub(crate) struct ToolbarProps {
    /// What Undo would take back ("add Frame 750"), if anything.
    pub undo: Option<String>,
    /// What Redo would do again, if anything.
    pub redo: Option<String>,
    /// Whether the configuration breaks no error rule and has parts.
    pub orderable: bool,
    /// Undo the last step.
    pub on_undo: Callback<()>,
    /// Redo the last undone step.
    pub on_redo: Callback<()>,
    /// Export the order.
    pub on_order: Callback<()>,
    /// Whether there is anything to export as a 3D model.
    pub has_parts: bool,
    /// Save the configuration as a 3D model.
    pub on_export_model: Callback<()>,
    /// Tell the customer something (a copied link).
    pub on_notice: Callback<String>,
    /// The customer's language.
    pub locale: Locale,
}

/// History, share and order buttons; "Share" also shows the link in a field to copy by hand.
#[component]
pub(crate) fn Toolbar(props: &ToolbarProps) -> Html {
    let shown_link = use_state(|| None::<String>);
    let relay = |callback: &Callback<()>| {
        let callback = callback.clone();
        Callback::from(move |_: MouseEvent| callback.emit(()))
    };
    let on_share = {
        let shown_link = shown_link.clone();
        let on_notice = props.on_notice.clone();
        let locale = props.locale.clone();
        Callback::from(move |_: MouseEvent| {
            let link = current_link();
            shown_link.set(Some(link.clone()));
            let on_notice = on_notice.clone();
            let locale = locale.clone();
            spawn_local(async move {
                let copied = match web_sys::window() {
                    Some(window) => {
                        JsFuture::from(window.navigator().clipboard().write_text(&link))
                            .await
                            .is_ok()
                    }
                    None => false,
                };
                on_notice.emit(ui_text(
                    &locale,
                    if copied {
                        "toolbar.link-copied"
                    } else {
                        "toolbar.copy-link"
                    },
                ));
            });
        })
    };
    let locale = &props.locale;
    let order_title = ui_text(
        locale,
        if props.orderable {
            "toolbar.order-ready"
        } else {
            "toolbar.order-blocked"
        },
    );
    let step_title = |step: &Option<String>, key: &str, nothing: &str| {
        step.as_ref().map_or_else(
            || ui_text(locale, nothing),
            |step| ui_text_with(locale, key, &[("step", phrase(step.clone()))]),
        )
    };
    html! {
        <>
            <div class="toolbar" role="toolbar" aria-label={ui_text(locale, "toolbar.label")}>
                <button class="undo" disabled={props.undo.is_none()} onclick={relay(&props.on_undo)}
                        title={step_title(&props.undo, "toolbar.undo-step", "toolbar.nothing-to-undo")}>
                    { ui_text(locale, "toolbar.undo") }
                </button>
                <button class="redo" disabled={props.redo.is_none()} onclick={relay(&props.on_redo)}
                        title={step_title(&props.redo, "toolbar.redo-step", "toolbar.nothing-to-redo")}>
                    { ui_text(locale, "toolbar.redo") }
                </button>
                <button class="share" onclick={on_share}>{ ui_text(locale, "toolbar.share") }</button>
                <button class="order" disabled={!props.orderable} title={order_title}
                        onclick={relay(&props.on_order)}>{ ui_text(locale, "toolbar.order") }</button>
            </div>
            if let Some(link) = &*shown_link {
                <input class="share-url" type="url" readonly=true aria-label={ui_text(locale, "toolbar.share-link")}
                       value={link.clone()}
                       onfocus={Callback::from(|event: FocusEvent| {
                           if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                               input.select();
                           }
                       })} />
            }
            <button class="model-export" disabled={!props.has_parts}
                    title={ui_text(locale, "toolbar.model-about")}
                    onclick={relay(&props.on_export_model)}>{ ui_text(locale, "toolbar.model") }</button>
        </>
    }
}
