//! Reading the narrative: the blocks of text with their JSON Pointers, sentences
//! and clauses with their places, and quoting for messages.

use std::ops::Range;

use xxgk_model::chars::digit_value;
use xxgk_model::{Block, Pointer, Report, SectionId, TextPart};

/// A block of text and where it is in the model.
#[derive(Debug, Clone)]
pub(crate) struct Passage<'a> {
    /// `/sections/overview/body/3`, `/sections/applications/text/0`, …
    pub(crate) pointer: Pointer,
    pub(crate) text: &'a str,
    /// Whether the block is a sub-heading.
    pub(crate) heading: bool,
    /// The sub-heading the block comes under (the nearest heading, or short lead
    /// paragraph such as `（二）依申请公开情况`, before it in the same text), if any.
    pub(crate) under: Option<&'a str>,
}

/// A paragraph this short without a full stop inside reads as a sub-heading.
const LEAD_CHARS: usize = 30;

fn reads_as_heading(block: &Block) -> bool {
    match block {
        Block::Heading(_) => true,
        Block::Paragraph(t) => {
            let t = t.trim().trim_end_matches(['。', '.']);
            t.chars().count() <= LEAD_CHARS && !t.contains('。')
        }
    }
}

/// The blocks of a section's text, in order, with their pointers.
pub(crate) fn passages(report: &Report, id: SectionId) -> Vec<Passage<'_>> {
    let mut out = Vec::new();
    let s = &report.sections;
    let fields: Vec<(TextPart, &[Block])> = match id.table() {
        None => {
            let section = match id {
                SectionId::Overview => s.overview.as_ref(),
                SectionId::Problems => s.problems.as_ref(),
                _ => s.other.as_ref(),
            };
            section
                .map(|t| vec![(TextPart::Body(id), t.body.as_slice())])
                .unwrap_or_default()
        }
        Some(table) => s
            .table_section(table)
            .map(|t| {
                vec![
                    (TextPart::Text(table), t.text.as_slice()),
                    (TextPart::TextAfter(table), t.text_after.as_slice()),
                ]
            })
            .unwrap_or_default(),
    };
    for (part, blocks) in fields {
        let mut under = None;
        for (i, b) in blocks.iter().enumerate() {
            let heading = matches!(b, Block::Heading(_));
            out.push(Passage {
                pointer: Pointer::paragraph(part, i),
                text: b.text(),
                heading,
                under,
            });
            if reads_as_heading(b) {
                under = Some(b.text());
            }
        }
    }
    out
}

/// Every passage of the six sections, in order, with its section.
pub(crate) fn all_passages(report: &Report) -> Vec<(SectionId, Passage<'_>)> {
    SectionId::ALL
        .into_iter()
        .flat_map(|id| passages(report, id).into_iter().map(move |p| (id, p)))
        .collect()
}

/// Sentences: text between 。！？；, line breaks and their half-width forms.
pub(crate) fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '！', '？', '；', ';', '!', '?', '\n'])
        .filter(|s| !s.trim().is_empty())
}

/// The byte ranges of the parts of `text` between any of `ends` (ends excluded),
/// empty parts left out.
pub(crate) fn pieces(text: &str, ends: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if ends.contains(&c) {
            if !text[start..at].trim().is_empty() {
                out.push(start..at);
            }
            start = at + c.len_utf8();
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Full sentences: ended by 。！？ or a line break (a ；-list stays one sentence).
pub(crate) const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?', '\n'];

/// Clause ends within a sentence.
pub(crate) const CLAUSE_ENDS: &[char] = &['，', ',', '；', ';', '：', ':'];

/// Character offsets of byte offsets in one text, each found in O(log n).
#[derive(Debug, Clone)]
pub(crate) struct CharIndex {
    starts: Vec<usize>,
}

impl CharIndex {
    pub(crate) fn new(text: &str) -> CharIndex {
        CharIndex {
            starts: text.char_indices().map(|(i, _)| i).collect(),
        }
    }

    /// The character offset of byte offset `at` (a character boundary).
    pub(crate) fn at(&self, at: usize) -> usize {
        self.starts.partition_point(|s| *s < at)
    }
}

/// The character offset of byte offset `at` in `text`.
pub(crate) fn char_at(text: &str, at: usize) -> usize {
    text.get(..at).map_or(0, |s| s.chars().count())
}

/// A short quotation of a text for messages: at most `max` characters, with `…`.
pub(crate) fn quote(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max).collect();
        s.push('…');
        s
    }
}

/// A quotation of `text` around the byte range `at`: at most `max` characters,
/// keeping the range whole, with `…` where cut.
pub(crate) fn quote_around(text: &str, at: Range<usize>, max: usize) -> String {
    let lead = text.get(..at.start).unwrap_or("");
    let inner = text.get(at.clone()).unwrap_or("");
    let rest = text.get(at.end..).unwrap_or("");
    let inner_chars = inner.chars().count();
    let room = max.saturating_sub(inner_chars);
    let before_room = room * 2 / 3;
    let before: Vec<char> = lead.chars().collect();
    let take_before = before.len().min(before_room);
    let after_room = room - take_before;
    let after: Vec<char> = rest.chars().collect();
    let take_after = after.len().min(after_room);
    let mut s = String::new();
    let skipped = before.len() - take_before;
    let head: String = before[skipped..].iter().collect();
    if skipped > 0 {
        s.push('…');
        s.push_str(head.trim_start());
    } else {
        s.push_str(head.trim_start());
    }
    s.push_str(inner);
    let tail: String = after[..take_after].iter().collect();
    if take_after < after.len() {
        s.push_str(tail.trim_end());
        s.push('…');
    } else {
        s.push_str(tail.trim_end());
    }
    s
}

/// A year written in a text (`2023年`, `2023 年`, `２０２３年`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Year {
    /// The year.
    pub(crate) value: i32,
    /// Byte offset of its first digit.
    pub(crate) start: usize,
    /// Byte offset just after its 年.
    pub(crate) end: usize,
}

/// Every year written in a text, outside 《》 (a title's year is the title's).
pub(crate) fn years(text: &str) -> Vec<Year> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |k: usize| chars.get(k).and_then(|(_, c)| digit_value(*c));
    let mut out = Vec::new();
    let mut titled = 0usize;
    let mut i = 0;
    while i < chars.len() {
        match chars[i].1 {
            '《' => titled += 1,
            '》' => titled = titled.saturating_sub(1),
            _ => {}
        }
        let glued = i > 0 && digit(i - 1).is_some();
        if glued || (0..4).any(|k| digit(i + k).is_none()) || digit(i + 4).is_some() {
            i += 1;
            continue;
        }
        let mut j = i + 4;
        while chars.get(j).is_some_and(|(_, c)| *c == ' ') {
            j += 1;
        }
        if titled == 0
            && let Some((at, '年')) = chars.get(j).copied()
        {
            let y = (0..4).fold(0u32, |v, k| v * 10 + digit(i + k).unwrap_or(0));
            if let Ok(value) = i32::try_from(y)
                && (1990..2100).contains(&value)
            {
                out.push(Year {
                    value,
                    start: chars[i].0,
                    end: at + '年'.len_utf8(),
                });
            }
        }
        i += 4;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_pieces_split_at_chinese_punctuation() {
        let s: Vec<&str> = sentences("一是甲；二是乙。三是丙\n").collect();
        assert_eq!(s, ["一是甲", "二是乙", "三是丙"]);
        let text = "2020年，我局未收到申请；未发生复议。下一步";
        let p: Vec<&str> = pieces(text, SENTENCE_ENDS)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(p, ["2020年，我局未收到申请；未发生复议", "下一步"]);
        let c: Vec<&str> = pieces("2020年，我局未收到申请；未发生复议", CLAUSE_ENDS)
            .into_iter()
            .map(|r| &"2020年，我局未收到申请；未发生复议"[r])
            .collect();
        assert_eq!(c, ["2020年", "我局未收到申请", "未发生复议"]);
        assert_eq!(quote("一二三四五", 3), "一二三…");
        assert_eq!(char_at("一二三", 6), 2);
    }

    #[test]
    fn years_are_read_outside_titles() {
        let y: Vec<i32> =
            years("2023 年，落实《2022年要点》，２０２４年计划，12345年，2019-2020学年")
                .iter()
                .map(|y| y.value)
                .collect();
        assert_eq!(y, [2023, 2024]);
        let text = "2023 年，我局";
        assert_eq!(&text[years(text)[0].start..years(text)[0].end], "2023 年");
    }

    #[test]
    fn quotations_keep_the_figure_whole() {
        let text = "甲乙丙丁戊己庚辛壬癸受理申请75件，办结74件，结转1件";
        let at = text.find("75件").unwrap();
        assert_eq!(quote_around(text, at..at + 5, 10), "…受理申请75件，办结…");
        assert_eq!(quote_around("受理75件", 6..11, 20), "受理75件");
    }
}
