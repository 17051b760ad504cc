//! The text front end: text copied from a web page or extracted from a PDF,
//! Markdown, or a hand-aligned table, turned into a [`Document`].
//!
//! - Lines holding a tab, Markdown rows (`| a | b |`) and runs of space-aligned
//!   lines with numbers become table rows; consecutive rows form one grid, also
//!   across blank lines, page footers and stray characters. Grids are not
//!   expanded: merged cells are whatever the copy left (usually empty fields).
//! - Page footers (`- 1 -`, `第 2 页`) and lines of one to three punctuation
//!   marks (debris of a PDF's seal layer) are dropped, each with a note.
//! - Paragraphs: text copied from a page has one paragraph per line. Text
//!   extracted from a PDF wraps lines mid-sentence; it is recognised when at
//!   least two lines in five (of those at least 12 characters long) end without
//!   sentence-final punctuation. Then a line continues the paragraph before it
//!   unless that paragraph ended with `。！？；：…` (closing quotes or brackets
//!   may follow), or the line starts with numbering (`（一）`, `一、`, `1.`) or is
//!   a block caption of table 二 (`第二十条第（一）项`), or
//!   the paragraph so far is a short numbered heading or the title. The join
//!   removes the line break (and the spaces at the ends of the lines) and no
//!   other character; blank lines inside an unfinished sentence are page breaks.
//!   In wrapped text, lines of at most three characters inside an unfinished
//!   sentence are seal-layer debris and are dropped with a note.
//! - Tables printed one cell a line (`pdftotext` without `-layout`, `LibreOffice`'s
//!   text export) are rebuilt into rows of [`RowForm::CellPerLine`] (`percell`).
//! - pandoc's Markdown: HTML `<table>` blocks are read by the HTML reader
//!   (`markup`), table rule lines skipped, `[text]{.class}` spans taken as markup.

mod align;
mod cells;
mod line;
mod lines;
mod markdown;
mod markup;
mod percell;
mod running;
mod separated;
mod single;
mod split_rows;
mod unfold;
mod wrapped;

pub(crate) use markup::embeds_tables;

use xxgk_model::SourcePos;

use crate::NoteCode;
use crate::dates::date_line;
use crate::normalize::{char_len, ends_sentence, is_space, strip_spaces, trim};
use crate::patterns::{
    caption, is_document_head, is_field_line, is_official_label_piece, is_title, is_whole_title,
    numbering_len, section_heading,
};
use crate::{DocBlock, Document, Grid, GridCell, GridRow, ImportNote, InputKind, Para, RowForm};
use line::{Kind, Line};

/// The most bytes of text the text front end reads: some forty times the
/// longest report, and a bound on the lines, fields and paragraphs a text can
/// make (a field or a line costs some hundred bytes however short it is). Text
/// after the last line break within the limit is not read, with a note.
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

/// The text up to the last line break within [`MAX_TEXT_BYTES`], and whether
/// anything was cut.
fn within_budget(text: &str, limit: usize) -> (&str, bool) {
    if text.len() <= limit {
        return (text, false);
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind(['\n', '\r']).map_or(end, |i| i + 1);
    (&text[..end], true)
}

/// Reads decoded text into a [`Document`]; text beyond [`MAX_TEXT_BYTES`] is
/// not read (note `text-truncated`).
pub fn read_text(text: &str) -> Document {
    read_text_within(text, MAX_TEXT_BYTES)
}

/// Reads decoded text into a [`Document`], reading at most `limit` bytes (cut
/// at the last line break within them, note `text-truncated`); see
/// [`crate::ImportOptions::max_text_bytes`].
pub fn read_text_within(text: &str, limit: usize) -> Document {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (text, cut) = within_budget(text, limit);
    // Inline markup of Markdown writers (pandoc's `[…]{.underline}`, `<u>…</u>`)
    // is blanked for reading the layout (columns stay where they are) and
    // removed from paragraphs.
    let blanked = markup::blank_inline(text);
    let originals = lines::split_lines(text);
    let markdown = markdown::is_markdown(&originals);
    let mut lines = lines::classify_as(&blanked, markdown);
    let html = markup::tables(&lines.iter().map(|l| l.text).collect::<Vec<_>>());
    for t in &html {
        for line in &mut lines[t.first..=t.last] {
            line.kind = Kind::Taken;
        }
    }
    let mut html = html.into_iter().peekable();
    let mut wrapped = Wrap::detect(&lines);
    // Markdown says itself where paragraphs end (see `markdown`).
    wrapped.wrapped &= !markdown;
    let mut b = Builder {
        blocks: Vec::new(),
        notes: Vec::new(),
        para: None,
        grid: None,
        wrap: wrapped,
        last_len: None,
        markdown,
        titled: false,
        label_lines: false,
    };
    for (i, line) in lines.iter().enumerate() {
        if html.peek().is_some_and(|t| t.first == i)
            && let Some(t) = html.next()
        {
            b.flush_para();
            b.flush_grid();
            b.blocks.extend(t.blocks);
            b.notes.extend(t.notes);
            continue;
        }
        match &line.kind {
            Kind::Blank => b.blank(),
            Kind::Footer => b.drop_line(line, NoteCode::PageFooter, "删除页码或页脚行"),
            Kind::Stray if b.markdown => {
                b.text(line, originals.get(i).copied().unwrap_or(line.text));
            }
            Kind::Stray => b.drop_line(line, NoteCode::StrayText, "删除孤立的标点（疑为印章或图层残留）"),
            Kind::RuleLine | Kind::Taken => {}
            Kind::Row(fields) if line.spaced => b.row(line, fields, RowForm::SpaceAligned),
            Kind::Row(fields) => b.row(line, fields, RowForm::Inline),
            Kind::PerCell(fields, blank_cells) => b.row(
                line,
                fields,
                RowForm::CellPerLine {
                    blank_cells: *blank_cells,
                },
            ),
            Kind::Text if trim(line.text) == "[TABLE]" => b.drop_line(
                line,
                NoteCode::TableOmitted,
                "此处的表格在转换时未输出（pandoc 转为纯文本时把含合并单元格的表格写作“[TABLE]”），表格内容无法读取；请改用 Markdown、HTML 或 Word 格式",
            ),
            Kind::Text => {
                if !b.markdown
                    && b.grid.is_some()
                    && next_is_row(&lines[i + 1..])
                    && Builder::is_junk(line)
                    && !is_official_label_piece(line.text)
                {
                    b.drop_line(
                        line,
                        NoteCode::StrayText,
                        "删除表格中的零散文字（疑为印章或图层残留）",
                    );
                    continue;
                }
                let published = originals.get(i).copied().unwrap_or(line.text);
                b.text(line, published);
            }
        }
    }
    b.flush_para();
    b.flush_grid();
    if cut {
        let line = lines.last().map_or(1, |l| l.no);
        b.notes.push(truncated(limit, line));
    }
    Document {
        kind: InputKind::Text,
        blocks: b.blocks,
        source_text: Some(text.to_owned()),
        notes: b.notes,
        page_meta: Vec::new(),
    }
}

/// The note on text cut at `limit` bytes, the last line read being `line`.
fn truncated(limit: usize, line: u32) -> ImportNote {
    ImportNote {
        code: NoteCode::TextTruncated,
        message: if limit % (1 << 20) == 0 {
            format!(
                "文本超过 {} MiB 的读取上限，此行之后的内容未读入",
                limit >> 20
            )
        } else {
            format!("文本超过 {limit} 字节的读取上限，此行之后的内容未读入")
        },
        pos: Some(SourcePos::Text { line, column: 1 }),
        pointer: None,
    }
}

/// Whether the next line that is not blank, a footer or debris is a table row.
fn next_is_row(rest: &[Line<'_>]) -> bool {
    rest.iter()
        .find(|l| !matches!(l.kind, Kind::Blank | Kind::Footer | Kind::Stray))
        .is_some_and(|l| matches!(l.kind, Kind::Row(_) | Kind::PerCell(..)))
}

/// How the text wraps its paragraphs.
#[derive(Debug, Clone, Copy)]
struct Wrap {
    /// Lines are wrapped mid-sentence (PDF extraction).
    wrapped: bool,
    /// The usual length of a full line, in characters.
    width: usize,
}

impl Wrap {
    fn detect(lines: &[Line<'_>]) -> Wrap {
        let long: Vec<&str> = lines
            .iter()
            .filter(|l| l.kind == Kind::Text)
            .map(|l| trim(l.text))
            .filter(|t| char_len(t) >= 12)
            // Headings and the title end without punctuation in any layout, and
            // Markdown's headings and bold captions are never wrapped.
            .filter(|t| markdown_markup(t) == (t, false))
            .filter(|t| numbering_len(t).is_none() && section_heading(t).is_none() && !is_title(t))
            .collect();
        let open: Vec<usize> = long
            .iter()
            .filter(|t| !ends_sentence(t))
            .map(|t| char_len(t))
            .collect();
        let wrapped = open.len() >= 4 && open.len() * 5 >= long.len() * 2;
        let mut widths = open.clone();
        widths.sort_unstable();
        let width = widths.get(widths.len() / 2).copied().unwrap_or(30);
        Wrap { wrapped, width }
    }
}

struct OpenPara {
    text: String,
    pos: SourcePos,
    /// The paragraph is a short numbered heading, a section heading or the title:
    /// nothing joins it.
    closed: bool,
    /// (Markdown) its last line ended in a line break: the next line goes on
    /// after a `\n`.
    hard: bool,
}

struct Builder {
    blocks: Vec<DocBlock>,
    notes: Vec<ImportNote>,
    para: Option<OpenPara>,
    grid: Option<Grid>,
    wrap: Wrap,
    /// Length of the last line added to the open paragraph.
    last_len: Option<usize>,
    /// The text is a Markdown document (see `markdown`).
    markdown: bool,
    /// A line naming the annual report has been read: page breaks can come after.
    titled: bool,
    /// The last line was a short label line right after a table row (or after
    /// such lines): the next short one is a label line too.
    label_lines: bool,
}

/// A short line without a sentence end that is no heading nor title: a table
/// label printed on a line of its own.
fn is_label_line(t: &str) -> bool {
    char_len(t) <= 40
        && !ends_sentence(t)
        && section_heading(t).is_none()
        && !is_title(t)
        && caption(t).is_none()
}

fn pos_of(line: &Line<'_>) -> SourcePos {
    let lead = line.text.chars().take_while(|c| is_space(*c)).count();
    SourcePos::Text {
        line: line.no,
        column: u32::try_from(lead + 1)
            .unwrap_or(1)
            .saturating_add(line.offset),
    }
}

impl Builder {
    fn blank(&mut self) {
        // In wrapped text a blank line inside an unfinished sentence is a page break,
        // but not before the title (the head of the first page: a document's
        // header, its number, the title).
        let keep_open = !self.markdown
            && self.wrap.wrapped
            && self.titled
            && self
                .para
                .as_ref()
                .is_some_and(|p| !p.closed && !self.ends_paragraph(&p.text));
        if !keep_open {
            self.flush_para();
        }
    }

    fn drop_line(&mut self, line: &Line<'_>, code: NoteCode, what: &str) {
        self.notes.push(ImportNote {
            code,
            message: format!("{what}：“{}”", trim(line.text)),
            pos: Some(pos_of(line)),
            pointer: None,
        });
    }

    /// Debris inside a wrapped sentence or between table rows: at most three
    /// characters, no sentence end, no numbering.
    fn is_junk(line: &Line<'_>) -> bool {
        let t = strip_spaces(line.text);
        char_len(&t) <= 3 && !ends_sentence(&t) && numbering_len(&t).is_none()
    }

    fn row(&mut self, line: &Line<'_>, fields: &[line::Field], form: RowForm) {
        self.flush_para();
        if let Some((code, message)) = &line.note {
            self.notes.push(ImportNote {
                code: *code,
                message: message.clone(),
                pos: Some(pos_of(line)),
                pointer: None,
            });
        }
        self.label_lines = false;
        if self.grid.as_ref().is_some_and(|g| g.form != form) {
            self.flush_grid();
        }
        let pos = pos_of(line);
        // A pipe table's cells in a Markdown document: escapes and `<br>` read.
        let pipes = self.markdown && trim(line.text).starts_with('|');
        let cells = fields
            .iter()
            .map(|f| GridCell {
                text: if pipes {
                    markdown::cell(&f.text)
                } else {
                    f.text.clone()
                },
                pos: SourcePos::Text {
                    line: f.line.unwrap_or(line.no),
                    column: if f.line.is_none() {
                        f.column.saturating_add(line.offset)
                    } else {
                        f.column
                    },
                },
                row_span: 1,
                col_span: 1,
                covered_by: None,
            })
            .collect();
        let grid = self.grid.get_or_insert_with(|| Grid {
            rows: Vec::new(),
            expanded: false,
            form,
            pos,
        });
        grid.rows.push(GridRow { cells, pos });
    }

    /// A line of text; `published` is the line as in the file (with the inline
    /// markup the line classified was blanked of).
    fn text(&mut self, line: &Line<'_>, published: &str) {
        let after_row = self.grid.is_some() || self.label_lines;
        self.flush_grid();
        let spanless = markup::strip_inline(trim(published));
        let (t, heading) = markdown_markup(trim(&spanless));
        let pos = pos_of(line);
        if self.markdown {
            self.markdown_line(t, heading, pos);
            return;
        }
        // A Markdown heading is a line of its own: it ends the paragraph before it
        // and nothing joins it. So is a piece of a report stored on one line: it
        // was cut where a line of the report starts and ends.
        if heading || line.cut {
            self.flush_para();
            self.titled |= is_title(t) || section_heading(t).is_some();
            self.blocks.push(DocBlock::Para(Para {
                text: t.to_owned(),
                pos,
                heading,
            }));
            self.last_len = None;
            return;
        }
        // Short label lines between a table's rows (a label wrapped in its cell,
        // a group label printed beside the rows) are lines of their own: wrapped
        // text would join them into one paragraph and lose where each stands.
        self.label_lines = after_row && is_label_line(t);
        if self.label_lines {
            self.flush_para();
            self.blocks.push(DocBlock::Para(Para {
                text: t.to_owned(),
                pos,
                heading: false,
            }));
            self.last_len = None;
            return;
        }
        if self.wrap.wrapped {
            if let Some(p) = &self.para
                && !p.closed
                && !self.ends_paragraph(&p.text)
            {
                // Pieces of table labels (`计` of `总计`, `织 构` of a header
                // wrapped in narrow cells) are label text, not debris.
                if Builder::is_junk(line)
                    && !t
                        .split(is_space)
                        .filter(|w| !w.is_empty())
                        .all(is_official_label_piece)
                {
                    self.drop_line(
                        line,
                        NoteCode::StrayText,
                        "删除段落中的零散文字（疑为印章或图层残留）",
                    );
                    return;
                }
                if numbering_len(t).is_none()
                    && section_heading(t).is_none()
                    && caption(t).is_none()
                    && !is_field_line(t)
                    && !self.signature_date(t)
                    && !is_whole_title(t)
                {
                    if let Some(p) = &mut self.para {
                        p.text.push_str(t);
                        p.closed = is_title(&p.text);
                        self.titled |= p.closed;
                    }
                    self.last_len = Some(char_len(t));
                    return;
                }
            }
            self.flush_para();
            let short = char_len(t) * 4 < self.wrap.width * 3;
            let closed = is_title(t)
                || (!self.titled && (is_document_head(t) || is_field_line(t)))
                || section_heading(t).is_some()
                || caption(t).is_some()
                || date_line(t).is_some()
                || (short && numbering_len(t).is_some());
            self.titled |= is_title(t) || section_heading(t).is_some();
            self.para = Some(OpenPara {
                text: t.to_owned(),
                pos,
                closed,
                hard: false,
            });
            self.last_len = Some(char_len(t));
        } else {
            self.flush_para();
            self.blocks.push(DocBlock::Para(Para {
                text: t.to_owned(),
                pos,
                heading: false,
            }));
        }
    }

    /// A line of text of a Markdown document (its heading marks and bold wrapper
    /// removed): a heading is a line of its own; other lines go on the open
    /// paragraph (after a line break, or joined where a writer wrapped it) unless a
    /// blank line ended it or the line is a section heading.
    fn markdown_line(&mut self, t: &str, heading: bool, pos: SourcePos) {
        let (line, hard) = match markdown::hard_break(t) {
            Some(rest) if !heading => (rest, true),
            _ => (t, false),
        };
        let text = markdown::unescape(line);
        if heading || section_heading(&text).is_some() {
            self.flush_para();
            self.blocks
                .push(DocBlock::Para(Para { text, pos, heading }));
            return;
        }
        if let Some(p) = self.para.as_mut().filter(|p| !p.closed) {
            let sep = if p.hard {
                "\n"
            } else {
                markdown::soft_break(&p.text, &text)
            };
            p.text.push_str(sep);
            p.text.push_str(&text);
            p.hard = hard;
            return;
        }
        self.flush_para();
        self.para = Some(OpenPara {
            text,
            pos,
            closed: false,
            hard,
        });
    }

    /// Whether a line of wrapped text is the date under a signature: a date alone,
    /// after a short line (the body's name, or the end of a paragraph), so not
    /// the rest of a sentence wrapped at the full width.
    fn signature_date(&self, t: &str) -> bool {
        date_line(t).is_some() && self.last_len.is_some_and(|n| n * 4 < self.wrap.width * 3)
    }

    /// Whether wrapped text ends its paragraph with this text: a sentence end, but
    /// not a `：` or `；` at the end of a full line (the sentence goes on below).
    fn ends_paragraph(&self, text: &str) -> bool {
        if !ends_sentence(text) {
            return false;
        }
        let last_line_full = self.last_len.is_some_and(|n| n * 10 >= self.wrap.width * 9);
        let clause = trim(text).ends_with(['：', '；', ':', ';']);
        !(clause && last_line_full)
    }

    fn flush_para(&mut self) {
        if let Some(p) = self.para.take() {
            self.blocks.push(DocBlock::Para(Para {
                text: p.text,
                pos: p.pos,
                heading: false,
            }));
        }
    }

    fn flush_grid(&mut self) {
        if let Some(g) = self.grid.take() {
            self.blocks.push(DocBlock::Table(g));
        }
    }
}

/// A line without Markdown heading marks (`## `, also closed: `## … ##`) or a
/// bold wrapper (`**…**`), which are markup, not text of the report; and whether
/// the line is a Markdown heading.
fn markdown_markup(t: &str) -> (&str, bool) {
    let hashes = t.chars().take_while(|c| *c == '#').count();
    let heading = (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']);
    let t = if heading {
        let inner = trim(&t[hashes..]);
        // A closing sequence: `#`s after a space at the end of the line.
        let closing = inner.trim_end_matches('#');
        if closing.len() < inner.len() && (closing.is_empty() || closing.ends_with(' ')) {
            trim(closing)
        } else {
            inner
        }
    } else {
        t
    };
    let t = t
        .strip_prefix("**")
        .and_then(|r| r.strip_suffix("**"))
        .filter(|r| !r.is_empty())
        .map_or(t, trim);
    (t, heading && !t.is_empty())
}

#[cfg(test)]
mod tests;
