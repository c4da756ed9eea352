//! Why a link would not open or a change could not be made, in the customer's language.
//!
//! The errors of `core` and `formats` describe themselves in English for logs, the command line
//! and the back office; here each kind of error gets its sentence from the message catalog with
//! its figures, and the English detail goes to the browser's console for whoever debugs it.

use crate::ui_text::{number, phrase, ui_text, ui_text_with};
use snapkit_core::{EditError, Locale, PartId, PlacementError};
use snapkit_formats::share_link::LINK_FORMAT;
use snapkit_formats::{AutosaveError, LinkError};

/// Logs an error's full English description in the browser, for support.
fn log_detail(error: &dyn std::fmt::Display) {
    if cfg!(target_arch = "wasm32") {
        web_sys::console::warn_1(&error.to_string().into());
    }
}

/// Why a link could not be opened.
pub(crate) fn link_error_text(error: &LinkError, locale: &Locale) -> String {
    log_detail(error);
    match error {
        LinkError::NotALink(_) => ui_text(locale, "error.link.not-a-link"),
        LinkError::Truncated => ui_text(locale, "error.link.truncated"),
        LinkError::UnsupportedFormat(format) => ui_text_with(
            locale,
            "error.link.format",
            &[
                ("format", number(*format)),
                ("supported", number(LINK_FORMAT)),
            ],
        ),
        LinkError::Damaged | LinkError::Malformed(_) => ui_text(locale, "error.link.damaged"),
        LinkError::WrongCatalog { link_catalog, .. } => ui_text_with(
            locale,
            "error.link.wrong-catalog",
            &[("catalog", phrase(link_catalog.clone()))],
        ),
        LinkError::Outdated { version, .. } => ui_text_with(
            locale,
            "error.link.outdated",
            &[("version", phrase(version.clone()))],
        ),
        LinkError::Unbuildable { part, kind, .. } => ui_text_with(
            locale,
            "error.link.unbuildable",
            &[("part", number(*part)), ("kind", phrase(kind.clone()))],
        ),
    }
}

/// A part by its number alone, for parts that are not on screen.
pub(crate) fn part_number(part: PartId, locale: &Locale) -> String {
    ui_text_with(locale, "error.part", &[("number", number(part.0))])
}

/// Why the configuration saved in this browser could not be restored.
pub(crate) fn autosave_error_text(error: &AutosaveError, locale: &Locale) -> String {
    log_detail(error);
    let name_of = |part| part_number(part, locale);
    match error {
        AutosaveError::TooLarge => ui_text(locale, "error.autosave.too-large"),
        AutosaveError::Syntax(_) => ui_text(locale, "error.autosave.damaged"),
        AutosaveError::UnsupportedFormat(_) => ui_text(locale, "error.autosave.format"),
        AutosaveError::OtherCatalog(_) => ui_text(locale, "error.autosave.other-catalog"),
        AutosaveError::Unbuildable(error) => ui_text_with(
            locale,
            "error.autosave.unbuildable",
            &[("reason", phrase(edit_reason(error, locale, &name_of)))],
        ),
    }
}

/// Why a change could not be made; `name_of` names a part as the panels do.
pub(crate) fn edit_error_text(
    error: &EditError,
    locale: &Locale,
    name_of: &dyn Fn(PartId) -> String,
) -> String {
    log_detail(error);
    edit_reason(error, locale, name_of)
}

fn edit_reason(error: &EditError, locale: &Locale, name_of: &dyn Fn(PartId) -> String) -> String {
    let named =
        |key: &str, part: PartId| ui_text_with(locale, key, &[("name", phrase(name_of(part)))]);
    match error {
        EditError::UnknownPart(part) => named("error.edit.unknown-part", *part),
        EditError::DuplicatePart(part) => named("error.edit.duplicate-part", *part),
        EditError::Placement { part, reason } => ui_text_with(
            locale,
            "error.edit.placement",
            &[
                ("name", phrase(name_of(*part))),
                ("reason", phrase(placement_reason(reason, locale, name_of))),
            ],
        ),
        // The customer made one change; which step of it failed is for the log.
        EditError::InBatch { error, .. } => edit_reason(error, locale, name_of),
    }
}

fn placement_reason(
    error: &PlacementError,
    locale: &Locale,
    name_of: &dyn Fn(PartId) -> String,
) -> String {
    match error {
        PlacementError::UnknownKind(_) => ui_text(locale, "error.place.unknown-kind"),
        PlacementError::UnknownFinish(_) => ui_text(locale, "error.place.unknown-finish"),
        PlacementError::FinishNotOffered { .. } => {
            ui_text(locale, "error.place.finish-not-offered")
        }
        PlacementError::Collides { with } => ui_text_with(
            locale,
            "error.place.collides",
            &[("name", phrase(name_of(*with)))],
        ),
        PlacementError::BelowFloor => ui_text(locale, "error.place.below-floor"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(part: PartId) -> String {
        format!("Seat 600 {part}")
    }

    #[test]
    fn every_link_error_reads_in_norwegian_with_its_figures() {
        let norwegian = Locale::new("nb");
        let errors = [
            LinkError::NotALink("x".into()),
            LinkError::Truncated,
            LinkError::UnsupportedFormat(9),
            LinkError::Damaged,
            LinkError::Malformed("bad anchor".into()),
            LinkError::WrongCatalog {
                link_catalog: "bricks".into(),
                link_version: "1".into(),
                catalog: "sofa".into(),
            },
            LinkError::Outdated {
                catalog: "sofa".into(),
                version: "0.1.0".into(),
                problems: vec!["the finish 'gold' is gone".into()],
            },
            LinkError::Unbuildable {
                catalog: "sofa".into(),
                version: "0.1.0".into(),
                part: 3,
                kind: "Hjørne".into(),
                reason: "it would overlap part 2".into(),
            },
        ];
        let texts: Vec<String> = errors
            .iter()
            .map(|error| link_error_text(error, &norwegian))
            .collect();
        for (error, text) in errors.iter().zip(&texts) {
            assert!(!text.contains('{'), "{text}");
            assert_ne!(*text, link_error_text(error, &Locale::english()), "{error}");
            assert!(!text.contains("the link"), "no English: {text}");
        }
        assert!(texts[2].contains('9') && texts[2].contains(&LINK_FORMAT.to_string()));
        assert!(texts[5].contains("bricks"), "{}", texts[5]);
        assert!(
            texts[7].contains('3') && texts[7].contains("Hjørne"),
            "{}",
            texts[7]
        );
    }

    #[test]
    fn a_refused_change_names_the_parts_and_the_reason_in_the_customers_language() {
        let refused = EditError::InBatch {
            index: 1,
            error: Box::new(EditError::Placement {
                part: PartId(2),
                reason: PlacementError::Collides { with: PartId(1) },
            }),
        };
        assert_eq!(
            edit_error_text(&refused, &Locale::english(), &name),
            "Seat 600 #2 cannot go there: it would overlap Seat 600 #1"
        );
        assert_eq!(
            edit_error_text(&refused, &Locale::new("nb"), &name),
            "Seat 600 #2 kan ikke stå der: den ville overlappe Seat 600 #1"
        );
        let unbuildable = AutosaveError::Unbuildable(EditError::Placement {
            part: PartId(4),
            reason: PlacementError::BelowFloor,
        });
        assert_eq!(
            autosave_error_text(&unbuildable, &Locale::new("nb")),
            "en del passer ikke lenger: del 4 kan ikke stå der: den ville gå under gulvet"
        );
    }
}
