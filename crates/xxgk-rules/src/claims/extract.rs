//! Walks the sentences of every passage and reads their claims: figures whose
//! words name a table quantity, and denials (`暂无…规范性文件`).

use std::ops::Range;

use rust_decimal::Decimal;
use xxgk_model::{Report, SectionId};

use super::denial::{self, DENIAL_STARTS, read_denials};
use super::lexicon::{
    CARRY, CHANNELS, DOC_MEASURES, FILLERS, HEADS, Head, MEASURES, NEXT_YEAR, NOUNS, SHARE_LEADS,
    TOTALS, any, last, suffix,
};
use super::number::{self, Figure, Unit};
use super::place::{Place, Text, about_the_year, last_clause};
use super::scope::{Markers, scope_of};
use super::{Block, Claim, DocMeasure, Measure, Party, Result4, Share, Stated, Target};
use crate::narrative::{CharIndex, SENTENCE_ENDS, all_passages, pieces, quote_around};

/// Characters quoted around a statement.
const QUOTE_CHARS: usize = 40;

/// Every claim of the report's narrative, in the order of the text.
pub(crate) fn claims(report: &Report, year: Option<i32>) -> Vec<Claim> {
    let mut out = Vec::new();
    let markers = Markers::words(&report.meta.agency);
    let denial_nouns = denial::nouns();
    for (id, passage) in all_passages(report) {
        if passage.heading {
            continue;
        }
        let chars = CharIndex::new(passage.text);
        let cx = Place {
            report,
            year,
            section: id,
            passage: &passage,
            chars: &chars,
            markers: &markers,
            denial_nouns: &denial_nouns,
            about_applications: id == SectionId::Applications
                || mentions_applications(passage.text)
                || passage.under.is_some_and(mentions_applications),
        };
        for range in pieces(passage.text, SENTENCE_ENDS) {
            let sentence = &passage.text[range.clone()];
            let text = Text::new(sentence, range.start);
            read_sentence(&cx, &text, &mut out);
        }
    }
    out
}

fn mentions_applications(text: &str) -> bool {
    ["依申请", "公开申请", "申请公开"]
        .iter()
        .any(|w| text.contains(w))
}

/// What a sentence has said so far.
#[derive(Default)]
struct Sentence {
    /// The subject set by the last claim with a noun: later verbs, columns and
    /// results belong to it.
    frame: Option<Frame>,
    /// The last claim read from this sentence (a percentage attaches to it).
    last: Option<usize>,
    /// The counts of applications the sentence states (bases of percentages).
    bases: Vec<Decimal>,
    /// The column of table 二 the last document claim was about.
    doc_measure: Option<DocMeasure>,
}

#[derive(Debug, Clone, Copy)]
enum Frame {
    Applications(Measure),
    Reviews(Block),
}

fn read_sentence(cx: &Place<'_>, t: &Text<'_>, out: &mut Vec<Claim>) {
    let (sentence, offset) = (t.sentence, t.offset);
    let mut figures: Vec<Figure> = number::figures(sentence);
    figures.extend(number::written_percentages(sentence));
    figures.sort_by_key(|f| f.start);
    figures.retain(|f| !f.titled);
    let mut state = Sentence::default();
    let mut prev_end = 0;
    for (k, figure) in figures.iter().enumerate() {
        if figure.start < prev_end {
            continue;
        }
        let next = figures
            .get(k + 1)
            .map_or(sentence.len(), |f| f.start.max(figure.end));
        let at = At {
            sentence,
            lead: &sentence[prev_end..figure.start],
            tail: clause_head(&sentence[figure.end..next]),
            prefix: recent(&sentence[..figure.start]),
        };
        prev_end = figure.end;
        if figure.unit == Unit::Percent {
            attach_share(cx, t, figure, at.lead, &state, out);
            continue;
        }
        // Most figures name no table quantity: that is found first, and cheaply.
        let Some(target) = target_of(cx, &at, figure, &mut state) else {
            continue;
        };
        if !about_the_year(cx, t, figure.start, at.lead) {
            continue;
        }
        let scope = scope_of(
            &cx.around(),
            t.markers(cx),
            sentence,
            at.lead,
            figure,
            target,
        );
        if let Target::Applications {
            measure:
                Measure::Received | Measure::Handled | Measure::Processed | Measure::Unspecified,
            party: Party::Total,
        } = target
        {
            state.bases.push(figure.value);
        }
        let text = figure.text(sentence).to_owned();
        out.push(Claim {
            section: cx.section,
            pointer: cx.passage.pointer.clone(),
            span: cx.span(offset + figure.start, offset + figure.end),
            quote: quote_in(t, figure.start..figure.end),
            stated: Stated::Figure(figure.clone(), text),
            target,
            scope,
            share: None,
            bases: Vec::new(),
        });
        state.last = Some(out.len() - 1);
    }
    if sentence.contains(DENIAL_STARTS) {
        for range in t.clauses() {
            read_denials(cx, t, range.clone(), out);
        }
    }
}

/// Characters of a sentence before a figure looked at for its frame: the subject
/// of a statement is near it, and a bound keeps long sentences linear.
const RECENT: usize = 240;

/// The last [`RECENT`] bytes of `text` (at a character boundary).
fn recent(text: &str) -> &str {
    let mut start = text.len().saturating_sub(RECENT);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// The quotation of a sentence around a statement: the clause it is in, with the
/// clause before when the statement's own opens with little more than it
/// (`答复120件`).
fn quote_in(t: &Text<'_>, at: Range<usize>) -> String {
    let (sentence, clauses) = (t.sentence, t.clauses());
    let Some(i) = clauses
        .iter()
        .position(|r| r.start <= at.start && at.end <= r.end)
    else {
        return quote_around(sentence, at, QUOTE_CHARS);
    };
    let mut start = clauses[i].start;
    if sentence[start..at.start].chars().count() < SHORT_LEAD
        && let Some(before) = i.checked_sub(1).map(|j| &clauses[j])
    {
        start = before.start;
    }
    let end = clauses[i].end;
    let part = &sentence[start..end];
    quote_around(part, at.start - start..at.end - start, QUOTE_CHARS)
}

/// A clause whose words before the figure are fewer than this is quoted with the
/// clause before it.
const SHORT_LEAD: usize = 6;

/// The words after a figure up to the end of its clause.
fn clause_head(text: &str) -> &str {
    let end = text
        .find(['，', ',', '；', ';', '。', '）', ')'])
        .unwrap_or(text.len());
    &text[..end]
}

/// The words before a figure without trailing space and filler (`共计`, `为`).
fn strip_fillers(mut text: &str) -> &str {
    loop {
        let trimmed = text.trim_end();
        let next = FILLERS
            .iter()
            .filter(|f| trimmed.ends_with(**f))
            .max_by_key(|f| f.len())
            .map_or(trimmed, |f| &trimmed[..trimmed.len() - f.len()]);
        if next.len() == text.len() {
            return text;
        }
        text = next;
    }
}

fn carried_out(text: &str) -> bool {
    any(text, NEXT_YEAR).is_some() && any(text, CARRY).is_some()
}

/// The count of table 三 a noun of applications stands for, from the verbs before
/// it (and after it, for 顺延到下年度).
fn application_measure(lead: &str, tail: &str) -> Measure {
    if carried_out(lead) || carried_out(tail) {
        return Measure::CarriedOut;
    }
    last(lead, MEASURES).map_or(Measure::Unspecified, |(_, _, m)| m)
}

/// The subject of the sentence when a verb, column or result stands alone: the
/// frame, or the last noun of table 三 or 四 before it.
fn frame_of(state: &Sentence, prefix: &str) -> Option<Frame> {
    if state.frame.is_some() {
        return state.frame;
    }
    let (at, _, head) = last(prefix, NOUNS)?;
    match head {
        Head::Applications => Some(Frame::Applications(
            last(&prefix[..at], MEASURES).map_or(Measure::Unspecified, |(_, _, m)| m),
        )),
        Head::Block(b) => Some(Frame::Reviews(b)),
        _ => None,
    }
}

/// The words around a figure in its sentence.
struct At<'s> {
    sentence: &'s str,
    /// Since the previous figure.
    lead: &'s str,
    /// After it, to the end of its clause.
    tail: &'s str,
    /// The sentence up to it.
    prefix: &'s str,
}

fn target_of(cx: &Place<'_>, at: &At<'_>, figure: &Figure, state: &mut Sentence) -> Option<Target> {
    let words = strip_fillers(at.lead);
    let target = match suffix(words, HEADS) {
        // 另有5件申请…顺延到下年度答复.
        None => {
            applications_frame(state, at.prefix)?;
            if !carried_out(at.tail) {
                return None;
            }
            Target::Applications {
                measure: Measure::CarriedOut,
                party: Party::Total,
            }
        }
        Some((word, head)) => {
            let before = &words[..words.len() - word.len()];
            head_target(cx, at, head, before, state)?
        }
    };
    let unit_fits = match target {
        Target::Fees => figure.unit == Unit::Yuan,
        Target::Documents { .. } | Target::Decisions(_) => figure.unit == Unit::Piece,
        Target::Applications { .. } | Target::Reviews { .. } => matches!(
            figure.unit,
            Unit::Piece | Unit::Times | Unit::PersonTimes | Unit::Person | Unit::Entry
        ),
    };
    unit_fits.then_some(target)
}

fn applications_frame(state: &Sentence, prefix: &str) -> Option<Measure> {
    match frame_of(state, prefix) {
        Some(Frame::Applications(m)) => Some(m),
        _ => None,
    }
}

/// The target a head names, with the sentence's frame for the heads that need one.
fn head_target(
    cx: &Place<'_>,
    at: &At<'_>,
    head: Head,
    before: &str,
    state: &mut Sentence,
) -> Option<Target> {
    let total = |measure| Target::Applications {
        measure,
        party: Party::Total,
    };
    let about_applications =
        |state: &Sentence| cx.about_applications || applications_frame(state, at.prefix).is_some();
    Some(match head {
        Head::Applications | Head::BareApplications => {
            let named = HEADS
                .iter()
                .any(|(w, h)| *h == Head::Applications && at.sentence.contains(w));
            if head == Head::BareApplications && !cx.about_applications && !named {
                return None;
            }
            // 复议申请, 申请复议: the longer heads took them.
            let measure = application_measure(at.lead, at.tail);
            // 法人或其他组织申请2件, 来自企业的申请3件: a column of the sentence's count.
            let owner = before.strip_suffix('的').unwrap_or(before);
            if let Some((_, Head::Party(party))) = suffix(owner, HEADS) {
                let measure = applications_frame(state, at.prefix).unwrap_or(measure);
                return Some(Target::Applications { measure, party });
            }
            // 通过网站收到申请30件, 其中当面申请10件: a part by channel or by some other
            // category the table does not have, unless the words say it is all of them.
            let clause = last_clause(at.lead);
            if by_channel(at.lead)
                || (clause.contains("其中")
                    && measure == Measure::Unspecified
                    && any(clause, TOTALS).is_none())
            {
                return None;
            }
            state.frame = Some(Frame::Applications(measure));
            total(measure)
        }
        Head::Verb(m) | Head::Carried(m) => {
            if !about_applications(state) {
                return None;
            }
            // 作出不予公开答复3件: the outcome answered.
            if let Some((_, Head::Outcome(o))) = suffix(before, HEADS) {
                return Some(total(Measure::Outcome(o)));
            }
            if by_channel(at.lead) {
                return None;
            }
            let measure = if m == Measure::Handled && carried_out(at.tail) {
                Measure::CarriedOut
            } else {
                m
            };
            if matches!(head, Head::Verb(_)) {
                state.frame = Some(Frame::Applications(measure));
            }
            total(measure)
        }
        Head::Outcome(o) => {
            if !about_applications(state) {
                return None;
            }
            total(Measure::Outcome(o))
        }
        Head::Party(party) => match applications_frame(state, at.prefix)? {
            Measure::Outcome(_) => return None,
            measure => Target::Applications { measure, party },
        },
        Head::Block(block) => {
            state.frame = Some(Frame::Reviews(block));
            Target::Reviews {
                block,
                result: Result4::Total,
            }
        }
        Head::Result(result) => match frame_of(state, at.prefix)? {
            Frame::Reviews(block) => Target::Reviews { block, result },
            Frame::Applications(_) => return None,
        },
        Head::Documents(kind) => {
            // Other bodies' documents (部门规范性文件 in a government's report).
            if (before.ends_with("部门") && !before.ends_with("本部门")) || before.ends_with("其他")
            {
                return None;
            }
            // Without a verb (清理规范性文件50件 names none the table has), no claim.
            let measure = last(at.lead, DOC_MEASURES)
                .map(|(_, _, m)| m)
                .or(state.doc_measure)?;
            state.doc_measure = Some(measure);
            Target::Documents { kind, measure }
        }
        Head::Decision(d) => Target::Decisions(d),
        Head::Fees => Target::Fees,
    })
}

/// Whether the last clause before a figure counts one channel (`通过网站收到`,
/// `网上申请`) and does not say it is all of them (`各类`, `共计`).
fn by_channel(lead: &str) -> bool {
    let clause = last_clause(lead);
    any(clause, CHANNELS).is_some() && any(clause, TOTALS).is_none()
}

/// A percentage after `占`: the share of the claim before it in the sentence.
fn attach_share(
    cx: &Place<'_>,
    t: &Text<'_>,
    figure: &Figure,
    lead: &str,
    state: &Sentence,
    out: &mut [Claim],
) {
    let words = strip_fillers(lead);
    let words = words.trim_end_matches(['，', ',', ' ']);
    if !SHARE_LEADS.iter().any(|w| words.ends_with(w)) {
        return;
    }
    // Only the words `，占` between: a share named in between is of something else.
    let between = words.trim_end_matches(|c: char| SHARE_LEADS.iter().any(|w| w.contains(c)));
    if !between.trim_start_matches(['，', ',', ' ']).is_empty() {
        return;
    }
    let Some(claim) = state.last.and_then(|i| out.get_mut(i)) else {
        return;
    };
    if claim.share.is_some() || !matches!(claim.target, Target::Applications { .. }) {
        return;
    }
    claim.share = Some(Share {
        value: figure.value,
        step: figure.step,
        text: figure.text(t.sentence).to_owned(),
        span: cx.span(t.offset + figure.start, t.offset + figure.end),
    });
    claim.bases.clone_from(&state.bases);
}
