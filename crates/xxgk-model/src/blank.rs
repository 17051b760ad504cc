//! Blank reports: every official cell present and blank, official headings.

use crate::schema::TableId;
use crate::{
    BodyKind, FormatVersion, Meta, Report, SectionId, Sections, Table, TableSection, TextSection,
};

impl Report {
    /// A blank report for a body and year, in the format version that applies to the
    /// year: the six sections with their official headings and no text, tables with
    /// every official cell blank, table 三's official note, and the customary title
    /// `<机关><年>年政府信息公开工作年度报告`.
    pub fn blank(agency: impl Into<String>, year: i32, kind: BodyKind) -> Report {
        let format = FormatVersion::for_year(year);
        let spec = format.spec();
        let text = |id: SectionId| {
            Some(TextSection {
                heading: Some(spec.heading(id).to_owned()),
                body: Vec::new(),
            })
        };
        let table = |id: TableId| {
            Some(TableSection {
                heading: Some(spec.heading(id.section()).to_owned()),
                note: (id == TableId::Applications)
                    .then(|| crate::schema::applications::NOTE.to_owned()),
                text: Vec::new(),
                text_after: Vec::new(),
                table: Some(Table::blank(spec.table(id))),
            })
        };
        let agency = agency.into();
        Report {
            meta: Meta {
                title: Some(format!("{agency}{year}年政府信息公开工作年度报告")),
                agency,
                year,
                kind,
                format,
                published: None,
                period: None,
            },
            order: Vec::new(),
            preamble: Vec::new(),
            sections: Sections {
                overview: text(SectionId::Overview),
                proactive: table(TableId::Proactive),
                applications: table(TableId::Applications),
                reviews: table(TableId::Reviews),
                problems: text(SectionId::Problems),
                other: text(SectionId::Other),
            },
            closing: Vec::new(),
        }
    }
}
