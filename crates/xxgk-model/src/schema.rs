//! The official tables of both format versions, label for label.
//!
//! Labels are written exactly as in the official template: full-width parentheses
//! `（）`, ASCII digit and full stop in `1.属于国家秘密`, curly quotes in
//! `“三安全一稳定”`. Row and column labels that sit under a merged group label are
//! written as a path joined by `/` (`三、本年度办理结果/（一）予以公开`,
//! `法人或其他组织/商业企业`); these paths are the cell keys that `docs/cells.md`
//! lists ([`crate::cells_markdown`]).

use serde::{Deserialize, Serialize};

use crate::{FormatVersion, MoneyUnit, SectionId};

/// One of the three official tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum TableId {
    /// 表二 主动公开政府信息情况.
    #[serde(rename = "二")]
    Proactive,
    /// 表三 收到和处理政府信息公开申请情况.
    #[serde(rename = "三")]
    Applications,
    /// 表四 政府信息公开行政复议、行政诉讼情况.
    #[serde(rename = "四")]
    Reviews,
}

impl TableId {
    /// All three tables in official order.
    pub const ALL: [TableId; 3] = [TableId::Proactive, TableId::Applications, TableId::Reviews];

    /// The Chinese numeral the table is known by (`二`, `三`, `四`).
    pub fn numeral(self) -> &'static str {
        match self {
            TableId::Proactive => "二",
            TableId::Applications => "三",
            TableId::Reviews => "四",
        }
    }

    /// Parses the numeral written in the key lists.
    pub fn from_numeral(s: &str) -> Option<TableId> {
        TableId::ALL.into_iter().find(|t| t.numeral() == s)
    }

    /// The report section that holds this table.
    pub fn section(self) -> SectionId {
        match self {
            TableId::Proactive => SectionId::Proactive,
            TableId::Applications => SectionId::Applications,
            TableId::Reviews => SectionId::Reviews,
        }
    }
}

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
pub struct ColumnSpec {
    /// The column label path, e.g. `法人或其他组织/商业企业`.
    pub label: &'static str,
    /// What the column holds.
    pub kind: ValueKind,
}

/// An official data row and its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowSpec {
    /// The row label path, e.g. `三、本年度办理结果/（三）不予公开/1.属于国家秘密`.
    pub label: &'static str,
    /// The columns of this row, in official order.
    pub columns: &'static [ColumnSpec],
}

/// An official table of one format version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// Table 二 labels.
pub mod proactive {
    use super::{ColumnSpec, RowSpec, amount, count, row, signed};
    use crate::MoneyUnit;

    /// 2021 columns of 第二十条第（一）项.
    pub const DOCS_2021: &[ColumnSpec] = &[
        count("本年制发件数"),
        count("本年废止件数"),
        count("现行有效件数"),
    ];
    /// 2021 column of 第二十条第（五）项 and （六）项.
    pub const DECISIONS_2021: &[ColumnSpec] = &[count("本年处理决定数量")];
    /// 2021 column of 第二十条第（八）项.
    pub const FEES_2021: &[ColumnSpec] =
        &[amount("本年收费金额（单位：万元）", Some(MoneyUnit::Wan))];

    /// 2019 columns of 第二十条第（一）项.
    pub const DOCS_2019: &[ColumnSpec] = &[
        count("本年新制作数量"),
        count("本年新公开数量"),
        count("对外公开总数量"),
    ];
    /// 2019 columns of 第二十条第（五）项 and （六）项.
    pub const ITEMS_2019: &[ColumnSpec] = &[
        count("上一年项目数量"),
        signed("本年增/减"),
        count("处理决定数量"),
    ];
    /// 2019 columns of 第二十条第（八）项.
    pub const FEES_2019: &[ColumnSpec] = &[count("上一年项目数量"), signed("本年增/减")];
    /// 2019 columns of 第二十条第（九）项.
    pub const PROCUREMENT_2019: &[ColumnSpec] =
        &[count("采购项目数量"), amount("采购总金额", None)];

    /// The 2021 rows.
    pub const ROWS_2021: &[RowSpec] = &[
        row("第二十条第（一）项/规章", DOCS_2021),
        row("第二十条第（一）项/行政规范性文件", DOCS_2021),
        row("第二十条第（五）项/行政许可", DECISIONS_2021),
        row("第二十条第（六）项/行政处罚", DECISIONS_2021),
        row("第二十条第（六）项/行政强制", DECISIONS_2021),
        row("第二十条第（八）项/行政事业性收费", FEES_2021),
    ];

    /// The 2019 rows.
    pub const ROWS_2019: &[RowSpec] = &[
        row("第二十条第（一）项/规章", DOCS_2019),
        row("第二十条第（一）项/规范性文件", DOCS_2019),
        row("第二十条第（五）项/行政许可", ITEMS_2019),
        row("第二十条第（五）项/其他对外管理服务事项", ITEMS_2019),
        row("第二十条第（六）项/行政处罚", ITEMS_2019),
        row("第二十条第（六）项/行政强制", ITEMS_2019),
        row("第二十条第（八）项/行政事业性收费", FEES_2019),
        row("第二十条第（九）项/政府集中采购", PROCUREMENT_2019),
    ];
}

/// Table 三 labels.
pub mod applications {
    use super::{ColumnSpec, RowSpec, count, row};

    /// The note printed in the top-left header cell (2021 wording).
    pub const NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    /// The group label over the five organisation columns.
    pub const ORGANISATIONS: &str = "法人或其他组织";
    /// Column 自然人.
    pub const NATURAL_PERSON: &str = "自然人";
    /// Column 总计.
    pub const TOTAL_COLUMN: &str = "总计";

    /// The seven columns, in official order.
    pub const COLUMNS: &[ColumnSpec] = &[
        count("自然人"),
        count("法人或其他组织/商业企业"),
        count("法人或其他组织/科研机构"),
        count("法人或其他组织/社会公益组织"),
        count("法人或其他组织/法律服务机构"),
        count("法人或其他组织/其他"),
        count("总计"),
    ];

    /// Row 一 (第一项).
    pub const NEW: &str = "一、本年新收政府信息公开申请数量";
    /// Row 二 (第二项).
    pub const CARRIED_IN: &str = "二、上年结转政府信息公开申请数量";
    /// The group label of the result rows (第三项).
    pub const RESULTS: &str = "三、本年度办理结果";
    /// Row （七）总计, the total of the result rows.
    pub const RESULTS_TOTAL: &str = "三、本年度办理结果/（七）总计";
    /// Row 四 (第四项).
    pub const CARRIED_OUT: &str = "四、结转下年度继续办理";
    /// The 2019 single row （六）其他处理 (a category label in 2021).
    pub const OTHER_HANDLING: &str = "三、本年度办理结果/（六）其他处理";

    macro_rules! rows {
        ($($label:expr),* $(,)?) => { &[$(row($label, COLUMNS)),*] };
    }

    /// The 25 rows of 2021.
    pub const ROWS_2021: &[RowSpec] = rows![
        NEW,
        CARRIED_IN,
        "三、本年度办理结果/（一）予以公开",
        "三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "三、本年度办理结果/（三）不予公开/1.属于国家秘密",
        "三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开",
        "三、本年度办理结果/（三）不予公开/3.危及“三安全一稳定”",
        "三、本年度办理结果/（三）不予公开/4.保护第三方合法权益",
        "三、本年度办理结果/（三）不予公开/5.属于三类内部事务信息",
        "三、本年度办理结果/（三）不予公开/6.属于四类过程性信息",
        "三、本年度办理结果/（三）不予公开/7.属于行政执法案卷",
        "三、本年度办理结果/（三）不予公开/8.属于行政查询事项",
        "三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息",
        "三、本年度办理结果/（四）无法提供/2.没有现成信息需要另行制作",
        "三、本年度办理结果/（四）无法提供/3.补正后申请内容仍不明确",
        "三、本年度办理结果/（五）不予处理/1.信访举报投诉类申请",
        "三、本年度办理结果/（五）不予处理/2.重复申请",
        "三、本年度办理结果/（五）不予处理/3.要求提供公开出版物",
        "三、本年度办理结果/（五）不予处理/4.无正当理由大量反复申请",
        "三、本年度办理结果/（五）不予处理/5.要求行政机关确认或重新出具已获取信息",
        "三、本年度办理结果/（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "三、本年度办理结果/（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "三、本年度办理结果/（六）其他处理/3.其他",
        RESULTS_TOTAL,
        CARRIED_OUT,
    ];

    /// The 23 rows of 2019.
    pub const ROWS_2019: &[RowSpec] = rows![
        NEW,
        CARRIED_IN,
        "三、本年度办理结果/（一）予以公开",
        "三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "三、本年度办理结果/（三）不予公开/1.属于国家秘密",
        "三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开",
        "三、本年度办理结果/（三）不予公开/3.危及“三安全一稳定”",
        "三、本年度办理结果/（三）不予公开/4.保护第三方合法权益",
        "三、本年度办理结果/（三）不予公开/5.属于三类内部事务信息",
        "三、本年度办理结果/（三）不予公开/6.属于四类过程性信息",
        "三、本年度办理结果/（三）不予公开/7.属于行政执法案卷",
        "三、本年度办理结果/（三）不予公开/8.属于行政查询事项",
        "三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息",
        "三、本年度办理结果/（四）无法提供/2.没有现成信息需要另行制作",
        "三、本年度办理结果/（四）无法提供/3.补正后申请内容仍不明确",
        "三、本年度办理结果/（五）不予处理/1.信访举报投诉类申请",
        "三、本年度办理结果/（五）不予处理/2.重复申请",
        "三、本年度办理结果/（五）不予处理/3.要求提供公开出版物",
        "三、本年度办理结果/（五）不予处理/4.无正当理由大量反复申请",
        "三、本年度办理结果/（五）不予处理/5.要求行政机关确认或重新出具已获取信息",
        OTHER_HANDLING,
        RESULTS_TOTAL,
        CARRIED_OUT,
    ];
}

/// Table 四 labels.
pub mod reviews {
    use super::{ColumnSpec, RowSpec, count, row};

    /// Column 总计 of each block.
    pub const TOTAL_COLUMN: &str = "总计";

    /// The five columns of each block, in official order.
    pub const COLUMNS: &[ColumnSpec] = &[
        count("结果维持"),
        count("结果纠正"),
        count("其他结果"),
        count("尚未审结"),
        count("总计"),
    ];

    /// The three blocks, as rows (both versions).
    pub const ROWS: &[RowSpec] = &[
        row("行政复议", COLUMNS),
        row("行政诉讼/未经复议直接起诉", COLUMNS),
        row("行政诉讼/复议后起诉", COLUMNS),
    ];
}

/// The official layout of one format version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// The official layout of a format version.
pub fn spec(version: FormatVersion) -> &'static FormatSpec {
    match version {
        FormatVersion::V2019 => &SPEC_2019,
        FormatVersion::V2021 => &SPEC_2021,
    }
}
