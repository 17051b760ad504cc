//! The report: metadata, preamble, the six sections, closing text.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::schema::{self, FormatSpec, TableId};
use crate::{Block, ModelError, Table};

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

    /// The official layout of this version.
    pub fn spec(self) -> &'static FormatSpec {
        schema::spec(self)
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

/// The kind of body that publishes the report. It decides the deadline
/// (条例第四十九条) and whether section 一/五 must report 工作考核、社会评议和责任追究结果
/// (条例第五十条第四项).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum BodyKind {
    /// A people's government (人民政府) at county level or above: publishes by 3月31日.
    Government,
    /// A department of a government (政府部门): publishes by 1月31日.
    Department,
    /// Any other body that reports (e.g. an organisation authorised by law).
    Other,
}

impl BodyKind {
    /// The kind in Chinese.
    pub fn label(self) -> &'static str {
        match self {
            BodyKind::Government => "人民政府",
            BodyKind::Department => "政府部门",
            BodyKind::Other => "其他机关",
        }
    }
}

/// The statistical period a report states (统计期限).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Period {
    /// First day.
    #[serde(deserialize_with = "crate::date::plain")]
    pub start: NaiveDate,
    /// Last day.
    #[serde(deserialize_with = "crate::date::plain")]
    pub end: NaiveDate,
}

/// Facts about the report rather than its content. Built with [`Meta::new`]; the
/// optional fields are set on the value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Meta {
    /// The issuing body (发布机关), e.g. `某某县水利局`.
    pub agency: String,
    /// The year reported on (报告年度).
    pub year: i32,
    /// The kind of body.
    pub kind: BodyKind,
    /// The format version the tables follow (as published, which may be the wrong one).
    pub format: FormatVersion,
    /// The title as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publication date (发布日期, or the date under the signature).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::date::option"
    )]
    pub published: Option<NaiveDate>,
    /// The statistical period, where the report states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
}

impl Meta {
    /// The facts every report has: issuing body, year, kind of body and the
    /// format version of its tables; no title, publication date or period.
    pub fn new(
        agency: impl Into<String>,
        year: i32,
        kind: BodyKind,
        format: FormatVersion,
    ) -> Meta {
        Meta {
            agency: agency.into(),
            year,
            kind,
            format,
            title: None,
            published: None,
            period: None,
        }
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

/// A section of free text (一, 五, 六).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TextSection {
    /// The heading as published; `None` when the text stands without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The text, block by block.
    #[serde(default)]
    pub body: Vec<Block>,
}

/// A section holding a table (二, 三, 四).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TableSection {
    /// The heading as published; `None` when the table stands without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The header note as published (table 三: `（本列数据的勾稽关系为：…）`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Text printed between the heading and the table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<Block>,
    /// Text printed after the table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text_after: Vec<Block>,
    /// The table; `None` when the section prints no table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
}

/// The six sections; each is absent (`None`) when the report does not contain it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sections {
    /// 一、总体情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overview: Option<TextSection>,
    /// 二、主动公开政府信息情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proactive: Option<TableSection>,
    /// 三、收到和处理政府信息公开申请情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applications: Option<TableSection>,
    /// 四、政府信息公开行政复议、行政诉讼情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviews: Option<TableSection>,
    /// 五、存在的主要问题及改进情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problems: Option<TextSection>,
    /// 六、其他需要报告的事项.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<TextSection>,
}

/// A section, whichever kind it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionRef<'a> {
    /// A text section.
    Text(&'a TextSection),
    /// A table section.
    Table(&'a TableSection),
}

impl SectionRef<'_> {
    /// The heading as published.
    pub fn heading(&self) -> Option<&str> {
        match self {
            SectionRef::Text(s) => s.heading.as_deref(),
            SectionRef::Table(s) => s.heading.as_deref(),
        }
    }
}

impl Sections {
    /// A section by id, if present.
    pub fn get(&self, id: SectionId) -> Option<SectionRef<'_>> {
        match id {
            SectionId::Overview => self.overview.as_ref().map(SectionRef::Text),
            SectionId::Proactive => self.proactive.as_ref().map(SectionRef::Table),
            SectionId::Applications => self.applications.as_ref().map(SectionRef::Table),
            SectionId::Reviews => self.reviews.as_ref().map(SectionRef::Table),
            SectionId::Problems => self.problems.as_ref().map(SectionRef::Text),
            SectionId::Other => self.other.as_ref().map(SectionRef::Text),
        }
    }

    /// A text section slot (一, 五, 六); `None` for a table section id.
    pub fn text_slot(&mut self, id: SectionId) -> Option<&mut Option<TextSection>> {
        match id {
            SectionId::Overview => Some(&mut self.overview),
            SectionId::Problems => Some(&mut self.problems),
            SectionId::Other => Some(&mut self.other),
            _ => None,
        }
    }

    /// The section slot that holds a table.
    pub fn table_slot(&mut self, id: TableId) -> &mut Option<TableSection> {
        match id {
            TableId::Proactive => &mut self.proactive,
            TableId::Applications => &mut self.applications,
            TableId::Reviews => &mut self.reviews,
        }
    }

    /// The section that holds a table, if present.
    pub fn table_section(&self, id: TableId) -> Option<&TableSection> {
        match id {
            TableId::Proactive => self.proactive.as_ref(),
            TableId::Applications => self.applications.as_ref(),
            TableId::Reviews => self.reviews.as_ref(),
        }
    }
}

/// A government information-disclosure annual report (政府信息公开工作年度报告).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Facts about the report.
    pub meta: Meta,
    /// The order the sections were published in, when it differs from the official
    /// order 一 to 六; empty when the report follows the official order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<SectionId>,
    /// Text before section 一 (after the title).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Block>,
    /// The six sections.
    #[serde(default)]
    pub sections: Sections,
    /// Text after section 六 that belongs to none of the sections (the signature:
    /// issuing body and date).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<Block>,
}

impl Report {
    /// The official layout of the report's format version.
    pub fn spec(&self) -> &'static FormatSpec {
        self.meta.format.spec()
    }

    /// A table, if its section is present and prints one.
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.sections.table_section(id)?.table.as_ref()
    }

    /// A table, mutably, if its section is present and prints one.
    pub fn table_mut(&mut self, id: TableId) -> Option<&mut Table> {
        self.sections.table_slot(id).as_mut()?.table.as_mut()
    }

    /// A table, created empty (with its section, without a heading) if the report
    /// lacks it.
    pub fn table_entry(&mut self, id: TableId) -> &mut Table {
        self.sections
            .table_slot(id)
            .get_or_insert_with(TableSection::default)
            .table
            .get_or_insert_with(Table::default)
    }

    /// The sections in the order they were published.
    pub fn published_order(&self) -> Vec<SectionId> {
        if self.order.is_empty() {
            SectionId::ALL
                .into_iter()
                .filter(|id| self.sections.get(*id).is_some())
                .collect()
        } else {
            self.order.clone()
        }
    }
}
