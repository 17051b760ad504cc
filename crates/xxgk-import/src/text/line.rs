//! A line of text as the text front end classifies it ([`super::lines`]): its
//! kind, its fields, and the tests of one line that the modules reading lines
//! share (page footers, a pipe alone).

use crate::normalize::is_space;

/// One field of a table row, with its column (in characters, from 1) and, when
/// it is not on the row's own line, its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    pub(crate) text: String,
    pub(crate) column: u32,
    pub(crate) line: Option<u32>,
}

/// What a line of the text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Empty or only whitespace.
    Blank,
    /// A page number or footer (`- 1 -`, `第 2 页`).
    Footer,
    /// Nothing but one to three punctuation marks (seal or layer debris of a PDF).
    Stray,
    /// A table row.
    Row(Vec<Field>),
    /// A Markdown table's separator line (`|---|---|`).
    RuleLine,
    /// Narrative text.
    Text,
    /// A line already read as part of a row that starts on an earlier line.
    Taken,
    /// A table row rebuilt from lines holding one cell each (the row's first line);
    /// `true` when blank lines were blank cells.
    PerCell(Vec<Field>, bool),
}

/// A line with its number (from 1) and kind.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    pub(crate) no: u32,
    pub(crate) text: &'a str,
    pub(crate) kind: Kind,
    /// A row whose fields were split at runs of spaces (blank cells not printed).
    pub(crate) spaced: bool,
    /// Characters before the line's text on its line of the file (a piece of a
    /// report stored on one line, [`super::unfold`]); 0 for a whole line.
    pub(crate) offset: u32,
    /// The line is a piece of a line of the file cut by [`super::unfold`].
    pub(crate) cut: bool,
    /// What reading the row tolerated (numbers wrapped in their cells,
    /// [`super::wrapped`]): an import note's code and message.
    pub(crate) note: Option<(crate::NoteCode, String)>,
}

/// Page numbers and footers: `- 1 -`, `—2—`, `第 3 页`, `第3页 共9页`, `3/9`.
pub(crate) fn is_footer(t: &str) -> bool {
    let dashes = |c: char| matches!(c, '-' | '—' | '–' | '－' | '―');
    // Both forms start with a dash or `第`: other lines are not copied.
    if !t
        .chars()
        .find(|c| !is_space(*c))
        .is_some_and(|c| dashes(c) || c == '第')
    {
        return false;
    }
    let s: String = t.chars().filter(|c| !is_space(*c)).collect();
    if let Some(inner) = s.strip_prefix(dashes).and_then(|r| r.strip_suffix(dashes)) {
        let inner = inner.trim_matches(dashes);
        return !inner.is_empty() && inner.len() <= 4 && inner.chars().all(|c| c.is_ascii_digit());
    }
    if let Some(rest) = s.strip_prefix('第') {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let after = &rest[digits.len()..];
        if !digits.is_empty()
            && (after == "页"
                || after.strip_prefix("页共").is_some_and(|r| {
                    r.strip_suffix('页')
                        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
                }))
        {
            return true;
        }
    }
    false
}

/// The most fields a line is split into: a line with more separators than this
/// is text, not a table row (no report table is wider than a grid may be, and a
/// field per separator of a long line would cost many times the line).
pub(crate) const MAX_FIELDS: usize = crate::expand::MAX_WIDTH;

/// A field that is a pipe alone: the separator of a two-column pipe table's
/// row written without its outer pipes, not a cell.
pub(crate) fn is_pipe(text: &str) -> bool {
    matches!(text, "|" | "｜")
}
