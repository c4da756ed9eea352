//! Showroom kiosk mode (`?kiosk=1`, idle time `&idle=SECONDS`, default 3 minutes): after the
//! idle time a visible warning counts down 20 seconds (any touch, click, key or wheel cancels
//! it), then the page starts over for the next customer: the previous customer's autosave is
//! forgotten and the page reloads without their link (wasm memory never shrinks, so a reload
//! is the only real reset). The page also guards against accidental exits: no context menu,
//! no text selection or callouts on long-press, no page zoom, no swipe navigation.

use crate::autosave;
use crate::share_link::replace_link_in_address;
use crate::ui_text::{number, ui_text, ui_text_with};
use snapkit_core::{Catalog, Locale};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, Event};
use yew::platform::spawn_local;
use yew::prelude::*;

/// Idle seconds before the warning, unless the address says otherwise.
const DEFAULT_IDLE_SECONDS: u32 = 180;

/// How long the warning counts down before the page starts over.
const WARNING_SECONDS: f64 = 20.0;

/// The page's kiosk settings: `Some(idle seconds)` in kiosk mode.
pub(crate) fn kiosk_in_address() -> Option<u32> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    (params.get("kiosk").as_deref() == Some("1")).then(|| {
        params
            .get("idle")
            .and_then(|idle| idle.parse().ok())
            .filter(|idle| (1..=86_400).contains(idle))
            .unwrap_or(DEFAULT_IDLE_SECONDS)
    })
}

/// Properties of [`KioskGuard`].
#[derive(Properties, PartialEq)]
pub(crate) struct KioskGuardProps {
    /// Seconds without any input before the warning.
    pub idle_seconds: u32,
    /// The catalog whose autosave a reset forgets.
    pub catalog: Arc<Catalog>,
    /// The customer's language.
    pub locale: Locale,
}

/// Watches for input, shows the countdown, and starts over when nobody answers it.
#[component]
pub(crate) fn KioskGuard(props: &KioskGuardProps) -> Html {
    let seconds_left = use_state_eq(|| None::<u32>);
    {
        let seconds_left = seconds_left.setter();
        let idle_ms = f64::from(props.idle_seconds) * 1000.0;
        let catalog = props.catalog.clone();
        use_effect_with(props.idle_seconds, move |_| {
            let last_input = Rc::new(Cell::new(js_sys::Date::now()));
            let guards = web_sys::window()
                .and_then(|window| window.document())
                .map(|document| PageGuards::install(&document, &last_input));
            let stopped = Rc::new(Cell::new(false));
            let running = stopped.clone();
            spawn_local(async move {
                while !running.get() {
                    yew::platform::time::sleep(Duration::from_millis(250)).await;
                    let idle = js_sys::Date::now() - last_input.get();
                    if idle < idle_ms {
                        seconds_left.set(None);
                        continue;
                    }
                    let left = WARNING_SECONDS - (idle - idle_ms) / 1000.0;
                    if left <= 0.0 {
                        start_over(&catalog);
                        return;
                    }
                    #[expect(
                        clippy::cast_possible_truncation,
                        clippy::cast_sign_loss,
                        reason = "between 0 and 20 seconds"
                    )]
                    seconds_left.set(Some(left.ceil() as u32));
                }
            });
            move || {
                stopped.set(true);
                drop(guards);
            }
        });
    }
    match *seconds_left {
        Some(left) => html! {
            <div class="kiosk-warning" role="alertdialog" aria-labelledby="kiosk-warning-title">
                <h2 id="kiosk-warning-title">{ ui_text(&props.locale, "kiosk.still-there") }</h2>
                <p class="kiosk-countdown">
                    { ui_text_with(&props.locale, "kiosk.countdown", &[("seconds", number(left))]) }
                </p>
                <p>{ ui_text(&props.locale, "kiosk.touch") }</p>
            </div>
        },
        None => html! {},
    }
}

/// Forgets this customer's work and reloads the page without their link.
fn start_over(catalog: &Catalog) {
    autosave::forget(catalog);
    replace_link_in_address(None);
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// A document event listener: the event's name and the handler.
type Listener = (&'static str, Closure<dyn FnMut(Event)>);

/// The document listeners of kiosk mode, removed when dropped.
struct PageGuards {
    document: Document,
    listeners: Vec<Listener>,
}

impl PageGuards {
    /// Notes every input in `last_input`, refuses the browser's own gestures, and marks the
    /// page for the kiosk styles.
    fn install(document: &Document, last_input: &Rc<Cell<f64>>) -> Self {
        let mut listeners: Vec<Listener> = Vec::new();
        for name in ["pointerdown", "keydown", "wheel", "touchstart"] {
            let last_input = last_input.clone();
            listeners.push((
                name,
                Closure::new(move |_: Event| last_input.set(js_sys::Date::now())),
            ));
        }
        for name in ["contextmenu", "gesturestart", "dragstart", "selectstart"] {
            listeners.push((name, Closure::new(|event: Event| event.prevent_default())));
        }
        for (name, listener) in &listeners {
            let _ =
                document.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        if let Some(root) = document.document_element() {
            let _ = root.class_list().add_1("kiosk");
        }
        if let Ok(Some(viewport)) = document.query_selector("meta[name=viewport]") {
            let _ = viewport.set_attribute(
                "content",
                "width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover",
            );
        }
        Self {
            document: document.clone(),
            listeners,
        }
    }
}

impl Drop for PageGuards {
    fn drop(&mut self) {
        for (name, listener) in &self.listeners {
            let _ = self
                .document
                .remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        if let Some(root) = self.document.document_element() {
            let _ = root.class_list().remove_1("kiosk");
        }
    }
}
