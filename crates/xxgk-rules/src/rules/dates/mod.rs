//! Dates: the publication deadline of 条例第四十九条 (or a local one), and the
//! report year against the publication date and the stated statistical period.

pub(crate) mod period_not_report_year;
pub(crate) mod published_before_year_end;
pub(crate) mod published_late;
