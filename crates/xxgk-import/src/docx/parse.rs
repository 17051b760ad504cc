//! The main document part → paragraphs and tables (not yet expanded), in order.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use xxgk_model::SourcePos;

use super::cell_pos;
use super::names::{MAX_XML_DEPTH, Scopes, attr};
use super::numbering::Numbering;

const W: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &[u8] = b"http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Tables nested deeper than this are read as the text of the cell they sit in.
const MAX_TABLE_DEPTH: usize = 32;
/// Paragraphs (in text boxes) nested deeper than this join the one they sit in.
const MAX_PARA_DEPTH: usize = 8;
/// The widest a `w:gridSpan` may be.
pub(super) const MAX_SPAN: usize = crate::expand::MAX_WIDTH;

#[derive(Debug)]
pub(super) enum Item {
    Para { text: String, pos: SourcePos },
    Table(TableBuild),
}

#[derive(Debug)]
pub(super) struct TableBuild {
    /// The table's number in document order, from 1.
    pub(super) index: u32,
    /// Columns of `w:tblGrid`.
    pub(super) grid_cols: usize,
    pub(super) rows: Vec<RowBuild>,
}

#[derive(Debug, Default)]
pub(super) struct RowBuild {
    pub(super) grid_before: usize,
    pub(super) cells: Vec<CellBuild>,
    /// The grid column after the last cell.
    next_col: usize,
}

#[derive(Debug)]
pub(super) struct CellBuild {
    /// First grid column, from 0.
    pub(super) col: usize,
    pub(super) span: usize,
    /// A span cut to [`MAX_SPAN`].
    pub(super) clamped: bool,
    pub(super) vmerge: VMerge,
    pub(super) items: Vec<Item>,
    pos: SourcePos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum VMerge {
    None,
    Restart,
    Continue,
}

enum Frame {
    Body(Vec<Item>),
    Table(TableBuild),
    Row(RowBuild),
    Cell(CellBuild),
}

struct ParaBuf {
    text: String,
    pos: SourcePos,
    /// `w:numPr`: `w:numId` and `w:ilvl`.
    num: (Option<String>, Option<usize>),
    /// `w:pStyle`.
    style: Option<String>,
}

pub(super) struct Parsed {
    pub(super) items: Vec<Item>,
    /// The XML error that ended reading, and the last position read.
    pub(super) error: Option<(String, SourcePos)>,
}

#[derive(Default)]
struct Parser {
    frames: Vec<Frame>,
    paras: Vec<ParaBuf>,
    /// Paragraph starts beyond [`MAX_PARA_DEPTH`] not yet ended.
    flat_paras: usize,
    /// Tables beyond [`MAX_TABLE_DEPTH`] (and their rows and cells) not yet ended.
    flat_tables: usize,
    body_paras: u32,
    tables: u32,
    /// Depth inside a subtree whose text is not shown (deleted text, field code,
    /// the fallback of alternate content).
    skip: usize,
    in_run: bool,
    in_text: bool,
    hidden_run: bool,
    last_pos: Option<SourcePos>,
    numbering: Numbering,
}

#[cfg(test)]
pub(super) fn parse(xml: &str) -> Parsed {
    parse_numbered(xml, Numbering::default())
}

/// Parses the main document part; automatic numbers (`numbering`) are put in
/// front of their paragraphs' text.
pub(super) fn parse_numbered(xml: &str, numbering: Numbering) -> Parsed {
    // Namespaces are resolved by `Scopes`, not by quick-xml's `NsReader`, whose
    // lookups cost the depth of the part (see `names`).
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let mut scopes = Scopes::default();
    let mut p = Parser {
        frames: vec![Frame::Body(Vec::new())],
        numbering,
        ..Parser::default()
    };
    let mut error = None;
    loop {
        let last_pos = |p: &Parser| {
            p.last_pos
                .unwrap_or(SourcePos::DocxParagraph { paragraph: 1 })
        };
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                error = Some((e.to_string(), last_pos(&p)));
                break;
            }
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let Ok(ns) = scopes.enter(e, empty) else {
                    error = Some((format!("元素嵌套超过 {MAX_XML_DEPTH} 层"), last_pos(&p)));
                    break;
                };
                p.start(ns_kind(ns.map(|id| scopes.uri(id))), e, empty);
            }
            Event::End(e) => {
                let ns = scopes.leave(e.name().as_ref());
                p.end(
                    ns_kind(ns.map(|id| scopes.uri(id))),
                    e.local_name().as_ref(),
                );
            }
            Event::Text(t) => {
                if let Ok(text) = t.decode() {
                    p.text(&text);
                }
            }
            Event::CData(t) => {
                if let Ok(text) = t.decode() {
                    p.text(&text);
                }
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => r.decode().ok().and_then(|name| predefined(&name)),
                };
                if let Some(c) = c {
                    p.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Parsed {
        items: p.finish(),
        error,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ns {
    Word,
    Compat,
    Other,
}

fn ns_kind(ns: Option<&[u8]>) -> Ns {
    match ns {
        Some(ns) if ns == W || ns == W_STRICT => Ns::Word,
        Some(ns) if ns == MC => Ns::Compat,
        _ => Ns::Other,
    }
}

fn predefined(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
}

/// The value of attribute `w:val`.
fn val(e: &BytesStart) -> Option<String> {
    attr(e, b"val")
}

/// `w:tcPrChange`, `w:trPrChange`, `w:tblPrChange`, `w:tblGridChange`,
/// `w:pPrChange`, `w:rPrChange`, `w:sectPrChange` …: the properties an element
/// had before a tracked change.
fn is_property_change(name: &[u8]) -> bool {
    name.ends_with(b"PrChange") || name == b"tblGridChange" || name == b"tblPrExChange"
}

fn number(e: &BytesStart) -> usize {
    val(e)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
}

impl Parser {
    fn start(&mut self, ns: Ns, e: &BytesStart, empty: bool) {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skip > 0 {
            self.skip += usize::from(!empty);
            return;
        }
        match (ns, name) {
            (Ns::Compat, b"Fallback")
            | (Ns::Word, b"del" | b"moveFrom" | b"instrText" | b"delText" | b"delInstrText") => {
                self.skip += usize::from(!empty);
            }
            // Tracked changes of properties hold the former ones (a cell's span,
            // a row's gridBefore, the table's grid): history, not the table.
            (Ns::Word, n) if is_property_change(n) => self.skip += usize::from(!empty),
            (Ns::Word, b"p") => self.start_para(empty),
            (Ns::Word, b"r") => {
                self.in_run = !empty;
                self.hidden_run = false;
            }
            (Ns::Word, b"vanish") if self.in_run => {
                self.hidden_run = !matches!(val(e).as_deref(), Some("0" | "false" | "off"));
            }
            (Ns::Word, b"t") => self.in_text = !empty,
            (Ns::Word, b"tab") if self.in_run => self.push("\t"),
            (Ns::Word, b"br" | b"cr") if self.in_run => {
                let kind = attr(e, b"type");
                if !matches!(kind.as_deref(), Some("page" | "column")) {
                    self.push("\n");
                }
            }
            (Ns::Word, b"noBreakHyphen") if self.in_run => self.push("-"),
            (Ns::Word, b"numId" | b"ilvl" | b"pStyle") if !self.in_run => {
                if let Some(p) = self.paras.last_mut() {
                    let v = val(e);
                    match name {
                        b"numId" => p.num.0 = v,
                        b"ilvl" => p.num.1 = v.and_then(|v| v.trim().parse().ok()),
                        _ => p.style = v,
                    }
                }
            }
            (Ns::Word, b"tbl") if !empty => self.start_table(),
            (Ns::Word, b"gridCol") => {
                if let Some(Frame::Table(t)) = self.frames.last_mut() {
                    t.grid_cols += 1;
                }
            }
            (Ns::Word, b"tr") if !empty && self.flat_tables == 0 => {
                if matches!(self.frames.last(), Some(Frame::Table(_))) {
                    self.frames.push(Frame::Row(RowBuild::default()));
                }
            }
            (Ns::Word, b"gridBefore") => {
                if let Some(Frame::Row(r)) = self.frames.last_mut() {
                    r.grid_before = number(e).min(MAX_SPAN);
                }
            }
            (Ns::Word, b"tc") if !empty && self.flat_tables == 0 => self.start_cell(),
            (Ns::Word, b"gridSpan") => {
                if let Some(Frame::Cell(c)) = self.frames.last_mut() {
                    let span = number(e).max(1);
                    c.span = span.min(MAX_SPAN.saturating_sub(c.col).max(1));
                    c.clamped = c.span < span;
                }
            }
            (Ns::Word, b"vMerge") => {
                if let Some(Frame::Cell(c)) = self.frames.last_mut() {
                    c.vmerge = if val(e).as_deref() == Some("restart") {
                        VMerge::Restart
                    } else {
                        VMerge::Continue
                    };
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, ns: Ns, name: &[u8]) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        if ns != Ns::Word {
            return;
        }
        match name {
            b"p" => self.end_para(),
            b"r" => self.in_run = false,
            b"t" => self.in_text = false,
            b"tc"
                if self.flat_tables == 0 && matches!(self.frames.last(), Some(Frame::Cell(_))) =>
            {
                if let (Some(Frame::Cell(cell)), Some(Frame::Row(row))) =
                    (self.frames.pop(), self.frames.last_mut())
                {
                    row.next_col = cell.col + cell.span;
                    row.cells.push(cell);
                }
            }
            b"tr" if self.flat_tables == 0 && matches!(self.frames.last(), Some(Frame::Row(_))) => {
                if let (Some(Frame::Row(row)), Some(Frame::Table(table))) =
                    (self.frames.pop(), self.frames.last_mut())
                {
                    table.rows.push(row);
                }
            }
            b"tbl" => self.end_table(),
            _ => {}
        }
    }

    /// Text content: kept inside `w:t` only (elsewhere it is layout white space).
    fn text(&mut self, text: &str) {
        if self.in_text {
            self.push(text);
        }
    }

    /// Adds to the open paragraph what a visible run shows.
    fn push(&mut self, text: &str) {
        if self.skip > 0 || self.hidden_run {
            return;
        }
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(text);
        }
    }

    fn container(&mut self) -> Option<&mut Vec<Item>> {
        self.frames.iter_mut().rev().find_map(|f| match f {
            Frame::Body(items) => Some(items),
            Frame::Cell(c) => Some(&mut c.items),
            Frame::Table(_) | Frame::Row(_) => None,
        })
    }

    /// Where a paragraph starting now is.
    fn para_pos(&mut self) -> SourcePos {
        if let Some(outer) = self.paras.last() {
            return outer.pos;
        }
        for f in self.frames.iter().rev() {
            match f {
                Frame::Cell(c) => return c.pos,
                Frame::Body(_) => break,
                Frame::Table(_) | Frame::Row(_) => {}
            }
        }
        self.body_paras += 1;
        SourcePos::DocxParagraph {
            paragraph: self.body_paras,
        }
    }

    fn start_para(&mut self, empty: bool) {
        if self.paras.len() >= MAX_PARA_DEPTH {
            self.flat_paras += usize::from(!empty);
            return;
        }
        let pos = self.para_pos();
        self.last_pos = Some(pos);
        if !empty {
            self.paras.push(ParaBuf {
                text: String::new(),
                pos,
                num: (None, None),
                style: None,
            });
        }
    }

    fn end_para(&mut self) {
        if self.flat_paras > 0 {
            self.flat_paras -= 1;
            return;
        }
        let Some(mut para) = self.paras.pop() else {
            return;
        };
        if para.num.0.is_some() || para.style.is_some() {
            let num = (para.num.0.as_deref(), para.num.1);
            if let Some(shown) = self.numbering.next(num, para.style.as_deref()) {
                para.text.insert_str(0, &shown);
            }
        }
        let Some(items) = self.container() else {
            return;
        };
        for line in para.text.split('\n') {
            let text = line.trim_matches(|c: char| c.is_ascii_whitespace());
            if !text.chars().all(char::is_whitespace) {
                items.push(Item::Para {
                    text: text.to_owned(),
                    pos: para.pos,
                });
            }
        }
    }

    fn table_depth(&self) -> usize {
        self.frames
            .iter()
            .filter(|f| matches!(f, Frame::Table(_)))
            .count()
    }

    fn start_table(&mut self) {
        if self.flat_tables > 0 || self.table_depth() >= MAX_TABLE_DEPTH {
            self.flat_tables += 1;
            return;
        }
        self.tables += 1;
        self.frames.push(Frame::Table(TableBuild {
            index: self.tables,
            grid_cols: 0,
            rows: Vec::new(),
        }));
    }

    fn start_cell(&mut self) {
        let Some(Frame::Table(table)) = self.frames.iter().rev().nth(1) else {
            return;
        };
        let index = table.index;
        let row_number = table.rows.len();
        let Some(Frame::Row(row)) = self.frames.last() else {
            return;
        };
        let col = row.next_col.max(row.grid_before);
        self.frames.push(Frame::Cell(CellBuild {
            col,
            span: 1,
            clamped: false,
            vmerge: VMerge::None,
            items: Vec::new(),
            pos: cell_pos(index, row_number, col),
        }));
    }

    fn end_table(&mut self) {
        if self.flat_tables > 0 {
            self.flat_tables -= 1;
            return;
        }
        // Close a cell or row left open by malformed XML.
        while matches!(self.frames.last(), Some(Frame::Cell(_) | Frame::Row(_))) {
            self.end(
                Ns::Word,
                if matches!(self.frames.last(), Some(Frame::Cell(_))) {
                    b"tc"
                } else {
                    b"tr"
                },
            );
        }
        if let Some(Frame::Table(_)) = self.frames.last() {
            if let Some(Frame::Table(table)) = self.frames.pop() {
                if let Some(items) = self.container() {
                    items.push(Item::Table(table));
                }
            }
        }
    }

    /// Closes whatever is open at the end and returns the body's items.
    fn finish(mut self) -> Vec<Item> {
        self.skip = 0;
        while !self.paras.is_empty() {
            self.flat_paras = 0;
            self.end_para();
        }
        self.flat_tables = 0;
        // Every frame above the body is a table, row or cell, which `end_table`
        // closes into its container.
        while self.frames.len() > 1 {
            self.end_table();
        }
        match self.frames.pop() {
            Some(Frame::Body(items)) => items,
            _ => Vec::new(),
        }
    }
}
