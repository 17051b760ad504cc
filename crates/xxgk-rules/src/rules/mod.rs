//! The rules, one file each, grouped by category. Each file holds a `RULE` (plain
//! data plus its `check` function) with its explanation in the `.md` file beside it.

pub(crate) mod applications;
pub(crate) mod cells;
pub(crate) mod content;
pub(crate) mod dates;
pub(crate) mod history;
pub(crate) mod narrative;
pub(crate) mod proactive;
pub(crate) mod reviews;
pub(crate) mod structure;

use crate::Location;
use crate::context::Context;
use crate::identity::{Family, Outcome};

/// Reports every identity of a family that the known operands prove wrong, at its
/// total, with every other operand as a related location.
pub(crate) fn report_violations(cx: &mut Context<'_>, family: Family, help: &str) {
    for identity in cx.identities() {
        if identity.family != family || identity.outcome() != Outcome::Violated {
            continue;
        }
        let finding = cx.report(Location::cell(&identity.anchor_key()), identity.message());
        finding.help(help).expected(identity.expected());
        for term in identity.others() {
            finding.related(term.label(), Location::cell(&term.key()));
        }
    }
}
