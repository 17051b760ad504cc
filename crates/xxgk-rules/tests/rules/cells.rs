//! Rules about single cells (C…).

use super::*;

#[test]
fn c001_cell_blank() {
    let mut draws = dept(2025);
    for c in ["本年制发件数", "本年废止件数", "现行有效件数"] {
        put(&mut draws, TableId::Proactive, RULES_ROW, c, Cell::Blank);
    }
    run("C001", &draws, &dept(2025));
}

#[test]
fn c002_cell_placeholder() {
    let mut draws = dept(2025);
    put(
        &mut draws,
        TableId::Proactive,
        RULES_ROW,
        "本年制发件数",
        cell("/"),
    );
    run("C002", &draws, &dept(2025));
}

#[test]
fn c003_number_invalid() {
    let mut draws = dept(2025);
    put(
        &mut draws,
        TableId::Proactive,
        "第二十条第（五）项/行政许可",
        "本年处理决定数量",
        cell("12.5"),
    );
    put(&mut draws, TableId::Proactive, FEE_ROW, FEE_COL, cell("-3"));
    // A 2019 本年增/减 may be negative.
    let mut passes = dept(2020);
    put(
        &mut passes,
        TableId::Proactive,
        "第二十条第（五）项/行政许可",
        "本年增/减",
        cell("-1"),
    );
    run("C003", &draws, &passes);
}

#[test]
fn c004_identity_unverifiable() {
    let mut draws = dept(2025);
    put(&mut draws, TableId::Applications, OPEN, TOTAL, Cell::Blank);
    run("C004", &draws, &dept(2025));
}
