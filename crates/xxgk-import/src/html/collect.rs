//! The text of a part of the page as a browser shows it: which elements are never
//! shown, which start and end a line, and when a cell is prose.

use super::text::Lines;
use super::tree::{Element, Kind, Tree};

/// Elements whose content is never shown as text of the page.
const SKIPPED: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
    "math", "select", "textarea", "button", "canvas", "audio", "video", "map", "xml", "nav",
    "input",
];

/// Elements that start and end a line of text.
pub(super) const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "html",
    "legend",
    "li",
    "listing",
    "main",
    "menu",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "xmp",
    "hr",
    "br",
];

/// A cell longer than this (in characters) is prose: its table is a layout table.
const LONG_CELL: usize = 300;

/// Whether the element is left out of the text.
pub(super) fn skipped(e: &Element, honor_hidden: bool) -> bool {
    SKIPPED.contains(&e.name.as_ref()) || honor_hidden && e.hidden
}

/// Collects the text of node `id` into `lines`, ending lines at block boundaries;
/// tables inside are read cell by cell.
pub(super) fn collect_text(tree: &Tree<'_>, id: usize, honor_hidden: bool, lines: &mut Lines) {
    let node = &tree.nodes[id];
    match &node.kind {
        Kind::Text(t) => lines.push(t, node.pos, id),
        Kind::Root => {
            for &c in &node.children {
                collect_text(tree, c, honor_hidden, lines);
            }
        }
        Kind::Element(e) => {
            if skipped(e, honor_hidden) {
                return;
            }
            let block = BLOCK.contains(&e.name.as_ref());
            let pre = e.name == "pre";
            if block {
                lines.end_line();
            }
            lines.pre += usize::from(pre);
            for &c in &node.children {
                collect_text(tree, c, honor_hidden, lines);
            }
            lines.pre -= usize::from(pre);
            if block {
                lines.end_line();
            }
        }
    }
}

/// Whether a cell's text makes its table a layout table.
pub(super) fn is_long(text: &str) -> bool {
    text.chars().count() > LONG_CELL
}
