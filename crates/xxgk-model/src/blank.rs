//! Blank reports: every official cell present and blank, official headings.

use crate::schema::TableId;
use crate::{
    BodyKind, FormatVersion, Meta, ModelError, Report, SectionId, Sections, Table, TableSection,
    TextSection,
};

impl Report {
    /// A blank report for a body and year, in the format version that applies to the
    /// year: the six sections with their official headings and no text, tables with
    /// every official cell blank, table 三's official note, and the customary title
    /// `<机关><年>年政府信息公开工作年度报告`.
    ///
    /// Fails for a year without an official format (before 2019, or past 9999):
    /// [`ModelError::NoOfficialFormat`].
    pub fn blank(
        agency: impl Into<String>,
        year: i32,
        kind: BodyKind,
    ) -> Result<Report, ModelError> {
        Ok(Report::blank_of(
            agency,
            year,
            kind,
            FormatVersion::of_year(year)?,
        ))
    }

    /// A blank report in a given format version, whatever the year.
    pub(crate) fn blank_of(
        agency: impl Into<String>,
        year: i32,
        kind: BodyKind,
        format: FormatVersion,
    ) -> Report {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_without_an_official_format_have_no_blank_report() {
        for year in [2018, 0, -5, 10_000] {
            assert_eq!(
                Report::blank("某某局", year, BodyKind::Department),
                Err(ModelError::NoOfficialFormat(year)),
                "{year}"
            );
        }
        for (year, format) in [
            (2019, FormatVersion::V2019),
            (2020, FormatVersion::V2019),
            (2021, FormatVersion::V2021),
            (9999, FormatVersion::V2021),
        ] {
            let report = Report::blank("某某局", year, BodyKind::Department).unwrap();
            assert_eq!(report.meta.format, format, "{year}");
        }
    }
}
