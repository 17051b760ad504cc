//! Each rule: a fixture that must draw it and one that must not (often a near miss),
//! with the complete findings of both pinned by an insta snapshot per rule.

#[path = "../common/mod.rs"]
mod common;

mod cells;
mod dates;
mod history;
mod structure;
mod tables;
mod text;

use chrono::NaiveDate;
use common::{cell, clean, put, t3, t4};
use xxgk_model::schema::TableId;
use xxgk_model::schema::applications::{
    CARRIED_IN, CARRIED_OUT, NEW, OTHER_HANDLING, RESULTS_TOTAL,
};
use xxgk_model::{Block, BodyKind, Cell, Report, SectionId};
use xxgk_rules::{CheckOptions, Config, Findings, check, check_with};

const OPEN: &str = "三、本年度办理结果/（一）予以公开";
const NP: &str = "自然人";
const TOTAL: &str = "总计";
const ORG: &str = "法人或其他组织";
const REVIEW: &str = "行政复议";
const RULES_ROW: &str = "第二十条第（一）项/规章";
const DOCS_ROW: &str = "第二十条第（一）项/行政规范性文件";
const FEE_ROW: &str = "第二十条第（八）项/行政事业性收费";
const FEE_COL: &str = "本年收费金额（单位：万元）";
const BUY_ROW: &str = "第二十条第（九）项/政府集中采购";
const WITHHELD: &str = "三、本年度办理结果/（三）不予公开";

fn dept(year: i32) -> Report {
    clean(year, BodyKind::Department)
}

/// Checks both fixtures, asserts the rule's presence and absence, and snapshots
/// every finding of both.
fn case(code: &str, draws: &Findings, passes: &Findings) {
    assert!(
        draws.by_code(code).next().is_some(),
        "{code} not drawn: {draws:#?}"
    );
    assert!(
        passes.by_code(code).next().is_none(),
        "{code} drawn by the passing fixture: {passes:#?}"
    );
    insta::assert_json_snapshot!(
        code,
        serde_json::json!({ "draws": draws, "passes": passes })
    );
}

fn run(code: &str, draws: &Report, passes: &Report) {
    case(code, &check(draws), &check(passes));
}

fn with_previous(code: &str, draws: (&Report, &Report), passes: (&Report, &Report)) {
    let findings = |(current, previous): (&Report, &Report)| {
        check_with(current, &CheckOptions::default().previous(previous))
    };
    case(code, &findings(draws), &findings(passes));
}

#[test]
fn clean_reports_draw_nothing() {
    for year in [2019, 2020, 2021, 2025] {
        for kind in [BodyKind::Department, BodyKind::Government, BodyKind::Other] {
            let findings = check(&clean(year, kind));
            assert!(findings.is_empty(), "{year} {kind:?}: {findings:#?}");
        }
    }
}

/// A 2021 table 三 printing （六） as one row, with one application there.
fn single_other_handling(year: i32) -> Report {
    let mut r = dept(year);
    let table = r.table_mut(TableId::Applications).unwrap();
    for sub in [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ] {
        table.remove(&format!("{OTHER_HANDLING}/{sub}"));
    }
    for column in xxgk_model::schema::applications::COLUMNS {
        t3(&mut r, OTHER_HANDLING, column.label, 0);
    }
    for row in [NEW, OTHER_HANDLING, RESULTS_TOTAL] {
        t3(&mut r, row, NP, 1);
        t3(&mut r, row, TOTAL, 1);
    }
    r
}
