//! What in a sentence says a statement's scope may not be the table's: a part of
//! the body as subject, a whole area in a department's report, a part of the
//! year, another unit, cases not said to concern disclosure, a stock stated
//! through an action.

use xxgk_model::{BodyKind, SectionId};

use super::extract::Place;
use super::lexicon::{ACTIONS, AREAS, PARTS, TIMES, WHOLE_YEAR, any};
use super::number::{Figure, Unit};
use super::{DocMeasure, Scope, Target};
use crate::narrative::{CLAUSE_ENDS, pieces};

/// Why a figure's scope may differ from the table's, from the words of its
/// sentence before it.
pub(super) fn scope_of(
    cx: &Place<'_>,
    sentence: &str,
    lead: &str,
    prefix: &str,
    figure: &Figure,
    target: Target,
) -> Option<Scope> {
    let agency = cx.report.meta.agency.as_str();
    if let Some(w) = part_word(prefix, agency) {
        return Some(Scope::Part(phrase_around(prefix, w)));
    }
    if cx.report.meta.kind == BodyKind::Department
        && let Some(w) = any(prefix, AREAS)
    {
        return Some(Scope::Area(w.to_owned()));
    }
    if let Some(w) = time_words(prefix) {
        return Some(Scope::Time(w));
    }
    let in_pieces = matches!(target, Target::Applications { .. } | Target::Reviews { .. });
    if in_pieces && figure.unit != Unit::Piece {
        return Some(Scope::Unit(figure.unit_text.clone()));
    }
    if unqualified_review(cx, sentence, target) {
        return Some(Scope::Category);
    }
    if let Target::Documents {
        measure: DocMeasure::Valid,
        ..
    } = target
        && let Some(w) = any(lead, ACTIONS)
    {
        return Some(Scope::Action(w.to_owned()));
    }
    None
}

/// Verbs a part of the body does when it is the statement's subject
/// (`区政府办代表区政府受理`, `局办公室未收到`).
const PART_VERBS: &[&str] = &[
    "代表", "受理", "收到", "办理", "答复", "办结", "新收", "接收", "制发", "制定", "出台", "发布",
    "公开", "公布", "作出", "共", "未", "暂无", "无",
];

/// Characters after a part of the body within which its verb comes.
const PART_REACH: usize = 12;

/// A word naming a part of the body that is the subject of a statement in
/// `prefix` (`省政府办公厅相关工作要求` names another body's office, not a subject).
fn part_word(prefix: &str, agency: &str) -> Option<&'static str> {
    for clause in pieces(prefix, CLAUSE_ENDS).into_iter().map(|r| &prefix[r]) {
        for w in PARTS {
            if agency.contains(w) {
                continue;
            }
            for (at, _) in clause.match_indices(w) {
                let after: String = clause[at + w.len()..].chars().take(PART_REACH).collect();
                if *w == "代表" || PART_VERBS.iter().any(|v| after.contains(v)) {
                    return Some(w);
                }
            }
        }
    }
    None
}

/// The words that name a part of the body, up to the verb they govern
/// (`区政府办代表区政府`).
fn phrase_around(prefix: &str, word: &str) -> String {
    let Some(clause) = pieces(prefix, CLAUSE_ENDS)
        .into_iter()
        .rev()
        .map(|r| &prefix[r])
        .find(|c| c.contains(word))
    else {
        return word.to_owned();
    };
    let at = clause.find(word).unwrap_or(0);
    // After a year that opens the clause (`2023年全区…`).
    let start = clause[..at].rfind('年').map_or(0, |i| i + '年'.len_utf8());
    let after = at + word.len();
    let end = [
        "受理", "收到", "办理", "答复", "办结", "共", "未", "暂无", "无",
    ]
    .iter()
    .filter_map(|v| clause[after..].find(v).map(|i| after + i))
    .min()
    .unwrap_or(clause.len());
    let phrase = clause[start..end].trim();
    if phrase.chars().count() > 16 {
        word.to_owned()
    } else {
        phrase.to_owned()
    }
}

/// Words naming a part of the year (or several years) in the words before a figure.
fn time_words(prefix: &str) -> Option<String> {
    if let Some(w) = any(prefix, TIMES) {
        if w != "累计" || any(prefix, WHOLE_YEAR).is_none() {
            return Some(w.to_owned());
        }
    }
    // A month that is not the year's first day or last.
    let chars: Vec<char> = prefix.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != '月' {
            continue;
        }
        let digits: String = chars[..i]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let Ok(month) = digits.parse::<u32>() else {
            continue;
        };
        let after: String = chars[i + 1..].iter().take(3).collect();
        let bound = (month == 1 && (after.starts_with("1日") || after.starts_with("1 日")))
            || (month == 12
                && (after.starts_with("31") || after.starts_with('底') || after.starts_with('末')));
        if (1..=12).contains(&month) && !bound {
            return Some(format!("{month}月"));
        }
    }
    None
}

/// The scope of a denial: the words before it in its sentence.
pub(super) fn denial_scope(
    cx: &Place<'_>,
    sentence: &str,
    prefix: &str,
    target: Target,
) -> Option<Scope> {
    let agency = cx.report.meta.agency.as_str();
    if let Some(w) = part_word(prefix, agency) {
        return Some(Scope::Part(phrase_around(prefix, w)));
    }
    if let Some(w) = time_words(prefix) {
        return Some(Scope::Time(w));
    }
    if unqualified_review(cx, sentence, target) {
        return Some(Scope::Category);
    }
    None
}

/// Whether a statement about table 四 does not say its cases concern information
/// disclosure (in its sentence, the heading it is under, or by being in section 四).
fn unqualified_review(cx: &Place<'_>, sentence: &str, target: Target) -> bool {
    let qualified = |t: &str| t.contains("信息公开") || t.contains("依申请");
    matches!(target, Target::Reviews { .. })
        && !(cx.section == SectionId::Reviews
            || qualified(sentence)
            || cx.passage.under.is_some_and(qualified))
}
