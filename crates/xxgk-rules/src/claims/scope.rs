//! What in a sentence says a statement's scope may not be the table's: a part of
//! the body as subject, a whole area in a department's report, a part of the
//! year, another unit, cases not said to concern disclosure, a stock stated
//! through an action.
//!
//! The words of the first three are found once per sentence ([`Markers`]), with
//! where they are; a statement takes those before it.

use xxgk_model::SectionId;

use super::lexicon::{ACTIONS, AREAS, Finder, PARTS, TIMES, WHOLE_YEAR, any};
use super::number::{Figure, Unit};
use super::{DocMeasure, Scope, Target};
use crate::narrative::CLAUSE_ENDS;

/// Verbs a part of the body does when it is the statement's subject
/// (`县政府办代表县政府受理`, `局办公室未收到`).
const PART_VERBS: &[&str] = &[
    "代表", "受理", "收到", "办理", "答复", "办结", "新收", "接收", "制发", "制定", "出台", "发布",
    "公开", "公布", "作出", "共", "未", "暂无", "无",
];

/// Characters after a part of the body within which its verb comes.
const PART_REACH: usize = 12;

/// A phrase naming a part of the body longer than this is shown as its word alone.
const PHRASE_CHARS: usize = 16;

/// Where a sentence stands, as far as its scope words are concerned: the kind of
/// body, the words that name another scope, the section and the sub-heading the
/// passage is under.
pub(super) struct Around<'a> {
    /// The report is a department's (whole areas then name another scope).
    pub(super) department: bool,
    /// The words that name another scope ([`Markers::words`]).
    pub(super) markers: &'a Finder<'static, Kind>,
    /// The section of the passage.
    pub(super) section: SectionId,
    /// The sub-heading the passage is under, if any.
    pub(super) under: Option<&'a str>,
}

/// The words of a sentence that name another scope, found once.
#[derive(Debug, Default)]
pub(super) struct Markers {
    /// Parts of the body as subjects: (byte offset, phrase).
    parts: Vec<(usize, String)>,
    /// Whole areas (in a department's report): (byte offset, word).
    areas: Vec<(usize, &'static str)>,
    /// Parts of the year: (byte offset, words); `累计` is one unless the year is
    /// named before the statement.
    times: Vec<(usize, String)>,
    /// Where a word first puts the sentence in the whole year (`全年`).
    whole_year: Option<usize>,
}

impl Markers {
    /// The markers of `sentence`.
    /// The words markers are made of, for a body with this name.
    pub(super) fn words(agency: &str) -> Finder<'static, Kind> {
        Finder::new(
            PARTS
                .iter()
                .filter(|w| !agency.contains(**w))
                .map(|w| (*w, Kind::Part))
                .chain(AREAS.iter().map(|w| (*w, Kind::Area)))
                .chain(TIMES.iter().map(|w| (*w, Kind::Time)))
                .chain(WHOLE_YEAR.iter().map(|w| (*w, Kind::WholeYear)))
                .collect(),
        )
    }

    /// The markers of `sentence`, found with [`Markers::words`].
    pub(super) fn new(cx: &Around<'_>, sentence: &str) -> Markers {
        let department = cx.department;
        let mut m = Markers::default();
        for (at, w, kind) in cx.markers.occurrences(sentence) {
            match kind {
                Kind::Part => {
                    let clause = clause_around(sentence, at);
                    let after: String = sentence[at + w.len()..clause.end]
                        .chars()
                        .take(PART_REACH)
                        .collect();
                    if w == "代表" || PART_VERBS.iter().any(|v| after.contains(v)) {
                        let phrase = phrase_around(&sentence[clause.clone()], at - clause.start, w);
                        m.parts.push((at, phrase));
                    }
                }
                Kind::Area if department => m.areas.push((at, w)),
                Kind::Area => {}
                Kind::Time => m.times.push((at, w.to_owned())),
                Kind::WholeYear => {
                    m.whole_year.get_or_insert(at);
                }
            }
        }
        m.times.extend(months(sentence));
        m
    }

    /// The part of the body, area (with `areas`) or time named before byte
    /// offset `at`.
    fn before(&self, at: usize, areas: bool) -> Option<Scope> {
        let first = |v: &[(usize, String)]| {
            v.iter()
                .filter(|(p, _)| *p < at)
                .min_by_key(|(p, _)| *p)
                .map(|(_, w)| w.clone())
        };
        if let Some(p) = first(&self.parts) {
            return Some(Scope::Part(p));
        }
        if let Some((_, w)) = self
            .areas
            .iter()
            .filter(|(p, _)| areas && *p < at)
            .min_by_key(|(p, _)| *p)
        {
            return Some(Scope::Area((*w).to_owned()));
        }
        let whole_year_named = self.whole_year.is_some_and(|p| p < at);
        self.times
            .iter()
            .filter(|(p, w)| *p < at && !(w == "累计" && whole_year_named))
            .min_by_key(|(p, _)| *p)
            .map(|(_, w)| Scope::Time(w.clone()))
    }
}

/// What a marker word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Part,
    Area,
    Time,
    WholeYear,
}

/// The byte range of the clause of `sentence` around byte offset `at`.
fn clause_around(sentence: &str, at: usize) -> std::ops::Range<usize> {
    let start = sentence[..at].rfind(CLAUSE_ENDS).map_or(0, |i| {
        i + sentence[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = sentence[at..]
        .find(CLAUSE_ENDS)
        .map_or(sentence.len(), |i| at + i);
    start..end
}

/// Why a figure's scope may differ from the table's, from the words of its
/// sentence before it.
pub(super) fn scope_of(
    cx: &Around<'_>,
    markers: &Markers,
    sentence: &str,
    lead: &str,
    figure: &Figure,
    target: Target,
) -> Option<Scope> {
    if let Some(scope) = markers.before(figure.start, true) {
        return Some(scope);
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
        && let Some(w) = nearest(lead, ACTIONS)
    {
        return Some(Scope::Action(w.to_owned()));
    }
    // 公示行政处罚决定: what was published, not necessarily what was decided.
    if let Target::Decisions(_) = target
        && let Some(w) = any(lead, PUBLISHING)
    {
        return Some(Scope::Action(w.to_owned()));
    }
    None
}

/// The word of `words` whose last occurrence in `text` ends last, the longest on
/// a tie (`集中发布`, not `清理`, in `清理并集中发布现行有效…`).
fn nearest<'w>(text: &str, words: &[&'w str]) -> Option<&'w str> {
    words
        .iter()
        .filter_map(|w| text.rfind(w).map(|at| (at + w.len(), w.len(), *w)))
        .max()
        .map(|(_, _, w)| w)
}

/// Verbs that make a count of decisions a count of publishing them.
const PUBLISHING: &[&str] = &["公示", "公开", "发布", "推送", "归集", "上传", "公布"];

/// The scope of a denial at byte offset `at` of its sentence.
pub(super) fn denial_scope(
    cx: &Around<'_>,
    markers: &Markers,
    sentence: &str,
    at: usize,
    target: Target,
) -> Option<Scope> {
    if let Some(scope) = markers.before(at, false) {
        return Some(scope);
    }
    unqualified_review(cx, sentence, target).then_some(Scope::Category)
}

/// The words that name a part of the body at byte `at` of its clause, up to the
/// verb they govern (`县政府办代表县政府`).
fn phrase_around(clause: &str, at: usize, word: &str) -> String {
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
    if phrase.chars().count() > PHRASE_CHARS {
        word.to_owned()
    } else {
        phrase.to_owned()
    }
}

/// Months named in a sentence that are not the year's first day or last
/// (`4月`, not `1月1日` or `12月31日`), with their byte offsets.
fn months(sentence: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (at, _) in sentence.match_indices('月') {
        let before = &sentence[..at];
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let Ok(month) = before[at - digits..].parse::<u32>() else {
            continue;
        };
        let after = &sentence[at + '月'.len_utf8()..];
        let bound = (month == 1 && (after.starts_with("1日") || after.starts_with("1 日")))
            || (month == 12
                && (after.starts_with("31") || after.starts_with('底') || after.starts_with('末')));
        if (1..=12).contains(&month) && !bound {
            out.push((at - digits, format!("{month}月")));
        }
    }
    out
}

/// Whether a statement about table 四 does not say its cases concern information
/// disclosure (in its sentence, the heading it is under, or by being in section 四).
fn unqualified_review(cx: &Around<'_>, sentence: &str, target: Target) -> bool {
    let qualified = |t: &str| t.contains("信息公开") || t.contains("依申请");
    matches!(target, Target::Reviews { .. })
        && !(cx.section == SectionId::Reviews
            || qualified(sentence)
            || cx.under.is_some_and(qualified))
}
