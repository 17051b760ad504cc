//! Table 二 (主动公开政府信息情况): amounts and their units. The official format
//! states no sums for table 二; counts are checked by number-invalid.

pub(crate) mod amount_unit_missing;
pub(crate) mod fee_implausible;
pub(crate) mod fee_unit_mismatch;

use xxgk_model::schema::TableId;
use xxgk_model::{CellKey, FormatVersion, Number, Report};

/// The 2021 row and column of 行政事业性收费's amount.
pub(crate) const FEE_ROW: &str = "第二十条第（八）项/行政事业性收费";
/// The 2021 column of 行政事业性收费's amount (in 万元).
pub(crate) const FEE_COLUMN: &str = "本年收费金额（单位：万元）";

/// The 2021 fee amount cell and its number, if the report is in the 2021 format
/// and prints one.
pub(crate) fn fee(report: &Report) -> Option<(CellKey, &Number)> {
    if report.meta.format != FormatVersion::V2021 {
        return None;
    }
    let key = CellKey::new(TableId::Proactive, FEE_ROW, FEE_COLUMN);
    let n = report.cell(&key)?.number()?;
    Some((key, n))
}
