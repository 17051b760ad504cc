//! Denials: `暂未制定规范性文件`, `未收到政府信息公开申请`, `无行政复议、行政诉讼`
//! — claims of 0 about a table quantity, without a figure.

use super::lexicon::{
    DENIAL_GAPS, DENIAL_VERBS, DENIALS, DENIALS_NEEDING_VERB, DOC_MEASURES, HEADS, Head,
    NOT_APPLICATION_AFTER,
};
use super::place::{Place, Text, about_the_year};
use super::scope::denial_scope;
use super::{Claim, DocMeasure, Measure, Party, Result4, Stated, Target};
use crate::narrative::quote;

/// Characters of the clause quoted.
const QUOTE_CHARS: usize = 40;

/// The first characters of the denials (a clause without one has none).
pub(super) const DENIAL_STARTS: [char; 8] = ['未', '没', '暂', '尚', '并', '均', '无', '从'];

/// Words that join the nouns one denial covers (`无行政复议、行政诉讼`).
const JOINTS: &[&str] = &["、", "和", "及", "或", "以及", "与"];

/// One denial in a clause, as byte offsets in it.
struct Denial {
    start: usize,
    /// The words between the denial and its noun (`制定`, `各类`).
    gaps: Vec<&'static str>,
    /// The nouns it covers: (offset, word, head).
    nouns: Vec<(usize, &'static str, Head)>,
}

/// The nouns a denial can be about.
pub(super) fn nouns() -> Vec<(&'static str, Head)> {
    HEADS
        .iter()
        .copied()
        .filter(|(_, h)| {
            matches!(
                h,
                Head::Applications | Head::BareApplications | Head::Block(_) | Head::Documents(_)
            )
        })
        .collect()
}

fn longest<T: Copy>(rest: &str, words: &[(&'static str, T)]) -> Option<(&'static str, T)> {
    words
        .iter()
        .filter(|(w, _)| rest.starts_with(w))
        .max_by_key(|(w, _)| w.len())
        .copied()
}

fn longest_word(rest: &str, words: &[&'static str]) -> Option<&'static str> {
    words
        .iter()
        .filter(|w| rest.starts_with(**w))
        .max_by_key(|w| w.len())
        .copied()
}

/// The denial starting at `at` in `text`, if the words after it reach a noun
/// through allowed words only.
fn denial_at(text: &str, at: usize, nouns: &[(&'static str, Head)]) -> Option<Denial> {
    let denial = longest_word(&text[at..], DENIALS)?;
    let mut p = at + denial.len();
    let mut gaps = Vec::new();
    let (word, head) = loop {
        let rest = &text[p..];
        if let Some(noun) = longest(rest, nouns) {
            break noun;
        }
        let gap = longest_word(rest, DENIAL_GAPS)?;
        gaps.push(gap);
        p += gap.len();
    };
    if DENIALS_NEEDING_VERB.contains(&denial) && !gaps.iter().any(|g| DENIAL_VERBS.contains(g)) {
        return None;
    }
    let mut found = vec![(p, word, head)];
    let mut q = p + word.len();
    while let Some(joint) = JOINTS.iter().find(|j| text[q..].starts_with(**j)) {
        let Some((w, h)) = longest(&text[q + joint.len()..], nouns) else {
            break;
        };
        found.push((q + joint.len(), w, h));
        q += joint.len() + w.len();
    }
    Some(Denial {
        start: at,
        gaps,
        nouns: found,
    })
}

/// The target a denied noun stands for.
fn target(
    cx: &Place<'_>,
    text: &str,
    gaps: &[&str],
    (at, word, head): (usize, &str, Head),
) -> Option<Target> {
    let after = &text[at + word.len()..];
    Some(match head {
        Head::Applications | Head::BareApplications => {
            if NOT_APPLICATION_AFTER.iter().any(|w| after.starts_with(w))
                || (head == Head::BareApplications && !cx.about_applications)
            {
                return None;
            }
            Target::Applications {
                measure: Measure::Received,
                party: Party::Total,
            }
        }
        Head::Block(block) => Target::Reviews {
            block,
            result: Result4::Total,
        },
        Head::Documents(kind) => {
            let measure = gaps
                .iter()
                .find_map(|g| DOC_MEASURES.iter().find(|(w, _)| w == g).map(|(_, m)| *m))
                .unwrap_or(DocMeasure::Any);
            Target::Documents { kind, measure }
        }
        _ => return None,
    })
}

/// The denials of one clause (`clause`, a byte range of `sentence`, which starts
/// at `offset` in its passage).
pub(super) fn read_denials(
    cx: &Place<'_>,
    t: &Text<'_>,
    clause: std::ops::Range<usize>,
    out: &mut Vec<Claim>,
) {
    let (sentence, offset) = (t.sentence, t.offset);
    let text = &sentence[clause.clone()];
    let nouns = &cx.denial_nouns;
    let mut at = 0;
    while at < text.len() {
        let starts = text[at..]
            .chars()
            .next()
            .is_some_and(|c| DENIAL_STARTS.contains(&c));
        let Some(denial) = starts.then(|| denial_at(text, at, nouns)).flatten() else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let before = clause.start + denial.start;
        let last = denial.nouns.last().map_or(at + 1, |(p, w, _)| p + w.len());
        at = last.max(at + 1);
        if !about_the_year(cx, t, before, &text[..denial.start]) {
            continue;
        }
        for &(p, word, head) in &denial.nouns {
            let Some(target) = target(cx, text, &denial.gaps, (p, word, head)) else {
                continue;
            };
            let end = p + word.len();
            out.push(Claim {
                section: cx.section,
                pointer: cx.passage.pointer.clone(),
                span: cx.span(
                    offset + clause.start + denial.start,
                    offset + clause.start + end,
                ),
                quote: quote(text, QUOTE_CHARS),
                stated: Stated::Nothing(text[denial.start..end].to_owned()),
                target,
                scope: denial_scope(&cx.around(), t.markers(cx), sentence, before, target),
                share: None,
                bases: Vec::new(),
            });
        }
    }
}
