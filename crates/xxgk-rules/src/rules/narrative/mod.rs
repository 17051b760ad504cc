//! The narrative against the tables and against itself: statements of figures the
//! tables hold (N001, N003, N004), sums within a sentence (N002), the year the text
//! speaks of (N005), text copied from last year's report (N006, N007), list
//! numbering (N008).
//!
//! N001 and N002 were the first two shapes of the claim checker and keep their
//! codes: N001 is the denial of applications, N002 the 共…其中… sum. N003 and N004
//! are every other statement of a table figure, split by how sure the reading is:
//! a statement whose scope is the table's and that no reading fits is a warning
//! (N003); one whose sentence says its scope may differ is an info (N004).

pub(crate) mod figure_contradicts_table;
pub(crate) mod figure_scope_differs;
pub(crate) mod list_numbering_broken;
pub(crate) mod no_applications_claim_contradicted;
pub(crate) mod paragraph_copied_from_previous;
pub(crate) mod parts_exceed_total;
pub(crate) mod section_copied_from_previous;
pub(crate) mod text_year_stale;

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::Location;
use crate::claims::readings::{Reading, readings};
use crate::claims::{Claim, DocMeasure, Stated, Target};
use crate::context::Context;

/// At most this many cells are listed as related places of one finding.
const MAX_RELATED: usize = 12;

/// The place of a claim: its paragraph and characters.
pub(crate) fn claim_location(claim: &Claim) -> Location {
    Location::text(claim.pointer.clone(), claim.span.0, claim.span.1)
}

/// `第一部分“予以公开和部分公开共64件”：正文为 64件，表三“…”列合计为 69`.
pub(crate) fn differs_message(claim: &Claim, all: &[Reading]) -> String {
    let Some(first) = all.first() else {
        return String::new();
    };
    let stated = match &claim.stated {
        Stated::Figure(..) => format!("正文为 {}", claim.stated.shown()),
        Stated::Nothing(_) => "正文称没有".to_owned(),
    };
    let mut s = format!(
        "第{}部分“{}”：{stated}，{}{}",
        claim.section.numeral(),
        claim.quote,
        first.name(),
        value_shown(first)
    );
    if first.summed() {
        s.push_str("（“总计”列空白，按各列相加）");
    }
    if let Some(other) = all
        .iter()
        .skip(1)
        .find(|r| r.value != first.value && !r.alias.is_empty())
    {
        let _ = write!(s, "（{}{}）", other.alias, value_shown(other));
    }
    s
}

/// `为 275`, `至少为 275`, `为 7730.28万元`.
fn value_shown(reading: &Reading) -> String {
    if !reading.unit.is_empty() {
        let printed = reading.cells().next().map_or("", |(_, t)| t.as_str());
        return format!("为 {printed}{}", reading.unit);
    }
    let lo = reading.value.lo.normalize();
    if reading.value.is_exact() {
        format!("为 {lo}")
    } else {
        format!("至少为 {lo}")
    }
}

/// A cell as messages name it: `表三“（一）予以公开”行“自然人”列`, `表二“行政规范性文件”行…`.
fn cell_name(key: &xxgk_model::CellKey) -> String {
    let row = match key.table {
        xxgk_model::schema::TableId::Proactive => {
            xxgk_model::schema::leaf_label(&key.row).to_owned()
        }
        _ => crate::labels::row_name(&key.row),
    };
    format!("表{}“{row}”行“{}”列", key.table.numeral(), key.column)
}

/// Adds the cells of the usual reading as related places.
pub(crate) fn relate(
    cx: &mut Context<'_>,
    location: Location,
    message: String,
    all: &[Reading],
    help: String,
) {
    let finding = cx.report(location, message);
    finding.help(help);
    if let Some(first) = all.first() {
        for (key, text) in first.cells().take(MAX_RELATED) {
            finding.related(format!("{}：{text}", cell_name(key)), Location::cell(key));
        }
    }
}

/// What else the stated figure is, when the tables suggest it: one cell or one
/// row of the reading (`64` is the 自然人 column of （一）), or, for the documents
/// in force, the count before this year's new ones.
pub(crate) fn hint(report: &xxgk_model::Report, claim: &Claim, all: &[Reading]) -> Option<String> {
    let Stated::Figure(f, _) = &claim.stated else {
        return None;
    };
    if !f.is_exact() {
        return None;
    }
    let x = f.value;
    let text = x.normalize().to_string();
    for r in all {
        for t in &r.terms {
            if r.terms.len() > 1 && t.value.lo == x && t.value.lo > Decimal::ZERO {
                return Some(format!(
                    "正文的 {text} 与表{}“{}”行相同，可能只写了其中一项。",
                    r.table.numeral(),
                    t.row
                ));
            }
        }
        for (key, shown) in r.cells() {
            if *shown == text && (r.cells().count() > 1) {
                return Some(format!(
                    "正文的 {text} 与{}相同，可能只写了其中一列或一项。",
                    cell_name(key)
                ));
            }
        }
    }
    if let Target::Documents {
        kind,
        measure: DocMeasure::Valid,
    } = claim.target
    {
        let made = readings(
            report,
            &Target::Documents {
                kind,
                measure: DocMeasure::Made,
            },
        );
        let valid = all.first()?.value;
        let made = made.first()?.value;
        if valid.is_exact() && made.is_exact() && x + made.lo == valid.lo && made.lo > Decimal::ZERO
        {
            return Some(format!(
                "正文的 {text} 加本年制发 {} 件恰为表中现行有效件数 {}，正文可能是某一时点（如本年新制发之前）的数。",
                made.lo.normalize(),
                valid.lo.normalize()
            ));
        }
    }
    None
}
