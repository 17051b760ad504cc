//! proptest strategies for reports of both versions (feature `proptest`).
//!
//! [`report`] draws any report the model can hold: blanks, placeholders, numbers
//! with and without units, added rows and columns, absent sections, rows and tables.
//! [`filled_report`] draws a report whose official cells are all present and
//! non-negative counts (amounts in table 二 as decimals), with no added rows: the
//! shape a preparer fills in, for laws that need a complete report.

use chrono::NaiveDate;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::schema::{TableId, TableSpec, ValueKind};
use crate::{
    Block, BodyKind, Cell, FormatVersion, Meta, MoneyUnit, Number, Period, Report, Row, SectionId,
    Sections, Table, TableSection, TextSection,
};

/// Either format version.
pub fn version() -> impl Strategy<Value = FormatVersion> {
    prop_oneof![Just(FormatVersion::V2019), Just(FormatVersion::V2021)]
}

/// Any kind of body.
pub fn body_kind() -> impl Strategy<Value = BodyKind> {
    prop_oneof![
        Just(BodyKind::Government),
        Just(BodyKind::Department),
        Just(BodyKind::Other)
    ]
}

/// Chinese-looking text with the punctuation reports use, never empty.
pub fn text() -> impl Strategy<Value = String> {
    "[一二三四五六七八九十（）、，。：；“”《》0-9a-zA-Z年月日局县市政府信息公开申请 ]{1,40}"
        .prop_filter("not blank", |s| !s.trim().is_empty())
}

/// A block of narrative text.
pub fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        text().prop_map(Block::Heading),
        text().prop_map(Block::Paragraph)
    ]
}

/// A placeholder as reports print them.
pub fn placeholder() -> impl Strategy<Value = Cell> {
    prop_oneof![
        Just("/"),
        Just("—"),
        Just("－"),
        Just("无"),
        Just("-"),
        Just("——")
    ]
    .prop_map(|p| Cell::Placeholder(p.to_owned()))
}

/// A decimal with up to four decimal places.
pub fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..5).prop_map(|(m, scale)| Decimal::new(m / 1000, scale))
}

/// Any cell: blank, number (whole or decimal, maybe negative, maybe with a unit),
/// or placeholder.
pub fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        4 => (0u64..100_000).prop_map(|v| Cell::Number(Number { value: v.into(), unit: None })),
        1 => Just(Cell::Blank),
        1 => placeholder(),
        1 => (decimal(), option::of(prop_oneof![Just(MoneyUnit::Yuan), Just(MoneyUnit::Wan)]))
            .prop_map(|(value, unit)| Cell::Number(Number { value, unit })),
        1 => any::<i64>().prop_map(Cell::int),
    ]
}

/// A date from 2019 to 2031.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    (2019i32..2032, 1u32..13, 1u32..29)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN))
}

fn meta(version: FormatVersion) -> impl Strategy<Value = Meta> {
    (
        text(),
        2019i32..2031,
        body_kind(),
        option::of(text()),
        option::of(date()),
        option::of((date(), date()).prop_map(|(start, end)| Period { start, end })),
    )
        .prop_map(move |(agency, year, kind, title, published, period)| Meta {
            agency,
            year,
            kind,
            format: version,
            title,
            published,
            period,
        })
}

/// A table of `spec`'s shape in which any official row or cell may be absent and
/// rows and columns may be added.
fn table(spec: &'static TableSpec) -> BoxedStrategy<Table> {
    let official = spec
        .rows
        .iter()
        .map(|r| {
            let cells = r
                .columns
                .iter()
                .map(|c| option::weighted(0.95, cell()).prop_map(move |v| (c.label, v)))
                .collect::<Vec<_>>();
            let extra_column = option::weighted(0.05, cell());
            option::weighted(0.95, (cells, extra_column)).prop_map(move |cells| {
                cells.map(|(cells, extra)| {
                    let mut row: Row = cells
                        .into_iter()
                        .filter_map(|(label, v)| v.map(|v| (label, v)))
                        .collect();
                    if let Some(extra) = extra {
                        row.insert("法人或其他组织", extra);
                    }
                    (r.label, row)
                })
            })
        })
        .collect::<Vec<_>>();
    let extra_rows = vec((text(), vec((text(), cell()), 1..4)), 0..3);
    (official, extra_rows)
        .prop_map(|(official, extra_rows)| {
            let mut table: Table = official.into_iter().flatten().collect();
            for (label, cells) in extra_rows {
                // Added rows keep a path under an official group or stand alone.
                let row: Row = cells.into_iter().collect();
                table.insert(format!("其他/{label}"), row);
            }
            table
        })
        .boxed()
}

fn text_section() -> impl Strategy<Value = TextSection> {
    (option::weighted(0.9, text()), vec(block(), 0..4))
        .prop_map(|(heading, body)| TextSection { heading, body })
}

fn table_section(spec: &'static TableSpec) -> BoxedStrategy<TableSection> {
    (
        option::weighted(0.9, text()),
        option::of(text()),
        vec(block(), 0..2),
        vec(block(), 0..2),
        option::weighted(0.9, table(spec)),
    )
        .prop_map(|(heading, note, text, text_after, table)| TableSection {
            heading,
            note,
            text,
            text_after,
            table,
        })
        .boxed()
}

fn order() -> impl Strategy<Value = Vec<SectionId>> {
    prop_oneof![
        3 => Just(Vec::new()),
        1 => Just(SectionId::ALL.to_vec()).prop_shuffle(),
    ]
}

/// Any report the model can hold, of either version.
pub fn report() -> BoxedStrategy<Report> {
    version().prop_flat_map(report_of).boxed()
}

/// Any report the model can hold, of one version.
///
/// Boxed at each level: the value trees of so many nested strategies would
/// otherwise be moved around on the stack, which overflows a debug test thread
/// when two reports are drawn together.
pub fn report_of(version: FormatVersion) -> BoxedStrategy<Report> {
    let spec = version.spec();
    let sections = (
        option::weighted(0.9, text_section()),
        option::weighted(0.9, table_section(spec.table(TableId::Proactive))),
        option::weighted(0.9, table_section(spec.table(TableId::Applications))),
        option::weighted(0.9, table_section(spec.table(TableId::Reviews))),
        option::weighted(0.9, text_section()),
        option::weighted(0.9, text_section()),
    )
        .prop_map(
            |(overview, proactive, applications, reviews, problems, other)| Sections {
                overview,
                proactive,
                applications,
                reviews,
                problems,
                other,
            },
        );
    (
        meta(version),
        order(),
        vec(block(), 0..3),
        sections,
        vec(block(), 0..2),
    )
        .prop_map(|(meta, order, preamble, sections, closing)| Report {
            meta,
            order,
            preamble,
            sections,
            closing,
        })
        .boxed()
}

/// A value drawn for an official cell of a complete report.
fn filled_cell(kind: ValueKind) -> BoxedStrategy<Cell> {
    match kind {
        ValueKind::Count => (0u64..5_000)
            .prop_map(|v| {
                Cell::Number(Number {
                    value: v.into(),
                    unit: None,
                })
            })
            .boxed(),
        ValueKind::SignedCount => (-500i64..500).prop_map(Cell::int).boxed(),
        ValueKind::Amount { .. } => (0i64..100_000_000, 0u32..3)
            .prop_map(|(m, s)| {
                Cell::Number(Number {
                    value: Decimal::new(m, s),
                    unit: None,
                })
            })
            .boxed(),
    }
}

/// A complete report of one version: every section present with its official
/// heading and some text, every official cell a number of its kind, no added rows.
/// The numbers are arbitrary, so the arithmetic identities do not hold in general.
pub fn filled_report_of(version: FormatVersion) -> impl Strategy<Value = Report> {
    let spec = version.spec();
    let table = |id: TableId| {
        spec.table(id)
            .rows
            .iter()
            .map(|r| {
                r.columns
                    .iter()
                    .map(|c| filled_cell(c.kind).prop_map(move |v| (c.label, v)))
                    .collect::<Vec<_>>()
                    .prop_map(move |cells| (r.label, cells.into_iter().collect::<Row>()))
            })
            .collect::<Vec<_>>()
            .prop_map(|rows| rows.into_iter().collect::<Table>())
    };
    (
        (text(), 2019i32..2031, body_kind()),
        vec(vec(block(), 1..4), 3),
        table(TableId::Proactive),
        table(TableId::Applications),
        table(TableId::Reviews),
    )
        .prop_map(move |((agency, year, kind), mut texts, t2, t3, t4)| {
            let mut report = Report::blank_of(agency, year, kind, version);
            let s = &mut report.sections;
            for (id, table) in [
                (TableId::Proactive, t2),
                (TableId::Applications, t3),
                (TableId::Reviews, t4),
            ] {
                if let Some(section) = s.table_slot(id).as_mut() {
                    section.table = Some(table);
                }
            }
            for id in [SectionId::Other, SectionId::Problems, SectionId::Overview] {
                if let Some(Some(section)) = s.text_slot(id) {
                    section.body = texts.pop().unwrap_or_default();
                }
            }
            report
        })
}

/// A complete report of either version (see [`filled_report_of`]).
pub fn filled_report() -> impl Strategy<Value = Report> {
    version().prop_flat_map(filled_report_of)
}
