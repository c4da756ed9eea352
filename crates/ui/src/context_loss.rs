//! A lost WebGL context (a driver reset, a tablet taking its graphics memory back): the scene
//! cannot draw again in this page, because Bevy's window and renderer live as long as the page.
//! So the page reloads itself, after a pause that grows with each loss, and opens again with
//! the same configuration, undo history and selected part (the address carries its link, the
//! autosave its history, `kept_selection` the selection). Losses that keep coming stop the reloads: the panels go on working without the
//! 3D view, and the order and link with them.

use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::Storage;

/// Where this tab remembers its recent losses (per tab, so another tab's troubles do not count).
const LOSSES_KEY: &str = "snapkit.context-losses";

/// How far back losses count, in milliseconds.
const RECENT_MS: f64 = 5.0 * 60.0 * 1_000.0;

/// The most reloads within [`RECENT_MS`]; a loss beyond them is given up on.
const MOST_RELOADS: usize = 3;

/// The pause before the first reload, in milliseconds; it doubles with each recent loss.
const FIRST_PAUSE_MS: u32 = 1_000;

/// What the page does about a loss.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AfterLoss {
    /// Reload after this many milliseconds.
    ReloadIn(u32),
    /// Too many losses lately: stay, without the 3D view.
    GiveUp,
}

/// The plan after a loss, given how many losses came before it lately.
pub(crate) fn plan(recent_losses: usize) -> AfterLoss {
    if recent_losses >= MOST_RELOADS {
        AfterLoss::GiveUp
    } else {
        AfterLoss::ReloadIn(FIRST_PAUSE_MS << recent_losses)
    }
}

fn storage() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Records a loss now and answers what to do about it.
pub(crate) fn record_loss() -> AfterLoss {
    let now = js_sys::Date::now();
    let mut losses: Vec<f64> = storage()
        .and_then(|storage| storage.get_item(LOSSES_KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    losses.retain(|&at| now - at < RECENT_MS);
    let after = plan(losses.len());
    losses.push(now);
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(&losses)) {
        let _ = storage.set_item(LOSSES_KEY, &text);
    }
    after
}

/// Calls `lost` when the canvas `canvas_id` loses its WebGL context. The listener lives as long
/// as the page (the canvas is never re-created).
pub(crate) fn when_context_lost(canvas_id: &str, lost: impl Fn() + 'static) {
    let Some(canvas) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(canvas_id))
    else {
        return;
    };
    let listener = Closure::<dyn Fn()>::new(lost);
    if canvas
        .add_event_listener_with_callback("webglcontextlost", listener.as_ref().unchecked_ref())
        .is_ok()
    {
        listener.forget();
    }
}

/// Reloads the page after `pause_ms`.
pub(crate) fn reload_after(pause_ms: u32) {
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(Duration::from_millis(pause_ms.into())).await;
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_doubles_and_the_fourth_loss_is_given_up() {
        assert_eq!(plan(0), AfterLoss::ReloadIn(1_000));
        assert_eq!(plan(1), AfterLoss::ReloadIn(2_000));
        assert_eq!(plan(2), AfterLoss::ReloadIn(4_000));
        assert_eq!(plan(3), AfterLoss::GiveUp);
        assert_eq!(plan(40), AfterLoss::GiveUp);
    }
}
