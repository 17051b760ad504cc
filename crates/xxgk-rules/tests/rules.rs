//! Each rule: a fixture that must draw it and one that must not (often a near miss),
//! with the complete findings of both pinned by an insta snapshot per rule.

mod common;

use chrono::NaiveDate;
use common::{cell, clean, put, t3, t4};
use xxgk_model::schema::TableId;
use xxgk_model::schema::applications::{
    CARRIED_IN, CARRIED_OUT, NEW, OTHER_HANDLING, RESULTS_TOTAL,
};
use xxgk_model::{Block, BodyKind, Cell, FormatVersion, Report, SectionId, TableSection};
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
        check_with(
            current,
            &CheckOptions {
                previous: Some(previous),
                ..CheckOptions::default()
            },
        )
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

#[test]
fn d001_published_late() {
    let mut draws = dept(2025);
    draws.meta.published = NaiveDate::from_ymd_opt(2026, 2, 1);
    // The deadline day itself is on time.
    let mut passes = dept(2025);
    passes.meta.published = NaiveDate::from_ymd_opt(2026, 1, 31);
    run("D001", &draws, &passes);
}

#[test]
fn d001_uses_the_configured_local_deadline() {
    let config = Config::from_toml("[deadlines]\ndepartment = \"01-20\"\n").unwrap();
    let mut report = dept(2025);
    report.meta.published = NaiveDate::from_ymd_opt(2026, 1, 25);
    assert!(check(&report).is_empty());
    let options = CheckOptions {
        config: &config,
        ..CheckOptions::default()
    };
    let findings = check_with(&report, &options);
    let d: Vec<_> = findings.by_code("D001").collect();
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0].message,
        "发布日期 2026-01-25 晚于公布期限 2026-01-20（本地规定）"
    );
}

#[test]
fn d002_published_before_year_end() {
    let mut draws = dept(2025);
    draws.meta.published = NaiveDate::from_ymd_opt(2025, 12, 31);
    let mut passes = dept(2025);
    passes.meta.published = NaiveDate::from_ymd_opt(2026, 1, 1);
    run("D002", &draws, &passes);
}

#[test]
fn d003_period_not_report_year() {
    let mut draws = dept(2025);
    let mut period = draws.meta.period.unwrap();
    period.start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    period.end = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    draws.meta.period = Some(period);
    run("D003", &draws, &dept(2025));
}

fn overview_text(r: &mut Report, text: &str) {
    r.sections.overview.as_mut().unwrap().body = vec![Block::Paragraph(text.into())];
}

#[test]
fn n001_no_applications_claim_contradicted() {
    let mut draws = dept(2025);
    for row in [NEW, OPEN, RESULTS_TOTAL] {
        t3(&mut draws, row, NP, 1);
        t3(&mut draws, row, TOTAL, 1);
    }
    let mut passes = draws.clone();
    overview_text(
        &mut draws,
        "2025年，本局未收到政府信息公开申请，未发生行政复议。",
    );
    // 申请人 is not 申请: nothing is said about how many applications came in.
    overview_text(&mut passes, "2025年，逾期未收到申请人缴纳的信息处理费。");
    run("N001", &draws, &passes);
}

#[test]
fn n002_parts_exceed_total() {
    let mut draws = dept(2025);
    overview_text(
        &mut draws,
        "全年共发布信息480条，其中工作动态230条，通知公告160条，专栏信息140条。",
    );
    // A total written as a lower bound may be exceeded.
    let mut passes = dept(2025);
    overview_text(
        &mut passes,
        "全年共发布信息480余条，其中工作动态230条，通知公告160条，专栏信息140条。",
    );
    run("N002", &draws, &passes);
}

fn other_text(r: &mut Report, text: &str) {
    r.sections.other.as_mut().unwrap().body = vec![Block::Paragraph(text.into())];
}

#[test]
fn r001_fee_statement_missing() {
    let mut draws = dept(2025);
    other_text(&mut draws, "无。");
    // Before 2021 a bare 无 is acceptable.
    let mut passes = dept(2020);
    other_text(&mut passes, "无。");
    run("R001", &draws, &passes);
}

#[test]
fn r002_accountability_results_missing() {
    let text = "全年主动公开政府信息，依法办理申请，将政务公开纳入年度考核。";
    let mut draws = clean(2025, BodyKind::Government);
    draws.sections.overview.as_mut().unwrap().body = vec![Block::Paragraph(text.into())];
    // Only governments must report them.
    let mut passes = dept(2025);
    passes.sections.overview.as_mut().unwrap().body = vec![Block::Paragraph(text.into())];
    run("R002", &draws, &passes);
}

#[test]
fn r003_section_empty() {
    let mut draws = dept(2025);
    draws.sections.problems.as_mut().unwrap().body = vec![Block::Paragraph("无。".into())];
    let mut passes = dept(2020);
    other_text(&mut passes, "无。");
    run("R003", &draws, &passes);
}

#[test]
fn s001_section_missing() {
    let mut draws = dept(2025);
    draws.sections.reviews = None;
    run("S001", &draws, &dept(2025));
}

#[test]
fn s002_table_missing() {
    let mut draws = dept(2025);
    let reviews = draws.sections.reviews.as_mut().unwrap();
    reviews.table = None;
    reviews.text = vec![Block::Paragraph("本年度未发生行政复议、行政诉讼。".into())];
    run("S002", &draws, &dept(2025));
}

#[test]
fn s003_heading_not_official() {
    let mut draws = dept(2025);
    draws.sections.overview.as_mut().unwrap().heading = Some("一、政府信息公开工作概况".into());
    draws.sections.other.as_mut().unwrap().heading = None;
    // Spaces and half-width punctuation are tolerated; 2019 reports may use the
    // longer wording of heading 五.
    let mut passes = dept(2020);
    passes.sections.overview.as_mut().unwrap().heading = Some(" 一、 总体情况".into());
    passes.sections.problems.as_mut().unwrap().heading =
        Some("五、政府信息公开工作存在的主要问题及改进情况".into());
    run("S003", &draws, &passes);
}

#[test]
fn s004_sections_out_of_order() {
    use SectionId::{Applications, Other, Overview, Proactive, Problems, Reviews};
    let mut draws = dept(2025);
    draws.order = vec![Overview, Applications, Proactive, Reviews, Problems, Other];
    let mut passes = dept(2025);
    passes.order = SectionId::ALL.to_vec();
    run("S004", &draws, &passes);
}

#[test]
fn s005_format_outdated() {
    let mut draws = dept(2020);
    draws.meta.year = 2022;
    draws.meta.published = NaiveDate::from_ymd_opt(2023, 1, 10);
    draws.meta.period = None;
    run("S005", &draws, &dept(2020));
}

#[test]
fn s006_format_too_new() {
    let mut draws = dept(2021);
    draws.meta.year = 2020;
    draws.meta.published = NaiveDate::from_ymd_opt(2021, 1, 10);
    draws.meta.period = None;
    run("S006", &draws, &dept(2021));
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

#[test]
fn s007_other_handling_single_row() {
    let mut passes = dept(2020);
    for row in [NEW, OTHER_HANDLING, RESULTS_TOTAL] {
        t3(&mut passes, row, NP, 1);
        t3(&mut passes, row, TOTAL, 1);
    }
    run("S007", &single_other_handling(2023), &passes);
}

#[test]
fn s008_other_version_label() {
    let row = "第二十条第（五）项/其他对外管理服务事项";
    let mut draws = dept(2023);
    put(
        &mut draws,
        TableId::Proactive,
        row,
        "处理决定数量",
        Cell::int(0),
    );
    put(
        &mut draws,
        TableId::Proactive,
        RULES_ROW,
        "本年新公开数量",
        Cell::int(0),
    );
    run("S008", &draws, &dept(2020));
}

#[test]
fn s009_cells_missing() {
    let mut draws = dept(2023);
    let table = draws.table_mut(TableId::Applications).unwrap();
    table.remove("三、本年度办理结果/（三）不予公开/8.属于行政查询事项");
    table.row_mut(NEW).unwrap().remove("法人或其他组织/其他");
    run("S009", &draws, &dept(2023));
}

#[test]
fn s010_label_not_in_format() {
    let mut draws = dept(2023);
    let rows: Vec<String> = draws
        .table(TableId::Applications)
        .unwrap()
        .rows()
        .map(|(l, _)| l.to_owned())
        .collect();
    for row in &rows {
        t3(&mut draws, row, ORG, 0);
    }
    put(
        &mut draws,
        TableId::Proactive,
        "第二十条第（一）项/其他主动公开文件",
        "本年制发件数",
        Cell::int(4),
    );
    run("S010", &draws, &dept(2023));
}

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

#[test]
fn format_version_checks_follow_the_report_year() {
    let report = dept(2025);
    assert_eq!(report.meta.format, FormatVersion::V2021);
    let _ = TableSection::default();
}
