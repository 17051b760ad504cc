//! A report stored on one line. Crawlers often keep a page's text with every
//! line break and tab turned into a space: the title, the six sections, their
//! paragraphs and every table row run on in one line. Such a line is cut, at
//! the spaces, into the lines the report was printed in, so that headings and
//! table rows are found as in any text:
//!
//! - before and after a section heading (`三、收到和处理政府信息公开申请情况`),
//!   the title and a block caption of table 二 (`第二十条第（一）项`);
//! - before an official row or group label (`一、本年新收政府信息公开申请数量`,
//!   `（三）不予公开`, `1.属于国家秘密`) and the first word of a table header
//!   (`信息内容`, `申请人情况`, the header note `（本列数据…`);
//! - before the numbers that follow a column label (table 四's values after
//!   its header).
//!
//! Each piece keeps its line and its column in the file. Only a long line with
//! two section headings at least is cut; the words are looked at once each.

use std::collections::HashSet;
use std::sync::LazyLock;

use xxgk_model::FormatVersion;
use xxgk_model::schema::{TableId, leaf_label};

use crate::cell::value_like;
use crate::normalize::{char_len, label_key};
use crate::patterns::{caption, is_title, numbering_len, section_heading};

/// A line shorter than this (in bytes) is never cut: a report's body is
/// thousands of characters, a paragraph of prose a few hundred.
const MIN_BYTES: usize = 1200;

/// Keys ([`label_key`]) of every official row and group label of tables 二 and
/// 三, each level of a path on its own, numbering kept (`七总计` is a row,
/// `总计` a column). Table 四's row labels are its header's words too: only
/// its first word starts a line.
static ROW_KEYS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = HashSet::new();
    for v in [FormatVersion::V2019, FormatVersion::V2021] {
        for id in [TableId::Proactive, TableId::Applications] {
            let t = v.spec().table(id);
            for r in t.rows {
                for part in r.label.split('/') {
                    set.insert(label_key(part));
                }
                set.insert(label_key(leaf_label(r.label)));
            }
        }
    }
    set
});

/// Keys of the column labels of the three tables.
static COLUMN_KEYS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = HashSet::new();
    // Every row of a table repeats its columns: each label is keyed once.
    let mut seen: HashSet<&'static str> = HashSet::new();
    for v in [FormatVersion::V2019, FormatVersion::V2021] {
        for t in &v.spec().tables {
            for r in t.rows {
                for c in r.columns.iter().filter(|c| seen.insert(c.label)) {
                    for part in c.label.split('/') {
                        set.insert(label_key(part));
                    }
                }
            }
        }
    }
    set
});

/// Units printed apart from the number they belong to (`34.5 万元`).
fn is_unit(word: &str) -> bool {
    matches!(word, "万" | "万元" | "元" | "件" | "个" | "项" | "条")
}

/// The words that start a table's header.
fn starts_header(word: &str) -> bool {
    matches!(
        label_key(word).as_str(),
        "信息内容" | "申请人情况" | "行政复议"
    ) || word.starts_with("（本列数据")
        || word.starts_with("(本列数据")
}

/// The byte offsets (within `line`) where the pieces of a one-line report
/// start, the first at 0; just `[0]` when the line is not such a report.
pub(super) fn cuts(line: &str) -> Vec<usize> {
    if line.len() < MIN_BYTES {
        return vec![0];
    }
    // Words: (start, end) byte offsets of each run of non-space characters.
    let words = crate::normalize::words(line);
    let word = |k: usize| &line[words[k].0..words[k].1];
    let headings = (0..words.len())
        .filter(|&k| char_len(word(k)) <= 40 && section_heading(word(k)).is_some())
        .take(2)
        .count();
    if headings < 2 {
        return vec![0];
    }
    let mut cut = vec![false; words.len() + 1];
    let mut titled = false;
    let mut k = 0;
    while k < words.len() {
        let w = word(k);
        let short = char_len(w) <= 60;
        // A page footer (`- 3 -`) of the text the page was stored from, and a
        // caption broken at a space (`第二十条 第（五）项`): pieces of their own.
        let footer =
            k + 2 < words.len() && crate::text::line::is_footer(&line[words[k].0..words[k + 2].1]);
        let split_caption = k + 1 < words.len()
            && caption(w).is_none()
            && caption(&line[words[k].0..words[k + 1].1]).is_some();
        if footer || split_caption {
            let last = k + if footer { 2 } else { 1 };
            cut[k] = true;
            cut[last + 1] = true;
            titled |= split_caption;
            k = last + 1;
            continue;
        }
        let whole = short
            && (section_heading(w).is_some() || caption(w).is_some() || (!titled && is_title(w)));
        if whole {
            // A title set apart from the body it names (`青禾县交通运输局
            // 2024年…报告`) starts at that body's words, not after them: a
            // page's `来源：… 时间：…` before it is no part of it.
            let start = if !titled && section_heading(w).is_none() && caption(w).is_none() {
                (k.saturating_sub(2)..k)
                    .find(|&j| {
                        let part = &line[words[j].0..words[k].0];
                        !part.contains([':', '：'])
                            && !(j..k).any(|i| value_like(word(i)))
                            && is_title(&line[words[j].0..words[k].1])
                    })
                    .unwrap_or(k)
            } else {
                k
            };
            titled = true;
            cut[start] = true;
            cut[k + 1] = true;
            k += 1;
            continue;
        }
        let key = label_key(w);
        if short && (ROW_KEYS.contains(&key) || starts_header(w)) {
            cut[k] = true;
        }
        // A numbered label after a row's values starts the next row
        // (`… 0 0 1 2.其他法律行政止公开 0 …`, a label misspelt).
        // A number of a label set apart from its words (`2. 其他法律…`, as some
        // pages print the items) is no value.
        let numbering = |j: usize| {
            numbering_len(word(j)) == Some(word(j).len())
                && j + 1 < words.len()
                && !value_like(word(j + 1))
        };
        let value = |j: usize| value_like(word(j)) && !numbering(j);
        let after_values = (k > 0 && numbering_len(w).is_some() && value(k - 1))
            || (k > 1 && value(k - 1) && value(k - 2) && !is_unit(w));
        if after_values && !value(k) {
            cut[k] = true;
        }
        // Numbers after a column label: a header's end, the values' start.
        if k > 0 && value_like(w) && !w.is_empty() && COLUMN_KEYS.contains(&label_key(word(k - 1)))
        {
            cut[k] = true;
        }
        k += 1;
    }
    let mut out = vec![0];
    out.extend((1..words.len()).filter(|&k| cut[k]).map(|k| words[k].0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(line: &str) -> Vec<&str> {
        let c = cuts(line);
        c.iter()
            .enumerate()
            .map(|(i, &a)| line[a..c.get(i + 1).copied().unwrap_or(line.len())].trim())
            .collect()
    }

    #[test]
    fn a_one_line_report_is_cut_at_headings_and_rows() {
        let prose = "本年度继续做好政府信息公开工作，各项制度运行平稳。".repeat(30);
        let line = format!(
            "某某县示例局2025年政府信息公开工作年度报告 一、总体情况 {prose} 二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 总计 1 0 1"
        );
        let p = pieces(&line);
        assert_eq!(p[0], "某某县示例局2025年政府信息公开工作年度报告");
        assert_eq!(p[1], "一、总体情况");
        assert_eq!(p[3], "二、主动公开政府信息情况");
        assert_eq!(p[4], "第二十条第（一）项");
        assert_eq!(p[5], "信息内容 本年制发件数 本年废止件数 现行有效件数");
        assert_eq!(p[6], "规章 0 0 0");
        assert_eq!(p[7], "四、政府信息公开行政复议、行政诉讼情况");
        assert_eq!(p[8], "行政复议 行政诉讼 结果维持 总计");
        assert_eq!(p[9], "1 0 1");
    }

    #[test]
    fn short_lines_and_prose_are_not_cut() {
        assert_eq!(cuts("一、总体情况 二、主动公开政府信息情况"), vec![0]);
        let prose = "全年主动公开信息一百二十条，其中规章 0 件。".repeat(100);
        assert_eq!(cuts(&prose), vec![0]);
    }
}
