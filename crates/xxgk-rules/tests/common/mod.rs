//! Fixtures shared by the rule tests: a clean report of either format, built in
//! code, and small helpers to break it.

#![allow(dead_code, unreachable_pub)]

use chrono::NaiveDate;
use xxgk_model::schema::TableId;
use xxgk_model::{Block, BodyKind, Cell, CellKey, Period, Report};

/// A report that draws no finding at all: every official cell 0, every section
/// written, the fee statement and the 考核/评议/责任追究 results stated, published
/// on time, the statistical period the report year.
pub fn clean(year: i32, kind: BodyKind) -> Report {
    let mut r = Report::blank("青禾县测试局", year, kind).unwrap();
    let keys: Vec<CellKey> = r.cells().map(|(k, _)| k).collect();
    for key in keys {
        set(&mut r, &key, Cell::int(0));
    }
    let s = &mut r.sections;
    s.overview.as_mut().unwrap().body = vec![Block::Paragraph(
        "全年主动公开政府信息，依法办理申请；将政务公开纳入年度考核，开展社会评议，未发生责任追究情形。"
            .into(),
    )];
    s.problems.as_mut().unwrap().body = vec![Block::Paragraph(
        "一是栏目更新不够及时；下一步建立更新台账。".into(),
    )];
    s.other.as_mut().unwrap().body = vec![Block::Paragraph("本年度未收取信息处理费。".into())];
    r.meta.published = NaiveDate::from_ymd_opt(year + 1, 1, 20);
    r.meta.period = Some(Period {
        start: NaiveDate::from_ymd_opt(year, 1, 1).unwrap(),
        end: NaiveDate::from_ymd_opt(year, 12, 31).unwrap(),
    });
    r
}

/// Sets a printed cell (the row is created if needed).
pub fn set(r: &mut Report, key: &CellKey, cell: Cell) {
    r.table_entry(key.table)
        .set(key.row.clone(), key.column.clone(), cell);
}

/// Sets a cell by table, row and column.
pub fn put(r: &mut Report, table: TableId, row: &str, column: &str, cell: Cell) {
    set(r, &CellKey::new(table, row, column), cell);
}

/// Sets a whole-number cell of table 三.
pub fn t3(r: &mut Report, row: &str, column: &str, value: i64) {
    put(r, TableId::Applications, row, column, Cell::int(value));
}

/// Sets a whole-number cell of table 四.
pub fn t4(r: &mut Report, row: &str, column: &str, value: i64) {
    put(r, TableId::Reviews, row, column, Cell::int(value));
}

/// A cell from its text form (`"/"`, `"12.5"`, `"12000元"`, `""`).
pub fn cell(text: &str) -> Cell {
    text.parse().unwrap()
}
