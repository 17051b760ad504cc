//! The one table of rules, sorted by code. Adding a rule touches one line here.

use xxgk_model::Report;

use crate::Severity;
use crate::context::Context;
use crate::rules::{
    applications, cells, content, dates, history, narrative, proactive, reviews, structure,
};

/// A rule: plain data plus the function that finds its problems.
#[derive(Debug)]
pub struct Rule {
    /// Stable code (`T301`): a category letter and a number, never reused.
    pub code: &'static str,
    /// Kebab-case name describing the problem (`applications-unbalanced`).
    pub name: &'static str,
    /// Default severity (configuration may change it).
    pub severity: Severity,
    /// One line in Chinese saying what the rule finds.
    pub summary: &'static str,
    /// The explanation in Markdown, with the headings 检查内容, 原因, 示例, 正确写法, 依据.
    pub explanation: &'static str,
    pub(crate) check: fn(&Report, &mut Context<'_>),
}

impl Rule {
    /// The category, from the code's letter (and, for tables, its first digit).
    pub fn category(&self) -> &'static str {
        let bytes = self.code.as_bytes();
        match (bytes.first(), bytes.get(1)) {
            (Some(b'S'), _) => "结构",
            (Some(b'C'), _) => "单元格",
            (Some(b'T'), Some(b'2')) => "表二",
            (Some(b'T'), Some(b'3')) => "表三",
            (Some(b'T'), Some(b'4')) => "表四",
            (Some(b'R'), _) => "法定内容",
            (Some(b'D'), _) => "日期",
            (Some(b'X'), _) => "跨年度",
            (Some(b'N'), _) => "正文",
            _ => "其他",
        }
    }
}

/// Every rule, sorted by code.
pub static RULES: &[&Rule] = &[
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
