//! The one table of rules, sorted by code. Adding a rule touches one line here.

pub use crate::rule::Rule;
use crate::rules::{
    applications, cells, content, dates, history, narrative, proactive, reviews, structure,
};

/// Every rule, sorted by code (public as [`rules`]).
pub(crate) static RULES: &[&Rule] = &[
    &cells::cell_blank::RULE,
    &cells::cell_placeholder::RULE,
    &cells::number_invalid::RULE,
    &cells::identity_unverifiable::RULE,
    &dates::published_late::RULE,
    &dates::published_before_year_end::RULE,
    &dates::period_not_report_year::RULE,
    &narrative::no_applications_claim_contradicted::RULE,
    &narrative::parts_exceed_total::RULE,
    &narrative::figure_contradicts_table::RULE,
    &narrative::figure_scope_differs::RULE,
    &narrative::text_year_stale::RULE,
    &narrative::section_copied_from_previous::RULE,
    &narrative::paragraph_copied_from_previous::RULE,
    &narrative::list_numbering_broken::RULE,
    &content::fee_statement_missing::RULE,
    &content::accountability_results_missing::RULE,
    &content::section_empty::RULE,
    &structure::section_missing::RULE,
    &structure::table_missing::RULE,
    &structure::heading_not_official::RULE,
    &structure::sections_out_of_order::RULE,
    &structure::format_outdated::RULE,
    &structure::format_too_new::RULE,
    &structure::other_handling_single_row::RULE,
    &structure::other_version_label::RULE,
    &structure::cells_missing::RULE,
    &structure::label_not_in_format::RULE,
    &structure::table_unread::RULE,
    &structure::sections_unread::RULE,
    &proactive::fee_unit_mismatch::RULE,
    &proactive::amount_unit_missing::RULE,
    &proactive::fee_implausible::RULE,
    &applications::applications_unbalanced::RULE,
    &applications::results_total_mismatch::RULE,
    &applications::row_total_mismatch::RULE,
    &applications::subtotal_mismatch::RULE,
    &reviews::reviews_total_mismatch::RULE,
    &history::previous_year_mismatch::RULE,
    &history::carry_over_mismatch::RULE,
    &history::document_stock_mismatch::RULE,
    &history::item_count_mismatch::RULE,
    &history::previous_other_body::RULE,
];

/// Every rule, sorted by code.
pub fn rules() -> &'static [&'static Rule] {
    RULES
}

/// The rule with this code or name (codes compare without regard to case).
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    let wanted = code_or_name.trim();
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(wanted) || r.name == wanted)
}
