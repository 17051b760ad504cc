//! Table rules (T…).

use super::*;

#[test]
fn t201_fee_unit_mismatch() {
    let mut draws = dept(2023);
    put(
        &mut draws,
        TableId::Proactive,
        FEE_ROW,
        FEE_COL,
        cell("12000元"),
    );
    let mut passes = dept(2023);
    put(
        &mut passes,
        TableId::Proactive,
        FEE_ROW,
        FEE_COL,
        cell("1.2"),
    );
    run("T201", &draws, &passes);
}

#[test]
fn t202_amount_unit_missing() {
    let mut draws = dept(2020);
    put(
        &mut draws,
        TableId::Proactive,
        BUY_ROW,
        "采购总金额",
        cell("251000"),
    );
    let mut passes = dept(2020);
    put(
        &mut passes,
        TableId::Proactive,
        BUY_ROW,
        "采购总金额",
        cell("86.4万元"),
    );
    run("T202", &draws, &passes);
}

#[test]
fn t203_fee_implausible() {
    let mut draws = dept(2023);
    put(
        &mut draws,
        TableId::Proactive,
        FEE_ROW,
        FEE_COL,
        cell("3560000"),
    );
    // The same amount is within reach of a government.
    let mut passes = clean(2023, BodyKind::Government);
    put(
        &mut passes,
        TableId::Proactive,
        FEE_ROW,
        FEE_COL,
        cell("3560000"),
    );
    run("T203", &draws, &passes);
}

#[test]
fn t203_finds_amounts_finer_than_a_fen() {
    let mut report = dept(2023);
    put(
        &mut report,
        TableId::Proactive,
        FEE_ROW,
        FEE_COL,
        cell("0.0000005"),
    );
    assert_eq!(check(&report).by_code("T203").count(), 1);
    put(
        &mut report,
        TableId::Proactive,
        FEE_ROW,
        FEE_COL,
        cell("0.000050"),
    );
    assert!(check(&report).is_empty());
}

#[test]
fn t301_applications_unbalanced() {
    let mut draws = dept(2025);
    t3(&mut draws, NEW, NP, 1);
    t3(&mut draws, NEW, TOTAL, 1);
    let mut passes = dept(2025);
    for row in [NEW, OPEN, RESULTS_TOTAL] {
        t3(&mut passes, row, NP, 1);
        t3(&mut passes, row, TOTAL, 1);
    }
    run("T301", &draws, &passes);
}

#[test]
fn t302_results_total_mismatch() {
    let mut draws = dept(2025);
    t3(&mut draws, OPEN, NP, 1);
    t3(&mut draws, OPEN, TOTAL, 1);
    // A 2021 report printing （六） as one row: that row stands in for its parts.
    run("T302", &draws, &single_other_handling(2025));
}

#[test]
fn t303_row_total_mismatch() {
    let mut draws = dept(2025);
    t3(&mut draws, CARRIED_IN, TOTAL, 1);
    t3(&mut draws, CARRIED_OUT, TOTAL, 1);
    // Only a 法人或其他组织 column instead of its five parts: it is used in their place.
    let mut passes = dept(2025);
    let table = passes.table_mut(TableId::Applications).unwrap();
    for (_, row) in table.rows_mut() {
        for part in [
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
        ] {
            row.remove(&format!("{ORG}/{part}"));
        }
        row.insert(ORG, Cell::int(0));
    }
    t3(&mut passes, NEW, ORG, 2);
    t3(&mut passes, NEW, TOTAL, 2);
    t3(&mut passes, CARRIED_OUT, ORG, 2);
    t3(&mut passes, CARRIED_OUT, TOTAL, 2);
    run("T303", &draws, &passes);
}

#[test]
fn t304_subtotal_mismatch() {
    let subtotal = |value: i64| {
        let mut r = dept(2025);
        for column in xxgk_model::schema::applications::COLUMNS {
            t3(&mut r, WITHHELD, column.label, 0);
        }
        t3(&mut r, WITHHELD, NP, value);
        t3(&mut r, WITHHELD, TOTAL, value);
        r
    };
    run("T304", &subtotal(1), &subtotal(0));
}

#[test]
fn t401_reviews_total_mismatch() {
    let mut draws = dept(2025);
    t4(&mut draws, REVIEW, "结果维持", 10);
    t4(&mut draws, REVIEW, "结果纠正", 1);
    let mut passes = draws.clone();
    t4(&mut passes, REVIEW, TOTAL, 11);
    run("T401", &draws, &passes);
}

#[test]
fn a_wrong_total_says_what_it_should_be_when_the_other_side_is_known() {
    let mut report = dept(2025);
    t4(&mut report, REVIEW, "结果维持", 10);
    t4(&mut report, REVIEW, "结果纠正", 1);
    t4(&mut report, REVIEW, TOTAL, 12);
    let findings = check(&report);
    let d: Vec<_> = findings.by_code("T401").collect();
    assert_eq!(d.len(), 1, "{findings:#?}");
    assert_eq!(d[0].expected, Some(11));
    // With a blank part, the sum is only a bound: nothing to say it should be.
    put(
        &mut report,
        TableId::Reviews,
        REVIEW,
        "其他结果",
        Cell::Blank,
    );
    t4(&mut report, REVIEW, TOTAL, 2);
    let findings = check(&report);
    let d: Vec<_> = findings.by_code("T401").collect();
    assert_eq!(d.len(), 1, "{findings:#?}");
    assert_eq!(d[0].expected, None);
}

#[test]
fn t401_known_parts_above_a_total_prove_it_wrong_despite_a_blank() {
    let mut report = dept(2025);
    t4(&mut report, REVIEW, "结果维持", 3);
    put(
        &mut report,
        TableId::Reviews,
        REVIEW,
        "其他结果",
        Cell::Blank,
    );
    t4(&mut report, REVIEW, TOTAL, 2);
    let findings = check(&report);
    let d: Vec<_> = findings.by_code("T401").collect();
    assert_eq!(d.len(), 1, "{findings:#?}");
    assert_eq!(
        d[0].message,
        "表四“行政复议”：总计 2，但结果维持 3 + 结果纠正 0 + 其他结果 空白 + 尚未审结 0 ≥ 3"
    );
    // The same blank with a total the parts may still reach is only unverifiable.
    t4(&mut report, REVIEW, TOTAL, 4);
    let findings = check(&report);
    assert!(!findings.has_errors(), "{findings:#?}");
    assert_eq!(findings.by_code("C004").count(), 1);
}

#[test]
fn parts_printed_under_other_labels_stand_in_for_the_official_ones() {
    // A typo in a sub-row label and 企业 for 商业企业, with one application in each.
    let typo = "三、本年度办理结果/（三）不予公开/2.其他法律行政止公开";
    let mut report = dept(2025);
    let table = report.table_mut(TableId::Applications).unwrap();
    table.remove("三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开");
    for (_, row) in table.rows_mut() {
        row.remove("法人或其他组织/商业企业");
        row.insert("法人或其他组织/企业", Cell::int(0));
    }
    for column in xxgk_model::schema::applications::COLUMNS {
        let column = column.label.replace("商业企业", "企业");
        t3(&mut report, typo, &column, 0);
    }
    for row in [NEW, typo, RESULTS_TOTAL] {
        t3(&mut report, row, "法人或其他组织/企业", 1);
        t3(&mut report, row, TOTAL, 1);
    }
    let findings = check(&report);
    assert!(!findings.has_errors(), "{findings:#?}");
    // Everything is verified; the labels themselves are reported.
    assert_eq!(findings.by_code("C004").count(), 0, "{findings:#?}");
    assert_eq!(findings.by_code("S009").count(), 1);
    assert_eq!(findings.by_code("S010").count(), 2);
    // A wrong number under the misspelt label is still found.
    t3(&mut report, typo, TOTAL, 2);
    let findings = check(&report);
    assert!(findings.by_code("T302").count() == 1 && findings.by_code("T303").count() == 1);
}
