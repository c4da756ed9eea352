//! The configurator inside a retailer's page: the `postMessage` side of the embedding protocol.
//!
//! Embedded mode is `?embed=1&allow=<origin>[,<origin>…]` in the configurator's URL. Commands
//! are taken only from the allowed origins (anything else is ignored and logged) and checked by
//! `snapkit-formats`; a malformed one gets an `error` event back, never a crash. Events go only to
//! the parent page, addressed to its origin, which must be one of the allowed ones.

use crate::configuration::{Configuration, ConfigurationAction};
use crate::error_text::link_error_text;
use crate::order_export::make_order;
use crate::share_link::{current_link, session_from_link};
use crate::starting_session::starting_session;
use crate::ui_text::{phrase, ui_text_with};
use snapkit_core::rules::is_orderable;
use snapkit_core::{Catalog, Locale};
use snapkit_formats::embed_protocol::{
    ChangeSummary, EmbedEvent, ErrorCode, HostCommand, event_json, link_to_load, read_command,
};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsValue;
use yew::UseReducerHandle;

/// Where embedded events go and whose commands count.
#[derive(Debug, PartialEq)]
pub(crate) struct Embedding {
    allowed: Vec<String>,
    parent: String,
}

impl Embedding {
    /// The embedding the page's URL asks for; `None` when the configurator is not embedded, or
    /// is embedded without an allowed origin (then it talks to nobody, and says so).
    pub(crate) fn from_address() -> Option<Self> {
        let window = web_sys::window()?;
        let search = window.location().search().ok()?;
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
        if params.get("embed").as_deref() != Some("1") {
            return None;
        }
        let framed = window
            .parent()
            .ok()
            .flatten()
            .is_some_and(|parent| JsValue::from(parent) != JsValue::from(window.clone()));
        if !framed {
            warn("?embed=1 but not inside a frame: working as a standalone page");
            return None;
        }
        let allowed: Vec<String> = params
            .get("allow")
            .unwrap_or_default()
            .split(',')
            .filter_map(origin_of)
            .collect();
        let referrer = window.document().map(|document| document.referrer());
        let parent = referrer
            .as_deref()
            .and_then(origin_of)
            .filter(|origin| allowed.contains(origin))
            .or_else(|| allowed.first().cloned());
        match parent {
            Some(parent) => Some(Self { allowed, parent }),
            None => {
                warn("embedded without an allowed origin (?allow=…): no messages are exchanged");
                None
            }
        }
    }

    /// Whether a message from `origin` may command the configurator.
    pub(crate) fn trusts(&self, origin: &str) -> bool {
        self.allowed.iter().any(|allowed| allowed == origin)
    }

    /// Posts `event` to the parent page, addressed to its origin.
    pub(crate) fn post(&self, event: &EmbedEvent) {
        let Some(parent) = web_sys::window().and_then(|window| window.parent().ok().flatten())
        else {
            return;
        };
        let message = js_sys::JSON::parse(&event_json(event)).unwrap_or(JsValue::NULL);
        if let Err(error) = parent.post_message(&message, &self.parent) {
            web_sys::console::warn_1(&error);
        }
    }

    /// The summary the host sees after every change.
    pub(crate) fn change(configuration: &Configuration) -> EmbedEvent {
        let assembly = configuration.session.assembly();
        let errors = configuration
            .violations
            .iter()
            .filter(|violation| violation.is_error())
            .count();
        EmbedEvent::Change(ChangeSummary {
            parts: assembly.len(),
            total: configuration.bill.total,
            currency: configuration.bill.currency.clone(),
            orderable: !assembly.is_empty() && is_orderable(&configuration.violations),
            errors,
            warnings: configuration.violations.len() - errors,
            share_link: current_link(),
        })
    }

    /// Acts on one message that arrived from `origin` with `data`.
    pub(crate) fn receive(
        &self,
        origin: &str,
        data: &JsValue,
        configuration: &Rc<RefCell<UseReducerHandle<Configuration>>>,
        catalog: &Arc<Catalog>,
    ) {
        if !self.trusts(origin) {
            warn(&format!(
                "ignored a message from {origin}: not an allowed origin"
            ));
            return;
        }
        let text = data.as_string().or_else(|| {
            js_sys::JSON::stringify(data)
                .ok()
                .and_then(|text| text.as_string())
        });
        let command = match text.as_deref().map(read_command) {
            Some(Ok(command)) => command,
            Some(Err(error)) => {
                return self.post(&EmbedEvent::Error {
                    code: error.code(),
                    message: error.to_string(),
                });
            }
            None => {
                return self.post(&EmbedEvent::Error {
                    code: ErrorCode::BadMessage,
                    message: "the message is not JSON".to_owned(),
                });
            }
        };
        let handle = configuration.borrow().clone();
        match command {
            HostCommand::Load { link, order } => {
                let opened = link_to_load(link.as_ref(), order.as_deref())
                    .map_err(|error| (error.code(), error.to_string()))
                    .and_then(|link| {
                        let locale = &handle.locale;
                        session_from_link(catalog, &link, locale).map_err(|error| {
                            let message = ui_text_with(
                                locale,
                                "embed.load-failed",
                                &[("error", phrase(link_error_text(&error, locale)))],
                            );
                            (ErrorCode::LinkNotOpened, message)
                        })
                    });
                match opened {
                    Ok((session, notice)) => handle.dispatch(ConfigurationAction::Open {
                        session: Box::new(session),
                        notice,
                    }),
                    Err((code, message)) => self.post(&EmbedEvent::Error { code, message }),
                }
            }
            HostCommand::GetOrder => match make_order(&handle) {
                Ok(order) => self.post(&EmbedEvent::Order {
                    order: Box::new(order),
                }),
                Err(message) => self.post(&EmbedEvent::Error {
                    code: ErrorCode::NotOrderable,
                    message,
                }),
            },
            HostCommand::SetLocale { locale } => {
                handle.dispatch(ConfigurationAction::SetLocale(Locale::new(locale)));
            }
            HostCommand::Reset => handle.dispatch(ConfigurationAction::Open {
                session: Box::new(starting_session(Arc::clone(catalog))),
                notice: None,
            }),
        }
    }
}

/// The origin (`scheme://host[:port]`) of a URL, if it is one.
fn origin_of(url: &str) -> Option<String> {
    let origin = web_sys::Url::new(url.trim()).ok()?.origin();
    (origin != "null").then_some(origin)
}

fn warn(message: &str) {
    web_sys::console::warn_1(&format!("snapkit embed: {message}").into());
}
