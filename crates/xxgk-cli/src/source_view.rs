//! What a position in the user's file shows: the line of a text, HTML or TOML file,
//! or the text of a Word file's paragraph or table cell.

use std::collections::HashMap;

use xxgk_import::{DocBlock, Document, LineIndex};
use xxgk_model::SourcePos;

/// The parts of a file that positions point at.
#[derive(Debug, Clone, Default)]
pub(crate) enum SourceView {
    /// The decoded text of a text, HTML or model file (line ends as `\n`).
    Lines(Lines),
    /// The text `pdftotext` extracted from a PDF file: lines as for `Lines`, and
    /// each page after a form feed.
    PdfText(Lines),
    /// A Word file's paragraphs and cells by position (a paragraph broken by line
    /// breaks has its lines joined with `\n`).
    Word(HashMap<SourcePos, String>),
    /// Nothing to show.
    #[default]
    Nothing,
}

/// A text and where each of its lines starts, so that a line is found at once
/// however many positions are shown (a long file can carry thousands of notes).
#[derive(Debug, Clone)]
pub(crate) struct Lines {
    index: LineIndex<String>,
    /// Form feeds (page breaks of a PDF's text) before each line's start.
    feeds: Vec<u32>,
}

impl Default for Lines {
    fn default() -> Lines {
        Lines::new(String::new())
    }
}

impl Lines {
    pub(crate) fn new(text: String) -> Lines {
        let index = LineIndex::new(text);
        let mut feeds = Vec::with_capacity(index.line_count());
        let mut seen = 0u32;
        let mut from = 0;
        for line in 1..=index.line_count() {
            let start = u32::try_from(line)
                .ok()
                .and_then(|l| index.line_start(l))
                .unwrap_or(from);
            let passed = index.text()[from..start].matches('\u{c}').count();
            seen = seen.saturating_add(u32::try_from(passed).unwrap_or(u32::MAX));
            feeds.push(seen);
            from = start;
        }
        Lines { index, feeds }
    }

    /// Line `number` (from 1) without its line end.
    fn line(&self, number: u32) -> Option<&str> {
        self.index.line_text(number)
    }

    /// Form feeds before line `number`'s text (its leading ones included).
    fn feeds_before(&self, number: u32) -> Option<u32> {
        let i = usize::try_from(number.checked_sub(1)?).ok()?;
        let leading = self
            .line(number)?
            .chars()
            .take_while(|c| *c == '\u{c}')
            .count();
        Some(
            self.feeds
                .get(i)?
                .saturating_add(u32::try_from(leading).ok()?),
        )
    }
}

impl From<&str> for Lines {
    fn from(text: &str) -> Lines {
        Lines::new(text.to_owned())
    }
}

impl From<String> for Lines {
    fn from(text: String) -> Lines {
        Lines::new(text)
    }
}

/// What to print at a position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Excerpt<'a> {
    /// A line of the file and the column (from 1, in characters) marked in it.
    Line {
        number: u32,
        text: &'a str,
        column: u32,
    },
    /// The text of a Word paragraph or cell.
    Word(&'a str),
}

impl SourceView {
    /// The view of a Word document: each paragraph and each table cell (covered
    /// positions of merged cells are the cell that covers them).
    pub(crate) fn word(doc: &Document) -> SourceView {
        let mut texts: HashMap<SourcePos, String> = HashMap::new();
        let mut add = |pos: SourcePos, text: &str| {
            texts
                .entry(pos)
                .and_modify(|t| {
                    t.push('\n');
                    t.push_str(text);
                })
                .or_insert_with(|| text.to_owned());
        };
        for block in &doc.blocks {
            match block {
                DocBlock::Para(p) => add(p.pos, &p.text),
                DocBlock::Table(grid) => {
                    for cell in grid.rows.iter().flat_map(|r| &r.cells) {
                        if cell.covered_by.is_none() {
                            add(cell.pos, &cell.text);
                        }
                    }
                }
            }
        }
        SourceView::Word(texts)
    }

    /// What the file holds at a position, if the position is in it.
    pub(crate) fn excerpt(&self, pos: SourcePos) -> Option<Excerpt<'_>> {
        match (self, pos) {
            (
                SourceView::Lines(text) | SourceView::PdfText(text),
                SourcePos::Text { line, column },
            ) => {
                let text = text.line(line)?;
                Some(Excerpt::Line {
                    number: line,
                    text,
                    column,
                })
            }
            (
                SourceView::Word(texts),
                pos @ (SourcePos::DocxCell { .. } | SourcePos::DocxParagraph { .. }),
            ) => texts.get(&pos).map(|t| Excerpt::Word(t)),
            _ => None,
        }
    }

    /// The page of a PDF's extracted text that a line is on (from 1): one more
    /// than the form feeds before the line's text. `None` for other views.
    pub(crate) fn page(&self, line: u32) -> Option<u32> {
        let SourceView::PdfText(text) = self else {
            return None;
        };
        Some(text.feeds_before(line)? + 1)
    }
}

#[cfg(test)]
mod tests {
    use xxgk_import::{Grid, GridCell, GridRow, InputKind, Para};

    use super::*;

    #[test]
    fn a_pdfs_pages_start_after_form_feeds() {
        let view = SourceView::PdfText("一\n二\n\u{c}三\n四\u{c}\n\u{c}五\n".into());
        let pages: Vec<Option<u32>> = (1..=6).map(|l| view.page(l)).collect();
        assert_eq!(
            pages,
            [Some(1), Some(1), Some(2), Some(2), Some(4), Some(4)]
        );
        assert_eq!(view.page(9), None);
        assert_eq!(
            view.excerpt(SourcePos::Text { line: 2, column: 1 }),
            Some(Excerpt::Line {
                number: 2,
                text: "二",
                column: 1
            })
        );
        assert_eq!(SourceView::Lines("一\n".into()).page(1), None);
    }

    /// A model file keeps its CRLF line ends: a line is shown without its `\r`,
    /// and the lines are those the positions count.
    #[test]
    fn crlf_line_ends_are_not_shown() {
        let view = SourceView::Lines("一\r\n二\r\n".into());
        assert_eq!(
            view.excerpt(SourcePos::Text { line: 1, column: 1 }),
            Some(Excerpt::Line {
                number: 1,
                text: "一",
                column: 1
            })
        );
        let view = SourceView::PdfText("一\r\n\u{c}二\r\n".into());
        assert_eq!(view.page(2), Some(2));
    }

    #[test]
    fn lines_are_counted_from_one_and_lines_beyond_the_text_are_none() {
        let view = SourceView::Lines("一\n二\n".into());
        assert_eq!(
            view.excerpt(SourcePos::Text { line: 2, column: 1 }),
            Some(Excerpt::Line {
                number: 2,
                text: "二",
                column: 1
            })
        );
        assert_eq!(view.excerpt(SourcePos::Text { line: 0, column: 1 }), None);
        assert_eq!(view.excerpt(SourcePos::Text { line: 4, column: 1 }), None);
        assert_eq!(
            view.excerpt(SourcePos::DocxParagraph { paragraph: 1 }),
            None
        );
    }

    #[test]
    fn word_paragraphs_and_cells_by_position() {
        let at = |row, cell| SourcePos::DocxCell {
            table: 1,
            row,
            cell,
        };
        let mut covered = GridCell::new("", at(1, 1));
        covered.covered_by = Some((0, 0));
        let mut grid = Grid::new(
            vec![GridRow::new(
                vec![GridCell::new("行政复议", at(1, 1)), covered],
                at(1, 1),
            )],
            at(1, 1),
        );
        grid.expanded = true;
        let paragraph = SourcePos::DocxParagraph { paragraph: 1 };
        let mut doc = Document::new(InputKind::Docx);
        doc.blocks = vec![
            DocBlock::Para(Para::new("第一行", paragraph)),
            DocBlock::Para(Para::new("第二行", paragraph)),
            DocBlock::Table(grid),
        ];
        let view = SourceView::word(&doc);
        assert_eq!(
            view.excerpt(SourcePos::DocxParagraph { paragraph: 1 }),
            Some(Excerpt::Word("第一行\n第二行"))
        );
        assert_eq!(
            view.excerpt(SourcePos::DocxCell {
                table: 1,
                row: 1,
                cell: 1
            }),
            Some(Excerpt::Word("行政复议"))
        );
        assert_eq!(
            view.excerpt(SourcePos::DocxParagraph { paragraph: 2 }),
            None
        );
        assert_eq!(view.excerpt(SourcePos::Text { line: 1, column: 1 }), None);
    }
}
