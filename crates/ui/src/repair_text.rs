//! A repair in the customer's words ("Legg til Armlene, venstre ved Sete 600 #1"), from the
//! message catalog and the parts, kinds and finishes `core`'s repair action names.

use crate::ui_text::{number, phrase, ui_count, ui_text, ui_text_with};
use snapkit_core::rules::message::{finish_label, kind_label, placed_part_label};
use snapkit_core::rules::{RepairAction, then_joined};
use snapkit_core::{Assembly, FinishId, Locale, PartId, PartKindId};

/// What `action` does to `assembly`, in `locale`.
pub(crate) fn repair_text(action: &RepairAction, assembly: &Assembly, locale: &Locale) -> String {
    let parts = |ids: &[PartId]| {
        phrase(
            ids.iter()
                .map(|&id| placed_part_label(assembly, id, locale))
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    let kind = |id: &PartKindId| phrase(kind_label(assembly.catalog(), id, locale));
    let finish = |id: &FinishId| phrase(finish_label(assembly.catalog(), id, locale));
    match action {
        RepairAction::Remove {
            parts: ids,
            resting: 0,
        } => ui_text_with(locale, "repair.remove", &[("parts", parts(ids))]),
        RepairAction::Remove {
            parts: ids,
            resting,
        } => ui_count(
            locale,
            "repair.remove-resting",
            *resting,
            &[("parts", parts(ids))],
        ),
        RepairAction::Add { count, kind: id } => ui_text_with(
            locale,
            "repair.add",
            &[("count", number(*count)), ("kind", kind(id))],
        ),
        RepairAction::AddAt { kind: id, at } => ui_text_with(
            locale,
            "repair.add-at",
            &[("kind", kind(id)), ("part", parts(&[*at]))],
        ),
        RepairAction::MakeAll { finish: id } => {
            ui_text_with(locale, "repair.make-all", &[("finish", finish(id))])
        }
        RepairAction::Make {
            parts: ids,
            finish: id,
        } => ui_text_with(
            locale,
            "repair.make",
            &[("parts", parts(ids)), ("finish", finish(id))],
        ),
        RepairAction::TakeOut { parts: ids } => {
            ui_text_with(locale, "repair.take-out", &[("parts", parts(ids))])
        }
        RepairAction::Replace { part, with } => ui_text_with(
            locale,
            "repair.replace",
            &[("part", parts(&[*part])), ("kind", kind(with))],
        ),
        RepairAction::Steps(steps) => then_joined(
            steps
                .iter()
                .map(|step| repair_text(step, assembly, locale))
                .collect(),
            &ui_text(locale, "repair.then"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use snapkit_core::{Catalog, Session, check};
    use std::sync::Arc;

    fn sofa() -> Arc<Catalog> {
        Arc::new(
            snapkit_formats::load_catalog(include_str!("../../../assets/catalogs/sofa.json"))
                .expect("the demo sofa loads"),
        )
    }

    #[test]
    fn each_repair_of_a_lone_seat_reads_as_core_describes_it_in_english_and_in_norwegian() {
        let catalog = sofa();
        let session = Session::new(catalog.clone());
        let mut session = session;
        session
            .apply(catalog.presets[0].replacing(session.assembly()))
            .expect("two-seater");
        // Take the right arm off: the seat's right end is open, with repairs to close it.
        let arm = session
            .assembly()
            .parts()
            .find(|part| part.kind.as_str() == "arm-right")
            .expect("right arm")
            .id;
        session
            .apply(snapkit_core::Edit::RemovePart(arm))
            .expect("removed");
        let assembly = session.assembly();
        let english = Locale::english();
        let repairs: Vec<_> = check(assembly, &english)
            .into_iter()
            .flat_map(|violation| violation.repairs)
            .collect();
        assert!(!repairs.is_empty());
        for repair in &repairs {
            assert_eq!(
                repair_text(&repair.action, assembly, &english),
                repair.description
            );
            let norwegian = repair_text(&repair.action, assembly, &Locale::new("nb"));
            assert!(!norwegian.contains('{'), "{norwegian}");
            assert_ne!(norwegian, repair.description, "Norwegian: {norwegian}");
        }
        let add_arm = repairs
            .iter()
            .find(|repair| matches!(repair.action, RepairAction::AddAt { .. }))
            .expect("add an arm end");
        let norwegian = repair_text(&add_arm.action, assembly, &Locale::new("nb"));
        assert!(norwegian.starts_with("Legg til "), "{norwegian}");
    }
}
