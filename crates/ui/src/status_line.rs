//! The status line at the bottom of the configurator: what is happening right now.

use yew::prelude::*;

/// Properties of [`StatusLine`].
#[derive(Properties, PartialEq)]
pub(crate) struct StatusLineProps {
    /// The sentence to show.
    pub text: AttrValue,
    /// Whether the configurator is ready for the customer.
    pub ready: bool,
}

/// One polite live region, so screen readers hear what changes.
#[component]
pub(crate) fn StatusLine(props: &StatusLineProps) -> Html {
    html! {
        <footer class={classes!("status-line", props.ready.then_some("ready"))}
                role="status" aria-live="polite">
            { props.text.clone() }
        </footer>
    }
}
