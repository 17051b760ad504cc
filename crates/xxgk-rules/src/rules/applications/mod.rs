//! Table 三 (收到和处理政府信息公开申请情况): identities I-1 to I-3 and printed
//! subtotals.

pub(crate) mod applications_unbalanced;
pub(crate) mod results_total_mismatch;
pub(crate) mod row_total_mismatch;
pub(crate) mod subtotal_mismatch;
