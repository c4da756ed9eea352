//! The embedding protocol (`"protocol": "snapkit.embed/1"`): the `postMessage` messages between
//! the configurator in an `<iframe>` and the retailer's page around it.
//!
//! Commands from the host are untrusted input: [`read_command`] checks the size, the protocol
//! version and the shape, and says what was wrong. Events to the host are [`EmbedEvent`]s,
//! written by [`event_json`]. `docs/embedding.md` documents every message and field.

use crate::json_input::parse;
use crate::order::OrderDocument;
use serde::{Deserialize, Serialize};

/// The protocol version every message carries.
pub const EMBED_PROTOCOL: &str = "snapkit.embed/1";
/// Largest command accepted, in bytes of JSON.
pub const MAX_COMMAND_BYTES: usize = 1024 * 1024;

/// What the host page asks the configurator to do.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum HostCommand {
    /// Open a configuration: from a share link, or from an order the host kept.
    Load {
        /// A share link (whole URL, fragment or bare code).
        #[serde(default)]
        link: Option<String>,
        /// An order document; its share link is opened.
        #[serde(default)]
        order: Option<Box<OrderDocument>>,
    },
    /// Reply with an `order` event (or an `error` event when it cannot be ordered yet).
    GetOrder,
    /// Show names, messages and prices in this locale (`en`, `nb-NO`, …).
    SetLocale {
        /// A BCP 47 language tag.
        locale: String,
    },
    /// Start again from the catalog's starting point.
    Reset,
}

/// The share link a `load` command opens: its link, or its order's link; exactly one.
pub fn link_to_load(
    link: Option<&String>,
    order: Option<&OrderDocument>,
) -> Result<String, EmbedError> {
    match (link, order) {
        (Some(link), None) => Ok(link.clone()),
        (None, Some(order)) => Ok(order.share_link.clone()),
        _ => Err(EmbedError::Malformed(
            "a load command carries exactly one of \"link\" and \"order\"".to_owned(),
        )),
    }
}

#[derive(Deserialize)]
struct CommandEnvelope {
    protocol: String,
    #[serde(flatten)]
    command: HostCommand,
}

/// Why a command was refused. Its `code` goes back to the host in an `error` event.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmbedError {
    /// Larger than [`MAX_COMMAND_BYTES`].
    #[error("the message is {0} bytes; the limit is {MAX_COMMAND_BYTES}")]
    TooLarge(usize),
    /// Another protocol version, or none.
    #[error("the message speaks protocol '{0}'; this configurator speaks '{EMBED_PROTOCOL}'")]
    WrongProtocol(String),
    /// Not a command of this protocol.
    #[error("the message is not a snapkit command: {0}")]
    Malformed(String),
}

impl EmbedError {
    /// The error code sent to the host.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::TooLarge(_) => ErrorCode::TooLarge,
            Self::WrongProtocol(_) => ErrorCode::WrongProtocol,
            Self::Malformed(_) => ErrorCode::BadMessage,
        }
    }
}

/// Reads one command from the JSON text of a message.
pub fn read_command(json: &str) -> Result<HostCommand, EmbedError> {
    if json.len() > MAX_COMMAND_BYTES {
        return Err(EmbedError::TooLarge(json.len()));
    }
    let value: serde_json::Value =
        parse(json).map_err(|error| EmbedError::Malformed(error.to_string()))?;
    match value.get("protocol").and_then(serde_json::Value::as_str) {
        Some(EMBED_PROTOCOL) => {}
        Some(other) => return Err(EmbedError::WrongProtocol(other.to_owned())),
        None => return Err(EmbedError::WrongProtocol(String::new())),
    }
    serde_json::from_value::<CommandEnvelope>(value)
        .map(|envelope| {
            debug_assert_eq!(envelope.protocol, EMBED_PROTOCOL);
            envelope.command
        })
        .map_err(|error| EmbedError::Malformed(error.to_string()))
}

/// Machine-readable kinds of `error` event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// The command was not valid JSON of a known command.
    BadMessage,
    /// The command was too large.
    TooLarge,
    /// The command named another protocol version.
    WrongProtocol,
    /// A share link (from the URL or a `load`) could not be opened.
    LinkNotOpened,
    /// `getOrder` while the configuration breaks an error rule or is empty.
    NotOrderable,
}

/// What the configurator tells the host page.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum EmbedEvent {
    /// The configurator is ready for commands.
    Ready {
        /// The catalog's id.
        catalog: String,
        /// Its version.
        version: String,
    },
    /// The configuration changed (also sent once after `ready`).
    Change(ChangeSummary),
    /// The customer ordered, or the host asked with `getOrder`.
    Order {
        /// The order document (`snapkit.order/1`).
        order: Box<OrderDocument>,
    },
    /// Something the host should know.
    Error {
        /// What kind of problem.
        code: ErrorCode,
        /// The problem in words.
        message: String,
    },
}

/// The configuration in a few figures, for the host's basket area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeSummary {
    /// How many parts.
    pub parts: usize,
    /// The total in minor units of `currency`.
    pub total: i64,
    /// ISO 4217 code.
    pub currency: String,
    /// Whether it breaks no error rule (and has parts), so it can be ordered.
    pub orderable: bool,
    /// How many error rules it breaks.
    pub errors: usize,
    /// How many warnings it has.
    pub warnings: usize,
    /// The share link of the configuration.
    #[serde(rename = "shareLink")]
    pub share_link: String,
}

#[derive(Serialize)]
struct EventEnvelope<'a> {
    protocol: &'static str,
    #[serde(flatten)]
    event: &'a EmbedEvent,
}

/// The JSON text of `event`, with the protocol version.
pub fn event_json(event: &EmbedEvent) -> String {
    serde_json::to_string(&EventEnvelope {
        protocol: EMBED_PROTOCOL,
        event,
    })
    // Serializing these plain structs cannot fail; keep the host informed if it ever does.
    .unwrap_or_else(|error| {
        format!(
            r#"{{"protocol":"{EMBED_PROTOCOL}","type":"error","code":"bad-message","message":"{}"}}"#,
            error.to_string().replace('"', "'")
        )
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_every_command() {
        let read = |json: &str| read_command(json);
        assert_eq!(
            read(r#"{"protocol":"snapkit.embed/1","type":"getOrder"}"#),
            Ok(HostCommand::GetOrder)
        );
        assert_eq!(
            read(r#"{"protocol":"snapkit.embed/1","type":"reset"}"#),
            Ok(HostCommand::Reset)
        );
        assert_eq!(
            read(r#"{"protocol":"snapkit.embed/1","type":"setLocale","locale":"nb-NO"}"#),
            Ok(HostCommand::SetLocale {
                locale: "nb-NO".to_owned()
            })
        );
        assert_eq!(
            read(r##"{"protocol":"snapkit.embed/1","type":"load","link":"#c=AQ"}"##),
            Ok(HostCommand::Load {
                link: Some("#c=AQ".to_owned()),
                order: None
            })
        );
    }

    #[test]
    fn refuses_with_a_reason() {
        let code = |json: &str| read_command(json).map_err(|error| error.code());
        assert_eq!(code(r#"{"type":"reset"}"#), Err(ErrorCode::WrongProtocol));
        assert_eq!(
            code(r#"{"protocol":"snapkit.embed/2","type":"reset"}"#),
            Err(ErrorCode::WrongProtocol)
        );
        assert_eq!(
            code(r#"{"protocol":"snapkit.embed/1","type":"explode"}"#),
            Err(ErrorCode::BadMessage)
        );
        assert_eq!(code("not json"), Err(ErrorCode::BadMessage));
        let huge = format!(
            r#"{{"protocol":"snapkit.embed/1","type":"load","link":"{}"}}"#,
            "A".repeat(MAX_COMMAND_BYTES)
        );
        assert_eq!(code(&huge), Err(ErrorCode::TooLarge));
    }

    #[test]
    fn events_carry_the_protocol_and_their_type() {
        let json = event_json(&EmbedEvent::Error {
            code: ErrorCode::LinkNotOpened,
            message: "the link is damaged".to_owned(),
        });
        let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(value["protocol"], EMBED_PROTOCOL);
        assert_eq!(value["type"], "error");
        assert_eq!(value["code"], "link-not-opened");
    }

    proptest! {
        #[test]
        fn no_text_makes_the_reader_panic(text in "\\PC{0,200}") {
            let _ = read_command(&text);
        }
    }
}
