//! Byte offsets → line and column (1-based; the column counts characters).

use xxgk_model::SourcePos;

/// The lines of a text: byte offsets → [`SourcePos::Text`] (line and column, both
/// from 1, the column in characters), and a line's text by its number. It owns or
/// borrows its text (`LineIndex<String>`, `LineIndex<&str>`).
///
/// `\n`, `\r\n` and a lone `\r` each end a line, so the index gives the same line
/// numbers for a file's original text as for the text [`crate::decode`] returns.
///
/// ```
/// use xxgk_import::LineIndex;
/// use xxgk_model::SourcePos;
///
/// let index = LineIndex::new("一二\n三四");
/// assert_eq!(index.pos(10), SourcePos::Text { line: 2, column: 2 });
/// assert_eq!(index.line_text(2), Some("三四"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct LineIndex<S> {
    text: S,
    /// Byte offset where each line starts; the first is 0.
    starts: Vec<usize>,
}

impl<S: AsRef<str>> LineIndex<S> {
    /// Indexes the lines of `text`.
    pub fn new(text: S) -> LineIndex<S> {
        let bytes = text.as_ref().as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while let Some(k) = memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + k;
            i = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(i);
        }
        LineIndex { text, starts }
    }

    /// The text indexed.
    pub fn text(&self) -> &str {
        self.text.as_ref()
    }

    /// The number of lines (a text ending in a line end has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte offset where line `line` (from 1) starts.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        let i = usize::try_from(line).ok()?.checked_sub(1)?;
        self.starts.get(i).copied()
    }

    /// The text of line `line` (from 1), without its line end.
    pub fn line_text(&self, line: u32) -> Option<&str> {
        let i = usize::try_from(line).ok()?.checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let text = self.text();
        let end = self.starts.get(i + 1).copied().unwrap_or(text.len());
        Some(text[start..end].trim_end_matches(['\n', '\r']))
    }

    /// The position of byte `offset` (clamped to the text, and to the start of the
    /// character it falls in). Costs a binary search plus the length of the line up
    /// to `offset`.
    pub fn pos(&self, offset: usize) -> SourcePos {
        self.cursor().pos(offset)
    }

    /// A cursor that finds positions in amortised constant time when they are asked
    /// for in increasing order (as a tokenizer does).
    pub(crate) fn cursor(&self) -> LineCursor<'_, S> {
        LineCursor {
            index: self,
            line: 0,
            byte: 0,
            column: 1,
        }
    }

    fn floor_boundary(&self, offset: usize) -> usize {
        let text = self.text();
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// Finds positions in a [`LineIndex`], remembering the last one.
#[derive(Debug, Clone)]
pub(crate) struct LineCursor<'i, S> {
    index: &'i LineIndex<S>,
    /// Line of the last position, from 0.
    line: usize,
    /// Byte offset of the last position.
    byte: usize,
    /// Column of the last position, from 1.
    column: usize,
}

impl<S: AsRef<str>> LineCursor<'_, S> {
    /// The position of byte `offset` (see [`LineIndex::pos`]).
    pub(crate) fn pos(&mut self, offset: usize) -> SourcePos {
        let index = self.index;
        let offset = index.floor_boundary(offset);
        let next_start = index.starts.get(self.line + 1).copied();
        let same_line = offset >= self.byte && next_start.is_none_or(|s| offset < s);
        if !same_line {
            self.line = index.starts.partition_point(|&s| s <= offset) - 1;
            self.byte = index.starts[self.line];
            self.column = 1;
        }
        self.column += index.text()[self.byte..offset].chars().count();
        self.byte = offset;
        SourcePos::Text {
            line: saturate(self.line + 1),
            column: saturate(self.column),
        }
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The first `\n` or `\r` in `bytes`.
fn memchr2(a: u8, b: u8, bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&c| c == a || c == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: u32, column: u32) -> SourcePos {
        SourcePos::Text { line, column }
    }

    #[test]
    fn every_line_end_counts_once() {
        let index = LineIndex::new("a\r\nb\rc\nd");
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.pos(3), text(2, 1));
        assert_eq!(index.pos(5), text(3, 1));
        assert_eq!(index.pos(7), text(4, 1));
        assert_eq!(index.line_text(1), Some("a"));
        assert_eq!(index.line_text(2), Some("b"));
        assert_eq!(index.line_text(4), Some("d"));
        assert_eq!(index.line_text(5), None);
        assert_eq!(index.line_text(0), None);
        assert_eq!(index.line_start(3), Some(5));
        let owned = LineIndex::new(String::from("a\r\nb"));
        assert_eq!(owned.line_text(1), Some("a"));
        assert_eq!(owned.text(), "a\r\nb");
    }

    #[test]
    fn columns_count_characters_and_clamp() {
        let index = LineIndex::new("表三\n（一）予以公开");
        // Inside the second byte of 表: floored to its start.
        assert_eq!(index.pos(1), text(1, 1));
        assert_eq!(index.pos(6), text(1, 3));
        assert_eq!(index.pos(7 + 6), text(2, 3));
        assert_eq!(index.pos(10_000), text(2, 8));
    }

    #[test]
    fn cursor_agrees_with_fresh_lookups_in_any_order() {
        let s = "一二三\n\nabc\r\ndef\r甲乙";
        let index = LineIndex::new(s);
        let mut cursor = index.cursor();
        let offsets = [0, 3, 9, 10, 12, 4, 14, 15, 20, 2, s.len()];
        for offset in offsets {
            assert_eq!(cursor.pos(offset), index.pos(offset), "offset {offset}");
        }
    }
}
