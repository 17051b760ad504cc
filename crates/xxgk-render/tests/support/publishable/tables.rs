//! Tables of publishable reports: every official row with cells of every kind, and
//! the shapes beyond the official layout the model keeps.

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;
use xxgk_model::schema::{TableId, TableSpec, ValueKind, applications};
use xxgk_model::{Cell, FormatVersion, MoneyUnit, Number, Row, Table};

/// A placeholder printed where a number belongs.
fn placeholder() -> impl Strategy<Value = Cell> {
    select(&["/", "—", "——", "无", "－", "-"][..]).prop_map(|p| Cell::Placeholder(p.to_owned()))
}

/// A decimal amount with its printed scale (`96171.60`, `12.5`, `3000`).
fn amount_value() -> impl Strategy<Value = Decimal> {
    (0i64..1_000_000_000, 0u32..3).prop_map(|(m, s)| Decimal::new(m, s))
}

fn number(value: Decimal, unit: Option<MoneyUnit>) -> Cell {
    Cell::Number(Number { value, unit })
}

/// A cell of a count column: mostly a count, sometimes blank or a placeholder, and
/// now and then what a count column should not hold (a decimal, a negative number,
/// an amount with its unit), which the renderer and importer must keep all the same.
fn count_cell() -> BoxedStrategy<Cell> {
    prop_oneof![
        16 => (0u64..3000).prop_map(|v| number(v.into(), None)),
        2 => Just(Cell::Blank),
        2 => placeholder(),
        1 => (-50i64..0).prop_map(Cell::int),
        1 => (amount_value(), option::of(select(&[MoneyUnit::Yuan, MoneyUnit::Wan][..])))
            .prop_map(|(v, u)| number(v, u)),
    ]
    .boxed()
}

/// A cell of a column of one kind.
fn cell(kind: ValueKind) -> BoxedStrategy<Cell> {
    match kind {
        ValueKind::Count => count_cell(),
        ValueKind::SignedCount => prop_oneof![
            6 => (-200i64..200).prop_map(Cell::int),
            1 => Just(Cell::Blank),
            1 => placeholder(),
        ]
        .boxed(),
        ValueKind::Amount { .. } => prop_oneof![
            6 => amount_value().prop_map(|v| number(v, None)),
            2 => (amount_value(), select(&[MoneyUnit::Yuan, MoneyUnit::Wan][..]))
                .prop_map(|(v, u)| number(v, Some(u))),
            1 => Just(Cell::Blank),
            1 => placeholder(),
        ]
        .boxed(),
    }
}

/// A row of official columns, each cell drawn for its kind.
fn row(columns: &'static [xxgk_model::schema::ColumnSpec]) -> BoxedStrategy<Row> {
    columns
        .iter()
        .map(|c| cell(c.kind).prop_map(move |v| (c.label, v)))
        .collect::<Vec<_>>()
        .prop_map(|cells| cells.into_iter().collect::<Row>())
        .boxed()
}

/// A local row some agencies add to 第二十条第（一）项 (other documents they publish).
pub(super) const LOCAL_ROW: &str = "第二十条第（一）项/其他主动公开文件";

/// Table 二: every official row, and sometimes a local row at the end of item （一）.
pub(super) fn proactive(spec: &'static TableSpec) -> BoxedStrategy<Table> {
    let rows: Vec<_> = spec.rows.iter().map(|r| row(r.columns)).collect();
    (rows, option::weighted(0.1, row(spec.rows[0].columns)))
        .prop_map(move |(rows, local)| {
            let mut table = Table::new();
            let in_first = |label: &str| label.starts_with("第二十条第（一）项/");
            for (i, (spec_row, cells)) in spec.rows.iter().zip(rows).enumerate() {
                table.insert(spec_row.label, cells);
                let item_ends = spec
                    .rows
                    .get(i + 1)
                    .is_none_or(|next| !in_first(next.label));
                if in_first(spec_row.label) && item_ends {
                    if let Some(local) = &local {
                        table.insert(LOCAL_ROW, local.clone());
                    }
                }
            }
            table
        })
        .boxed()
}

/// Where a subtotal row or column sits among the rows or columns it sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Before,
    After,
}

fn place() -> impl Strategy<Value = Place> {
    prop_oneof![3 => Just(Place::Before), 1 => Just(Place::After)]
}

/// The result groups that may carry a subtotal row.
pub(super) const GROUPS: [&str; 4] = [
    "三、本年度办理结果/（三）不予公开",
    "三、本年度办理结果/（四）无法提供",
    "三、本年度办理结果/（五）不予处理",
    "三、本年度办理结果/（六）其他处理",
];

/// The row labels of table 三 in printed order, with the report's shapes applied.
fn application_rows(
    version: FormatVersion,
    single_six: bool,
    subtotals: [Option<Place>; 4],
) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for r in version.spec().table(TableId::Applications).rows {
        let group = xxgk_model::schema::parent_label(r.label);
        if single_six && group == Some(applications::OTHER_HANDLING) {
            if !labels.iter().any(|l| l == applications::OTHER_HANDLING) {
                labels.push(applications::OTHER_HANDLING.to_owned());
            }
            continue;
        }
        labels.push(r.label.to_owned());
    }
    for (group, place) in GROUPS.iter().zip(subtotals) {
        let Some(place) = place else { continue };
        let members: Vec<usize> = labels
            .iter()
            .enumerate()
            .filter(|(_, l)| xxgk_model::schema::parent_label(l) == Some(group))
            .map(|(i, _)| i)
            .collect();
        // A group without items (2019's single （六）, or a single （六） row) has no
        // subtotal of its own.
        let (Some(first), Some(last)) = (members.first(), members.last()) else {
            continue;
        };
        let at = if place == Place::Before {
            *first
        } else {
            last + 1
        };
        labels.insert(at, (*group).to_owned());
    }
    labels
}

/// Table 三: every official row (the 2021 （六） items sometimes as one row), seven
/// columns, sometimes a 法人或其他组织 subtotal column and subtotal rows.
pub(super) fn applications_table(version: FormatVersion) -> BoxedStrategy<Table> {
    let single_six = if version == FormatVersion::V2021 {
        option::weighted(0.1, Just(()))
            .prop_map(|o| o.is_some())
            .boxed()
    } else {
        Just(false).boxed()
    };
    let subtotals = [
        option::weighted(0.08, place()),
        option::weighted(0.08, place()),
        option::weighted(0.08, place()),
        option::weighted(0.08, place()),
    ];
    (
        single_six,
        subtotals,
        option::weighted(0.1, place()),
        vec(count_cell(), 30 * 8),
    )
        .prop_map(move |(single_six, subtotals, subtotal_column, cells)| {
            let mut cells = cells.into_iter();
            let mut columns: Vec<&str> = applications::COLUMNS.iter().map(|c| c.label).collect();
            match subtotal_column {
                Some(Place::Before) => columns.insert(1, applications::ORGANISATIONS),
                Some(Place::After) => columns.insert(6, applications::ORGANISATIONS),
                None => {}
            }
            application_rows(version, single_six, subtotals)
                .into_iter()
                .map(|label| {
                    let row: Row = columns
                        .iter()
                        .map(|c| (*c, cells.next().unwrap_or(Cell::Blank)))
                        .collect();
                    (label, row)
                })
                .collect()
        })
        .boxed()
}

/// Table 四: the fifteen cells.
pub(super) fn reviews_table() -> BoxedStrategy<Table> {
    let spec = FormatVersion::V2021.spec().table(TableId::Reviews);
    spec.rows
        .iter()
        .map(|r| row(r.columns).prop_map(move |row| (r.label, row)))
        .collect::<Vec<_>>()
        .prop_map(|rows| rows.into_iter().collect::<Table>())
        .boxed()
}
