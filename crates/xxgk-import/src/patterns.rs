//! Patterns of report text: section headings 一 to 六 with their published
//! variants, sub-heading numbering, and the words that mark each section.

use std::collections::HashSet;
use std::sync::LazyLock;

use xxgk_model::{FormatVersion, SectionId};

use crate::normalize::{
    bare_key, char_len, fold_width, is_space, label_key, numeral_value, strip_spaces, trim,
};

/// Bare keys of every official label (rows, groups, columns) of both versions.
static LABELS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = HashSet::new();
    // Every row of a table repeats its columns: each label is keyed once.
    let mut seen: HashSet<&'static str> = HashSet::new();
    for v in [FormatVersion::V2019, FormatVersion::V2021] {
        for t in &v.spec().tables {
            for r in t.rows {
                for part in r.label.split('/') {
                    set.insert(bare_key(part));
                }
                for c in r.columns.iter().filter(|c| seen.insert(c.label)) {
                    // `本年增/减` is one label; `法人或其他组织/商业企业` two levels.
                    set.insert(bare_key(c.label));
                    for part in c.label.split('/') {
                        set.insert(bare_key(part));
                    }
                }
            }
        }
    }
    for w in ["信息内容", "申请人情况", "行政诉讼", "企业"] {
        set.insert(w.to_owned());
    }
    set
});

/// Keys ([`label_key`]) of the column labels of the three tables, both versions,
/// each level of a label path on its own, and the header words printed with them.
static COLUMN_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut words: Vec<String> = Vec::new();
    let mut seen: HashSet<&'static str> = HashSet::new();
    for v in [FormatVersion::V2019, FormatVersion::V2021] {
        for t in &v.spec().tables {
            for c in t
                .rows
                .iter()
                .flat_map(|r| r.columns)
                .filter(|c| seen.insert(c.label))
            {
                // `法人或其他组织/商业企业` is two levels; `本年增/减` one label.
                words.push(label_key(c.label));
                words.extend(c.label.split('/').map(label_key));
            }
        }
    }
    for w in [
        "信息内容",
        "申请人情况",
        "行政复议",
        "行政诉讼",
        "未经复议直接起诉",
        "复议后起诉",
        "企业",
        "小计",
        "合计",
        "维持",
        "纠正",
        "未审结",
    ] {
        words.push(w.to_owned());
    }
    words.sort_unstable();
    words.dedup();
    words
});

/// Whether a text is a column label of one of the tables (`本年制发件数`,
/// `自然人`, `商业企业`, `总计`, `结果维持`, `行政复议` …), or a header word printed
/// with them (`信息内容`, `申请人情况`); a fee or procurement amount column with
/// its unit (`本年收费金额（单位：万元）`) is one too.
pub(crate) fn is_column_word(text: &str) -> bool {
    is_column_key(&label_key(text))
}

/// [`is_column_word`] of a text whose [`label_key`] is `key`.
pub(crate) fn is_column_key(key: &str) -> bool {
    !key.is_empty()
        && (COLUMN_WORDS
            .binary_search_by(|w| w.as_str().cmp(key))
            .is_ok()
            || key.starts_with("本年收费金额")
            || key.starts_with("采购总金额"))
}

/// Whether a text is the start of a column label or header word, or one (see
/// [`is_column_word`]): a header cell whose text was broken over lines.
pub(crate) fn is_column_start(text: &str) -> bool {
    let key = label_key(text);
    !key.is_empty() && COLUMN_WORDS.iter().any(|w| w.starts_with(&key))
}

/// The block caption of a label (`第二十条第（一）项`, `第二十条 第（五）项`), as the
/// official group label.
pub(crate) fn caption(text: &str) -> Option<String> {
    if !text.contains('第') || !text.contains('条') {
        return None;
    }
    let key = label_key(text);
    let rest = key.strip_prefix("第二十条")?;
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let numeral = rest.strip_suffix('项')?;
    let ok = !numeral.is_empty()
        && numeral.chars().count() <= 3
        && numeral.chars().all(|c| numeral_value(c).is_some());
    ok.then(|| format!("第二十条第（{numeral}）项"))
}

/// Whether a text is an official table label (a row, group or column label of
/// either version, numbering aside) or one of the header words of the tables.
pub(crate) fn is_official_label(text: &str) -> bool {
    LABELS.contains(&bare_key(text))
}

/// Whether a short text is a piece of an official table label (`形）` of a
/// label wrapped in its cell, `度办` of `三、本年度办理结果` printed beside the
/// rows): label text, not a seal's debris.
pub(crate) fn is_official_label_piece(text: &str) -> bool {
    let key = crate::normalize::label_key(text);
    !key.is_empty() && LABELS.iter().any(|l| l.contains(&key))
}

/// Whether a text is the first part of an official table label broken over
/// lines (`一、本年新收政府信息公开申请数` of `…申请数量`): at least six
/// characters of it, not the whole.
pub(crate) fn is_official_label_start(text: &str) -> bool {
    let bare = bare_key(text);
    char_len(&bare) >= 6
        && LABELS
            .iter()
            .any(|l| l.len() > bare.len() && l.starts_with(&bare))
}

/// Separators that may follow a section numeral (`一、`, `一.`, `一．`, `一，`).
fn is_numeral_separator(c: char) -> bool {
    matches!(c, '、' | '.' | '．' | ',' | '，' | ':' | '：' | '　')
}

/// Splits a leading section numeral off a line: `一、总体情况` → (1, `总体情况`);
/// also `第一部分 总体情况`. The numeral must be followed by a separator or by
/// whitespace, so that `一是…` and `一年来…` are not numbered.
pub(crate) fn section_numeral(text: &str) -> Option<(usize, &str)> {
    let t = trim(text);
    let mut chars = t.char_indices();
    let (_, first) = chars.next()?;
    if first == '第' {
        let (_, n) = chars.next()?;
        let value = numeral_value(n)?;
        let rest = &t[first.len_utf8() + n.len_utf8()..];
        let rest = trim(rest).strip_prefix("部分")?;
        return Some((value, trim(rest.trim_start_matches(is_numeral_separator))));
    }
    let value = numeral_value(first)?;
    let rest = &t[first.len_utf8()..];
    let next = rest.chars().next()?;
    if is_numeral_separator(next) || is_space(next) {
        let rest = trim(rest);
        let rest = rest.trim_start_matches(is_numeral_separator);
        return Some((value, trim(rest)));
    }
    None
}

/// The words that mark a section's heading (after its numeral), tried in order.
fn heading_matches(section: SectionId, rest: &str) -> bool {
    let s = strip_spaces(rest);
    let has = |w: &str| s.contains(w);
    let len = char_len(&s);
    match section {
        SectionId::Overview => {
            len <= 24 && (has("总体情况") || has("概况") || has("基本情况") || has("概述"))
        }
        SectionId::Proactive => len <= 30 && has("主动公开") && !has("问题"),
        SectionId::Applications => {
            len <= 40
                && (has("收到和处理") || has("依申请公开") || has("公开申请") || has("申请情况"))
                && !has("复议")
        }
        SectionId::Reviews => len <= 50 && (has("复议") || has("诉讼")),
        SectionId::Problems => len <= 40 && (has("问题") || has("不足")),
        SectionId::Other => {
            len <= 30 && (has("其他") || has("其它")) && (has("报告") || has("事项"))
        }
    }
}

/// Whether a line is the heading of one of the six sections, and of which: a
/// numeral 一 to 六 that agrees with the words of that section, written as
/// published (`一、政府信息公开工作概况`, `五、存在的主要问题及整改措施`,
/// `二、行政机关主动公开政府信息情况`, `三 、收到和处理…`). Long lines and
/// sentences are never headings.
pub(crate) fn section_heading(text: &str) -> Option<SectionId> {
    let t = trim(text);
    if char_len(t) > 60 || t.ends_with('。') && char_len(t) > 30 {
        return None;
    }
    let (n, rest) = section_numeral(t)?;
    let section = *SectionId::ALL.get(n.checked_sub(1)?)?;
    heading_matches(section, rest).then_some(section)
}

/// Whether a line is a numbered heading whose numeral names a section, whatever
/// its words (`三、2023年度依申请公开情况`); used only where a section is
/// expected next and the line is short.
pub(crate) fn numbered_section(text: &str) -> Option<SectionId> {
    let t = trim(text);
    if char_len(t) > 30 || crate::normalize::ends_sentence(t) {
        return None;
    }
    let (n, rest) = section_numeral(t)?;
    if rest.is_empty() {
        return None;
    }
    SectionId::ALL.get(n.checked_sub(1)?).copied()
}

/// The length in bytes of sub-heading numbering at the start of a line:
/// `（一）`, `(一)`, `（1）`, `(1)`, `一、`, `1.`, `1、`, `1．`, `①`.
pub(crate) fn numbering_len(text: &str) -> Option<usize> {
    let t = text;
    let first = t.chars().next()?;
    let open = matches!(first, '（' | '(');
    if open {
        let inner_start = first.len_utf8();
        let close = t[inner_start..].find(['）', ')'])? + inner_start;
        let inner = &t[inner_start..close];
        let ok = !inner.is_empty()
            && char_len(inner) <= 3
            && inner
                .chars()
                .all(|c| numeral_value(c).is_some() || fold_width(c).is_ascii_digit());
        let close_len = t[close..].chars().next()?.len_utf8();
        return ok.then_some(close + close_len);
    }
    if matches!(first, '①'..='⑳') {
        return Some(first.len_utf8());
    }
    let digits: usize = t
        .chars()
        .take_while(|c| fold_width(*c).is_ascii_digit() || numeral_value(*c).is_some())
        .map(char::len_utf8)
        .sum();
    if digits == 0 || digits > 6 {
        return None;
    }
    let sep = t[digits..].chars().next()?;
    let numeral = t[..digits].chars().all(|c| numeral_value(c).is_some());
    let ok = matches!(sep, '、' | '．')
        || sep == '.' && !numeral && !t[digits + 1..].starts_with(|c: char| c.is_ascii_digit());
    ok.then_some(digits + sep.len_utf8())
}

/// Whether a line looks like a title: it names the annual report.
pub(crate) fn is_title(text: &str) -> bool {
    // Asked of a paragraph at every line joined to it: a long one is answered
    // without copying it.
    if longer_than(text, 70) {
        return false;
    }
    // Every title names the report (`…报告`, `年报`) and its kind (`…公开`) and
    // holds no sentence: other lines are answered without copying them.
    if !text.contains('报') || !text.contains('公') || text.contains(['。', '，', '；']) {
        return false;
    }
    let s = strip_spaces(text);
    char_len(&s) <= 70
        && !s.contains(['。', '，', '；'])
        && !is_stored_path(&s)
        && (s.contains("年度报告") || s.ends_with("年报") || s.contains("年报告"))
        && (s.contains("信息公开") || s.contains("政务公开"))
}

/// Whether a line is a web page's field line (`来源：本站 时间：2025-01-20`,
/// `发布日期：…`, `作者：…`): a short key, then `：`. Such a line is the page's,
/// and no part of a paragraph or title of the report.
pub(crate) fn is_field_line(text: &str) -> bool {
    let t = trim(text);
    t.split_once([':', '：']).is_some_and(|(key, _)| {
        let key = trim(key);
        char_len(key) <= 6
            && [
                "来源",
                "时间",
                "日期",
                "作者",
                "发布",
                "浏览",
                "点击",
                "字号",
                "阅读",
                "编辑",
                "索引号",
                "文号",
                "访问量",
            ]
            .iter()
            .any(|k| key.ends_with(k))
    })
}

/// Whether a line names where a crawler or a user stored the file
/// (`本地目录: D:\采集\0123_某某2020年度…报告`, `网址：https://…`): a file's path
/// or address, not the report's title.
fn is_stored_path(s: &str) -> bool {
    s.contains('\\')
        || s.contains("://")
        || s.split_once([':', '：']).is_some_and(|(key, _)| {
            char_len(key) <= 8
                && ["目录", "路径", "文件", "网址", "链接", "地址", "来源"]
                    .iter()
                    .any(|k| key.ends_with(k))
        })
}

/// Whether a text has more than `n` characters that are not spaces, found
/// without reading further than the `n + 1`th.
fn longer_than(text: &str, n: usize) -> bool {
    text.chars().filter(|c| !is_space(*c)).nth(n).is_some()
}

/// The head of an official document's first page (GB/T 9704): the issuing body's
/// mark (`某某县人民政府办公室文件`) and the document number (`某政办发〔2025〕3号`).
pub(crate) fn is_document_head(text: &str) -> bool {
    if longer_than(text, 30) {
        return false;
    }
    let s = strip_spaces(text);
    char_len(&s) <= 30
        && !s.contains(['。', '，', '；'])
        && (s.ends_with("文件") || (s.contains(['〔', '[', '［']) && s.ends_with('号')))
}

/// Whether a title line is whole on its own: it names the body before its year
/// (`某某县统计局2025年…`) or right after it (`2019年上海市人民政府办公厅…`), so
/// no line before it holds its first part.
pub(crate) fn is_whole_title(text: &str) -> bool {
    if !is_title(text) {
        return false;
    }
    let s = strip_spaces(text);
    let after_year = s
        .char_indices()
        .find(|(_, c)| crate::normalize::fold_width(*c).is_ascii_digit())
        .filter(|(at, _)| *at == 0)
        .and_then(|_| s.find('年'))
        .map(|at| {
            let rest = &s[at + '年'.len_utf8()..];
            rest.strip_prefix('度').unwrap_or(rest)
        });
    let rest = after_year.unwrap_or(&s);
    !["年度", "政府信息公开", "政务公开", "信息公开"]
        .iter()
        .any(|k| rest.starts_with(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_headings_and_their_variants() {
        let cases = [
            ("一、总体情况", SectionId::Overview),
            ("一、政府信息公开工作概况", SectionId::Overview),
            ("二、行政机关主动公开政府信息情况", SectionId::Proactive),
            ("三、收到和处理政府信息公开情况", SectionId::Applications),
            (
                "三 、 收到和处理政府信息公开申请情况",
                SectionId::Applications,
            ),
            ("四、政府信息公开行政复议、行政诉讼情况", SectionId::Reviews),
            (
                "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
                SectionId::Reviews,
            ),
            ("五、存在的主要问题及整改措施", SectionId::Problems),
            (
                "五、政府信息公开工作存在的主要问题及改进情况",
                SectionId::Problems,
            ),
            ("六、其他需要报告的事项", SectionId::Other),
            ("六.其他需要报告的事项", SectionId::Other),
            ("第一部分 总体情况", SectionId::Overview),
        ];
        for (text, id) in cases {
            assert_eq!(section_heading(text), Some(id), "{text}");
        }
    }

    #[test]
    fn table_rows_points_and_sub_headings_are_not_sections() {
        for text in [
            "一、本年新收政府信息公开申请数量",
            "四、结转下年度继续办理",
            "三是依申请公开工作规范性还需提高",
            "（一）主动公开情况",
            "一、丰富主动公开形式和内容，积极采取图片、视频等直观形式进行相关信息的公开。",
            "二、重视政民互动工作，加强与民互动性。",
        ] {
            assert_eq!(section_heading(text), None, "{text}");
        }
    }

    #[test]
    fn numbering_of_sub_headings() {
        assert_eq!(numbering_len("（一）主动公开"), Some("（一）".len()));
        assert_eq!(numbering_len("(1)加强"), Some(3));
        assert_eq!(numbering_len("1.加强"), Some(2));
        assert_eq!(numbering_len("1、加强"), Some(1 + '、'.len_utf8()));
        assert_eq!(
            numbering_len("一、加强"),
            Some('一'.len_utf8() + '、'.len_utf8())
        );
        assert_eq!(numbering_len("2024 年"), None);
        assert_eq!(numbering_len("1.5%的"), None);
        assert_eq!(numbering_len("一是加强"), None);
        assert_eq!(numbering_len("（本列数据）"), None);
    }

    #[test]
    fn titles() {
        assert!(is_title("蚌埠市退役军人事务局 2020 年度政府信息公开年报"));
        assert!(is_title("2024 年政府信息公开工作年度报告"));
        assert!(!is_title(
            "本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》规定编制，是全年政府信息公开工作的年度报告的一部分内容。"
        ));
    }
}
