//! Real reports of ../shared/corpus, built from their expected CSVs (the importer is
//! not merged yet) with meta and section presence as INDEX.md describes them: each
//! draws the table and structure findings INDEX.md lists for it, and no error the
//! report does not contain.

use std::path::PathBuf;

use chrono::NaiveDate;

use xxgk_model::long::{apply_records, parse_long_csv};
use xxgk_model::schema::TableId;
use xxgk_model::schema::applications::OTHER_HANDLING;
use xxgk_model::{BodyKind, Report, Table};
use xxgk_rules::{CheckOptions, Findings, Severity, check, check_with};

fn corpus() -> PathBuf {
    let dir = PathBuf::from(std::env::var_os("XXGK_CORPUS").expect("set XXGK_CORPUS"));
    if dir.is_relative() {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(dir)
    } else {
        dir
    }
}

/// A report with the official headings and the tables of `expected/<stem>.csv`.
/// Text sections are left empty: these tests are about the tables and structure.
fn report(stem: &str, agency: &str, year: i32, kind: BodyKind) -> Report {
    let path = corpus().join("expected").join(format!("{stem}.csv"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let records = parse_long_csv(&text).unwrap();
    let mut report = Report::blank(agency, year, kind);
    for id in TableId::ALL {
        if let Some(section) = report.sections.table_slot(id).as_mut() {
            section.table = Some(Table::new());
        }
    }
    apply_records(&mut report, &records).unwrap();
    report
}

/// The CSV lists the three official （六） sub-rows (empty) of a 2021 report that
/// prints （六） as one row; the report itself has no such rows.
fn drop_other_handling_parts(report: &mut Report) {
    let table = report.table_mut(TableId::Applications).unwrap();
    let parts: Vec<String> = table
        .rows()
        .map(|(l, _)| l.to_owned())
        .filter(|l| l.starts_with(&format!("{OTHER_HANDLING}/")))
        .collect();
    for part in parts {
        table.remove(&part);
    }
}

/// The codes of the table, cell, structure, date and cross-year findings of a given
/// severity, in order (the text sections are empty here, so the content rules are
/// not looked at).
fn codes(findings: &Findings, severity: Severity) -> Vec<&str> {
    findings
        .diagnostics
        .iter()
        .filter(|d| d.severity == severity && !d.code.starts_with('R'))
        .map(|d| d.code.as_str())
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn hongze_2023_table_4_totals_that_are_not_sums_and_a_single_other_handling_row() {
    let mut r = report("hongze-2023", "洪泽区人民政府", 2023, BodyKind::Government);
    drop_other_handling_parts(&mut r);
    let f = check(&r);
    let errors: Vec<&str> = f
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        errors,
        [
            "表四“行政复议”：总计 0，但结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11",
            "表四“行政诉讼/复议后起诉”：总计 0，但结果维持 5 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 5",
        ]
    );
    assert_eq!(codes(&f, Severity::Warning), ["S007"]);
    // The single （六） row stands in for its parts: table 三 is verified in full.
    assert_eq!(codes(&f, Severity::Info), Vec::<&str>::new());
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn hongze_2024_prints_the_single_row_again_and_adds_up() {
    let mut r = report(
        "hongze-2024",
        "淮安市洪泽区人民政府",
        2024,
        BodyKind::Government,
    );
    drop_other_handling_parts(&mut r);
    let f = check(&r);
    assert_eq!(codes(&f, Severity::Error), Vec::<&str>::new());
    assert_eq!(codes(&f, Severity::Warning), ["S007"]);
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn shanghai_office_2019_blank_totals_are_unverifiable_not_wrong() {
    let mut r = report(
        "shanghai-office-2019",
        "上海市人民政府办公厅",
        2019,
        BodyKind::Department,
    );
    r.meta.published = date(2020, 1, 31);
    let f = check(&r);
    assert!(!f.has_errors(), "{f:#?}");
    assert_eq!(codes(&f, Severity::Warning), ["C001", "C001"]);
    // I-1 holds in the 自然人 and 总计 columns, the ones fully printed; the blank
    // organisation columns leave it open there, each named once.
    let balance = f
        .by_code("C004")
        .find(|d| d.message.contains("第一项加第二项之和"))
        .unwrap();
    let open: Vec<&str> = balance
        .related
        .iter()
        .filter_map(|r| r.location.key.as_ref().map(|k| k.column.as_str()))
        .collect();
    assert_eq!(
        open,
        [
            "法人或其他组织/商业企业",
            "法人或其他组织/科研机构",
            "法人或其他组织/社会公益组织",
            "法人或其他组织/法律服务机构",
            "法人或其他组织/其他"
        ]
    );
    // One finding per kind of identity, not one per blank cell.
    assert_eq!(f.by_code("C004").count(), 4);
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn bengbu_2020_has_no_section_4_and_unofficial_headings() {
    let mut r = report(
        "bengbu-2020",
        "蚌埠市退役军人事务局",
        2020,
        BodyKind::Department,
    );
    r.sections.reviews = None;
    r.sections.overview.as_mut().unwrap().heading = Some("一、政府信息公开工作概况".into());
    r.sections.applications.as_mut().unwrap().heading =
        Some("三、收到和处理政府信息公开情况".into());
    let f = check(&r);
    assert_eq!(codes(&f, Severity::Error), ["S001"]);
    assert_eq!(codes(&f, Severity::Warning), ["S003", "S003"]);
    assert_eq!(
        f.by_code("S001").next().unwrap().location.pointer,
        "/sections/reviews"
    );
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn shuyang_fgj_2023_blank_legal_person_columns_are_warnings_only() {
    let mut r = report(
        "shuyang-fgj-2023",
        "沭阳县发展和改革局",
        2023,
        BodyKind::Department,
    );
    r.meta.published = date(2024, 1, 17);
    let f = check(&r);
    assert_eq!(codes(&f, Severity::Error), Vec::<&str>::new());
    assert_eq!(codes(&f, Severity::Warning), ["C001"]);
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn clean_reports_draw_nothing_from_their_tables() {
    for (stem, agency, year, kind, published) in [
        (
            "huaian-gov-2024",
            "淮安市人民政府",
            2024,
            BodyKind::Government,
            None,
        ),
        // A 管委会 is neither a people's government nor a department: other bodies
        // default to the later statutory deadline, 31 March.
        (
            "pingtan-2019",
            "平潭综合实验区管委会",
            2019,
            BodyKind::Other,
            date(2020, 1, 20),
        ),
        (
            "pingtan-2023",
            "平潭综合实验区管委会",
            2023,
            BodyKind::Other,
            date(2024, 3, 8),
        ),
        (
            "pingtan-2024",
            "平潭综合实验区管委会",
            2024,
            BodyKind::Other,
            date(2025, 3, 10),
        ),
    ] {
        let mut r = report(stem, agency, year, kind);
        r.meta.published = published;
        let f = check(&r);
        let found: Vec<&str> = f
            .diagnostics
            .iter()
            .filter(|d| !d.code.starts_with('R'))
            .map(|d| d.code.as_str())
            .collect();
        assert!(found.is_empty(), "{stem}: {f:#?}");
    }
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn pingtan_2023_to_2024_carry_over_chains_but_the_document_stock_does_not() {
    let previous = report(
        "pingtan-2023",
        "平潭综合实验区管委会",
        2023,
        BodyKind::Other,
    );
    let current = report(
        "pingtan-2024",
        "平潭综合实验区管委会",
        2024,
        BodyKind::Other,
    );
    let f = check_with(
        &current,
        &CheckOptions {
            previous: Some(&previous),
            ..CheckOptions::default()
        },
    );
    let cross: Vec<&str> = f
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with('X'))
        .map(|d| d.message.as_str())
        .collect();
    // 上年结转 2024 = 结转下年度 2023 (all 0) in every column; 规章 stays 0; 行政规范性文件
    // does not roll forward: 470 + 62 − 33 = 499, not 440.
    assert_eq!(
        cross,
        ["表二“行政规范性文件”：现行有效件数 440，但上年 470 + 本年制发 62 − 本年废止 33 = 499"]
    );
    assert!(!f.has_errors(), "{f:#?}");
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn narrative_rules_find_the_text_defects_index_md_lists_and_nothing_else() {
    // Until the importer places the text in its sections, every line of the
    // report's text stands as a paragraph of section 一, beside its tables.
    let mut found = Vec::new();
    for stem in [
        "bengbu-2020",
        "huaian-gov-2024",
        "shanghai-office-2019",
        "shuyang-fgj-2023",
        "pingtan-2023",
        "pingtan-2024",
        "hongze-2023",
        "hongze-2024",
    ] {
        let path = corpus().join(format!("{stem}.txt"));
        let text = std::fs::read_to_string(&path).unwrap();
        let mut r = report(stem, "", 2023, BodyKind::Department);
        r.sections.overview.as_mut().unwrap().body = text
            .lines()
            .map(|l| xxgk_model::Block::Paragraph(l.to_owned()))
            .collect();
        for d in check(&r).diagnostics {
            if d.code.starts_with('N') {
                found.push((stem, d.code));
            }
        }
    }
    // bengbu-2020: 未收到…申请 beside 1 new application; 近 787 条 with parts of 846.
    assert_eq!(
        found,
        [
            ("bengbu-2020", "N001".to_owned()),
            ("bengbu-2020", "N002".to_owned())
        ]
    );
}
