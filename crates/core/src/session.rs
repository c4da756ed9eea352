//! A configuring session: the assembly, its undo/redo history, and replay of edit lists.

use crate::assembly::Assembly;
use crate::catalog::Catalog;
use crate::edit::{Applied, Edit, EditError};
use std::sync::Arc;

/// One applied edit with the edit that undoes it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Step {
    edit: Edit,
    inverse: Edit,
}

/// The assembly being configured and how it got here.
#[derive(Clone, Debug)]
pub struct Session {
    /// The assembly the history starts from.
    start: Assembly,
    assembly: Assembly,
    done: Vec<Step>,
    undone: Vec<Step>,
}

impl Session {
    /// A session with an empty assembly.
    pub fn new(catalog: Arc<Catalog>) -> Self {
        Self::from_assembly(Assembly::new(catalog))
    }

    /// A session that starts from `assembly` (an opened share link), with nothing to undo.
    pub fn from_assembly(assembly: Assembly) -> Self {
        Self {
            start: assembly.clone(),
            assembly,
            done: Vec::new(),
            undone: Vec::new(),
        }
    }

    /// Rebuilds a session by applying `edits` in order; fails at the first edit that cannot apply.
    pub fn replay(catalog: Arc<Catalog>, edits: &[Edit]) -> Result<Self, EditError> {
        Self::rebuild(Assembly::new(catalog), edits, &[])
    }

    /// Rebuilds a session from what [`Session::start`], [`Session::history`] and
    /// [`Session::undone`] give: the same assembly, the same steps to undo and to redo.
    /// Fails at the first edit that cannot apply (the catalog changed since, or the history
    /// was damaged).
    pub fn rebuild(start: Assembly, done: &[Edit], undone: &[Edit]) -> Result<Self, EditError> {
        let mut session = Self::from_assembly(start);
        // The undone steps are applied newest-undone last, then undone again, in that order.
        for (index, edit) in done.iter().chain(undone.iter().rev()).enumerate() {
            session
                .apply(edit.clone())
                .map_err(|error| EditError::InBatch {
                    index,
                    error: Box::new(error),
                })?;
        }
        for _ in undone {
            if let Some(Err(error)) = session.undo() {
                return Err(error);
            }
        }
        Ok(session)
    }

    /// The assembly the history starts from: empty, or the one the session was opened with.
    pub fn start(&self) -> &Assembly {
        &self.start
    }

    /// The undone edits, oldest undo first: [`Session::redo`] applies the last one first.
    pub fn undone(&self) -> impl Iterator<Item = &Edit> {
        self.undone.iter().map(|step| &step.edit)
    }

    /// The step [`Session::undo`] takes back next: the edit, and the edit that undoes it
    /// (which tells what the edit changed, e.g. whether a move turned the part).
    pub fn next_undo(&self) -> Option<(&Edit, &Edit)> {
        self.done.last().map(|step| (&step.edit, &step.inverse))
    }

    /// The step [`Session::redo`] applies next: the edit, and the edit that undoes it.
    pub fn next_redo(&self) -> Option<(&Edit, &Edit)> {
        self.undone.last().map(|step| (&step.edit, &step.inverse))
    }

    /// The current assembly.
    pub fn assembly(&self) -> &Assembly {
        &self.assembly
    }

    /// The edits that built the current assembly, oldest first (undone ones excluded).
    pub fn history(&self) -> impl Iterator<Item = &Edit> {
        self.done.iter().map(|step| &step.edit)
    }

    /// Applies an edit as one undoable step; a new edit clears the redo list.
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let applied = edit.apply(&mut self.assembly)?;
        self.done.push(Step {
            edit,
            inverse: applied.inverse.clone(),
        });
        self.undone.clear();
        Ok(applied)
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// Undoes the newest step; `None` if there is none.
    pub fn undo(&mut self) -> Option<Result<Applied, EditError>> {
        let step = self.done.pop()?;
        Some(match step.inverse.apply(&mut self.assembly) {
            Ok(applied) => {
                self.undone.push(step);
                Ok(applied)
            }
            Err(error) => {
                self.done.push(step);
                Err(error)
            }
        })
    }

    /// Redoes the newest undone step; `None` if there is none.
    pub fn redo(&mut self) -> Option<Result<Applied, EditError>> {
        let step = self.undone.pop()?;
        Some(match step.edit.apply(&mut self.assembly) {
            Ok(applied) => {
                self.done.push(Step {
                    edit: step.edit,
                    inverse: applied.inverse.clone(),
                });
                Ok(applied)
            }
            Err(error) => {
                self.undone.push(step);
                Err(error)
            }
        })
    }
}
