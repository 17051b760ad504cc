//! Real reports of ../shared/corpus. The table and structure tests build them from
//! their expected CSVs with meta and section presence as INDEX.md describes them:
//! each draws the table and structure findings INDEX.md lists for it, and no error
//! the report does not contain. The narrative tests import the files as `xxgk
//! check` does: the reports INDEX.md lists as free of narrative problems draw no
//! narrative finding, and each narrative defect it lists is found, naming both
//! figures.

use std::path::PathBuf;

use chrono::NaiveDate;

use xxgk_import::ImportOptions;
use xxgk_model::long::{apply_records, parse_long_csv};
use xxgk_model::schema::TableId;
use xxgk_model::schema::applications::OTHER_HANDLING;
use xxgk_model::{BodyKind, Report, SectionId, Table};
use xxgk_rules::{
    CheckOptions, Diagnostic, Findings, Location, Severity, WhichReport, check, check_with,
};

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
    let mut report = Report::blank(agency, year, kind).unwrap();
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
    let f = check_with(&current, &CheckOptions::default().previous(&previous));
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

/// A corpus file as `xxgk check` reads it: imported, with the tables its reader
/// could not read in full.
fn imported(file: &str) -> (Report, Vec<TableId>) {
    let path = corpus().join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let options = ImportOptions::default().file_name(file.to_owned());
    let imported = xxgk_import::import(&bytes, &options).unwrap();
    let unread = imported.unread_tables();
    (imported.report, unread)
}

fn check_imported(file: &str, previous: Option<&str>) -> (Report, Findings) {
    let (report, unread) = imported(file);
    let previous = previous.map(|p| imported(p).0);
    let mut options = CheckOptions::default().unread(&unread);
    options.previous = previous.as_ref();
    let findings = check_with(&report, &options);
    (report, findings)
}

/// The narrative findings (N…).
fn narrative(findings: &Findings) -> Vec<&Diagnostic> {
    findings
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with('N'))
        .collect()
}

/// The text of the paragraph a location points at, and the characters of its span.
fn spanned(report: &Report, location: &Location) -> (String, String) {
    let value = serde_json::to_value(report).unwrap();
    let text = value
        .pointer(location.pointer.as_str())
        .and_then(|b| b.get("paragraph").or_else(|| b.get("heading")))
        .and_then(|t| t.as_str())
        .unwrap_or_else(|| panic!("no paragraph at {}", location.pointer))
        .to_owned();
    let span = location.span.expect("a span");
    let inner: String = text
        .chars()
        .skip(span.start)
        .take(span.end - span.start)
        .collect();
    (text, inner)
}

/// The cells a diagnostic names among its related places.
fn related_cells(d: &Diagnostic) -> Vec<String> {
    d.related
        .iter()
        .filter_map(|r| r.location.key.as_ref())
        .map(|k| format!("{} {} {}", k.table.numeral(), k.row, k.column))
        .collect()
}

/// The corpus files whose narrative INDEX.md lists no problem in, in every form
/// the corpus holds them: they must draw no narrative finding at all.
const NARRATIVE_CLEAN: &[&str] = &[
    "huaian-gov-2024.txt",
    "pingtan-2024.txt",
    "hongze-2023.txt",
    "shuyang-fgj-2023.txt",
    "shuyang-fgj-2023.html",
    "shuyang-fgj-2023.docx",
    "pingtan-2019.html",
    "pingtan-2019.docx",
];

/// The corpus files whose narrative INDEX.md lists defects in (each has a test
/// of its own below).
const NARRATIVE_DEFECTS: &[&str] = &[
    "bengbu-2020.txt",
    "shanghai-office-2019.txt",
    "pingtan-2023.txt",
    "hongze-2024.txt",
];

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn every_corpus_report_is_listed_as_clean_or_defective_in_its_narrative() {
    let mut listed: Vec<&str> = NARRATIVE_CLEAN
        .iter()
        .chain(NARRATIVE_DEFECTS)
        .copied()
        .collect();
    listed.sort_unstable();
    let mut files: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| [".txt", ".html", ".docx"].iter().any(|x| n.ends_with(x)))
        .collect();
    files.sort_unstable();
    assert_eq!(listed, files);
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn reports_free_of_narrative_problems_draw_no_narrative_finding() {
    for file in NARRATIVE_CLEAN {
        let (_, f) = check_imported(file, None);
        let found: Vec<String> = narrative(&f)
            .iter()
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(found.is_empty(), "{file}: {found:#?}");
    }
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn bengbu_2020_denials_and_sum_as_before_and_the_documents_it_says_it_has_none_of() {
    let (report, f) = check_imported("bengbu-2020.txt", None);
    let codes: Vec<(&str, Severity)> = narrative(&f)
        .iter()
        .map(|d| (d.code.as_str(), d.severity))
        .collect();
    assert_eq!(
        codes,
        [
            ("N001", Severity::Warning),
            ("N002", Severity::Warning),
            ("N003", Severity::Warning)
        ]
    );
    let n001 = f.by_code("N001").next().unwrap();
    assert!(n001.message.contains("未收到政府信息公开申请") && n001.message.ends_with("为 1"));
    let n002 = f.by_code("N002").next().unwrap();
    assert!(n002.message.contains("787") && n002.message.contains("846"));
    let n003 = f.by_code("N003").next().unwrap();
    assert!(
        n003.message.contains("暂无制定各类规范性文件"),
        "{}",
        n003.message
    );
    assert!(n003.message.contains("正文称没有") && n003.message.ends_with("为 1"));
    assert_eq!(
        related_cells(n003),
        ["二 第二十条第（一）项/规范性文件 本年新制作数量"]
    );
    assert_eq!(spanned(&report, &n003.location).1, "暂无制定各类规范性文件");
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn shanghai_office_2019_single_cells_stated_as_category_totals() {
    let (report, f) = check_imported("shanghai-office-2019.txt", None);
    let found = narrative(&f);
    assert_eq!(found.len(), 2, "{found:#?}");
    // 258 is the 自然人 column of （一）; the category total is 272 + 3 (the 总计
    // column is blank, so the columns are added).
    let open = found[0];
    assert_eq!(
        (open.code.as_str(), open.severity),
        ("N003", Severity::Warning)
    );
    assert!(
        open.message.contains("258") && open.message.contains("275"),
        "{}",
        open.message
    );
    assert_eq!(spanned(&report, &open.location).1, "258件");
    assert!(open.help.as_deref().unwrap().contains("“自然人”列"));
    assert!(
        related_cells(open).contains(&"三 三、本年度办理结果/（一）予以公开 自然人".to_owned())
    );
    // 265 is row 1.本机关不掌握相关政府信息; （四）无法提供 is 337.
    let unavailable = found[1];
    assert_eq!(unavailable.code, "N003");
    assert!(unavailable.message.contains("265") && unavailable.message.contains("337"));
    assert_eq!(spanned(&report, &unavailable.location).1, "265件");
    assert!(
        unavailable
            .help
            .as_deref()
            .unwrap()
            .contains("1.本机关不掌握相关政府信息")
    );
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn pingtan_2023_documents_in_force_at_another_moment_and_a_list_numbered_one_three_three() {
    let (report, f) = check_imported("pingtan-2023.txt", None);
    let found = narrative(&f);
    let codes: Vec<(&str, Severity)> = found
        .iter()
        .map(|d| (d.code.as_str(), d.severity))
        .collect();
    // 393 is said of a 集中发布 in a document library, and 393 + 77 made this year
    // is exactly the table's 470 in force at year end: a stock at another moment,
    // not a contradiction; an info, with the sum in the help.
    assert_eq!(codes, [("N004", Severity::Info), ("N008", Severity::Info)]);
    let stock = found[0];
    assert!(
        stock.message.contains("393") && stock.message.contains("470"),
        "{}",
        stock.message
    );
    assert!(
        stock.message.contains("句中“集中发布”"),
        "{}",
        stock.message
    );
    assert!(stock.help.as_deref().unwrap().contains("77"));
    assert_eq!(spanned(&report, &stock.location).1, "393件");
    assert_eq!(
        related_cells(stock),
        ["二 第二十条第（一）项/行政规范性文件 现行有效件数"]
    );
    assert!(found[1].message.contains("一是、三是、三是"));
    assert_eq!(
        found[1].location.pointer.section_id(),
        Some(SectionId::Problems)
    );
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn hongze_2024_the_office_speaking_for_the_government_is_an_info() {
    let (report, f) = check_imported("hongze-2024.txt", None);
    let found = narrative(&f);
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = found[0];
    assert_eq!((d.code.as_str(), d.severity), ("N004", Severity::Info));
    assert!(
        d.message.contains("17") && d.message.contains("95"),
        "{}",
        d.message
    );
    assert!(d.message.contains("区政府办代表区政府"));
    assert_eq!(spanned(&report, &d.location).1, "17 件");
    assert_eq!(
        related_cells(d),
        ["三 一、本年新收政府信息公开申请数量 总计"]
    );
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn last_years_text_copied_into_this_years() {
    // Pingtan rewrote its 2024 text: no paragraph is four-fifths 2023's.
    let (_, f) = check_imported("pingtan-2024.txt", Some("pingtan-2023.txt"));
    assert!(narrative(&f).is_empty(), "{:#?}", narrative(&f));
    // Hongze's 2024 section 一 keeps two paragraphs of 2023's (信息管理, 平台建设).
    let (_, f) = check_imported("hongze-2024.txt", Some("hongze-2023.txt"));
    let copied: Vec<&Diagnostic> = f.by_code("N007").collect();
    assert_eq!(copied.len(), 2, "{:#?}", narrative(&f));
    assert!(copied[0].message.contains("（三）政府信息管理情况"));
    assert!(copied[1].message.contains("（四）政府信息公开平台建设情况"));
    for d in copied {
        assert_eq!(d.severity, Severity::Info);
        assert_eq!(d.related[0].location.document, WhichReport::Previous);
    }
    assert!(f.by_code("N006").next().is_none());
}
