//! Content the regulation and the 2021 format require (条例第五十条).

pub(crate) mod accountability_results_missing;
pub(crate) mod fee_statement_missing;
pub(crate) mod section_empty;
