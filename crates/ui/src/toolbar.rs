//! The bar above the panels: undo and redo, share the configuration, order it; under it, the
//! 3D model download.

use crate::share_link::current_link;
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
        Callback::from(move |_: MouseEvent| {
            let link = current_link();
            shown_link.set(Some(link.clone()));
            let on_notice = on_notice.clone();
            spawn_local(async move {
                let copied = match web_sys::window() {
                    Some(window) => {
                        JsFuture::from(window.navigator().clipboard().write_text(&link))
                            .await
                            .is_ok()
                    }
                    None => false,
                };
                on_notice.emit(if copied {
                    "Link copied. Anyone who opens it sees this configuration.".to_owned()
                } else {
                    "Copy the link below to share this configuration.".to_owned()
                });
            });
        })
    };
    let order_title = if props.orderable {
        "Save the order of this configuration"
    } else {
        "Fix the errors in the rules panel first"
    };
    html! {
        <>
            <div class="toolbar" role="toolbar" aria-label="Configuration">
                <button class="undo" disabled={props.undo.is_none()} onclick={relay(&props.on_undo)}
                        title={props.undo.as_ref().map_or_else(|| "Nothing to undo".to_owned(), |step| format!("Undo: {step} (Ctrl+Z)"))}>
                    { "Undo" }
                </button>
                <button class="redo" disabled={props.redo.is_none()} onclick={relay(&props.on_redo)}
                        title={props.redo.as_ref().map_or_else(|| "Nothing to redo".to_owned(), |step| format!("Redo: {step} (Shift+Ctrl+Z)"))}>
                    { "Redo" }
                </button>
                <button class="share" onclick={on_share}>{ "Share" }</button>
                <button class="order" disabled={!props.orderable} title={order_title}
                        onclick={relay(&props.on_order)}>{ "Order" }</button>
            </div>
            if let Some(link) = &*shown_link {
                <input class="share-url" type="url" readonly=true aria-label="Share link"
                       value={link.clone()}
                       onfocus={Callback::from(|event: FocusEvent| {
                           if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                               input.select();
                           }
                       })} />
            }
            <button class="model-export" disabled={!props.has_parts}
                    title="A glTF file for AR viewers, room planners and CAD"
                    onclick={relay(&props.on_export_model)}>{ "⤓ 3D model (.glb)" }</button>
        </>
    }
}
