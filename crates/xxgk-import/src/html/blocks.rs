//! The walk over the tree that turns it into blocks in reading order: paragraphs
//! from block elements and `<br>`, and tables as grids (or, for layout tables, the
//! paragraphs and tables inside their cells).

use crate::{DocBlock, Grid, ImportNote, Para};

use super::collect::{BLOCK, skipped};
use super::grid;
use super::text::Lines;
use super::tree::{Kind, Tree};

/// A block and the node it starts in (for finding the report body afterwards).
#[derive(Debug)]
pub(super) struct Item {
    pub(super) block: DocBlock,
    pub(super) node: usize,
}

pub(super) struct Walker<'t> {
    tree: &'t Tree<'t>,
    honor_hidden: bool,
    lines: Lines,
    pub(super) items: Vec<Item>,
    /// Notes, with the table node they concern.
    pub(super) notes: Vec<(usize, ImportNote)>,
    /// Grid positions that spans may still cover in this document.
    budget: usize,
}

impl<'t> Walker<'t> {
    pub(super) fn new(tree: &'t Tree<'t>, honor_hidden: bool) -> Walker<'t> {
        Walker {
            tree,
            honor_hidden,
            lines: Lines::default(),
            items: Vec::new(),
            notes: Vec::new(),
            budget: crate::expand::BUDGET,
        }
    }

    /// Ends the current line and moves finished lines to the items.
    fn flush(&mut self) {
        self.lines.end_line();
        for line in self.lines.done.drain(..) {
            self.items.push(Item {
                block: DocBlock::Para(Para {
                    text: line.text,
                    pos: line.pos,
                    heading: false,
                }),
                node: line.node,
            });
        }
    }

    pub(super) fn walk(&mut self, id: usize) {
        let tree = self.tree;
        let node = &tree.nodes[id];
        match &node.kind {
            Kind::Text(t) => self.lines.push(t, node.pos, id),
            Kind::Root => {
                for &c in &node.children {
                    self.walk(c);
                }
                self.flush();
            }
            Kind::Element(e) => {
                if skipped(e, self.honor_hidden) {
                    return;
                }
                if e.name == "table" {
                    self.flush();
                    self.table(id);
                    return;
                }
                let block = BLOCK.contains(&e.name.as_ref());
                let pre = e.name == "pre";
                if block {
                    self.flush();
                }
                self.lines.pre += usize::from(pre);
                for &c in &node.children {
                    self.walk(c);
                }
                self.lines.pre -= usize::from(pre);
                if block {
                    self.flush();
                }
            }
        }
    }

    fn table(&mut self, id: usize) {
        let tree = self.tree;
        let nested = (id + 1..tree.nodes[id].end).any(|d| tree.name(d) == "table");
        if !nested {
            let mut notes = Vec::new();
            let mut budget = self.budget;
            let built = grid::build(tree, id, self.honor_hidden, &mut budget, &mut notes);
            if !built.long_cell {
                self.budget = budget;
                self.notes.extend(notes.into_iter().map(|n| (id, n)));
                for node in built.before {
                    self.walk(node);
                    self.flush();
                }
                if let Some(grid) = built.grid {
                    self.push_grid(grid, id);
                }
                return;
            }
        }
        // A layout table: its cells are read as parts of the page.
        for &c in &tree.nodes[id].children {
            self.walk(c);
            self.flush();
        }
    }

    fn push_grid(&mut self, grid: Grid, node: usize) {
        self.items.push(Item {
            block: DocBlock::Table(grid),
            node,
        });
    }
}
