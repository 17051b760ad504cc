//! The laws over generated reports of both versions (`xxgk_model::strategy`): each
//! generated report is checked for its table grids (well-formed, every cell printed
//! once), its rendered tables (HTML and Word read back to the layout and to the
//! report's cells) and its texts (every text found in text, Markdown and HTML). Generating reports is the costly part of these tests,
//! so each report serves both checks.

mod support;

use proptest::prelude::*;

proptest! {
    /// Any report the model can hold: absent and added rows, columns and sections,
    /// blanks, placeholders, numbers with units, reordered sections.
    #[test]
    fn any_report(report in xxgk_model::strategy::report()) {
        support::check_grids(&report);
        support::tables::check(&report, "generated", false);
        support::printed::check(&report);
    }

    /// Complete reports, the shape a preparer fills in.
    #[test]
    fn filled_report(report in xxgk_model::strategy::filled_report()) {
        support::check_grids(&report);
        support::tables::check(&report, "filled", false);
        support::printed::check(&report);
    }
}
