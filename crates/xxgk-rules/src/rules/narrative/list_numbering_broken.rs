//! N008 list-numbering-broken: a list whose numbers repeat, skip or go back:
//! `一是…三是…三是` within the text, `（一）（二）（二）` or `1. 2. 2.` at the start of
//! paragraphs.

use xxgk_model::{Pointer, Report, SectionId};

use crate::claims::number::chinese_value;
use crate::context::Context;
use crate::narrative::{Passage, char_at, passages};
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "N008",
    name: "list-numbering-broken",
    severity: Severity::Info,
    summary: "正文列举的序号重复、跳号或倒序（如“一是……三是……三是”）",
    explanation: include_str!("list_numbering_broken.md"),
    check,
};

/// A kind of numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// 一是, 二是 within the text.
    Inline,
    /// （一） at the start of a paragraph.
    ParenChinese,
    /// 一、
    Chinese,
    /// （1） or (1)
    ParenArabic,
    /// 1. 1、 1．
    Arabic,
}

/// One number of a list, where it is.
#[derive(Debug, Clone)]
struct Mark {
    n: u32,
    text: String,
    pointer: Pointer,
    /// Characters in the paragraph.
    span: (usize, usize),
}

/// The list being read of one kind.
#[derive(Debug)]
struct List {
    kind: Kind,
    marks: Vec<Mark>,
    broken: bool,
}

impl List {
    fn new(kind: Kind, mark: Mark) -> List {
        List {
            kind,
            marks: vec![mark],
            broken: false,
        }
    }

    /// Takes the next number: a restart at 1 ends the list (returned when broken).
    fn take(&mut self, mark: Mark) -> Option<List> {
        let last = self.marks.last().map_or(0, |m| m.n);
        if mark.n == 1 {
            let done = std::mem::replace(self, List::new(self.kind, mark));
            return done.broken.then_some(done);
        }
        if mark.n != last + 1 {
            self.broken = true;
        }
        self.marks.push(mark);
        None
    }
}

fn chinese_number(s: &str) -> Option<u32> {
    chinese_value(s)
        .and_then(|v| u32::try_from(v).ok())
        .filter(|v| (1..=30).contains(v))
}

/// The number a paragraph opens with, and its kind.
fn leading(text: &str) -> Option<(Kind, u32, usize)> {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    let digits = |s: &str| -> (String, usize) {
        let d: String = s.chars().take_while(char::is_ascii_digit).collect();
        let n = d.len();
        (d, n)
    };
    for (open, close) in [("（", "）"), ("(", ")")] {
        if let Some(rest) = t.strip_prefix(open)
            && let Some(end) = rest.find(close)
        {
            let inner = &rest[..end];
            let width = lead + open.len() + end + close.len();
            if let Some(n) = chinese_number(inner) {
                return Some((Kind::ParenChinese, n, width));
            }
            if let Ok(n) = inner.parse::<u32>()
                && (1..=50).contains(&n)
            {
                return Some((Kind::ParenArabic, n, width));
            }
            return None;
        }
    }
    let numeral: String = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .collect();
    if !numeral.is_empty()
        && t[numeral.len()..].starts_with('、')
        && let Some(n) = chinese_number(&numeral)
    {
        return Some((Kind::Chinese, n, lead + numeral.len() + '、'.len_utf8()));
    }
    let (d, len) = digits(t);
    if len > 0 && len <= 2 {
        let rest = &t[len..];
        let sep = ['.', '．', '、']
            .into_iter()
            .find(|c| rest.starts_with(*c))?;
        // 1.2万 is a number, not a list.
        if rest[sep.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let n: u32 = d.parse().ok()?;
        return Some((Kind::Arabic, n, lead + len + sep.len_utf8()));
    }
    None
}

/// `一是`, `二是` … within a text, at the start of a clause: (number, byte range).
fn inline(text: &str) -> Vec<(u32, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('是') {
        let before = &text[..at];
        let numeral: String = before
            .chars()
            .rev()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if numeral.is_empty() || numeral.chars().count() > 2 {
            continue;
        }
        let start = at - numeral.len();
        let boundary = text[..start].chars().next_back().is_none_or(|c| {
            matches!(
                c,
                '，' | ',' | '。' | '；' | ';' | '：' | ':' | '、' | '）' | ')' | ' '
            )
        });
        if !boundary {
            continue;
        }
        if let Some(n) = chinese_number(&numeral) {
            out.push((n, start..at + '是'.len_utf8()));
        }
    }
    out
}

fn mark(passage: &Passage<'_>, n: u32, range: std::ops::Range<usize>) -> Mark {
    Mark {
        n,
        text: passage.text[range.clone()].to_owned(),
        pointer: passage.pointer.clone(),
        span: (
            char_at(passage.text, range.start),
            char_at(passage.text, range.end),
        ),
    }
}

fn check(report: &Report, cx: &mut Context<'_>) {
    for id in SectionId::ALL {
        let mut broken: Vec<List> = Vec::new();
        // Paragraph numbering, outermost first; inline 一是 lists.
        let mut stack: Vec<List> = Vec::new();
        let mut inline_list: Option<List> = None;
        let finish = |list: Option<List>, broken: &mut Vec<List>| {
            if let Some(l) = list.filter(|l| l.broken) {
                broken.push(l);
            }
        };
        for passage in passages(report, id) {
            match leading(passage.text) {
                Some((kind, n, width)) => {
                    let m = mark(
                        &passage,
                        n,
                        passage.text.len() - passage.text.trim_start().len()..width,
                    );
                    if let Some(i) = stack.iter().position(|l| l.kind == kind) {
                        for inner in stack.drain(i + 1..) {
                            finish(Some(inner), &mut broken);
                        }
                        if let Some(done) = stack[i].take(m) {
                            broken.push(done);
                        }
                    } else {
                        stack.push(List::new(kind, m));
                    }
                    // A numbered paragraph starts its own 一是 list.
                    finish(inline_list.take(), &mut broken);
                }
                None if passage.heading => {
                    for l in stack.drain(..) {
                        finish(Some(l), &mut broken);
                    }
                    finish(inline_list.take(), &mut broken);
                }
                None => {}
            }
            for (n, range) in inline(passage.text) {
                let m = mark(&passage, n, range);
                match inline_list.as_mut() {
                    Some(list) => {
                        if let Some(done) = list.take(m) {
                            broken.push(done);
                        }
                    }
                    None => inline_list = Some(List::new(Kind::Inline, m)),
                }
            }
        }
        for l in stack {
            finish(Some(l), &mut broken);
        }
        finish(inline_list, &mut broken);
        for list in broken {
            report_list(cx, id, &list);
        }
    }
}

fn report_list(cx: &mut Context<'_>, id: SectionId, list: &List) {
    let Some(first_slip) = list
        .marks
        .windows(2)
        .find(|w| w[1].n != w[0].n + 1)
        .map(|w| &w[1])
    else {
        return;
    };
    let sequence: Vec<&str> = list.marks.iter().map(|m| m.text.trim()).collect();
    let what = match list.kind {
        Kind::Inline => "列举",
        _ => "段落",
    };
    cx.report(
        Location::text(
            first_slip.pointer.clone(),
            first_slip.span.0,
            first_slip.span.1,
        ),
        format!(
            "第{}部分{what}的序号为“{}”，有重复、跳号或倒序",
            id.numeral(),
            sequence.join("、")
        ),
    )
    .help("按顺序编号（一是、二是、三是……；（一）（二）（三）……），删去或补上漏编、重编的序号。");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_numbers_of_each_kind() {
        assert_eq!(
            leading("（一）主动公开情况").map(|l| (l.0, l.1)),
            Some((Kind::ParenChinese, 1))
        );
        assert_eq!(
            leading("二、重视政民互动").map(|l| (l.0, l.1)),
            Some((Kind::Chinese, 2))
        );
        assert_eq!(
            leading("(3)推进").map(|l| (l.0, l.1)),
            Some((Kind::ParenArabic, 3))
        );
        assert_eq!(
            leading("2.把握工作重点").map(|l| (l.0, l.1)),
            Some((Kind::Arabic, 2))
        );
        assert_eq!(leading("1.2万条信息"), None);
        assert_eq!(leading("2023年，我局"), None);
        assert_eq!(leading("（注：略）"), None);
    }

    #[test]
    fn inline_numbers_at_clause_starts() {
        let n: Vec<u32> = inline("一是加强领导；二是统一是关键，其中之一是；三是完善")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(n, [1, 2, 3]);
    }
}
