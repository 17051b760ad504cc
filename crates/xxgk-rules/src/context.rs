//! What a rule gets besides the report: the options of the check, shared derived
//! data, and `report` to record a problem. Rules only find problems; severity,
//! configuration and source positions are applied by the engine.

use std::cell::OnceCell;

use xxgk_model::schema::TableId;
use xxgk_model::{Report, SectionId};

use crate::claims::compare::{Verdict, verdict};
use crate::claims::{self, Claim};
use crate::copies::{self, Copied};
use crate::deadlines::Deadlines;
use crate::identity::{self, Identity};
use crate::unofficial::{Added, unofficial_labels};
use crate::{Location, Related};

/// A problem a rule found, before the engine gives it a code and severity.
#[derive(Debug)]
pub(crate) struct Finding {
    pub(crate) location: Location,
    pub(crate) message: String,
    pub(crate) related: Vec<Related>,
    pub(crate) help: Option<String>,
    pub(crate) expected: Option<u64>,
}

impl Finding {
    /// Says how to correct the problem.
    pub(crate) fn help(&mut self, help: impl Into<String>) -> &mut Finding {
        self.help = Some(help.into());
        self
    }

    /// Says what the cell at the location should hold.
    pub(crate) fn expected(&mut self, value: Option<u64>) -> &mut Finding {
        self.expected = value;
        self
    }

    /// Adds another place the problem concerns.
    pub(crate) fn related(&mut self, label: impl Into<String>, location: Location) -> &mut Finding {
        self.related.push(Related {
            label: label.into(),
            location,
        });
        self
    }
}

/// Data derived from the report once per check and shared by the rules.
#[derive(Debug, Default)]
pub(crate) struct Shared<'a> {
    identities: OnceCell<Vec<Identity<'a>>>,
    claims: OnceCell<Vec<Claim>>,
    verdicts: OnceCell<Vec<Verdict>>,
    copies: OnceCell<Vec<Copied>>,
    unofficial: OnceCell<Vec<Added>>,
}

/// The context a rule runs in.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    report: &'a Report,
    /// Last year's report of the same body, if given.
    pub(crate) previous: Option<&'a Report>,
    /// The local publication deadlines configured (the one part of the
    /// configuration a rule reads).
    pub(crate) deadlines: &'a Deadlines,
    /// Tables the source prints that were not read in full (see
    /// `CheckOptions::unread`).
    pub(crate) unread: &'a [TableId],
    /// Sections the reader could not tell apart in the source (see
    /// `CheckOptions::unfound`).
    pub(crate) unfound: &'a [SectionId],
    shared: &'a Shared<'a>,
    pub(crate) found: Vec<Finding>,
}

impl<'a> Context<'a> {
    /// The year the report is for, when known: an importer that cannot read it
    /// records 0 (with a note), and the checks that depend on the year (deadlines,
    /// the format version, the statistical period, the fee statement, the year of
    /// last year's report) are then not made.
    pub(crate) fn year(&self) -> Option<i32> {
        Some(self.report.meta.year).filter(|y| *y > 0)
    }

    pub(crate) fn new(
        report: &'a Report,
        previous: Option<&'a Report>,
        deadlines: &'a Deadlines,
        unread: &'a [TableId],
        unfound: &'a [SectionId],
        shared: &'a Shared<'a>,
    ) -> Context<'a> {
        Context {
            report,
            previous,
            deadlines,
            unread,
            unfound,
            shared,
            found: Vec::new(),
        }
    }

    /// Records a problem at a location; add help and related places to the result.
    pub(crate) fn report(
        &mut self,
        location: Location,
        message: impl Into<String>,
    ) -> &mut Finding {
        self.found.push(Finding {
            location,
            message: message.into(),
            related: Vec::new(),
            help: None,
            expected: None,
        });
        let last = self.found.len() - 1;
        &mut self.found[last]
    }

    /// Every arithmetic identity of tables 三 and 四 that the report's layout gives,
    /// computed once per check.
    pub(crate) fn identities(&self) -> &'a [Identity<'a>] {
        self.shared
            .identities
            .get_or_init(|| identity::identities(self.report))
    }

    /// Every statement of the narrative about a table quantity, read once per check.
    pub(crate) fn claims(&self) -> &'a [Claim] {
        self.shared
            .claims
            .get_or_init(|| claims::claims(self.report, self.year()))
    }

    /// What each claim comes to against the tables (in the order of [`Self::claims`]).
    pub(crate) fn verdicts(&self) -> &'a [Verdict] {
        let claims = self.claims();
        self.shared
            .verdicts
            .get_or_init(|| claims.iter().map(|c| verdict(self.report, c)).collect())
    }

    /// The paragraphs copied from last year's report (empty without one), found
    /// once per check.
    pub(crate) fn copies(&self) -> &'a [Copied] {
        self.shared.copies.get_or_init(|| match self.previous {
            Some(previous) => copies::copied(self.report, previous),
            None => Vec::new(),
        })
    }

    /// The printed rows and columns that are not official in the report's
    /// version, found once per check (three structure rules read them).
    pub(crate) fn unofficial_labels(&self) -> &'a [Added] {
        self.shared
            .unofficial
            .get_or_init(|| unofficial_labels(self.report))
    }
}
