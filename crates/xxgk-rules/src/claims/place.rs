//! Where a sentence of the narrative stands (its report, section and passage),
//! and the sentence with what is read from it once.

use std::cell::OnceCell;
use std::ops::Range;

use xxgk_model::{BodyKind, Report, SectionId};

use super::lexicon::{Finder, Head, NOT_A_COUNT, OTHER_YEAR, any};
use super::scope::{Around, Kind, Markers};
use crate::narrative::{CLAUSE_ENDS, CharIndex, Passage, Year, pieces, years};

/// Where a sentence is.
pub(super) struct Place<'a> {
    pub(super) report: &'a Report,
    pub(super) year: Option<i32>,
    pub(super) section: SectionId,
    pub(super) passage: &'a Passage<'a>,
    /// Character offsets in the passage.
    pub(super) chars: &'a CharIndex,
    /// The words that name another scope.
    pub(super) markers: &'a Finder<'static, Kind>,
    /// The nouns a denial can be about.
    pub(super) denial_nouns: &'a [(&'static str, Head)],
    /// The passage (or the heading it is under) is about applications, so a bare
    /// `申请` is an application.
    pub(super) about_applications: bool,
}

impl Place<'_> {
    /// Where the sentence stands, for reading its scope words.
    pub(super) fn around(&self) -> Around<'_> {
        Around {
            department: self.report.meta.kind == BodyKind::Department,
            markers: self.markers,
            section: self.section,
            under: self.passage.under,
        }
    }

    /// Character range in the passage of a byte range of it.
    pub(super) fn span(&self, start: usize, end: usize) -> (usize, usize) {
        (self.chars.at(start), self.chars.at(end))
    }
}

/// A sentence with what is read from it once.
pub(super) struct Text<'s> {
    pub(super) sentence: &'s str,
    /// Its byte offset in the passage.
    pub(super) offset: usize,
    /// Its clauses (between ，；：), as byte ranges (read when needed).
    clauses: OnceCell<Vec<Range<usize>>>,
    /// The years it writes (read when a claim needs them: most sentences have none).
    years: OnceCell<Vec<Year>>,
    /// The words in it that name another scope (likewise).
    markers: OnceCell<Markers>,
}

impl<'s> Text<'s> {
    /// The sentence at byte `offset` of its passage.
    pub(super) fn new(sentence: &'s str, offset: usize) -> Text<'s> {
        Text {
            sentence,
            offset,
            clauses: OnceCell::new(),
            years: OnceCell::new(),
            markers: OnceCell::new(),
        }
    }

    pub(super) fn clauses(&self) -> &[Range<usize>] {
        self.clauses
            .get_or_init(|| pieces(self.sentence, CLAUSE_ENDS))
    }

    pub(super) fn years(&self) -> &[Year] {
        self.years.get_or_init(|| years(self.sentence))
    }

    pub(super) fn markers(&self, cx: &Place<'_>) -> &Markers {
        self.markers
            .get_or_init(|| Markers::new(&cx.around(), self.sentence))
    }
}

/// The last clause of the words before a figure.
pub(super) fn last_clause(lead: &str) -> &str {
    lead.rfind(CLAUSE_ENDS).map_or(lead, |at| {
        &lead[at + lead[at..].chars().next().map_or(1, char::len_utf8)..]
    })
}

/// Whether a figure is a count of the report year: not a change, a rate or an aim,
/// not of another year.
pub(super) fn about_the_year(cx: &Place<'_>, t: &Text<'_>, at: usize, lead: &str) -> bool {
    let clause = last_clause(lead);
    if any(clause, NOT_A_COUNT).is_some() {
        return false;
    }
    let mut plain = clause.to_owned();
    for w in ["上年结转", "上年度结转", "上一年度结转"] {
        plain = plain.replace(w, "");
    }
    if any(&plain, OTHER_YEAR).is_some() {
        return false;
    }
    let stated = t.years().iter().take_while(|y| y.start < at).last();
    match (stated, cx.year) {
        (Some(stated), Some(year)) => stated.value == year,
        _ => true,
    }
}
