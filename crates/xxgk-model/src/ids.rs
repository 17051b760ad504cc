//! The identifiers of the official format: its versions, the six sections and
//! the three tables. The layout each names is in [`crate::schema`].

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ModelError;

/// The official format a report's tables follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub enum FormatVersion {
    /// The 2019 trial format (国办公开办函〔2019〕60号), for the 2019 and 2020 reports.
    #[serde(rename = "2019")]
    V2019,
    /// The 2021 format (国办公开办函〔2021〕30号), for reports of 2021 and later.
    #[serde(rename = "2021")]
    V2021,
}

impl FormatVersion {
    /// The first report year with an official format (the 2019 trial format).
    pub const FIRST_YEAR: i32 = 2019;
    /// The last report year accepted as one (four digits).
    pub const LAST_YEAR: i32 = 9999;

    /// The version that applies to a report year: 2021 from 2021 on, else 2019
    /// (also for a year without an official format, such as the 0 an importer
    /// records when it cannot read the year; see [`FormatVersion::of_year`]).
    pub fn for_year(year: i32) -> FormatVersion {
        if year >= 2021 {
            FormatVersion::V2021
        } else {
            FormatVersion::V2019
        }
    }

    /// The version that applies to a report year, or an error for a year without
    /// an official format (before [`FormatVersion::FIRST_YEAR`] or after
    /// [`FormatVersion::LAST_YEAR`]).
    ///
    /// ```
    /// use xxgk_model::FormatVersion;
    /// assert_eq!(FormatVersion::of_year(2020), Ok(FormatVersion::V2019));
    /// assert_eq!(FormatVersion::of_year(2025), Ok(FormatVersion::V2021));
    /// assert!(FormatVersion::of_year(2018).is_err());
    /// assert!(FormatVersion::of_year(0).is_err());
    /// ```
    pub fn of_year(year: i32) -> Result<FormatVersion, ModelError> {
        if (FormatVersion::FIRST_YEAR..=FormatVersion::LAST_YEAR).contains(&year) {
            Ok(FormatVersion::for_year(year))
        } else {
            Err(ModelError::NoOfficialFormat(year))
        }
    }

    /// `2019` or `2021`.
    pub fn as_str(self) -> &'static str {
        match self {
            FormatVersion::V2019 => "2019",
            FormatVersion::V2021 => "2021",
        }
    }
}

impl fmt::Display for FormatVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One of the six sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum SectionId {
    /// 一、总体情况.
    Overview,
    /// 二、主动公开政府信息情况 (table 二).
    Proactive,
    /// 三、收到和处理政府信息公开申请情况 (table 三).
    Applications,
    /// 四、政府信息公开行政复议、行政诉讼情况 (table 四).
    Reviews,
    /// 五、存在的主要问题及改进情况.
    Problems,
    /// 六、其他需要报告的事项.
    Other,
}

impl SectionId {
    /// The six sections in official order.
    pub const ALL: [SectionId; 6] = [
        SectionId::Overview,
        SectionId::Proactive,
        SectionId::Applications,
        SectionId::Reviews,
        SectionId::Problems,
        SectionId::Other,
    ];

    /// The Chinese numeral of the section (`一` … `六`).
    pub fn numeral(self) -> &'static str {
        ["一", "二", "三", "四", "五", "六"][self as usize]
    }

    /// The field name in the serialised model (`overview` … `other`).
    pub fn key(self) -> &'static str {
        [
            "overview",
            "proactive",
            "applications",
            "reviews",
            "problems",
            "other",
        ][self as usize]
    }

    /// The table this section holds, if it is a table section.
    pub fn table(self) -> Option<TableId> {
        match self {
            SectionId::Proactive => Some(TableId::Proactive),
            SectionId::Applications => Some(TableId::Applications),
            SectionId::Reviews => Some(TableId::Reviews),
            _ => None,
        }
    }
}

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
