//! Table 四 (政府信息公开行政复议、行政诉讼情况): identities I-4 to I-6.

pub(crate) mod reviews_total_mismatch;
