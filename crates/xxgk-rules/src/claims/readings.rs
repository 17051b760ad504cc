//! The tables' side: every legitimate reading of a [`Target`] in a report.
//!
//! A statement may count differently from the table and still be right: `受理`
//! may include last year's carried-in applications (一 or 一 + 二), `办结` may be
//! （七）总计 or （七）总计 without them, `行政诉讼` may be both rows of table 四 or
//! the first. A cell printed blank (or with a placeholder, or absent) is unknown:
//! a reading that needs it is only known from below, and a 总计 printed blank is
//! read as the sum of its columns.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use xxgk_model::schema::applications::{
    CARRIED_IN, CARRIED_OUT, NATURAL_PERSON, NEW, ORGANISATIONS, RESULTS, RESULTS_TOTAL,
};
use xxgk_model::schema::{TableId, reviews};
use xxgk_model::{Cell, CellKey, FormatVersion, MoneyUnit, Report, Table};

use super::{Block, Decision, DocKind, DocMeasure, Measure, Outcome, Party, Result4, Target};
use crate::labels::{count, row_name};

/// A value known exactly, or within bounds (an unknown cell is at least 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bounds {
    /// The least it can be.
    pub(crate) lo: Decimal,
    /// The most it can be, if bounded.
    pub(crate) hi: Option<Decimal>,
}

impl Bounds {
    pub(crate) fn exact(v: Decimal) -> Bounds {
        Bounds { lo: v, hi: Some(v) }
    }

    pub(crate) fn unknown() -> Bounds {
        Bounds {
            lo: Decimal::ZERO,
            hi: None,
        }
    }

    /// Whether the value is known exactly.
    pub(crate) fn is_exact(&self) -> bool {
        self.hi == Some(self.lo)
    }

    fn add(self, other: Bounds) -> Bounds {
        Bounds {
            lo: self.lo + other.lo,
            hi: self.hi.zip(other.hi).map(|(a, b)| a + b),
        }
    }

    fn sub(self, other: Bounds) -> Bounds {
        Bounds {
            lo: other
                .hi
                .map_or(Decimal::ZERO, |h| (self.lo - h).max(Decimal::ZERO)),
            hi: self.hi.map(|h| h - other.lo),
        }
    }

    /// Whether some value within these bounds is also within `lo..=hi`.
    pub(crate) fn meets(&self, lo: Decimal, hi: Option<Decimal>) -> bool {
        let below = hi.is_some_and(|hi| hi < self.lo);
        let above = self.hi.is_some_and(|h| h < lo);
        !below && !above
    }
}

/// One row (or group of rows) of a reading, with its sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// Added (`true`) or taken away.
    pub(crate) plus: bool,
    /// The row as messages name it (`（一）予以公开`, `（三）不予公开各项`).
    pub(crate) row: String,
    /// Its value.
    pub(crate) value: Bounds,
    /// The cells it was read from, with their values as printed.
    pub(crate) cells: Vec<(CellKey, String)>,
    /// A 总计 printed blank, read as the sum of its columns.
    pub(crate) summed: bool,
}

/// One legitimate reading of a target in the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reading {
    /// The table.
    pub(crate) table: TableId,
    /// The column as messages name it.
    pub(crate) column: String,
    /// The rows, added or taken away.
    pub(crate) terms: Vec<Term>,
    /// The value.
    pub(crate) value: Bounds,
    /// The unit messages write after the value (`万元` for money, else empty).
    pub(crate) unit: &'static str,
    /// How messages name this reading beside the usual one (`加上年结转`); empty
    /// for the usual one.
    pub(crate) alias: &'static str,
}

impl Reading {
    fn new(table: TableId, column: &str, terms: Vec<Term>) -> Reading {
        let value = terms.iter().fold(Bounds::exact(Decimal::ZERO), |v, t| {
            if t.plus {
                v.add(t.value)
            } else {
                v.sub(t.value)
            }
        });
        Reading {
            table,
            column: column.rsplit('/').next().unwrap_or(column).to_owned(),
            terms,
            value,
            unit: "",
            alias: "",
        }
    }

    fn alias(mut self, alias: &'static str) -> Reading {
        self.alias = alias;
        self
    }

    /// The reading as messages name it: `表三“一、本年新收政府信息公开申请数量”行“总计”列`,
    /// `表三“（一）予以公开”行加“（二）部分公开”行“总计”列合计`.
    pub(crate) fn name(&self) -> String {
        let mut s = format!("表{}", self.table.numeral());
        for (i, t) in self.terms.iter().enumerate() {
            if i > 0 {
                s.push_str(if t.plus { "加" } else { "减" });
            }
            let _ = write!(s, "“{}”行", t.row);
        }
        let _ = write!(s, "“{}”列", self.column);
        if self.terms.len() > 1 {
            s.push_str("合计");
        }
        s
    }

    /// Whether a blank 总计 was read as the sum of its columns.
    pub(crate) fn summed(&self) -> bool {
        self.terms.iter().any(|t| t.summed)
    }

    /// Every cell the reading was read from.
    pub(crate) fn cells(&self) -> impl Iterator<Item = &(CellKey, String)> {
        self.terms.iter().flat_map(|t| t.cells.iter())
    }
}

/// Every legitimate reading of `target` in the report's tables; empty when the
/// table is not in the report (nothing to compare with).
pub(crate) fn readings(report: &Report, target: &Target) -> Vec<Reading> {
    match *target {
        Target::Applications { measure, party } => {
            let Some(table) = report.table(TableId::Applications) else {
                return Vec::new();
            };
            applications(report, table, measure, party)
        }
        Target::Reviews { block, result } => {
            let Some(table) = report.table(TableId::Reviews) else {
                return Vec::new();
            };
            reviews(table, block, result)
        }
        Target::Documents { kind, measure } => report
            .table(TableId::Proactive)
            .map(|t| documents(report.meta.format, t, kind, measure))
            .unwrap_or_default(),
        Target::Decisions(d) => report
            .table(TableId::Proactive)
            .map(|t| decisions(report.meta.format, t, d))
            .unwrap_or_default(),
        Target::Fees => report
            .table(TableId::Proactive)
            .and_then(|t| fees(report.meta.format, t))
            .into_iter()
            .collect(),
    }
}

fn key(table: TableId, row: &str, column: &str) -> CellKey {
    CellKey::new(table, row, column)
}

fn shown(cell: Option<&Cell>) -> String {
    crate::labels::cell_text(cell)
}

/// A cell as a count: exact when it holds one, else unknown.
fn read(table: &Table, id: TableId, row: &str, column: &str) -> (Bounds, (CellKey, String)) {
    let cell = table.get(row, column);
    let value = count(cell).map_or(Bounds::unknown(), |v| Bounds::exact(Decimal::from(v)));
    (value, (key(id, row, column), shown(cell)))
}

/// The applicant columns under 法人或其他组织.
fn organisation_columns() -> impl Iterator<Item = &'static str> {
    xxgk_model::schema::applications::COLUMNS
        .iter()
        .map(|c| c.label)
        .filter(|l| l.starts_with(ORGANISATIONS))
}

/// A cell of `row` as a term; when it holds no count and `under` names the columns
/// it totals, their sum (if any of them holds one).
fn cell_or_sum(
    table: &Table,
    id: TableId,
    (row, column): (&str, &str),
    under: &[&str],
    label: String,
) -> Term {
    let (value, cell) = read(table, id, row, column);
    let parts: Vec<(Bounds, (CellKey, String))> = if value.is_exact() {
        Vec::new()
    } else {
        under.iter().map(|c| read(table, id, row, c)).collect()
    };
    if parts.iter().all(|(v, _)| !v.is_exact()) {
        return Term {
            plus: true,
            row: label,
            value,
            cells: vec![cell],
            summed: false,
        };
    }
    Term {
        plus: true,
        row: label,
        value: parts
            .iter()
            .fold(Bounds::exact(Decimal::ZERO), |v, (b, _)| v.add(*b)),
        cells: parts.into_iter().map(|(_, c)| c).collect(),
        summed: true,
    }
}

/// One row of table 三 in one applicant column: the cell, or for a blank 总计 (or
/// the 法人或其他组织 group) the sum of the columns under it.
fn t3_row(table: &Table, row: &str, party: Party, label: String) -> Term {
    let under: Vec<&str> = match party {
        Party::Total => std::iter::once(NATURAL_PERSON)
            .chain(organisation_columns())
            .collect(),
        Party::Organisations => organisation_columns().collect(),
        _ => Vec::new(),
    };
    cell_or_sum(
        table,
        TableId::Applications,
        (row, party.column()),
        &under,
        label,
    )
}

/// The official label of a result row, by its numbering (`（二）`).
fn result_row(report: &Report, numbering: &str) -> Option<&'static str> {
    let prefix = format!("{RESULTS}/{numbering}");
    report
        .spec()
        .table(TableId::Applications)
        .rows
        .iter()
        .map(|r| r.label)
        .find(|l| l.starts_with(&prefix))
}

/// The readings of a category of results: the sum of its sub-rows, and the
/// category's own row where the report prints one.
fn category(table: &Table, category: &str, party: Party) -> Vec<Vec<Term>> {
    let name = row_name(category);
    let subs: Vec<String> = table
        .rows()
        .map(|(l, _)| l.to_owned())
        .filter(|l| l.starts_with(&format!("{category}/")))
        .collect();
    let mut out = Vec::new();
    if !subs.is_empty() {
        let terms: Vec<Term> = subs
            .iter()
            .map(|s| t3_row(table, s, party, row_name(s)))
            .collect();
        let value = terms
            .iter()
            .fold(Bounds::exact(Decimal::ZERO), |v, t| v.add(t.value));
        out.push(vec![Term {
            plus: true,
            row: format!("{name}各项"),
            value,
            cells: terms.iter().flat_map(|t| t.cells.clone()).collect(),
            summed: terms.iter().any(|t| t.summed),
        }]);
        // Keep the sub-rows for hints: a figure may be one of them.
        out.push(terms);
    }
    if table.row(category).is_some() {
        out.insert(0, vec![t3_row(table, category, party, name)]);
    }
    out
}

fn applications(report: &Report, table: &Table, measure: Measure, party: Party) -> Vec<Reading> {
    let id = TableId::Applications;
    let column = party.column();
    let row = |label: &str| t3_row(table, label, party, row_name(label));
    let minus = |mut t: Term| {
        t.plus = false;
        t
    };
    let single = |terms: Vec<Term>| Reading::new(id, column, terms);
    match measure {
        Measure::Received => vec![
            single(vec![row(NEW)]),
            single(vec![row(NEW), row(CARRIED_IN)]).alias("加上年结转"),
        ],
        Measure::Handled => vec![
            single(vec![row(RESULTS_TOTAL)]),
            single(vec![row(RESULTS_TOTAL), minus(row(CARRIED_IN))]).alias("减上年结转"),
        ],
        Measure::Processed | Measure::Unspecified => {
            let mut out = applications(report, table, Measure::Received, party);
            out.extend(applications(report, table, Measure::Handled, party));
            out
        }
        Measure::CarriedIn => vec![single(vec![row(CARRIED_IN)])],
        Measure::CarriedOut => vec![single(vec![row(CARRIED_OUT)])],
        Measure::Outcome(outcome) => {
            let rows = |n: &str| result_row(report, n);
            match outcome {
                Outcome::Open => rows("（一）")
                    .map(|r| single(vec![row(r)]))
                    .into_iter()
                    .collect(),
                Outcome::Partly => rows("（二）")
                    .map(|r| single(vec![row(r)]))
                    .into_iter()
                    .collect(),
                Outcome::OpenOrPartly => rows("（一）")
                    .zip(rows("（二）"))
                    .map(|(a, b)| single(vec![row(a), row(b)]))
                    .into_iter()
                    .collect(),
                Outcome::Withheld
                | Outcome::Unavailable
                | Outcome::NotProcessed
                | Outcome::Other => {
                    let numbering = match outcome {
                        Outcome::Withheld => "（三）",
                        Outcome::Unavailable => "（四）",
                        Outcome::NotProcessed => "（五）",
                        _ => "（六）",
                    };
                    let Some(any_row) = rows(numbering) else {
                        return Vec::new();
                    };
                    // The category label: the row itself (2019 （六）) or its parent.
                    let cat = xxgk_model::schema::parent_label(any_row)
                        .filter(|p| *p != RESULTS)
                        .unwrap_or(any_row);
                    category(table, cat, party)
                        .into_iter()
                        .map(single)
                        .collect()
                }
            }
        }
    }
}

fn reviews(table: &Table, block: Block, result: Result4) -> Vec<Reading> {
    let id = TableId::Reviews;
    let column = match result {
        Result4::Total => reviews::TOTAL_COLUMN,
        Result4::Upheld => "结果维持",
        Result4::Corrected => "结果纠正",
        Result4::Other => "其他结果",
        Result4::Pending => "尚未审结",
    };
    let under: &[&str] = if result == Result4::Total {
        &["结果维持", "结果纠正", "其他结果", "尚未审结"]
    } else {
        &[]
    };
    let row = |label: &str| cell_or_sum(table, id, (label, column), under, label.to_owned());
    let [review, direct, after] = [
        reviews::ROWS[0].label,
        reviews::ROWS[1].label,
        reviews::ROWS[2].label,
    ];
    let single = |terms: Vec<Term>| Reading::new(id, column, terms);
    match block {
        Block::Review => vec![single(vec![row(review)])],
        Block::Litigation => vec![
            single(vec![row(direct), row(after)]),
            single(vec![row(direct)]).alias("只计未经复议直接起诉"),
        ],
        Block::Direct => vec![single(vec![row(direct)])],
        Block::AfterReview => vec![single(vec![row(after)])],
    }
}

fn documents(
    version: FormatVersion,
    table: &Table,
    kind: DocKind,
    measure: DocMeasure,
) -> Vec<Reading> {
    let id = TableId::Proactive;
    let row = match (kind, version) {
        (DocKind::Rules, _) => "第二十条第（一）项/规章",
        (DocKind::Normative, FormatVersion::V2021) => "第二十条第（一）项/行政规范性文件",
        (DocKind::Normative, FormatVersion::V2019) => "第二十条第（一）项/规范性文件",
    };
    let columns: &[&str] = match (version, measure) {
        (FormatVersion::V2021, DocMeasure::Made) => &["本年制发件数"],
        (FormatVersion::V2021, DocMeasure::Repealed) => &["本年废止件数"],
        (FormatVersion::V2021, DocMeasure::Valid) => &["现行有效件数"],
        (FormatVersion::V2021, DocMeasure::Published) => &["本年制发件数", "现行有效件数"],
        (FormatVersion::V2021, DocMeasure::Any) => {
            &["本年制发件数", "本年废止件数", "现行有效件数"]
        }
        (FormatVersion::V2019, DocMeasure::Made) => &["本年新制作数量", "本年新公开数量"],
        (FormatVersion::V2019, DocMeasure::Repealed) => &[],
        (FormatVersion::V2019, DocMeasure::Valid) => &["对外公开总数量"],
        (FormatVersion::V2019, DocMeasure::Published | DocMeasure::Any) => {
            &["本年新公开数量", "本年新制作数量", "对外公开总数量"]
        }
    };
    let label = row.rsplit('/').next().unwrap_or(row);
    columns
        .iter()
        .map(|c| {
            let (value, cell) = read(table, id, row, c);
            Reading::new(
                id,
                c,
                vec![Term {
                    plus: true,
                    row: label.to_owned(),
                    value,
                    cells: vec![cell],
                    summed: false,
                }],
            )
        })
        .collect()
}

fn decisions(version: FormatVersion, table: &Table, decision: Decision) -> Vec<Reading> {
    let id = TableId::Proactive;
    let row = match decision {
        Decision::Licence => "第二十条第（五）项/行政许可",
        Decision::Penalty => "第二十条第（六）项/行政处罚",
        Decision::Enforcement => "第二十条第（六）项/行政强制",
    };
    let column = match version {
        FormatVersion::V2021 => "本年处理决定数量",
        FormatVersion::V2019 => "处理决定数量",
    };
    let (value, cell) = read(table, id, row, column);
    vec![Reading::new(
        id,
        column,
        vec![Term {
            plus: true,
            row: row.rsplit('/').next().unwrap_or(row).to_owned(),
            value,
            cells: vec![cell],
            summed: false,
        }],
    )]
}

/// 本年收费金额 in 元, within half the step it is printed to.
fn fees(version: FormatVersion, table: &Table) -> Option<Reading> {
    if version != FormatVersion::V2021 {
        return None;
    }
    let id = TableId::Proactive;
    let row = "第二十条第（八）项/行政事业性收费";
    let column = "本年收费金额（单位：万元）";
    let cell = table.get(row, column);
    let (value, unit) = match cell.and_then(Cell::number) {
        Some(n) => {
            let factor = match n.unit {
                Some(MoneyUnit::Yuan) => Decimal::ONE,
                _ => Decimal::from(10_000),
            };
            let yuan = n.value * factor;
            let half = Decimal::new(5, n.value.scale() + 1) * factor;
            (
                Bounds {
                    lo: yuan - half,
                    hi: Some(yuan + half),
                },
                if factor == Decimal::ONE {
                    "元"
                } else {
                    "万元"
                },
            )
        }
        None => (Bounds::unknown(), ""),
    };
    let mut reading = Reading::new(
        id,
        "本年收费金额",
        vec![Term {
            plus: true,
            row: "行政事业性收费".to_owned(),
            value,
            cells: vec![(key(id, row, column), shown(cell))],
            summed: false,
        }],
    );
    reading.unit = unit;
    Some(reading)
}
