//! When something goes fatally wrong (a panic anywhere in the app, UI or scene), the page says
//! so and offers to reload, instead of freezing. The configuration is already saved (every
//! change is), and the reloaded page restores it.
//!
//! After a panic the app's memory can no longer be trusted, so the screen is built with plain
//! DOM calls, not through Yew.

use crate::page_locale::page_locale;
use crate::ui_text::ui_text;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Document, HtmlElement};

/// The id of the recovery screen's element.
pub const RECOVERY_ID: &str = "snapkit-recovery";

/// Shows the recovery screen on any panic, after logging it.
pub fn install_panic_screen() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("snapkit stopped: {info}").into());
        show_recovery_screen();
    }));
}

/// Covers the page with "Something went wrong" and a button that reloads it (once only).
pub fn show_recovery_screen() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if document.get_element_by_id(RECOVERY_ID).is_some() {
        return;
    }
    if let Some(screen) = recovery_screen(&document)
        && let Some(body) = document.body()
    {
        let _ = body.append_child(&screen);
        if let Some(button) = screen.query_selector("button").ok().flatten()
            && let Ok(button) = button.dyn_into::<HtmlElement>()
        {
            let _ = button.focus();
        }
    }
}

fn recovery_screen(document: &Document) -> Option<HtmlElement> {
    let screen: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    screen.set_id(RECOVERY_ID);
    screen.set_class_name("recovery");
    screen.set_attribute("role", "alertdialog").ok()?;
    screen
        .set_attribute("aria-labelledby", "snapkit-recovery-title")
        .ok()?;
    // The page's language: the panic may have taken the configurator's state with it.
    let locale = page_locale();
    let title = document.create_element("h2").ok()?;
    title.set_id("snapkit-recovery-title");
    title.set_text_content(Some(&ui_text(&locale, "recovery.title")));
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(&ui_text(&locale, "recovery.explanation")));
    let button: HtmlElement = document.create_element("button").ok()?.dyn_into().ok()?;
    button.set_class_name("reload");
    button.set_text_content(Some(&ui_text(&locale, "recovery.reload")));
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    button.set_onclick(Some(reload.as_ref().unchecked_ref()));
    // The screen lives until the page reloads: so does its one handler.
    reload.forget();
    screen.append_child(&title).ok()?;
    screen.append_child(&text).ok()?;
    screen.append_child(&button).ok()?;
    Some(screen)
}
