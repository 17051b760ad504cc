//! The document as one stream of items — paragraphs and table rows — in reading
//! order, with merged cells of expanded grids resolved to the text that covers them.

use std::rc::Rc;

use xxgk_model::SourcePos;

use crate::cell::value_like;
use crate::normalize::{char_len, ends_sentence, trim};
use crate::patterns::{is_title, section_heading};
use crate::{DocBlock, Document, Grid, Para, RowForm};

/// One cell of a row as the interpreter sees it.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    /// The text (for a position covered by a merged cell: the covering cell's
    /// text, shared with it: a merged cell's text is held once, however many
    /// positions it covers).
    pub(crate) text: Rc<str>,
    /// Where the text is in the source (the covering cell's position if covered).
    pub(crate) pos: SourcePos,
    /// The position is covered by a merged cell that starts elsewhere.
    pub(crate) covered: bool,
    /// The grid column (for expanded grids, the true column; otherwise the field index).
    pub(crate) col: usize,
}

/// A table row.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub(crate) fields: Vec<Field>,
    pub(crate) pos: SourcePos,
    /// Columns are true grid columns (spans were expanded).
    pub(crate) expanded: bool,
    /// How the row was printed.
    pub(crate) form: RowForm,
}

/// A paragraph or a table row.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    Para(Para),
    Row(Row),
}

/// Flattens the blocks of a document. Rows of a layout table that hold nothing
/// but narrative (one text, long or a heading) become paragraphs, one per line
/// of the cell.
pub(crate) fn flatten(doc: &Document) -> Vec<Item> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        match block {
            // Spaces around a paragraph (indentation, `&nbsp;` padding) are layout.
            DocBlock::Para(p) if trim(&p.text).is_empty() => {}
            DocBlock::Para(p) => out.push(Item::Para(Para {
                text: trim(&p.text).to_owned(),
                pos: p.pos,
                heading: p.heading,
            })),
            DocBlock::Table(g) => {
                for row in rows_of(g) {
                    if let Some(paras) = narrative_row(&row) {
                        out.extend(paras.into_iter().map(Item::Para));
                    } else {
                        out.push(Item::Row(row));
                    }
                }
            }
        }
    }
    out
}

/// The rows of a grid as the interpreter reads them. A merged cell is one cell:
/// its text is held once and shared by the positions it covers, and a row whose
/// every filled position is covered by cells starting in rows above it (the lower
/// rows of a merged cell, with nothing of their own) adds nothing and is left out.
fn rows_of(g: &Grid) -> Vec<Row> {
    // The shared text of each grid cell, made once per cell.
    let texts: Vec<Vec<Rc<str>>> = g
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| Rc::from(c.text.as_str())).collect())
        .collect();
    let mut out = Vec::with_capacity(g.rows.len());
    for (ri, r) in g.rows.iter().enumerate() {
        let fields: Vec<Field> = r
            .cells
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let origin = cell.covered_by.and_then(|(or, oc)| {
                    let o = g.rows.get(or)?.cells.get(oc)?;
                    Some((o, Rc::clone(texts.get(or)?.get(oc)?)))
                });
                match origin {
                    Some((o, text)) => Field {
                        text,
                        pos: o.pos,
                        covered: true,
                        col: c,
                    },
                    None => Field {
                        text: Rc::clone(&texts[ri][c]),
                        pos: cell.pos,
                        covered: false,
                        col: c,
                    },
                }
            })
            .collect();
        let own = |f: &&Field| !trim(&f.text).is_empty();
        let only_covered = fields
            .iter()
            .filter(own)
            .all(|f| f.covered && r.cells[f.col].covered_by.is_some_and(|(or, _)| or < ri))
            && fields.iter().any(|f| f.covered);
        if g.expanded && only_covered && fields.iter().filter(own).count() > 0 {
            continue;
        }
        out.push(Row {
            pos: r.pos,
            expanded: g.expanded,
            form: g.form,
            fields,
        });
    }
    out
}

/// A row holding one text only (repeated across merged columns) that reads as
/// narrative rather than a table label: its lines as paragraphs.
fn narrative_row(row: &Row) -> Option<Vec<Para>> {
    let mut filled = row.fields.iter().filter(|f| !trim(&f.text).is_empty());
    let first = filled.next()?;
    if filled.any(|f| f.text != first.text) {
        return None;
    }
    let text = trim(&first.text);
    let narrative = char_len(text) > 60
        || section_heading(text).is_some()
        || is_title(text)
        || (ends_sentence(text) && char_len(text) > 20 && !text.contains("本列数据"));
    if !narrative || value_like(text) {
        return None;
    }
    Some(
        text.split('\n')
            .map(trim)
            .filter(|t| !t.is_empty())
            .map(|t| Para {
                text: t.to_owned(),
                pos: first.pos,
                heading: false,
            })
            .collect(),
    )
}

/// A row split into its labels and its values: the labels are the non-empty
/// fields up to the last field that is not a value (merged duplicates removed),
/// the values every field after it.
#[derive(Debug, Clone)]
pub(crate) struct Split {
    pub(crate) labels: Vec<Field>,
    pub(crate) values: Vec<Field>,
    pub(crate) pos: SourcePos,
    pub(crate) expanded: bool,
    pub(crate) form: RowForm,
}

impl Split {
    /// The most specific label (the last one), if any.
    pub(crate) fn leaf(&self) -> Option<&Field> {
        self.labels.last()
    }

    /// The number of fields of the row: labels, the empty fields between them, and
    /// values.
    pub(crate) fn width(&self) -> usize {
        self.labels
            .iter()
            .chain(&self.values)
            .map(|f| f.col + 1)
            .max()
            .unwrap_or(0)
    }

    /// Whether any value field holds something (a number or text).
    pub(crate) fn has_values(&self) -> bool {
        self.values.iter().any(|f| !trim(&f.text).is_empty())
    }
}

/// Splits a row into labels and values.
pub(crate) fn split(row: &Row) -> Split {
    let last_label = row
        .fields
        .iter()
        .rposition(|f| !trim(&f.text).is_empty() && !value_like(&f.text));
    let (label_fields, value_fields) = match last_label {
        Some(i) => row.fields.split_at(i + 1),
        None => row.fields.split_at(0),
    };
    let mut labels: Vec<Field> = Vec::new();
    for f in label_fields {
        if trim(&f.text).is_empty() {
            continue;
        }
        // A merged label repeats across the positions it covers: keep it once.
        if labels
            .last()
            .is_some_and(|l| l.text == f.text && (f.covered || l.pos == f.pos))
        {
            continue;
        }
        labels.push(f.clone());
    }
    Split {
        labels,
        values: value_fields
            .iter()
            .filter(|f| !f.covered)
            .cloned()
            .collect(),
        pos: row.pos,
        expanded: row.expanded,
        form: row.form,
    }
}

/// A paragraph as a one-field row (a table label printed on a line of its own).
pub(crate) fn para_row(p: &Para) -> Row {
    Row {
        fields: vec![Field {
            text: p.text.as_str().into(),
            pos: p.pos,
            covered: false,
            col: 0,
        }],
        pos: p.pos,
        expanded: false,
        form: RowForm::Inline,
    }
}
