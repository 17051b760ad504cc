//! Text copied from last year's report: how much of each paragraph is found, word
//! for word, in last year's text, and which of last year's paragraphs it is most
//! like.
//!
//! Near-linear: every run of [`SHINGLE`] characters (white space dropped,
//! full-width letters and digits made half-width) of last year's text is hashed
//! into one table; each paragraph of this year's is then covered by the runs found
//! there. No pair of paragraphs is compared character by character.

use std::collections::HashMap;

use xxgk_model::chars::fold_width;
use xxgk_model::{Pointer, Report, SectionId};

use crate::narrative::{all_passages, quote};

/// Characters of one run compared.
pub(crate) const SHINGLE: usize = 8;

/// At most this many of last year's paragraphs are remembered for one run (a
/// phrase every paragraph uses says nothing about which one was copied).
const PER_RUN: usize = 4;

/// A paragraph of this year's report and what of it is last year's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Copied {
    /// The section.
    pub(crate) section: SectionId,
    /// Its pointer.
    pub(crate) pointer: Pointer,
    /// Its length, in characters without white space.
    pub(crate) chars: usize,
    /// How many of them are in runs found in last year's report.
    pub(crate) found: usize,
    /// Last year's paragraph sharing most runs, if any: its pointer and opening
    /// words.
    pub(crate) source: Option<(Pointer, String)>,
    /// Whether it is last year's paragraph unchanged (white space aside).
    pub(crate) identical: bool,
    /// The opening words, for messages.
    pub(crate) quote: String,
}

impl Copied {
    /// The share copied, in whole percent.
    pub(crate) fn percent(&self) -> usize {
        (self.found * 100).checked_div(self.chars).unwrap_or(0)
    }
}

fn normalised(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            // Digits and letters of either width are the same; punctuation keeps
            // its width.
            let folded = fold_width(c);
            if folded.is_ascii_alphanumeric() {
                folded
            } else {
                c
            }
        })
        .collect()
}

/// FNV-1a over a run of characters: deterministic, no allocation.
fn hash(run: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in run {
        for b in (*c as u32).to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Every paragraph of `report` (not headings) with what of it `previous` holds.
pub(crate) fn copied(report: &Report, previous: &Report) -> Vec<Copied> {
    let before: Vec<(Pointer, Vec<char>, String)> = all_passages(previous)
        .into_iter()
        .filter(|(_, p)| !p.heading)
        .map(|(_, p)| (p.pointer, normalised(p.text), quote(p.text, 24)))
        .collect();
    let mut runs: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, (_, text, _)) in before.iter().enumerate() {
        let Ok(i) = u32::try_from(i) else { break };
        for run in text.windows(SHINGLE) {
            let at = runs.entry(hash(run)).or_default();
            if at.len() < PER_RUN && at.last() != Some(&i) {
                at.push(i);
            }
        }
    }
    let mut out = Vec::new();
    for (section, passage) in all_passages(report) {
        if passage.heading {
            continue;
        }
        let text = normalised(passage.text);
        let mut covered = vec![false; text.len()];
        let mut votes: HashMap<u32, usize> = HashMap::new();
        for (k, run) in text.windows(SHINGLE).enumerate() {
            let Some(at) = runs.get(&hash(run)) else {
                continue;
            };
            for c in &mut covered[k..k + SHINGLE] {
                *c = true;
            }
            for i in at {
                *votes.entry(*i).or_default() += 1;
            }
        }
        let source = votes
            .iter()
            .max_by_key(|(i, n)| (**n, std::cmp::Reverse(**i)))
            .map(|(i, _)| *i as usize);
        let identical = source.is_some_and(|i| before[i].1 == text);
        out.push(Copied {
            section,
            pointer: passage.pointer,
            chars: text.len(),
            found: covered.iter().filter(|c| **c).count(),
            source: source.map(|i| (before[i].0.clone(), before[i].2.clone())),
            identical,
            quote: quote(passage.text, 24),
        });
    }
    out
}

/// A paragraph this long (characters without white space) or longer can be
/// reported as copied: shorter ones are set phrases (`本年度未收取信息处理费`).
pub(crate) const MIN_PARAGRAPH: usize = 60;

/// A paragraph with this share (percent) or more found in last year's report is
/// copied.
pub(crate) const MIN_PARAGRAPH_SHARE: usize = 80;

/// Sections whose text is mostly last year's are reported as a whole: 一 and 五,
/// where the oversight bodies name 内容雷同 as a fault.
pub(crate) const WHOLE_SECTIONS: [SectionId; 2] = [SectionId::Overview, SectionId::Problems];

/// A section with this share (percent) or more of its text found in last year's
/// report is copied as a whole.
pub(crate) const MIN_SECTION_SHARE: usize = 50;

/// A section this long (characters) or longer can be reported as a whole.
pub(crate) const MIN_SECTION: usize = 100;

/// Whether a paragraph is reported as copied.
pub(crate) fn paragraph_copied(c: &Copied) -> bool {
    c.chars >= MIN_PARAGRAPH && c.percent() >= MIN_PARAGRAPH_SHARE
}

/// A section's share copied, (copied characters, all characters), when it is
/// reported as a whole.
pub(crate) fn section_copied(all: &[Copied], id: SectionId) -> Option<(usize, usize)> {
    if !WHOLE_SECTIONS.contains(&id) {
        return None;
    }
    let (copied, chars) = all
        .iter()
        .filter(|c| c.section == id)
        .fold((0, 0), |(a, b), c| (a + c.found, b + c.chars));
    (chars >= MIN_SECTION && copied * 100 >= chars * MIN_SECTION_SHARE).then_some((copied, chars))
}

#[cfg(test)]
mod tests {
    use super::*;
    use xxgk_model::{Block, BodyKind};

    fn report(paragraphs: &[&str]) -> Report {
        let mut r = Report::blank("某局", 2024, BodyKind::Department).unwrap();
        r.sections.overview.as_mut().unwrap().body = paragraphs
            .iter()
            .map(|p| Block::Paragraph((*p).to_owned()))
            .collect();
        r
    }

    #[test]
    fn a_copied_paragraph_is_covered_and_traced_to_its_source() {
        let old = "加强门户网站日常管理，运用第三方平台常态化监测，严格执行先审后发程序，未经审核的信息一律不得发布。";
        let previous = report(&["全年新收申请十件。", old]);
        let current = report(&[
            &format!(" {old}"),
            "本年度新建了政务公开专区，群众办事可在专区查阅各类指南。",
        ]);
        let found = copied(&current, &previous);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].percent(), 100);
        assert!(found[0].identical);
        assert_eq!(
            found[0].source.as_ref().map(|s| s.0.as_str()),
            Some("/sections/overview/body/1")
        );
        assert_eq!(found[1].found, 0);
        assert_eq!(found[1].source, None);
    }
}
