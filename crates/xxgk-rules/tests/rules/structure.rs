//! Structure rules (S…).

use super::*;

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

/// A table the reader could not read in full: its gaps are the reading's, so
/// table-unread is drawn in place of table-missing and cells-missing.
#[test]
fn s011_table_unread() {
    let unread = [TableId::Applications];
    let with_unread =
        |report: &Report| check_with(report, &CheckOptions::default().unread(&unread));
    // Every row of table 三 unread, and one row of a partly read table 三.
    let mut empty = dept(2023);
    let table = empty.table_mut(TableId::Applications).unwrap();
    let rows: Vec<String> = table.rows().map(|(l, _)| l.to_owned()).collect();
    for row in &rows {
        table.remove(row);
    }
    let mut partial = dept(2023);
    partial
        .table_mut(TableId::Applications)
        .unwrap()
        .remove("三、本年度办理结果/（三）不予公开/8.属于行政查询事项");
    for draws in [&empty, &partial] {
        let findings = with_unread(draws);
        for code in ["S002", "S009"] {
            assert!(
                findings.by_code(code).next().is_none(),
                "{code} for a table not read in full: {findings:#?}"
            );
        }
        // Without the reader's word, the same report lacks a table or cells.
        let plain = check(draws);
        assert!(
            plain
                .by_code("S002")
                .chain(plain.by_code("S009"))
                .next()
                .is_some()
        );
        assert!(plain.by_code("S011").next().is_none());
    }
    let partly = with_unread(&partial);
    let message = &partly.by_code("S011").next().unwrap().message;
    assert!(
        message.contains("表三有 7 个单元格未能从文件读出"),
        "{message}"
    );
    // Passes: the same empty table when the reader read everything it printed.
    case("S011", &with_unread(&empty), &check(&empty));
}

/// Sections the reader could not tell apart: one sections-unread finding in
/// place of a section-missing for each.
#[test]
fn s012_sections_unread() {
    let unfound = [SectionId::Overview, SectionId::Problems, SectionId::Other];
    let mut lacking = dept(2023);
    lacking.sections.overview = None;
    lacking.sections.problems = None;
    lacking.sections.other = None;
    let with_unfound =
        |report: &Report| check_with(report, &CheckOptions::default().unfound(&unfound));
    let draws = with_unfound(&lacking);
    assert!(
        draws.by_code("S001").next().is_none(),
        "S001 for a section the reader could not tell apart: {draws:#?}"
    );
    assert_eq!(draws.by_code("S012").count(), 1);
    let message = &draws.by_code("S012").next().unwrap().message;
    assert!(
        message.contains("“五、存在的主要问题及改进情况”"),
        "{message}"
    );
    // Without the reader's word, the same report lacks three sections.
    let plain = check(&lacking);
    assert_eq!(plain.by_code("S001").count(), 3);
    // Passes: every section read (an unfound section the report has says nothing).
    case("S012", &draws, &with_unfound(&dept(2023)));
}
