//! The narrative against itself and against the tables: only the simplest,
//! conservative cases (the full comparison of text and tables is a later issue).

pub(crate) mod no_applications_claim_contradicted;
pub(crate) mod parts_exceed_total;
