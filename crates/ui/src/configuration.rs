//! The configuration's one owner: a reducer holding the `core::Session`, with the verdict
//! (violations with repairs) and the bill of materials worked out again after every change.
//!
//! Panels dispatch [`ConfigurationAction`]s; nothing in the UI re-implements a rule or a price.

use crate::error_text::{edit_error_text, part_number};
use crate::ui_text::{phrase, ui_text, ui_text_with};
use snapkit_core::pricing::BillOfMaterials;
use snapkit_core::rules::message::{kind_label, part_label};
use snapkit_core::rules::{FitReport, Stop, best_spot, what_fits};
use snapkit_core::{
    Catalog, Edit, EditError, Locale, PartId, PartKindId, Preset, Session, Violation,
    bill_of_materials, check,
};
use snapkit_formats::RestoredAutosave;
use std::rc::Rc;
use std::sync::Arc;
use yew::prelude::*;

/// Something the customer (or the host page around the configurator) did to the configuration.
#[derive(Clone, Debug)]
pub enum ConfigurationAction {
    /// Add a part of this kind at the best open spot (a tap in the catalog panel).
    Add(PartKindId),
    /// Apply an edit as one undoable step (a repair, a scene drop).
    Apply(Edit),
    /// Replace the configuration by a design's parts (a preset, a proposal, or none: start
    /// from scratch), as one undoable step.
    StartFrom(Preset),
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Tell the customer something without changing the configuration (an order saved).
    Notify(String),
    /// Replace the whole session (a link opened, a reset), with an optional note.
    Open {
        /// The session to continue from.
        session: Box<Session>,
        /// What to tell the customer about it.
        notice: Option<String>,
    },
    /// Show reasons, names and prices in another locale.
    SetLocale(Locale),
    /// Select a part (tapped in the scene), or nothing.
    Select(Option<PartId>),
    /// The customer declined to restore the configuration saved last time.
    DismissRestore,
    /// Show what an edit (a repair) would do, in the scene and the price, before it is made;
    /// or stop showing it.
    Preview(Option<Edit>),
}

/// The configuration and everything shown about it.
#[derive(Clone, Debug)]
pub struct Configuration {
    /// The assembly and its history.
    pub session: Session,
    /// The language of every reason.
    pub locale: Locale,
    /// Every broken rule, with repairs.
    pub violations: Vec<Violation>,
    /// What it costs and what operations ships.
    pub bill: BillOfMaterials,
    /// For every part kind: in how many places it fits now, or what stops it.
    pub fits: Vec<FitReport>,
    /// A short sentence about the last action when it did not do what was asked.
    pub notice: Option<String>,
    /// Counts changes to the assembly, so effects can follow them cheaply.
    pub revision: u64,
    /// Whether the camera should frame the whole assembly after this change (a part was added).
    pub frame_all: bool,
    /// The part the customer selected, shown in the inspector and highlighted in the scene.
    pub selected: Option<PartId>,
    /// The unfinished configuration saved last time, offered back until the customer decides
    /// (or opens another).
    pub restore_offer: Option<Rc<RestoredAutosave>>,
    /// The repair shown before it is made; any change to the configuration ends the preview.
    pub previewed: Option<Edit>,
}

impl PartialEq for Configuration {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
            && self.notice == other.notice
            && self.selected == other.selected
            && self.restore_offer.is_some() == other.restore_offer.is_some()
            && self.previewed == other.previewed
    }
}

impl Configuration {
    /// A configuration of `session`, with its verdict and bill.
    pub fn new(session: Session, locale: Locale) -> Self {
        let violations = check(session.assembly(), &locale);
        let bill = bill_of_materials(session.assembly());
        let fits = what_fits(session.assembly(), None, &locale);
        Self {
            session,
            locale,
            violations,
            bill,
            fits,
            notice: None,
            revision: 0,
            frame_all: true,
            selected: None,
            restore_offer: None,
            previewed: None,
        }
    }

    /// The catalog being configured.
    pub fn catalog(&self) -> &Arc<Catalog> {
        self.session.assembly().catalog()
    }

    /// After a change to the session: the verdict and bill again, and a new revision.
    fn changed(mut self, frame_all: bool) -> Self {
        self.frame_all = frame_all;
        self.violations = check(self.session.assembly(), &self.locale);
        self.bill = bill_of_materials(self.session.assembly());
        self.fits = what_fits(self.session.assembly(), None, &self.locale);
        self.notice = None;
        self.previewed = None;
        self.revision += 1;
        // A selected part that an undo or a removal took away is selected no more.
        self.selected = self
            .selected
            .filter(|id| self.session.assembly().part(*id).is_some());
        self
    }

    fn refused(mut self, notice: String) -> Self {
        self.notice = Some(notice);
        self
    }

    /// "Frame 750 × 350 × 350 #2": a part of the configuration as the customer sees it.
    pub(crate) fn part_name(&self, id: PartId) -> Option<String> {
        let part = self.session.assembly().part(id)?;
        let kind = self.catalog().part(&part.kind)?;
        Some(part_label(kind, id, &self.locale))
    }

    /// The sentence `key` with why `error` refused a change, in the customer's words.
    fn refusal(&self, key: &str, error: &EditError) -> String {
        let name_of = |id| {
            self.part_name(id)
                .unwrap_or_else(|| part_number(id, &self.locale))
        };
        ui_text_with(
            &self.locale,
            key,
            &[(
                "error",
                phrase(edit_error_text(error, &self.locale, &name_of)),
            )],
        )
    }

    /// The name of `kind` in the customer's language.
    pub(crate) fn kind_name(&self, kind: &PartKindId) -> String {
        kind_label(self.catalog(), kind, &self.locale)
    }
}

/// A refusal in the customer's words.
pub(crate) fn stop_reason(stop: &Stop, locale: &Locale) -> String {
    match stop {
        Stop::NoConnector => ui_text(locale, "catalog.no-open-spot"),
        Stop::Refused(_) => ui_text(locale, "catalog.no-free-spot"),
        Stop::Rule { reason, .. } => reason.clone(),
    }
}

impl Reducible for Configuration {
    type Action = ConfigurationAction;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // A part added by a tap or dropped from the panel, a design started or a link opened:
        // the camera frames the whole again (moves keep the view the customer chose).
        let adds = matches!(
            action,
            ConfigurationAction::Add(_)
                | ConfigurationAction::Apply(Edit::PlacePart(_))
                | ConfigurationAction::Open { .. }
                | ConfigurationAction::StartFrom(_)
        );
        let mut opened_notice = None;
        let outcome = match action {
            ConfigurationAction::Add(kind) => {
                match best_spot(next.session.assembly(), &kind, None, &next.locale) {
                    Ok(part) => next
                        .session
                        .apply(Edit::PlacePart(part))
                        .map(|_| ())
                        .map_err(|error| error.to_string()),
                    Err(stop) => Err(ui_text_with(
                        &next.locale,
                        "catalog.cannot-add",
                        &[
                            ("kind", phrase(next.kind_name(&kind))),
                            ("reason", phrase(stop_reason(&stop, &next.locale))),
                        ],
                    )),
                }
            }
            ConfigurationAction::Apply(edit) => {
                let applied = next.session.apply(edit);
                applied
                    .map(|_| ())
                    .map_err(|error| next.refusal("edit.failed", &error))
            }
            ConfigurationAction::StartFrom(design) => {
                let applied = next
                    .session
                    .apply(design.replacing(next.session.assembly()));
                applied
                    .map(|_| ())
                    .map_err(|error| next.refusal("presets.failed", &error))
            }
            ConfigurationAction::Undo => match next.session.undo() {
                Some(result) => result.map(|_| ()).map_err(|error| error.to_string()),
                None => Err(ui_text(&next.locale, "toolbar.nothing-to-undo")),
            },
            ConfigurationAction::Redo => match next.session.redo() {
                Some(result) => result.map(|_| ()).map_err(|error| error.to_string()),
                None => Err(ui_text(&next.locale, "toolbar.nothing-to-redo")),
            },
            ConfigurationAction::Notify(notice) => Err(notice),
            ConfigurationAction::Open { session, notice } => {
                next.session = *session;
                next.restore_offer = None;
                opened_notice = notice;
                Ok(())
            }
            ConfigurationAction::SetLocale(locale) => {
                next.locale = locale;
                Ok(())
            }
            ConfigurationAction::Select(id) => {
                next.selected = id.filter(|id| next.session.assembly().part(*id).is_some());
                next.notice = None;
                next.frame_all = false;
                return Rc::new(next);
            }
            ConfigurationAction::DismissRestore => {
                next.restore_offer = None;
                next.frame_all = false;
                return Rc::new(next);
            }
            ConfigurationAction::Preview(edit) => {
                next.previewed = edit;
                next.frame_all = false;
                return Rc::new(next);
            }
        };
        Rc::new(match outcome {
            Ok(()) => {
                let mut changed = next.changed(adds);
                changed.notice = opened_notice;
                changed
            }
            Err(notice) => next.refused(notice),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use snapkit_core::{FinishId, PlacedPart, Placement};

    fn frame_at(x: i32) -> PlacedPart {
        PlacedPart {
            id: PartId(1),
            kind: PartKindId::new("frame-750x350x350"),
            finish: FinishId::new("powder-white"),
            placement: Placement::at(glam::IVec3::new(x, 0, 0)),
        }
    }

    /// A configuration of the shipped shelving with nothing in it.
    fn empty_shelving() -> Rc<Configuration> {
        let catalog =
            snapkit_formats::load_catalog(include_str!("../../../assets/catalogs/shelving.json"))
                .expect("the shipped shelving");
        Rc::new(Configuration::new(
            Session::new(Arc::new(catalog)),
            Locale::english(),
        ))
    }

    #[test]
    fn a_dropped_part_frames_the_whole_and_a_moved_one_keeps_the_view() {
        let empty = empty_shelving();
        let dropped = empty.reduce(ConfigurationAction::Apply(Edit::PlacePart(frame_at(0))));
        assert_eq!(dropped.session.assembly().len(), 1);
        assert!(
            dropped.frame_all,
            "a part dropped in from the panel is framed"
        );
        let moved = dropped.reduce(ConfigurationAction::Apply(Edit::MovePart {
            id: PartId(1),
            to: frame_at(1_000_000).placement,
        }));
        assert_eq!(moved.revision, 2, "the move was made");
        assert!(!moved.frame_all, "a move keeps the view");
    }

    #[test]
    fn a_preview_changes_nothing_and_ends_with_the_next_change() {
        let empty = empty_shelving();
        let edit = Edit::PlacePart(frame_at(0));
        let previewing = empty.reduce(ConfigurationAction::Preview(Some(edit.clone())));
        assert_eq!(previewing.previewed, Some(edit.clone()));
        assert_eq!(previewing.revision, 0, "nothing was changed");
        assert!(previewing.session.assembly().is_empty());
        let applied = previewing.reduce(ConfigurationAction::Apply(edit));
        assert_eq!(applied.session.assembly().len(), 1);
        assert_eq!(applied.previewed, None, "made, it is no longer a preview");
        let cancelled = applied
            .reduce(ConfigurationAction::Preview(Some(Edit::RemovePart(
                PartId(1),
            ))))
            .reduce(ConfigurationAction::Preview(None));
        assert_eq!(cancelled.previewed, None);
        assert_eq!(cancelled.session.assembly().len(), 1);
    }
}
