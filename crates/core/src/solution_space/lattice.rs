//! The lattice the enumeration walks: every way one part can stand, as a small comparable value.
//!
//! A [`Cell`] is a part kind in one of its distinct upright orientations at a position. Two
//! placements of a symmetric kind that fill the same space with the same connectors (a 2×4
//! brick turned half way) are one cell, so no product is counted twice. Everything the search
//! asks per step (which cells join this one, do two cells overlap, where a turned cell lands) is
//! looked up in tables built once from the catalog's connectors and collision volumes.

use crate::catalog::{Catalog, PartKind};
use crate::connector::placements_onto;
use crate::geometry::{Aabb, Direction, Placement, Rotation};
use crate::snapping::footprint;
use glam::IVec3;

/// Quarter turns about the vertical: the orientations a part can stand in on the ground.
pub(super) const TURNS: u8 = 4;

/// `turns` quarter turns about the vertical axis.
pub(super) fn upright(turns: u8) -> Rotation {
    Rotation::quarter_turns_about(Direction::PosY, turns)
}

/// One part standing in the lattice. The derived order compares height first, then depth,
/// width, kind and turn: it only depends on differences of position, so the smallest cell of
/// an assembly is the same part wherever the assembly is moved to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct Cell {
    y: i32,
    z: i32,
    x: i32,
    /// Index of the kind in the lattice's kinds.
    pub(super) kind: u16,
    /// Quarter turns about the vertical, the smallest of the equivalent ones.
    turns: u8,
}

impl Cell {
    /// The kind at `kind` in its orientation `turns`, at the origin.
    pub(super) fn at_origin(kind: u16, turns: u8) -> Self {
        Self {
            y: 0,
            z: 0,
            x: 0,
            kind,
            turns,
        }
    }

    /// Where the part's origin is, in micrometres.
    pub(super) fn translation(self) -> IVec3 {
        IVec3::new(self.x, self.y, self.z)
    }

    /// The same cell moved by `offset`.
    #[must_use]
    pub(super) fn shifted(self, offset: IVec3) -> Self {
        let at = self.translation() + offset;
        Self {
            x: at.x,
            y: at.y,
            z: at.z,
            ..self
        }
    }

    /// The placement of the part.
    pub(super) fn placement(self) -> Placement {
        Placement {
            rotation: upright(self.turns),
            translation: self.translation(),
        }
    }
}

/// What the lattice knows about one kind in one orientation.
#[derive(Clone, Debug, Default)]
struct Orientation {
    /// Collision boxes with the part at the origin.
    boxes: Vec<Aabb>,
    /// Height of the part's lowest point above its origin.
    bottom: i32,
    /// The cells that connect to this one at the origin without overlapping it.
    neighbours: Vec<Cell>,
    /// For each further quarter turn `g` of the whole assembly about the vertical axis through
    /// the world origin: the turned cell's orientation, and the offset to add to the turned
    /// position (`g` applied to the translation).
    turned: [(u8, IVec3); TURNS as usize],
}

/// The tables for the part kinds an enumeration may use.
#[derive(Clone, Debug)]
pub(super) struct Lattice {
    /// Indices into the catalog's parts, one per lattice kind.
    kinds: Vec<usize>,
    /// For each lattice kind and each of the four turns: the canonical turn and the offset
    /// that makes a placement in that turn the same cell.
    canonical: Vec<[(u8, IVec3); TURNS as usize]>,
    /// For each lattice kind and canonical turn.
    orientations: Vec<[Orientation; TURNS as usize]>,
}

impl Lattice {
    /// The tables for `kinds` (indices into `catalog.parts`).
    pub(super) fn new(catalog: &Catalog, kinds: Vec<usize>) -> Self {
        let canonical: Vec<_> = kinds
            .iter()
            .map(|&kind| canonical_turns(&catalog.parts[kind]))
            .collect();
        let mut lattice = Self {
            kinds,
            canonical,
            orientations: Vec::new(),
        };
        lattice.orientations = (0..lattice.kinds.len())
            .map(|kind| {
                std::array::from_fn(|turns| lattice.orientation(catalog, kind, turns as u8))
            })
            .collect();
        lattice
    }

    /// How many kinds the lattice holds.
    pub(super) fn kind_count(&self) -> u16 {
        u16::try_from(self.kinds.len()).unwrap_or(u16::MAX)
    }

    /// The index into the catalog's parts of lattice kind `kind`.
    pub(super) fn catalog_kind(&self, kind: u16) -> usize {
        self.kinds[usize::from(kind)]
    }

    /// The distinct orientations of lattice kind `kind` (turns that are their own canonical turn).
    pub(super) fn distinct_turns(&self, kind: u16) -> impl Iterator<Item = u8> + '_ {
        (0..TURNS)
            .filter(move |&turns| self.canonical[usize::from(kind)][usize::from(turns)].0 == turns)
    }

    /// The cell of lattice kind `kind` at `placement`; `None` unless the placement is upright.
    pub(super) fn cell(&self, kind: u16, placement: Placement) -> Option<Cell> {
        let turns = (0..TURNS).find(|&turns| upright(turns) == placement.rotation)?;
        let (canonical, offset) = self.canonical[usize::from(kind)][usize::from(turns)];
        Some(Cell::at_origin(kind, canonical).shifted(placement.translation + offset))
    }

    fn orientation_of(&self, cell: Cell) -> &Orientation {
        &self.orientations[usize::from(cell.kind)][usize::from(cell.turns)]
    }

    /// The cells that connect to `cell` without overlapping it.
    pub(super) fn neighbours(&self, cell: Cell) -> impl Iterator<Item = Cell> + '_ {
        let offset = cell.translation();
        self.orientation_of(cell)
            .neighbours
            .iter()
            .map(move |neighbour| neighbour.shifted(offset))
    }

    /// The collision boxes of `cell`, in the world.
    fn boxes(&self, cell: Cell) -> impl Iterator<Item = Aabb> + '_ {
        let offset = cell.translation();
        self.orientation_of(cell)
            .boxes
            .iter()
            .map(move |aabb| Aabb {
                min: aabb.min + offset,
                max: aabb.max + offset,
            })
    }

    /// Whether the two cells overlap (the engine's collision test on their boxes).
    pub(super) fn overlap(&self, a: Cell, b: Cell) -> bool {
        self.boxes(a)
            .any(|ours| self.boxes(b).any(|theirs| ours.overlaps(theirs)))
    }

    /// The height of the cell's lowest point.
    pub(super) fn bottom(&self, cell: Cell) -> i32 {
        cell.y + self.orientation_of(cell).bottom
    }

    /// `cell` after the whole world turns `turns` quarter turns about the vertical axis.
    pub(super) fn turned(&self, cell: Cell, turns: u8) -> Cell {
        let (canonical, offset) = self.orientation_of(cell).turned[usize::from(turns)];
        Cell::at_origin(cell.kind, canonical)
            .shifted(upright(turns).vector(cell.translation()) + offset)
    }

    /// Builds the tables of lattice kind `kind` standing in canonical turn `turns`.
    fn orientation(&self, catalog: &Catalog, kind: usize, turns: u8) -> Orientation {
        let kind_index = u16::try_from(kind).unwrap_or(u16::MAX);
        let part = &catalog.parts[self.kinds[kind]];
        let here = Cell::at_origin(kind_index, turns);
        let placement = here.placement();
        let boxes: Vec<Aabb> = part
            .collision
            .iter()
            .map(|&aabb| placement.aabb(aabb))
            .collect();
        let bottom = boxes.iter().map(|aabb| aabb.min.y).min().unwrap_or(0);
        let turned = std::array::from_fn(|g| {
            let rotation = upright(g as u8).after(placement.rotation);
            let cell = self
                .cell(
                    kind_index,
                    Placement {
                        rotation,
                        translation: IVec3::ZERO,
                    },
                )
                .unwrap_or(here);
            (cell.turns, cell.translation())
        });
        let mut orientation = Orientation {
            boxes,
            bottom,
            neighbours: Vec::new(),
            turned,
        };
        if self.canonical[kind][usize::from(turns)].0 == turns {
            orientation.neighbours =
                self.neighbours_of(catalog, part, placement, &orientation, here);
        }
        orientation
    }

    /// Every cell of every lattice kind that one of its connectors puts onto a connector of
    /// `part` at `placement`, and that does not overlap it: the catalog's own linkage rules.
    fn neighbours_of(
        &self,
        catalog: &Catalog,
        part: &PartKind,
        placement: Placement,
        orientation: &Orientation,
        here: Cell,
    ) -> Vec<Cell> {
        let mut found = Vec::new();
        for own in &part.connectors {
            let frame = own.world_frame(placement);
            for (other_kind, &catalog_kind) in self.kinds.iter().enumerate() {
                let other_index = u16::try_from(other_kind).unwrap_or(u16::MAX);
                for other in &catalog.parts[catalog_kind].connectors {
                    let Some(turns) = catalog.mating_turns(own, other) else {
                        continue;
                    };
                    for joined in placements_onto(frame, other, turns) {
                        let Some(cell) = self.cell(other_index, joined) else {
                            continue;
                        };
                        let overlaps = self.canonical_boxes(catalog, cell).any(|theirs| {
                            orientation.boxes.iter().any(|ours| ours.overlaps(theirs))
                        });
                        if !overlaps && cell != here && !found.contains(&cell) {
                            found.push(cell);
                        }
                    }
                }
            }
        }
        found.sort();
        found
    }

    /// The world boxes of `cell`, computed from the catalog (the tables may not exist yet).
    fn canonical_boxes<'a>(
        &self,
        catalog: &'a Catalog,
        cell: Cell,
    ) -> impl Iterator<Item = Aabb> + 'a {
        let placement = cell.placement();
        catalog.parts[self.kinds[usize::from(cell.kind)]]
            .collision
            .iter()
            .map(move |&aabb| placement.aabb(aabb))
    }
}

/// For each of the four turns of `part`: the smallest turn that gives the same footprint, and
/// the offset that moves the one onto the other.
fn canonical_turns(part: &PartKind) -> [(u8, IVec3); TURNS as usize] {
    let lowest_corner = |turns: u8| {
        let placement = Placement {
            rotation: upright(turns),
            translation: IVec3::ZERO,
        };
        part.collision
            .iter()
            .map(|&aabb| placement.aabb(aabb).min)
            .reduce(IVec3::min)
            .unwrap_or(IVec3::ZERO)
    };
    std::array::from_fn(|turns| {
        let turns = turns as u8;
        let placement = Placement {
            rotation: upright(turns),
            translation: IVec3::ZERO,
        };
        let wanted = footprint(part, placement);
        (0..=turns)
            .find_map(|candidate| {
                let offset = lowest_corner(turns) - lowest_corner(candidate);
                let moved = Placement {
                    rotation: upright(candidate),
                    translation: offset,
                };
                (footprint(part, moved) == wanted).then_some((candidate, offset))
            })
            .unwrap_or((turns, IVec3::ZERO))
    })
}
