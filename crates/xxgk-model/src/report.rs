//! The report: metadata, preamble, the six sections, closing text.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::schema::{FormatSpec, TableId};
use crate::{Block, FormatVersion, SectionId, Table};

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
