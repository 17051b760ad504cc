//! HTML pages → [`Document`].
//!
//! The page is tokenized by a small tolerant tokenizer of our own, because the
//! HTML crates that build a DOM (html5ever and those on it) do not expose where in
//! the source a node came from, and every paragraph and cell here must carry its
//! line and column. The tree it builds applies the recovery rules that matter for
//! report pages (implied ends of paragraphs, cells and rows; end tags that cannot
//! close anything outside their table cell; a nesting cap).
//!
//! Reading order:
//! - paragraphs come from block elements (`<p>`, `<div>`, `<h1>`…, `<li>`, table
//!   cells of layout tables), and `<br>` ends a line;
//! - text inside inline markup (`<span>`, `<font>`, `<o:p>`, Word's conditional
//!   markup) joins up, white space collapses as a browser collapses it (a line
//!   break between two Chinese characters disappears), and `&nbsp;` is kept as
//!   U+00A0 in paragraphs; lines of nothing but white space are dropped;
//! - a table is a [`Grid`](crate::Grid) with `rowspan`/`colspan` expanded
//!   (`expanded = true`, covered positions name their cell in `covered_by`, short
//!   rows padded with empty cells); a cell's lines are joined with `\n` and trimmed
//!   of white space, `&nbsp;` included; a table that holds another table or a cell
//!   of prose is a layout table, and its cells are read as part of the page;
//! - scripts, styles, comments, forms, `<nav>` and hidden elements are skipped.
//!
//! The report body is then found inside the page chrome (see `body.rs`): the
//! smallest element holding every section heading 一、…六、 and every report table,
//! with the title printed just before it and a signature date just after it. When
//! the page holds nothing report-like, every block of the page is kept, with a note.
//! The chrome's short lines before the body that state a date or a title (an
//! article header's `时间：2020-01-20 15:22`, a metadata table's `公开日期` row) and
//! the page's `<title>` are kept apart as [`Document::page_meta`]: metadata, never
//! report text.
//!
//! Positions: a paragraph or cell is at its first visible character, a row at its
//! `<tr>`, a table at its `<table>`, an empty cell at its `<td>`; lines and columns
//! (in characters) of the text given to [`read_html`].

mod blocks;
mod body;
mod collect;
mod entities;
pub(crate) use entities::reference as char_reference;
mod grid;
mod text;
mod tokenize;
mod tree;

pub use tree::{
    MAX_DEPTH as MAX_HTML_DEPTH, MAX_NODES as MAX_HTML_NODES,
    MAX_TABLE_DEPTH as MAX_HTML_TABLE_DEPTH,
};

use crate::NoteCode;
use crate::{DocBlock, Document, ImportNote, InputKind, Para};

/// Reads an HTML page (already decoded, see [`crate::decode`]) into a
/// [`Document`] of the report it holds. Never fails and never panics; what could
/// not be read as is gets a note (`html-no-report-body`, `html-hidden-body`,
/// `html-span-clamped`, `html-span-overlap`, `html-grid-ragged`,
/// `html-depth-flattened`, `html-truncated`).
///
/// ```
/// use xxgk_import::{DocBlock, read_html};
///
/// let page = "<html><body><div class=nav>首页 | 政务公开</div>
///   <div class=content><h1>某局2025年政府信息公开工作年度报告</h1>
///   <p>一、总体情况</p><p>本年度&nbsp;…</p>
///   <table><tr><td rowspan=2>行政复议</td><td>结果维持</td></tr>
///   <tr><td>0</td></tr></table></div>
///   <div class=footer>版权所有</div></body></html>";
/// let doc = read_html(page);
/// let DocBlock::Para(title) = &doc.blocks[0] else { panic!() };
/// assert_eq!(title.text, "某局2025年政府信息公开工作年度报告");
/// let DocBlock::Table(grid) = &doc.blocks[3] else { panic!() };
/// assert_eq!(grid.rows[1].cells[0].covered_by, Some((0, 0)));
/// assert_eq!(doc.blocks.len(), 4);
/// ```
pub fn read_html(text: &str) -> Document {
    let tree = tree::build(text);
    let (mut selection, mut notes) = read(&tree, true);
    if !selection.found {
        let (hidden, hidden_notes) = read(&tree, false);
        if hidden.found {
            selection = hidden;
            notes = hidden_notes;
            notes.push(ImportNote {
                code: NoteCode::HtmlHiddenBody,
                message: "年度报告正文在页面中设为隐藏（如 display:none），已照常读取".to_owned(),
                pos: None,
                pointer: None,
            });
        } else {
            notes.push(ImportNote {
                code: NoteCode::HtmlNoReportBody,
                message:
                    "页面中没有找到年度报告的章节标题（一、…六、）或统计表格，已读取页面的全部文字"
                        .to_owned(),
                pos: None,
                pointer: None,
            });
        }
    }
    if let Some(pos) = tree.truncated {
        notes.push(ImportNote {
            code: NoteCode::HtmlTruncated,
            message: format!(
                "页面的元素和文字段超过 {} 个的读取上限，此处之后的内容未读入",
                tree::MAX_NODES
            ),
            pos: Some(pos),
            pointer: None,
        });
    }
    if let Some(pos) = tree.flattened {
        notes.push(ImportNote {
            code: NoteCode::HtmlDepthFlattened,
            message: format!(
                "页面元素嵌套超过 {} 层（表格元素超过 {} 层），更深的标记已展开为所在元素的内容，文字和表格照常读取",
                tree::MAX_DEPTH,
                tree::MAX_TABLE_DEPTH
            ),
            pos: Some(pos),
            pointer: None,
        });
    }
    let mut page_meta = selection.meta;
    page_meta.extend(page_title(&tree));
    Document {
        kind: InputKind::Html,
        blocks: selection.items.into_iter().map(|i| i.block).collect(),
        source_text: Some(text.to_owned()),
        notes,
        page_meta,
    }
}

/// The page's `<title>` (the first), its white space collapsed.
fn page_title(tree: &tree::Tree<'_>) -> Option<Para> {
    let id = (0..tree.nodes.len()).find(|&id| tree.name(id) == "title")?;
    let node = &tree.nodes[id];
    let raw: String = node
        .children
        .iter()
        .filter_map(|&c| match &tree.nodes[c].kind {
            tree::Kind::Text(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let text = text::collapse(&raw);
    let pos = node
        .children
        .first()
        .map_or(node.pos, |&c| tree.nodes[c].pos);
    (!text.trim().is_empty()).then_some(Para {
        text,
        pos,
        heading: false,
    })
}

/// Walks the page and selects the body; keeps the notes of the tables kept.
fn read(tree: &tree::Tree<'_>, honor_hidden: bool) -> (body::Selection, Vec<ImportNote>) {
    let mut walker = blocks::Walker::new(tree, honor_hidden);
    walker.walk(0);
    let notes = std::mem::take(&mut walker.notes);
    let selection = body::select(tree, walker.items);
    let notes = notes
        .into_iter()
        .filter(|(node, _)| {
            selection
                .items
                .iter()
                .any(|i| i.node == *node && matches!(i.block, DocBlock::Table(_)))
        })
        .map(|(_, note)| note)
        .collect();
    (selection, notes)
}

#[cfg(test)]
mod tests;
