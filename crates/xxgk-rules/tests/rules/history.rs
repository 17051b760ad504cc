//! Cross-year rules (X…).

use super::*;

#[test]
fn x001_previous_year_mismatch() {
    let current = dept(2025);
    with_previous("X001", (&current, &dept(2023)), (&current, &dept(2024)));
}

#[test]
fn x002_carry_over_mismatch() {
    let mut previous = dept(2024);
    for row in [NEW, CARRIED_OUT] {
        t3(&mut previous, row, NP, 2);
        t3(&mut previous, row, TOTAL, 2);
    }
    let mut current = dept(2025);
    for row in [CARRIED_IN, OPEN, RESULTS_TOTAL] {
        t3(&mut current, row, NP, 2);
        t3(&mut current, row, TOTAL, 2);
    }
    let draws = dept(2025);
    with_previous("X002", (&draws, &previous), (&current, &previous));
}

fn documents(year: i32, issued: i64, repealed: i64, stock: i64) -> Report {
    let mut r = dept(year);
    put(
        &mut r,
        TableId::Proactive,
        DOCS_ROW,
        "本年制发件数",
        Cell::int(issued),
    );
    put(
        &mut r,
        TableId::Proactive,
        DOCS_ROW,
        "本年废止件数",
        Cell::int(repealed),
    );
    put(
        &mut r,
        TableId::Proactive,
        DOCS_ROW,
        "现行有效件数",
        Cell::int(stock),
    );
    r
}

#[test]
fn x003_document_stock_mismatch() {
    let previous = documents(2023, 77, 132, 470);
    with_previous(
        "X003",
        (&documents(2024, 62, 33, 440), &previous),
        (&documents(2024, 62, 33, 499), &previous),
    );
}

fn items(year: i32, base: i64, change: i64) -> Report {
    let mut r = dept(year);
    let row = "第二十条第（五）项/行政许可";
    put(
        &mut r,
        TableId::Proactive,
        row,
        "上一年项目数量",
        Cell::int(base),
    );
    put(
        &mut r,
        TableId::Proactive,
        row,
        "本年增/减",
        Cell::int(change),
    );
    r
}

#[test]
fn x004_item_count_mismatch() {
    let previous = items(2019, 5, 2);
    with_previous(
        "X004",
        (&items(2020, 6, 0), &previous),
        (&items(2020, 7, -1), &previous),
    );
}
