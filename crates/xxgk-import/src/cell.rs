//! Reading one published table cell: numbers as agencies print them
//! (`1,234`, `１２`, `34.5 万`, `251000元`, `&nbsp;12`), blanks and placeholders
//! (`/`, `—`, `-`, `无`), and everything else kept as placeholder text with a note.

use std::str::FromStr;

use rust_decimal::Decimal;
use xxgk_model::{COUNT_UNITS, Cell, CellKey, CellText, MoneyUnit, Number, SourcePos};

use crate::normalize::{fold_width, is_cjk, is_space, trim};
use crate::{ImportNote, NoteCode};

/// How a cell's text was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellRead {
    /// The cell to store.
    pub(crate) cell: Cell,
    /// What was tolerated or could not be read: (code, message in Chinese).
    pub(crate) note: Option<(NoteCode, String)>,
    /// Whether the text reads as a table value at all (a number, a blank, a
    /// placeholder, or unreadable text without words), as opposed to a label.
    pub(crate) value_like: bool,
}

impl CellRead {
    fn ok(cell: Cell) -> CellRead {
        CellRead {
            cell,
            note: None,
            value_like: true,
        }
    }
}

/// Characters that, alone or repeated, mean "nothing to report" in a cell.
fn is_dash_like(c: char) -> bool {
    matches!(
        c,
        '/' | '\\' | '-' | '—' | '–' | '―' | '─' | '－' | '／' | '_' | '＿' | '×' | '*'
    )
}

/// Words printed in a cell instead of a number.
const PLACEHOLDER_WORDS: &[&str] = &["无", "暂无", "空", "无数据", "不适用", "n/a", "na", "—/—"];

/// Reads the text of a published cell.
pub(crate) fn read_cell(text: &str) -> CellRead {
    if let Some(value) = plain_count(text) {
        return CellRead::ok(Cell::Number(Number { value, unit: None }));
    }
    let replaced;
    let published = if text.contains("&nbsp;") {
        replaced = text.replace("&nbsp;", " ");
        trim(&replaced)
    } else {
        trim(text)
    };
    let mut compact = String::with_capacity(published.len());
    compact.extend(published.chars().filter(|c| !is_space(*c)).map(fold_width));
    if compact.is_empty() {
        return CellRead::ok(Cell::Blank);
    }
    if compact.chars().all(is_dash_like)
        || PLACEHOLDER_WORDS
            .iter()
            .any(|w| compact.eq_ignore_ascii_case(w))
    {
        return CellRead::ok(Cell::Placeholder(published.to_owned()));
    }
    // Inner spaces between digits are not a thousands separator we can trust.
    let inner_space = {
        let mut chars = published.chars();
        let (mut a, mut b) = (chars.next(), chars.next());
        let mut found = false;
        for c in chars {
            if a.is_some_and(|a| a.is_ascii_digit())
                && b.is_some_and(is_space)
                && fold_width(c).is_ascii_digit()
            {
                found = true;
                break;
            }
            (a, b) = (b, Some(c));
        }
        found
    };
    let published = published.to_owned();
    match parse_amount(&compact) {
        Some(Parsed::Number(n, dropped)) if !inner_space => {
            let note = dropped.map(|u| (NoteCode::UnitDropped, unit_dropped(&published, u, &n)));
            CellRead {
                cell: Cell::Number(n),
                note,
                value_like: true,
            }
        }
        Some(Parsed::Overflow) => CellRead {
            cell: Cell::Blank,
            note: Some((
                NoteCode::NumberOverflow,
                format!("单元格“{published}”的数值过大，无法精确保存，按空白单元格处理"),
            )),
            value_like: true,
        },
        _ => unreadable(published),
    }
}

/// Whether a text is words, read by [`read_cell`] as unreadable text that is no
/// value: its first character (spaces aside) is an ideograph, so it is no
/// number, and it is longer than any placeholder word. Answered without reading
/// the cell (the front ends ask it of every line of narrative).
fn is_words(text: &str) -> bool {
    if text.contains('&') {
        // `&nbsp;` is read as a space.
        return false;
    }
    let mut chars = text.chars().filter(|c| !is_space(*c));
    chars.next().is_some_and(is_cjk) && chars.nth(2).is_some()
}

/// The number of a text of ASCII digits only (spaces around), as [`read_cell`]
/// reads it, without copying the text: the form of nearly every cell.
fn plain_count(text: &str) -> Option<Decimal> {
    let t = trim(text);
    if t.is_empty() || t.len() > 18 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Decimal::from_str_exact(t).ok()
}

/// `read_cell(text).value_like`, without reading words nor plain numbers.
pub(crate) fn value_like(text: &str) -> bool {
    plain_count(text).is_some() || !is_words(text) && read_cell(text).value_like
}

/// Whether [`read_cell`] reads a text as a number, without reading words nor
/// plain numbers.
pub(crate) fn is_number(text: &str) -> bool {
    plain_count(text).is_some() || !is_words(text) && read_cell(text).cell.number().is_some()
}

/// What a `unit-dropped` note says of a cell's text.
pub(crate) fn unit_dropped(published: &str, unit: &str, number: &Number) -> String {
    format!(
        "单元格“{published}”中的计量单位“{unit}”不计入数值，按 {} 读取",
        number.value
    )
}

/// A `unit-dropped` note on a cell of a model file or a CSV of cells, which keeps
/// the number of a text such as `12件` (see [`xxgk_model::Cell::read`]).
pub(crate) fn unit_dropped_note(
    key: &CellKey,
    published: &str,
    read: &CellText,
    pos: Option<SourcePos>,
) -> Option<ImportNote> {
    let (Some(unit), Cell::Number(n)) = (read.count_unit, &read.cell) else {
        return None;
    };
    Some(ImportNote {
        code: NoteCode::UnitDropped,
        message: format!("{key}：{}", unit_dropped(published, unit, n)),
        pos,
        pointer: Some(key.json_pointer()),
    })
}

fn unreadable(published: String) -> CellRead {
    let words = published.chars().any(is_cjk);
    let note = Some((
        NoteCode::CellUnreadable,
        format!("单元格“{published}”不是数字，按原文保存为占位文字"),
    ));
    // Keep the text; the model refuses placeholder text that reads as a number, which
    // cannot happen here because such text was read as a number above.
    let cell = Cell::placeholder(published.clone()).unwrap_or(Cell::Placeholder(published));
    CellRead {
        cell,
        note,
        value_like: !words,
    }
}

enum Parsed {
    Number(Number, Option<&'static str>),
    Overflow,
}

/// `[+-]digits[,ddd]*[.digits]` with an optional unit suffix.
fn parse_amount(s: &str) -> Option<Parsed> {
    let (body, unit, dropped) = split_unit(s);
    let (neg, digits) = match body.chars().next()? {
        // Hyphen-minus, minus sign, small and hyphen forms, en dash: a PDF's or
        // a word processor's minus before the digits (`－2` is folded to `-2`).
        '-' | '−' | '﹣' | '‐' | '‑' | '–' => {
            (true, &body[body.chars().next()?.len_utf8()..])
        }
        '+' => (false, &body[1..]),
        _ => (false, body),
    };
    let plain = strip_grouping(digits)?;
    let text = if neg { format!("-{plain}") } else { plain };
    match Decimal::from_str_exact(&text) {
        Ok(value) => Some(Parsed::Number(Number { value, unit }, dropped)),
        Err(_) if Decimal::from_str(&text).is_err() => Some(Parsed::Overflow),
        Err(_) => Some(Parsed::Overflow),
    }
}

fn split_unit(s: &str) -> (&str, Option<MoneyUnit>, Option<&'static str>) {
    if let Some(b) = s.strip_suffix("万元") {
        return (b, Some(MoneyUnit::Wan), None);
    }
    if let Some(b) = s.strip_suffix('万') {
        return (b, Some(MoneyUnit::Wan), None);
    }
    if let Some(b) = s.strip_suffix('元') {
        return (b, Some(MoneyUnit::Yuan), None);
    }
    for u in COUNT_UNITS {
        if let Some(b) = s.strip_suffix(u) {
            return (b, None, Some(u));
        }
    }
    (s, None, None)
}

/// Digits with optional `,` thousands grouping and one decimal point, grouping
/// removed; `None` when the text is not such a number.
fn strip_grouping(s: &str) -> Option<String> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if int.is_empty()
        || frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let groups: Vec<&str> = int.split(',').collect();
    let first = groups.first()?;
    let ok = !first.is_empty()
        && first.bytes().all(|b| b.is_ascii_digit())
        && (groups.len() == 1
            || (first.len() <= 3
                && groups[1..]
                    .iter()
                    .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))));
    if !ok {
        return None;
    }
    let mut out: String = groups.concat();
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcuts answer as reading the cell does.
    fn same_as_read(t: &str) {
        let read = read_cell(t);
        assert_eq!(value_like(t), read.value_like, "{t:?}");
        assert_eq!(is_number(t), read.cell.number().is_some(), "{t:?}");
    }

    #[test]
    fn shortcuts_answer_as_reading_the_cell() {
        for t in [
            "",
            " ",
            "12",
            "1,234",
            "３４.５ 万",
            "12件",
            "无",
            " 暂无 ",
            "无数据",
            "不适用",
            "—/—",
            "n/a",
            "无&nbsp;",
            "&nbsp;12",
            "本年度共办理",
            "本年 度办理",
            "本年度办理。",
            "万元",
            "件件件件",
            "一二三四",
            "第1页",
            "12 34",
            "1 2 3",
            "（一）行政许可",
            "行政许可 128",
            "　无　",
            "１２３４５６７８９０１２３",
        ] {
            same_as_read(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn shortcuts_answer_as_reading_any_cell(
            t in "[0-9１２,.\\- 　无暂空数据不适用万元件个项条本年度办理/—na&;p()（）]{0,8}"
        ) {
            same_as_read(&t);
        }
    }

    fn text(s: &str) -> String {
        read_cell(s).cell.to_text()
    }

    #[test]
    fn minus_signs_of_every_writer_are_minus() {
        for minus in ["-2", "−2", "﹣2", "‐2", "‑2", "–2", "－2"] {
            assert_eq!(text(minus), "-2", "{minus}");
        }
        assert_eq!(read_cell("–").cell, Cell::Placeholder("–".into()));
    }

    #[test]
    fn numbers_as_agencies_print_them() {
        assert_eq!(text("1,234"), "1234");
        assert_eq!(text("１２"), "12");
        assert_eq!(text("34.5 万"), "34.5万元");
        assert_eq!(text("34.5万元"), "34.5万元");
        assert_eq!(text("251000元"), "251000元");
        assert_eq!(text("&nbsp;12&nbsp;"), "12");
        assert_eq!(text("\u{a0}7 "), "7");
        assert_eq!(text("96171.60"), "96171.60");
        assert_eq!(text("-3"), "-3");
        assert_eq!(text("－3"), "-3");
        assert_eq!(text("75394432.52元"), "75394432.52元");
        assert!(read_cell("12").note.is_none());
    }

    #[test]
    fn blanks_and_placeholders_are_kept() {
        assert_eq!(read_cell("").cell, Cell::Blank);
        assert_eq!(read_cell(" \u{3000}").cell, Cell::Blank);
        for p in ["/", "—", "-", "无", "——", "／"] {
            let r = read_cell(p);
            assert_eq!(r.cell, Cell::Placeholder(p.into()), "{p}");
            assert!(r.note.is_none());
            assert!(r.value_like);
        }
    }

    #[test]
    fn unreadable_text_becomes_a_noted_placeholder() {
        let r = read_cell("1.2.3");
        assert_eq!(r.cell, Cell::Placeholder("1.2.3".into()));
        assert_eq!(r.note.unwrap().0, NoteCode::CellUnreadable);
        assert!(r.value_like);
        let r = read_cell("12 34");
        assert_eq!(r.note.unwrap().0, NoteCode::CellUnreadable);
        let r = read_cell("1,23");
        assert_eq!(r.note.unwrap().0, NoteCode::CellUnreadable);
        let label = read_cell("属于国家秘密");
        assert!(!label.value_like);
    }

    #[test]
    fn count_units_are_dropped_with_a_note_and_overflow_is_noted() {
        let r = read_cell("12件");
        assert_eq!(r.cell, Cell::int(12));
        assert_eq!(r.note.unwrap().0, NoteCode::UnitDropped);
        let r = read_cell("123456789012345678901234567890123");
        assert_eq!(r.cell, Cell::Blank);
        assert_eq!(r.note.unwrap().0, NoteCode::NumberOverflow);
    }
}
