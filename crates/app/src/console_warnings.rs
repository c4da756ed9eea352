//! Warnings and errors of Bevy (tracing events) and of wgpu and naga (`log` records) in the
//! browser's console, as `console.warn` and `console.error`. Spans are not kept: nothing
//! reported needs them, and a span registry is most of what a tracing subscriber weighs.

use std::fmt::{Debug, Write};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

/// Installs both reporters. Call once, first thing.
pub(crate) fn install() {
    // Each fails only when a reporter is already set: then that one reports.
    let _ = tracing::subscriber::set_global_default(ConsoleWarnings);
    let _ = console_log::init_with_level(log::Level::Warn);
}

/// A tracing subscriber that writes warning and error events to the console.
struct ConsoleWarnings;

impl Subscriber for ConsoleWarnings {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        *metadata.level() <= Level::WARN
    }

    fn new_span(&self, _span: &Attributes<'_>) -> Id {
        // Spans are never entered into anything: one id serves them all.
        Id::from_u64(1)
    }

    fn record(&self, _span: &Id, _values: &Record<'_>) {}

    fn record_follows_from(&self, _span: &Id, _follows: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let metadata = event.metadata();
        let mut line = Line(format!("{} {}:", metadata.level(), metadata.target()));
        event.record(&mut line);
        if *metadata.level() == Level::ERROR {
            web_sys::console::error_1(&line.0.into());
        } else {
            web_sys::console::warn_1(&line.0.into());
        }
    }

    fn enter(&self, _span: &Id) {}

    fn exit(&self, _span: &Id) {}
}

/// An event's fields written out: its message first, then `name=value` for the others.
struct Line(String);

impl Visit for Line {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, " {value:?}");
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
}
