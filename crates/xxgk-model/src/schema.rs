//! The official tables of both format versions, label for label.
//!
//! Labels are written exactly as in the official template: full-width parentheses
//! `（）`, ASCII digit and full stop in `1.属于国家秘密`, curly quotes in
//! `“三安全一稳定”`. Row and column labels that sit under a merged group label are
//! written as a path joined by `/` (`三、本年度办理结果/（一）予以公开`,
//! `法人或其他组织/商业企业`); these paths are the cell keys that `docs/cells.md`
//! lists ([`crate::cells_markdown`]).

pub use crate::ids::TableId;
use crate::{FormatVersion, MoneyUnit, SectionId};

/// What kind of value an official cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// A non-negative whole number.
    Count,
    /// A whole number that may be negative (2019 `本年增/减`).
    SignedCount,
    /// An amount of money; `unit` is the unit the column label states, if it states one.
    Amount {
        /// Unit stated by the column label (`本年收费金额（单位：万元）`), or none (2019 `采购总金额`).
        unit: Option<MoneyUnit>,
    },
}

/// An official column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ColumnSpec {
    /// The column label path, e.g. `法人或其他组织/商业企业`.
    pub label: &'static str,
    /// What the column holds.
    pub kind: ValueKind,
}

/// An official data row and its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RowSpec {
    /// The row label path, e.g. `三、本年度办理结果/（三）不予公开/1.属于国家秘密`.
    pub label: &'static str,
    /// The columns of this row, in official order.
    pub columns: &'static [ColumnSpec],
}

/// An official table of one format version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct TableSpec {
    /// Which table.
    pub id: TableId,
    /// Its data rows in official order.
    pub rows: &'static [RowSpec],
}

impl TableSpec {
    /// The official row with this label path.
    pub fn row(&self, label: &str) -> Option<&'static RowSpec> {
        self.rows.iter().find(|r| r.label == label)
    }

    /// Number of official cells in the table.
    pub fn cell_count(&self) -> usize {
        self.rows.iter().map(|r| r.columns.len()).sum()
    }
}

impl RowSpec {
    /// The official column with this label path.
    pub fn column(&self, label: &str) -> Option<&'static ColumnSpec> {
        self.columns.iter().find(|c| c.label == label)
    }
}

/// The parent of a label path (`a/b/c` → `a/b`), if it has one.
pub fn parent_label(label: &str) -> Option<&str> {
    label.rsplit_once('/').map(|(parent, _)| parent)
}

/// The last part of a label path (`a/b/c` → `c`).
pub fn leaf_label(label: &str) -> &str {
    label.rsplit_once('/').map_or(label, |(_, leaf)| leaf)
}

const fn count(label: &'static str) -> ColumnSpec {
    ColumnSpec {
        label,
        kind: ValueKind::Count,
    }
}

const fn signed(label: &'static str) -> ColumnSpec {
    ColumnSpec {
        label,
        kind: ValueKind::SignedCount,
    }
}

const fn amount(label: &'static str, unit: Option<MoneyUnit>) -> ColumnSpec {
    ColumnSpec {
        label,
        kind: ValueKind::Amount { unit },
    }
}

const fn row(label: &'static str, columns: &'static [ColumnSpec]) -> RowSpec {
    RowSpec { label, columns }
}

/// Table 二 labels: a constant for every official row and column label path of
/// both versions (names ending in `_2019` are of the 2019 format only; the others
/// are of the 2021 format, or of both where the label is the same).
pub mod proactive {
    use super::{ColumnSpec, RowSpec, amount, count, row, signed};
    use crate::MoneyUnit;

    /// Row 第二十条第（一）项 规章 (both versions).
    pub const RULES: &str = "第二十条第（一）项/规章";
    /// Row 第二十条第（一）项 行政规范性文件 (2021).
    pub const NORMATIVE_DOCUMENTS: &str = "第二十条第（一）项/行政规范性文件";
    /// Row 第二十条第（一）项 规范性文件 (2019).
    pub const NORMATIVE_DOCUMENTS_2019: &str = "第二十条第（一）项/规范性文件";
    /// Row 第二十条第（五）项 行政许可 (both versions).
    pub const LICENSING: &str = "第二十条第（五）项/行政许可";
    /// Row 第二十条第（五）项 其他对外管理服务事项 (2019).
    pub const OTHER_SERVICES_2019: &str = "第二十条第（五）项/其他对外管理服务事项";
    /// Row 第二十条第（六）项 行政处罚 (both versions).
    pub const PENALTIES: &str = "第二十条第（六）项/行政处罚";
    /// Row 第二十条第（六）项 行政强制 (both versions).
    pub const COERCION: &str = "第二十条第（六）项/行政强制";
    /// Row 第二十条第（八）项 行政事业性收费 (both versions).
    pub const FEES: &str = "第二十条第（八）项/行政事业性收费";
    /// Row 第二十条第（九）项 政府集中采购 (2019).
    pub const CENTRAL_PROCUREMENT_2019: &str = "第二十条第（九）项/政府集中采购";

    /// Column 本年制发件数 (2021).
    pub const ISSUED: &str = "本年制发件数";
    /// Column 本年废止件数 (2021).
    pub const REPEALED: &str = "本年废止件数";
    /// Column 现行有效件数 (2021).
    pub const IN_FORCE: &str = "现行有效件数";
    /// Column 本年处理决定数量 (2021).
    pub const DECISIONS: &str = "本年处理决定数量";
    /// Column 本年收费金额（单位：万元） (2021).
    pub const FEE_AMOUNT: &str = "本年收费金额（单位：万元）";
    /// Column 本年新制作数量 (2019).
    pub const MADE_2019: &str = "本年新制作数量";
    /// Column 本年新公开数量 (2019).
    pub const PUBLISHED_2019: &str = "本年新公开数量";
    /// Column 对外公开总数量 (2019).
    pub const PUBLISHED_TOTAL_2019: &str = "对外公开总数量";
    /// Column 上一年项目数量 (2019).
    pub const ITEMS_LAST_YEAR_2019: &str = "上一年项目数量";
    /// Column 本年增/减 (2019; one label, not a path).
    pub const ITEMS_CHANGE_2019: &str = "本年增/减";
    /// Column 处理决定数量 (2019).
    pub const DECISIONS_2019: &str = "处理决定数量";
    /// Column 采购项目数量 (2019).
    pub const PROCUREMENT_ITEMS_2019: &str = "采购项目数量";
    /// Column 采购总金额 (2019).
    pub const PROCUREMENT_AMOUNT_2019: &str = "采购总金额";

    /// 2021 columns of 第二十条第（一）项.
    pub const DOCS_2021: &[ColumnSpec] = &[count(ISSUED), count(REPEALED), count(IN_FORCE)];
    /// 2021 column of 第二十条第（五）项 and （六）项.
    pub const DECISIONS_2021: &[ColumnSpec] = &[count(DECISIONS)];
    /// 2021 column of 第二十条第（八）项.
    pub const FEES_2021: &[ColumnSpec] = &[amount(FEE_AMOUNT, Some(MoneyUnit::Wan))];

    /// 2019 columns of 第二十条第（一）项.
    pub const DOCS_2019: &[ColumnSpec] = &[
        count(MADE_2019),
        count(PUBLISHED_2019),
        count(PUBLISHED_TOTAL_2019),
    ];
    /// 2019 columns of 第二十条第（五）项 and （六）项.
    pub const ITEMS_2019: &[ColumnSpec] = &[
        count(ITEMS_LAST_YEAR_2019),
        signed(ITEMS_CHANGE_2019),
        count(DECISIONS_2019),
    ];
    /// 2019 columns of 第二十条第（八）项.
    pub const FEES_2019: &[ColumnSpec] = &[count(ITEMS_LAST_YEAR_2019), signed(ITEMS_CHANGE_2019)];
    /// 2019 columns of 第二十条第（九）项.
    pub const PROCUREMENT_2019: &[ColumnSpec] = &[
        count(PROCUREMENT_ITEMS_2019),
        amount(PROCUREMENT_AMOUNT_2019, None),
    ];

    /// The 2021 rows.
    pub const ROWS_2021: &[RowSpec] = &[
        row(RULES, DOCS_2021),
        row(NORMATIVE_DOCUMENTS, DOCS_2021),
        row(LICENSING, DECISIONS_2021),
        row(PENALTIES, DECISIONS_2021),
        row(COERCION, DECISIONS_2021),
        row(FEES, FEES_2021),
    ];

    /// The 2019 rows.
    pub const ROWS_2019: &[RowSpec] = &[
        row(RULES, DOCS_2019),
        row(NORMATIVE_DOCUMENTS_2019, DOCS_2019),
        row(LICENSING, ITEMS_2019),
        row(OTHER_SERVICES_2019, ITEMS_2019),
        row(PENALTIES, ITEMS_2019),
        row(COERCION, ITEMS_2019),
        row(FEES, FEES_2019),
        row(CENTRAL_PROCUREMENT_2019, PROCUREMENT_2019),
    ];
}

/// Table 三 labels: a constant for every official row and column label path of
/// both versions (the rows are the same in both but for （六）其他处理, a single
/// row in 2019 and a group of three in 2021).
pub mod applications {
    use super::{ColumnSpec, RowSpec, count, row};

    /// The note printed in the top-left header cell (2021 wording).
    pub const NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    /// Column 自然人.
    pub const NATURAL_PERSON: &str = "自然人";
    /// The group label over the five organisation columns.
    pub const ORGANISATIONS: &str = "法人或其他组织";
    /// Column 法人或其他组织 商业企业.
    pub const BUSINESS: &str = "法人或其他组织/商业企业";
    /// Column 法人或其他组织 科研机构.
    pub const RESEARCH: &str = "法人或其他组织/科研机构";
    /// Column 法人或其他组织 社会公益组织.
    pub const PUBLIC_INTEREST: &str = "法人或其他组织/社会公益组织";
    /// Column 法人或其他组织 法律服务机构.
    pub const LEGAL_SERVICES: &str = "法人或其他组织/法律服务机构";
    /// Column 法人或其他组织 其他.
    pub const OTHER_ORGANISATIONS: &str = "法人或其他组织/其他";
    /// Column 总计.
    pub const TOTAL_COLUMN: &str = "总计";

    /// The seven columns, in official order.
    pub const COLUMNS: &[ColumnSpec] = &[
        count(NATURAL_PERSON),
        count(BUSINESS),
        count(RESEARCH),
        count(PUBLIC_INTEREST),
        count(LEGAL_SERVICES),
        count(OTHER_ORGANISATIONS),
        count(TOTAL_COLUMN),
    ];

    /// Row 一 (第一项).
    pub const NEW: &str = "一、本年新收政府信息公开申请数量";
    /// Row 二 (第二项).
    pub const CARRIED_IN: &str = "二、上年结转政府信息公开申请数量";
    /// The group label of the result rows (第三项).
    pub const RESULTS: &str = "三、本年度办理结果";
    /// Row （一）予以公开.
    pub const GRANTED: &str = "三、本年度办理结果/（一）予以公开";
    /// Row （二）部分公开（区分处理的，只计这一情形，不计其他情形）.
    pub const PARTLY_GRANTED: &str =
        "三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
    /// Row （三）不予公开 1.属于国家秘密.
    pub const STATE_SECRET: &str = "三、本年度办理结果/（三）不予公开/1.属于国家秘密";
    /// Row （三）不予公开 2.其他法律行政法规禁止公开.
    pub const BARRED_BY_LAW: &str = "三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开";
    /// Row （三）不予公开 3.危及“三安全一稳定”.
    pub const SECURITY_AND_STABILITY: &str =
        "三、本年度办理结果/（三）不予公开/3.危及“三安全一稳定”";
    /// Row （三）不予公开 4.保护第三方合法权益.
    pub const THIRD_PARTY: &str = "三、本年度办理结果/（三）不予公开/4.保护第三方合法权益";
    /// Row （三）不予公开 5.属于三类内部事务信息.
    pub const INTERNAL_AFFAIRS: &str = "三、本年度办理结果/（三）不予公开/5.属于三类内部事务信息";
    /// Row （三）不予公开 6.属于四类过程性信息.
    pub const PROCESS_INFORMATION: &str = "三、本年度办理结果/（三）不予公开/6.属于四类过程性信息";
    /// Row （三）不予公开 7.属于行政执法案卷.
    pub const ENFORCEMENT_FILES: &str = "三、本年度办理结果/（三）不予公开/7.属于行政执法案卷";
    /// Row （三）不予公开 8.属于行政查询事项.
    pub const INQUIRY_MATTERS: &str = "三、本年度办理结果/（三）不予公开/8.属于行政查询事项";
    /// Row （四）无法提供 1.本机关不掌握相关政府信息.
    pub const NOT_HELD: &str = "三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息";
    /// Row （四）无法提供 2.没有现成信息需要另行制作.
    pub const WOULD_NEED_MAKING: &str =
        "三、本年度办理结果/（四）无法提供/2.没有现成信息需要另行制作";
    /// Row （四）无法提供 3.补正后申请内容仍不明确.
    pub const STILL_UNCLEAR: &str = "三、本年度办理结果/（四）无法提供/3.补正后申请内容仍不明确";
    /// Row （五）不予处理 1.信访举报投诉类申请.
    pub const PETITIONS: &str = "三、本年度办理结果/（五）不予处理/1.信访举报投诉类申请";
    /// Row （五）不予处理 2.重复申请.
    pub const REPEATED: &str = "三、本年度办理结果/（五）不予处理/2.重复申请";
    /// Row （五）不予处理 3.要求提供公开出版物.
    pub const PUBLICATIONS: &str = "三、本年度办理结果/（五）不予处理/3.要求提供公开出版物";
    /// Row （五）不予处理 4.无正当理由大量反复申请.
    pub const MASS_REPEATED: &str = "三、本年度办理结果/（五）不予处理/4.无正当理由大量反复申请";
    /// Row （五）不予处理 5.要求行政机关确认或重新出具已获取信息.
    pub const CONFIRMATION: &str =
        "三、本年度办理结果/（五）不予处理/5.要求行政机关确认或重新出具已获取信息";
    /// Row （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
    /// (2021).
    pub const NOT_CORRECTED: &str = "三、本年度办理结果/（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
    /// Row （六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
    /// (2021).
    pub const FEE_UNPAID: &str = "三、本年度办理结果/（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";
    /// Row （六）其他处理 3.其他 (2021).
    pub const OTHER_REASONS: &str = "三、本年度办理结果/（六）其他处理/3.其他";
    /// The 2019 single row （六）其他处理 (a group label in 2021).
    pub const OTHER_HANDLING: &str = "三、本年度办理结果/（六）其他处理";
    /// Row （七）总计, the total of the result rows.
    pub const RESULTS_TOTAL: &str = "三、本年度办理结果/（七）总计";
    /// Row 四 (第四项).
    pub const CARRIED_OUT: &str = "四、结转下年度继续办理";

    /// The rows under 三、本年度办理结果 other than （七）总计, in the official order
    /// of `version`: the rows whose sum the total is.
    pub fn result_rows(version: crate::FormatVersion) -> impl Iterator<Item = &'static str> {
        version
            .spec()
            .table(super::TableId::Applications)
            .rows
            .iter()
            .map(|r| r.label)
            .filter(|l| l.starts_with(RESULTS) && *l != RESULTS_TOTAL)
    }

    macro_rules! rows {
        ($($label:expr),* $(,)?) => { &[$(row($label, COLUMNS)),*] };
    }

    /// The 25 rows of 2021.
    pub const ROWS_2021: &[RowSpec] = rows![
        NEW,
        CARRIED_IN,
        GRANTED,
        PARTLY_GRANTED,
        STATE_SECRET,
        BARRED_BY_LAW,
        SECURITY_AND_STABILITY,
        THIRD_PARTY,
        INTERNAL_AFFAIRS,
        PROCESS_INFORMATION,
        ENFORCEMENT_FILES,
        INQUIRY_MATTERS,
        NOT_HELD,
        WOULD_NEED_MAKING,
        STILL_UNCLEAR,
        PETITIONS,
        REPEATED,
        PUBLICATIONS,
        MASS_REPEATED,
        CONFIRMATION,
        NOT_CORRECTED,
        FEE_UNPAID,
        OTHER_REASONS,
        RESULTS_TOTAL,
        CARRIED_OUT,
    ];

    /// The 23 rows of 2019.
    pub const ROWS_2019: &[RowSpec] = rows![
        NEW,
        CARRIED_IN,
        GRANTED,
        PARTLY_GRANTED,
        STATE_SECRET,
        BARRED_BY_LAW,
        SECURITY_AND_STABILITY,
        THIRD_PARTY,
        INTERNAL_AFFAIRS,
        PROCESS_INFORMATION,
        ENFORCEMENT_FILES,
        INQUIRY_MATTERS,
        NOT_HELD,
        WOULD_NEED_MAKING,
        STILL_UNCLEAR,
        PETITIONS,
        REPEATED,
        PUBLICATIONS,
        MASS_REPEATED,
        CONFIRMATION,
        OTHER_HANDLING,
        RESULTS_TOTAL,
        CARRIED_OUT,
    ];
}

/// Table 四 labels (the same in both versions).
pub mod reviews {
    use super::{ColumnSpec, RowSpec, count, row};

    /// Row 行政复议.
    pub const ADMINISTRATIVE_REVIEW: &str = "行政复议";
    /// Row 行政诉讼 未经复议直接起诉.
    pub const DIRECT_SUIT: &str = "行政诉讼/未经复议直接起诉";
    /// Row 行政诉讼 复议后起诉.
    pub const SUIT_AFTER_REVIEW: &str = "行政诉讼/复议后起诉";

    /// Column 结果维持.
    pub const UPHELD: &str = "结果维持";
    /// Column 结果纠正.
    pub const CORRECTED: &str = "结果纠正";
    /// Column 其他结果.
    pub const OTHER_RESULT: &str = "其他结果";
    /// Column 尚未审结.
    pub const PENDING: &str = "尚未审结";
    /// Column 总计 of each block.
    pub const TOTAL_COLUMN: &str = "总计";

    /// The five columns of each block, in official order.
    pub const COLUMNS: &[ColumnSpec] = &[
        count(UPHELD),
        count(CORRECTED),
        count(OTHER_RESULT),
        count(PENDING),
        count(TOTAL_COLUMN),
    ];

    /// The three blocks, as rows (both versions).
    pub const ROWS: &[RowSpec] = &[
        row(ADMINISTRATIVE_REVIEW, COLUMNS),
        row(DIRECT_SUIT, COLUMNS),
        row(SUIT_AFTER_REVIEW, COLUMNS),
    ];
}

/// The official layout of one format version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct FormatSpec {
    /// The version.
    pub version: FormatVersion,
    /// The document that issued it.
    pub document: &'static str,
    /// Tables 二, 三, 四.
    pub tables: [TableSpec; 3],
    /// The six section headings in official wording, 一 to 六.
    pub headings: [&'static str; 6],
}

impl FormatSpec {
    /// The table with this id.
    pub fn table(&self, id: TableId) -> &TableSpec {
        &self.tables[id as usize]
    }

    /// The official heading of a section.
    pub fn heading(&self, section: SectionId) -> &'static str {
        self.headings[section as usize]
    }

    /// Number of official cells over the three tables (200 in 2021, 198 in 2019).
    pub fn cell_count(&self) -> usize {
        self.tables.iter().map(TableSpec::cell_count).sum()
    }
}

/// The six headings. No 2019 template was read; 2019 reports print the same wording
/// for 一 to 四 and 六, and either this wording or
/// `五、政府信息公开工作存在的主要问题及改进情况` for 五.
const HEADINGS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

static SPEC_2021: FormatSpec = FormatSpec {
    version: FormatVersion::V2021,
    document: "国办公开办函〔2021〕30号",
    tables: [
        TableSpec {
            id: TableId::Proactive,
            rows: proactive::ROWS_2021,
        },
        TableSpec {
            id: TableId::Applications,
            rows: applications::ROWS_2021,
        },
        TableSpec {
            id: TableId::Reviews,
            rows: reviews::ROWS,
        },
    ],
    headings: HEADINGS,
};

static SPEC_2019: FormatSpec = FormatSpec {
    version: FormatVersion::V2019,
    document: "国办公开办函〔2019〕60号",
    tables: [
        TableSpec {
            id: TableId::Proactive,
            rows: proactive::ROWS_2019,
        },
        TableSpec {
            id: TableId::Applications,
            rows: applications::ROWS_2019,
        },
        TableSpec {
            id: TableId::Reviews,
            rows: reviews::ROWS,
        },
    ],
    headings: HEADINGS,
};

impl FormatVersion {
    /// The official layout of this version.
    pub fn spec(self) -> &'static FormatSpec {
        spec(self)
    }
}

/// The official layout of a format version.
pub fn spec(version: FormatVersion) -> &'static FormatSpec {
    match version {
        FormatVersion::V2019 => &SPEC_2019,
        FormatVersion::V2021 => &SPEC_2021,
    }
}
