//! The report as the sequence every format prints: title, preamble, the sections in
//! published order, closing text.

use std::borrow::Cow;

use xxgk_model::schema::TableId;
use xxgk_model::{Block, Pointer, Report, SectionId, SectionRef, Table, TextPart};

use crate::layout::{TableGrid, table_grid};
use crate::zh;

/// A report ready to print.
pub(crate) struct Doc<'a> {
    /// The title as published, or the customary one when the report holds none.
    pub(crate) title: Cow<'a, str>,
    pub(crate) preamble: &'a [Block],
    pub(crate) sections: Vec<Sec<'a>>,
    pub(crate) closing: &'a [Block],
}

/// A section present in the report.
pub(crate) struct Sec<'a> {
    pub(crate) id: SectionId,
    /// The heading as published; `None` when none was printed.
    pub(crate) heading: Option<&'a str>,
    pub(crate) content: Vec<Content<'a>>,
    /// Where each item of `content` is in the model (a paragraph's block, a note,
    /// a table), for the HTML output's hooks.
    pub(crate) pointers: Vec<Pointer>,
}

/// What a section prints, in order.
pub(crate) enum Content<'a> {
    /// A paragraph or sub-heading.
    Block(&'a Block),
    /// A table section's note printed on a line of its own (table 二 or 四, or table
    /// 三 when it prints no table; table 三's note otherwise sits in its corner).
    Note(&'a str),
    /// A table with its layout.
    Table(TableContent<'a>),
}

/// A table to print.
pub(crate) struct TableContent<'a> {
    pub(crate) id: TableId,
    pub(crate) table: &'a Table,
    /// Table 三's note as held (the layout uses the official wording when `None`).
    pub(crate) note: Option<&'a str>,
    pub(crate) grid: TableGrid,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(report: &'a Report) -> Doc<'a> {
        let title = match &report.meta.title {
            Some(t) => Cow::Borrowed(t.as_str()),
            None => Cow::Owned(zh::default_title(&report.meta.agency, report.meta.year)),
        };
        // The published order; a present section the order does not name still prints
        // (after the others), and none prints twice.
        let mut order: Vec<SectionId> = Vec::new();
        for id in report.published_order().into_iter().chain(SectionId::ALL) {
            if !order.contains(&id) {
                order.push(id);
            }
        }
        let sections = order
            .into_iter()
            .filter_map(|id| Some(section(id, report.sections.get(id)?)))
            .collect();
        Doc {
            title,
            preamble: &report.preamble,
            sections,
            closing: &report.closing,
        }
    }
}

fn section(id: SectionId, sec: SectionRef<'_>) -> Sec<'_> {
    let mut content = Vec::new();
    let heading = match sec {
        SectionRef::Text(s) => s.heading.as_deref(),
        SectionRef::Table(s) => s.heading.as_deref(),
    };
    let mut pointers = Vec::new();
    let paragraphs = |part: TextPart, n: usize| (0..n).map(move |i| Pointer::paragraph(part, i));
    match sec {
        SectionRef::Text(s) => {
            content.extend(s.body.iter().map(Content::Block));
            pointers.extend(paragraphs(TextPart::Body(id), s.body.len()));
        }
        SectionRef::Table(s) => {
            content.extend(s.text.iter().map(Content::Block));
            let table_id = id.table();
            let grid = match (table_id, &s.table) {
                (Some(t), Some(table)) => {
                    table_grid(t, table, s.note.as_deref()).map(|g| (t, table, g))
                }
                _ => None,
            };
            let note_in_corner = grid
                .as_ref()
                .is_some_and(|(t, _, _)| *t == TableId::Applications);
            if let Some(t) = table_id {
                pointers.extend(paragraphs(TextPart::Text(t), s.text.len()));
            }
            if let Some(note) = s.note.as_deref().filter(|_| !note_in_corner) {
                content.push(Content::Note(note));
                pointers.extend(table_id.map(Pointer::note));
            }
            if let Some((t, table, grid)) = grid {
                content.push(Content::Table(TableContent {
                    id: t,
                    table,
                    note: s.note.as_deref(),
                    grid,
                }));
                pointers.push(Pointer::table(t));
            }
            content.extend(s.text_after.iter().map(Content::Block));
            if let Some(t) = table_id {
                pointers.extend(paragraphs(TextPart::TextAfter(t), s.text_after.len()));
            }
        }
    }
    Sec {
        id,
        heading,
        content,
        pointers,
    }
}
