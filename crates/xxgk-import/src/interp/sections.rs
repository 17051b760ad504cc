//! Splitting the item stream at the six section headings, and narrative text
//! into blocks.

use xxgk_model::{Block, SectionId};

use super::items::Item;
use crate::Para;
use crate::normalize::{char_len, trim};
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
/// words agree on a section (see [`section_heading`]), or — for the section
/// expected next — a short numbered line whose numeral names it. A section's
/// heading is taken only once; a numbered point inside a section whose numeral
/// and words do not agree stays text.
pub(crate) fn segment(items: Vec<Item>) -> Segmented {
    let mut front = Vec::new();
    let mut sections: Vec<Segment> = Vec::new();
    let mut seen: Vec<SectionId> = Vec::new();
    for item in items {
        if let Item::Para(p) = &item {
            let next = match seen.last() {
                None => Some(SectionId::Overview),
                Some(last) => SectionId::ALL.get(*last as usize + 1).copied(),
            };
            let id = section_heading(&p.text)
                .or_else(|| numbered_section(&p.text).filter(|id| Some(*id) == next));
            if let Some(id) = id
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

/// Narrative paragraphs as blocks: sub-headings on their own line become
/// headings, everything else a paragraph, text unchanged.
pub(crate) fn blocks(paras: &[Para]) -> Vec<Block> {
    paras
        .iter()
        .map(|p| {
            if is_sub_heading(&p.text) {
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
