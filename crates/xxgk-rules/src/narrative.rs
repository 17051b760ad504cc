//! Reading the narrative: the blocks of text with their JSON Pointers, sentences
//! and clauses, and the quantities written in them (`480条`, `１２ 件`).

use xxgk_model::{Block, Report, SectionId};

/// A block of text and where it is in the model.
#[derive(Debug, Clone)]
pub(crate) struct Passage<'a> {
    /// `/sections/overview/body/3`, `/sections/applications/text/0`, …
    pub(crate) pointer: String,
    pub(crate) text: &'a str,
}

/// The blocks of a section's text, in order, with their pointers.
pub(crate) fn passages(report: &Report, id: SectionId) -> Vec<Passage<'_>> {
    let key = id.key();
    let mut out = Vec::new();
    let s = &report.sections;
    let fields: Vec<(&str, &[Block])> = match id.table() {
        None => {
            let section = match id {
                SectionId::Overview => s.overview.as_ref(),
                SectionId::Problems => s.problems.as_ref(),
                _ => s.other.as_ref(),
            };
            section
                .map(|t| vec![("body", t.body.as_slice())])
                .unwrap_or_default()
        }
        Some(table) => s
            .table_section(table)
            .map(|t| {
                vec![
                    ("text", t.text.as_slice()),
                    ("text_after", t.text_after.as_slice()),
                ]
            })
            .unwrap_or_default(),
    };
    for (field, blocks) in fields {
        for (i, b) in blocks.iter().enumerate() {
            out.push(Passage {
                pointer: format!("/sections/{key}/{field}/{i}"),
                text: b.text(),
            });
        }
    }
    out
}

/// Sentences: text between 。！？；, line breaks and their half-width forms.
pub(crate) fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['。', '！', '？', '；', ';', '!', '?', '\n'])
        .filter(|s| !s.trim().is_empty())
}

/// Clauses: a sentence cut at commas too.
pub(crate) fn clauses(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split(['，', ',', '、'])
        .filter(|s| !s.trim().is_empty())
}

/// A number written in the text followed by a counting unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quantity {
    /// Byte offset of the first digit.
    pub(crate) start: usize,
    /// Byte offset just after the unit.
    pub(crate) end: usize,
    pub(crate) value: u64,
    pub(crate) unit: char,
    /// Written as a lower bound (`480余条`, `480多条`).
    pub(crate) approximate: bool,
}

/// Units the reports count items in.
const UNITS: [char; 7] = ['条', '件', '篇', '次', '个', '项', '期'];

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Every `<digits>[余|多][ ]<unit>` in a text, outside brackets (a bracketed
/// breakdown is a breakdown of something else).
pub(crate) fn quantities(text: &str) -> Vec<Quantity> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let after_number = i > 0 && {
            let prev = chars[i - 1].1;
            digit(prev).is_some() || matches!(prev, '.' | '．')
        };
        if digit(c).is_none() || depth > 0 || after_number {
            i += 1;
            continue;
        }
        let mut value: u64 = 0;
        let mut j = i;
        let mut overflow = false;
        while let Some(d) = chars.get(j).and_then(|(_, c)| digit(*c)) {
            match value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(d)))
            {
                Some(v) => value = v,
                None => overflow = true,
            }
            j += 1;
        }
        // A decimal point or a percentage makes it something other than a count.
        let next = chars.get(j).map(|(_, c)| *c);
        if overflow || matches!(next, Some('.' | '．' | '%' | '％')) {
            i = j;
            continue;
        }
        let approximate = matches!(next, Some('余' | '多'));
        if approximate {
            j += 1;
        }
        while chars.get(j).is_some_and(|(_, c)| *c == ' ') {
            j += 1;
        }
        if let Some(&(at, unit)) = chars.get(j)
            && UNITS.contains(&unit)
        {
            out.push(Quantity {
                start,
                end: at + unit.len_utf8(),
                value,
                unit,
                approximate,
            });
        }
        i = j.max(i + 1);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(u64, char, bool)> {
        quantities(text)
            .iter()
            .map(|q| (q.value, q.unit, q.approximate))
            .collect()
    }

    #[test]
    fn quantities_are_counts_with_units_outside_brackets() {
        assert_eq!(
            values("共发布信息480条，其中动态２３０ 条，公告160余条（含转载12条）"),
            [(480, '条', false), (230, '条', false), (160, '条', true)]
        );
        assert_eq!(values("2020年满意度96.2%，增长3.5个百分点，占12%"), []);
        assert_eq!(values("99999999999999999999999条"), []);
    }

    #[test]
    fn sentences_and_clauses_split_at_chinese_punctuation() {
        let s: Vec<&str> = sentences("一是甲；二是乙。三是丙\n").collect();
        assert_eq!(s, ["一是甲", "二是乙", "三是丙"]);
        let c: Vec<&str> = clauses("2020年，我局未收到申请、未发生复议").collect();
        assert_eq!(c, ["2020年", "我局未收到申请", "未发生复议"]);
        assert_eq!(quote("一二三四五", 3), "一二三…");
    }
}
