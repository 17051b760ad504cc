//! Splitting the item stream at the six section headings, and narrative text
//! into blocks.

use xxgk_model::{Block, SectionId};

use super::items::Item;
use crate::Para;
use crate::normalize::{bare_key, char_len, similarity, trim};
use crate::patterns::{numbered_section, numbering_len, section_heading};

/// The items of one section, after its heading.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    pub(crate) id: SectionId,
    pub(crate) heading: Para,
    pub(crate) items: Vec<Item>,
}

/// The item stream split at the headings.
#[derive(Debug, Clone)]
pub(crate) struct Segmented {
    /// Items before the first heading (title, preamble).
    pub(crate) front: Vec<Item>,
    /// The sections in published order.
    pub(crate) sections: Vec<Segment>,
}

/// Splits items at section headings. A heading is a paragraph whose numeral and
/// words agree on a section (see [`section_heading`]); where a section has
/// several such lines (a numbered point inside another section that reads like
/// a heading), the one closest to the official wording is taken, the earlier on a
/// tie. A section with no such line may take a short numbered line whose numeral
/// names it, where it is the section expected next. A numbered point whose
/// numeral and words do not agree stays text.
pub(crate) fn segment(items: Vec<Item>) -> Segmented {
    let chosen = strong_headings(&items);
    let mut front = Vec::new();
    let mut sections: Vec<Segment> = Vec::new();
    let mut seen: Vec<SectionId> = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        if let Item::Para(p) = &item {
            let next = match seen.last() {
                None => Some(SectionId::Overview),
                Some(last) => SectionId::ALL.get(*last as usize + 1).copied(),
            };
            let strong = chosen.iter().find(|(_, at)| *at == i).map(|(id, _)| *id);
            let weak = || {
                numbered_section(&p.text)
                    .filter(|id| Some(*id) == next && !chosen.iter().any(|(c, _)| c == id))
            };
            if let Some(id) = strong.or_else(weak)
                && !seen.contains(&id)
            {
                seen.push(id);
                sections.push(Segment {
                    id,
                    heading: p.clone(),
                    items: Vec::new(),
                });
                continue;
            }
        }
        match sections.last_mut() {
            Some(s) => s.items.push(item),
            None => front.push(item),
        }
    }
    Segmented { front, sections }
}

/// For each section with lines that read as its heading, the index of the one
/// closest to the official wording.
fn strong_headings(items: &[Item]) -> Vec<(SectionId, usize)> {
    let mut best: Vec<(SectionId, usize, f64)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Item::Para(p) = item else { continue };
        let Some(id) = section_heading(&p.text) else {
            continue;
        };
        let official = bare_key(xxgk_model::FormatVersion::V2021.spec().heading(id));
        let score = similarity(&bare_key(&p.text), &official);
        match best.iter_mut().find(|(s, _, _)| *s == id) {
            Some(slot) if score > slot.2 => *slot = (id, i, score),
            Some(_) => {}
            None => best.push((id, i, score)),
        }
    }
    best.into_iter().map(|(id, i, _)| (id, i)).collect()
}

/// Where a paragraph prints a section's heading inside its text (after other
/// words, or with text after it on the same line: a page's text stored without
/// its line breaks), the byte offset of the heading's numeral. Only a numeral
/// with a separator after it and the section's words after that count
/// (`五、存在的主要问题及改进情况`), read up to the next space or sentence end.
pub(crate) fn embedded_heading(text: &str, id: SectionId) -> Option<usize> {
    let numeral = crate::normalize::NUMERALS[id as usize];
    text.char_indices()
        .filter(|(_, c)| *c == numeral)
        .map(|(i, _)| i)
        .find(|&i| {
            let rest = &text[i..];
            let end = rest
                .char_indices()
                .skip(2)
                .find(|(_, c)| {
                    crate::normalize::is_space(*c) || matches!(c, '。' | '；' | '！' | '？')
                })
                .map_or(rest.len(), |(j, _)| j);
            let candidate = &rest[..end];
            char_len(candidate) <= 40
                && rest[numeral.len_utf8()..].starts_with(['、', '.', '．', '，'])
                && section_heading(candidate) == Some(id)
        })
}

/// The sections the report lacks that the text may print without a heading
/// line of its own: all of them when no heading was found at all, else those
/// whose heading a paragraph prints inside its text; each with the paragraph
/// and the offset where its heading stands (none when no heading was found).
pub(crate) fn unfound<'a>(
    segmented: &'a Segmented,
    present: &dyn Fn(SectionId) -> bool,
) -> Vec<(SectionId, Option<(&'a Para, usize)>)> {
    let absent = SectionId::ALL.into_iter().filter(|id| !present(*id));
    if segmented.sections.is_empty() {
        return absent.map(|id| (id, None)).collect();
    }
    let paras: Vec<&Para> = segmented
        .front
        .iter()
        .chain(segmented.sections.iter().flat_map(|s| &s.items))
        .filter_map(|i| match i {
            Item::Para(p) => Some(p),
            Item::Row(_) => None,
        })
        .collect();
    absent
        .filter_map(|id| {
            paras
                .iter()
                .find_map(|p| Some((id, Some((*p, embedded_heading(&p.text, id)?)))))
        })
        .collect()
}

/// Whether a paragraph is a sub-heading on a line of its own: numbered, short,
/// no sentence inside.
pub(crate) fn is_sub_heading(text: &str) -> bool {
    let t = trim(text);
    let Some(n) = numbering_len(t) else {
        return false;
    };
    let body = t[n..].trim_end_matches(['。', '.', '：', ':']);
    char_len(t) <= 30 && !body.contains(['。', '；', ';']) && !body.is_empty()
}

/// Narrative paragraphs as blocks: sub-headings on their own line (and lines the
/// source marks as headings) become headings, everything else a paragraph, text
/// unchanged.
pub(crate) fn blocks(paras: &[Para]) -> Vec<Block> {
    paras
        .iter()
        .map(|p| {
            if p.heading || is_sub_heading(&p.text) {
                Block::Heading(p.text.clone())
            } else {
                Block::Paragraph(p.text.clone())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Item {
        Item::Para(Para {
            text: text.to_owned(),
            pos: xxgk_model::SourcePos::Text { line: 1, column: 1 },
            heading: false,
        })
    }

    #[test]
    fn a_point_that_reads_like_a_heading_does_not_take_the_section() {
        let items = vec![
            para("一、总体情况"),
            para("二、加强平台建设"),
            para("三、依申请公开情况"),
            para("本年度收到申请三件。"),
            para("二、主动公开政府信息情况"),
            para("三、收到和处理政府信息公开申请情况"),
        ];
        let s = segment(items);
        let headings: Vec<&str> = s.sections.iter().map(|x| x.heading.text.as_str()).collect();
        assert_eq!(
            headings,
            [
                "一、总体情况",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况"
            ]
        );
        assert_eq!(s.sections[0].items.len(), 3);
    }

    #[test]
    fn a_heading_inside_a_paragraph_is_found() {
        let text = "本年度未发生行政复议。 五、存在的主要问题及改进情况 一是培训不足。";
        assert!(embedded_heading(text, SectionId::Problems).is_some());
        assert_eq!(embedded_heading(text, SectionId::Reviews), None);
        // A table row numbered 四 is no heading of section 四.
        assert_eq!(
            embedded_heading("四、结转下年度继续办理 0 0", SectionId::Reviews),
            None
        );
        assert_eq!(
            embedded_heading("全年共办理五件。", SectionId::Problems),
            None
        );
    }

    #[test]
    fn sub_headings_are_short_numbered_lines() {
        assert!(is_sub_heading("（一）主动公开情况"));
        assert!(is_sub_heading("(二) 依申请公开情况。"));
        assert!(is_sub_heading("1.加强组织领导，健全工作机制"));
        assert!(is_sub_heading("1.加强组织领导"));
        assert!(!is_sub_heading(
            "（一）主动公开情况。2024年，全市主动公开信息五千条。"
        ));
        assert!(!is_sub_heading("一是公开内容仍需完善。"));
    }
}
