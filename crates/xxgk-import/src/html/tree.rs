//! Builds a simplified document tree from the tokens, with the recovery rules of
//! HTML that matter for report pages: void elements, implied ends of `<p>`, `<li>`,
//! table cells and rows, end tags that cannot close anything outside the table cell
//! they occur in, and a cap on nesting depth (deeper tags are kept as flat content),
//! so that hostile input cannot make later recursive passes overflow the stack.
//!
//! Node ids follow document order and each node's descendants are the ids from it
//! up to its `end`, so "is inside" is a range check.

use std::borrow::Cow;
use std::collections::HashMap;

use xxgk_model::SourcePos;

use super::entities::decode_entities;
use super::tokenize::{Token, Tokenizer};
use crate::LineIndex;

/// Nesting depth beyond which start tags no longer open elements, except those
/// of a table (see [`MAX_TABLE_DEPTH`]): deeper markup is flattened into the
/// element at this depth, its text kept in order.
pub const MAX_DEPTH: usize = 200;

/// Nesting depth up to which the elements of a table (`table`, `tr`, `td`, …)
/// still open beyond [`MAX_DEPTH`], so that a table inside over-deep page chrome
/// (a portal's unclosed header repeated on every page) keeps its rows and cells.
pub const MAX_TABLE_DEPTH: usize = MAX_DEPTH + 64;

/// The most nodes (elements and runs of text) read from one page: a long
/// report's page has some tens of thousands. The rest of a page beyond it is not
/// read, with a note, so that a page of millions of tiny elements cannot make
/// the tree (some hundred bytes a node) outgrow memory.
pub const MAX_NODES: usize = 1_000_000;

/// The elements that still open between [`MAX_DEPTH`] and [`MAX_TABLE_DEPTH`].
const TABLE_PARTS: &[&str] = &[
    "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption",
];

#[derive(Debug)]
pub(super) struct Node<'a> {
    pub(super) kind: Kind<'a>,
    pub(super) parent: usize,
    pub(super) children: Vec<usize>,
    /// One past the id of the last descendant.
    pub(super) end: usize,
    /// Where the start tag starts; for text, its first character that is not
    /// white space (or its start).
    pub(super) pos: SourcePos,
}

#[derive(Debug)]
pub(super) enum Kind<'a> {
    Root,
    Element(Element<'a>),
    /// Text with character references resolved (borrowed from the page when it
    /// holds none).
    Text(Cow<'a, str>),
}

#[derive(Debug)]
pub(super) struct Element<'a> {
    /// In ASCII lower case (borrowed from the page when written so).
    pub(super) name: Cow<'a, str>,
    /// `hidden`, or a style with `display:none` / `visibility:hidden`.
    pub(super) hidden: bool,
    pub(super) rowspan: Option<String>,
    pub(super) colspan: Option<String>,
}

#[derive(Debug)]
pub(super) struct Tree<'a> {
    pub(super) nodes: Vec<Node<'a>>,
    /// Where the first start tag beyond the nesting limits was flattened.
    pub(super) flattened: Option<SourcePos>,
    /// Where reading stopped at [`MAX_NODES`].
    pub(super) truncated: Option<SourcePos>,
}

impl<'a> Tree<'a> {
    pub(super) fn element(&self, id: usize) -> Option<&Element<'a>> {
        match &self.nodes[id].kind {
            Kind::Element(e) => Some(e),
            _ => None,
        }
    }

    pub(super) fn name(&self, id: usize) -> &str {
        self.element(id).map_or("", |e| e.name.as_ref())
    }

    /// Whether `id` is `ancestor` or inside it.
    pub(super) fn within(&self, id: usize, ancestor: usize) -> bool {
        (ancestor..self.nodes[ancestor].end).contains(&id)
    }
}

const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
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
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "dd",
    "dt",
    "xmp",
];

/// Elements an end tag or an implied end cannot reach across.
const SCOPE: &[&str] = &[
    "table", "td", "th", "caption", "template", "marquee", "object", "applet", "button",
];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
const SECTIONS: &[&str] = &["tbody", "thead", "tfoot"];

struct Builder<'a, 'i> {
    nodes: Vec<Node<'a>>,
    stack: Vec<usize>,
    /// How many elements of each name are open, so that a search of the stack for
    /// a name that is not open costs nothing (deep pages would make it quadratic).
    open: HashMap<String, usize, foldhash::fast::RandomState>,
    cursor: crate::decode::LineCursor<'i, &'i str>,
    flattened: Option<SourcePos>,
}

pub(super) fn build(src: &str) -> Tree<'_> {
    let index = LineIndex::new(src);
    let mut b = Builder {
        nodes: vec![Node {
            kind: Kind::Root,
            parent: 0,
            children: Vec::new(),
            end: 1,
            pos: SourcePos::Text { line: 1, column: 1 },
        }],
        stack: vec![0],
        open: HashMap::default(),
        cursor: index.cursor(),
        flattened: None,
    };
    let mut truncated = None;
    for token in Tokenizer::new(src) {
        if b.nodes.len() >= MAX_NODES {
            let offset = match &token {
                Token::Text { offset, .. }
                | Token::Start { offset, .. }
                | Token::End { offset, .. } => *offset,
            };
            truncated = Some(b.cursor.pos(offset));
            break;
        }
        match token {
            Token::Text { raw, offset } => {
                let lead = raw.len() - raw.trim_start_matches(is_space).len();
                let lead = if lead == raw.len() { 0 } else { lead };
                let pos = b.cursor.pos(offset + lead);
                let text = decode_entities(raw);
                b.add(Kind::Text(text), pos);
            }
            Token::Start {
                name,
                attrs,
                self_closing,
                offset,
            } => {
                let pos = b.cursor.pos(offset);
                b.start(name, &attrs, self_closing, pos);
            }
            Token::End { name, offset } => {
                let pos = b.cursor.pos(offset);
                b.end(&name, pos);
            }
        }
    }
    b.pop_to(0);
    let end = b.nodes.len();
    b.nodes[0].end = end;
    Tree {
        nodes: b.nodes,
        flattened: b.flattened,
        truncated,
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

impl<'a> Builder<'a, '_> {
    fn current(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }

    fn name(&self, id: usize) -> &str {
        match &self.nodes[id].kind {
            Kind::Element(e) => &e.name,
            _ => "",
        }
    }

    /// Adds a node as the last child of the current element.
    fn add(&mut self, kind: Kind<'a>, pos: SourcePos) -> usize {
        let id = self.nodes.len();
        let parent = self.current();
        self.nodes.push(Node {
            kind,
            parent,
            children: Vec::new(),
            end: id + 1,
            pos,
        });
        self.nodes[parent].children.push(id);
        id
    }

    /// The stack index of the nearest open element named in `names`, unless an
    /// element of `boundary` is nearer.
    fn in_scope(&self, names: &[&str], boundary: &[&str]) -> Option<usize> {
        if names
            .iter()
            .all(|n| self.open.get(*n).is_none_or(|&k| k == 0))
        {
            return None;
        }
        for (i, &id) in self.stack.iter().enumerate().skip(1).rev() {
            let name = self.name(id);
            if names.contains(&name) {
                return Some(i);
            }
            if boundary.contains(&name) {
                return None;
            }
        }
        None
    }

    /// Closes the elements from stack index `i` up.
    fn pop_to(&mut self, i: usize) {
        let end = self.nodes.len();
        while self.stack.len() > i.max(1) {
            if let Some(id) = self.stack.pop() {
                self.nodes[id].end = end;
                if let Kind::Element(e) = &self.nodes[id].kind {
                    if let Some(k) = self.open.get_mut(e.name.as_ref()) {
                        *k = k.saturating_sub(1);
                    }
                }
            }
        }
    }

    fn close_table_content(&mut self, keep_sections: bool) {
        if let Some(t) = self.in_scope(&["table"], &[]) {
            let mut k = t + 1;
            if keep_sections
                && self
                    .stack
                    .get(k)
                    .is_some_and(|&id| SECTIONS.contains(&self.name(id)))
            {
                k += 1;
            }
            if k < self.stack.len() {
                self.pop_to(k);
            }
        }
    }

    fn start(
        &mut self,
        name: Cow<'a, str>,
        attrs: &[(Cow<'_, str>, Cow<'_, str>)],
        self_closing: bool,
        pos: SourcePos,
    ) {
        let n = name.as_ref();
        if CLOSES_P.contains(&n) {
            if let Some(i) = self.in_scope(&["p"], SCOPE) {
                self.pop_to(i);
            }
        }
        match n {
            _ if HEADINGS.contains(&n) && HEADINGS.contains(&self.name(self.current())) => {
                self.pop_to(self.stack.len() - 1);
            }
            "li" => {
                let mut boundary = SCOPE.to_vec();
                boundary.extend(["ol", "ul"]);
                if let Some(i) = self.in_scope(&["li"], &boundary) {
                    self.pop_to(i);
                }
            }
            "dd" | "dt" => {
                let mut boundary = SCOPE.to_vec();
                boundary.push("dl");
                if let Some(i) = self.in_scope(&["dd", "dt"], &boundary) {
                    self.pop_to(i);
                }
            }
            "td" | "th" => {
                if let Some(i) = self.in_scope(&["td", "th"], &["table"]) {
                    self.pop_to(i);
                }
                let current = self.name(self.current());
                if current == "table" || SECTIONS.contains(&current) {
                    // A cell outside a row: the row is implied.
                    self.push(Cow::Borrowed("tr"), &[], pos);
                }
            }
            "tr" => self.close_table_content(true),
            "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => {
                self.close_table_content(false);
            }
            "table" => {
                // A table directly inside a table (not in a cell) ends the first.
                if let Some(i) = self.in_scope(&["td", "th", "caption", "table"], &[]) {
                    if self.name(self.stack[i]) == "table" {
                        self.pop_to(i);
                    }
                }
            }
            _ => {}
        }
        let depth = self.stack.len();
        let too_deep = depth > MAX_DEPTH && (depth > MAX_TABLE_DEPTH || !TABLE_PARTS.contains(&n));
        if too_deep && !VOID.contains(&n) && !self_closing {
            self.flattened.get_or_insert(pos);
        }
        if VOID.contains(&n) || self_closing || too_deep {
            let element = element(name, attrs);
            self.add(Kind::Element(element), pos);
        } else {
            self.push(name, attrs, pos);
        }
    }

    fn push(&mut self, name: Cow<'a, str>, attrs: &[(Cow<'_, str>, Cow<'_, str>)], pos: SourcePos) {
        match self.open.get_mut(name.as_ref()) {
            Some(k) => *k += 1,
            None => {
                self.open.insert(name.clone().into_owned(), 1);
            }
        }
        let id = self.add(Kind::Element(element(name, attrs)), pos);
        self.stack.push(id);
    }

    fn end(&mut self, name: &str, pos: SourcePos) {
        let found = match name {
            "br" => {
                self.start(Cow::Borrowed("br"), &[], true, pos);
                return;
            }
            "body" | "html" => return,
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption" | "colgroup" => {
                self.in_scope(&[name], &["table"])
            }
            "table" => self.in_scope(&["table"], &[]),
            _ if HEADINGS.contains(&name) => self.in_scope(HEADINGS, SCOPE),
            _ => self.in_scope(&[name], SCOPE),
        };
        if let Some(i) = found {
            self.pop_to(i);
        }
    }
}

fn element<'a>(name: Cow<'a, str>, attrs: &[(Cow<'_, str>, Cow<'_, str>)]) -> Element<'a> {
    let mut hidden = false;
    let mut rowspan = None;
    let mut colspan = None;
    for (attr, value) in attrs {
        match attr.as_ref() {
            "hidden" => hidden = true,
            "style" => hidden |= style_hides(value),
            "rowspan" => rowspan = Some(value.clone().into_owned()),
            "colspan" => colspan = Some(value.clone().into_owned()),
            _ => {}
        }
    }
    Element {
        name,
        hidden,
        rowspan,
        colspan,
    }
}

/// Whether a `style` attribute hides its element: `display:none` or
/// `visibility:hidden`, ignoring ASCII white space and case (`DISPLAY: none`).
/// Read around each `:` without copying the style, which Word's pages put on
/// every element.
fn style_hides(style: &str) -> bool {
    fn squeezed(s: &[u8]) -> impl DoubleEndedIterator<Item = u8> + '_ {
        s.iter()
            .copied()
            .filter(|b| !b.is_ascii_whitespace())
            .map(|b| b.to_ascii_lowercase())
    }
    const PATTERNS: [(&[u8], &[u8]); 2] = [(b"display", b"none"), (b"visibility", b"hidden")];
    let bytes = style.as_bytes();
    style.match_indices(':').any(|(i, _)| {
        PATTERNS.iter().any(|(property, value)| {
            let mut before = squeezed(&bytes[..i]).rev();
            let mut after = squeezed(&bytes[i + 1..]);
            property.iter().rev().all(|&p| before.next() == Some(p))
                && value.iter().all(|&v| after.next() == Some(v))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as nested S-expressions, text in quotes.
    fn dump(tree: &Tree, id: usize) -> String {
        let node = &tree.nodes[id];
        match &node.kind {
            Kind::Text(t) => format!("{t:?}"),
            Kind::Root | Kind::Element(_) => {
                let mut s = String::from("(");
                s.push_str(if id == 0 { "#" } else { tree.name(id) });
                for &c in &node.children {
                    s.push(' ');
                    s.push_str(&dump(tree, c));
                }
                s.push(')');
                s
            }
        }
    }

    fn parse(s: &str) -> String {
        dump(&build(s), 0)
    }

    #[test]
    fn implied_ends() {
        assert_eq!(
            parse("<p>a<p>b<div>c</div>"),
            r#"(# (p "a") (p "b") (div "c"))"#
        );
        assert_eq!(
            parse("<ul><li>a<li>b</ul>"),
            r#"(# (ul (li "a") (li "b")))"#
        );
        assert_eq!(
            parse("<table><td>1<td>2<tr><td>3</table>x"),
            r#"(# (table (tr (td "1") (td "2")) (tr (td "3"))) "x")"#
        );
        assert_eq!(
            parse("<table><tbody><tr><td>1</td></tr><tr><th>2</tbody></table>"),
            r#"(# (table (tbody (tr (td "1")) (tr (th "2")))))"#
        );
    }

    #[test]
    fn end_tags_do_not_escape_cells() {
        assert_eq!(
            parse("<div><table><tr><td>a</div>b</td><td>c</table>d</div>e"),
            r#"(# (div (table (tr (td "a" "b") (td "c"))) "d") "e")"#
        );
        assert_eq!(parse("</p>x</span>"), r#"(# "x")"#);
    }

    #[test]
    fn nested_tables_and_void_elements() {
        assert_eq!(
            parse("<table><tr><td><table><tr><td>in</td></tr></table>out</td></tr></table>"),
            r#"(# (table (tr (td (table (tr (td "in"))) "out"))))"#
        );
        assert_eq!(
            parse("a<br>b<img src=x>c<o:p/>d</br>"),
            r#"(# "a" (br) "b" (img) "c" (o:p) "d" (br))"#
        );
    }

    #[test]
    fn ranges_and_positions() {
        let tree = build("<div>\n  <p>一</p></div><p>二");
        // 0 root, 1 div, 2 white space, 3 p, 4 一, 5 p, 6 二
        assert_eq!(tree.nodes[1].end, 5);
        assert!(tree.within(4, 1));
        assert!(!tree.within(5, 1));
        assert_eq!(tree.nodes[4].pos, SourcePos::Text { line: 2, column: 6 });
        assert_eq!(tree.nodes[3].pos, SourcePos::Text { line: 2, column: 3 });
    }

    #[test]
    fn depth_is_capped() {
        let deep = "<div>".repeat(MAX_DEPTH * 3) + "x";
        let tree = build(&deep);
        let mut depth = 0;
        let mut id = tree.nodes.len() - 1;
        while id != 0 {
            id = tree.nodes[id].parent;
            depth += 1;
        }
        assert!(depth <= MAX_DEPTH + 2, "{depth}");
        assert_eq!(
            tree.flattened,
            Some(SourcePos::Text {
                line: 1,
                column: 1001
            })
        );
        assert_eq!(build("<div>x</div>").flattened, None);
    }

    #[test]
    fn tables_open_beyond_the_depth_limit() {
        let deep = "<div>".repeat(MAX_DEPTH * 3)
            + "<table><tr><td><span>规章</span></td><td>1</td></tr></table>";
        let tree = build(&deep);
        let cells: Vec<usize> = (0..tree.nodes.len())
            .filter(|&id| tree.name(id) == "td")
            .collect();
        assert_eq!(cells.len(), 2);
        assert_eq!(tree.name(tree.nodes[cells[0]].parent), "tr");
        let table = (0..tree.nodes.len()).find(|&id| tree.name(id) == "table");
        assert!(table.is_some_and(|t| tree.within(cells[1], t)));
        // Tables nested in tables stop opening at the second limit.
        let nested = "<table><tr><td>".repeat(MAX_TABLE_DEPTH) + "x";
        let tree = build(&nested);
        let mut depth = 0;
        let mut id = tree.nodes.len() - 1;
        while id != 0 {
            id = tree.nodes[id].parent;
            depth += 1;
        }
        assert!(depth <= MAX_TABLE_DEPTH + 2, "{depth}");
    }

    #[test]
    fn styles_that_hide() {
        for style in [
            "display:none",
            "color:red; DISPLAY : NONE",
            "ddisplay:none",
            "visibility:\thidden;x",
            "display:no ne",
        ] {
            assert!(style_hides(style), "{style}");
        }
        for style in ["display:block", "visibility:visible", "display:non", "none"] {
            assert!(!style_hides(style), "{style}");
        }
    }

    #[test]
    fn hidden_elements_are_marked() {
        let tree =
            build(r#"<div style="DISPLAY: none">a</div><p hidden>b</p><td style="color:red">"#);
        assert!(tree.element(1).unwrap().hidden);
        assert!(tree.element(3).unwrap().hidden);
        assert!(!tree.element(5).unwrap().hidden);
    }
}
