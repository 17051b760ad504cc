//! `xxgk sum`: fictional reports summed into a model file that loads, checks and
//! renders; what is left out is said with its reason; and, over the corpus, each
//! cell of the sum of two real reports is the sum of their cells.

use std::fs;
use std::path::Path;
use std::str::FromStr;

use serde_json::Value;
use xxgk_model::long::parse_long_csv;
use xxgk_model::schema::{TableId, applications, proactive, reviews};
use xxgk_model::{BodyKind, Cell, CellKey, Decimal, FormatVersion, MoneyUnit, Report};

use crate::init::load;
use crate::{corpus, xxgk};

fn new_np() -> CellKey {
    CellKey::new(
        TableId::Applications,
        applications::NEW,
        applications::NATURAL_PERSON,
    )
}

/// A fictional report whose tables add up: table 二 all `base` (the 2019
/// procurement amount `base` 万元); in tables 三 and 四 `base` new applications
/// of natural persons, all granted, and `base` upheld reviews; the other cells 0.
fn write_report(dir: &Path, file: &str, agency: &str, year: i32, base: i64) {
    let mut r = Report::blank(agency, year, BodyKind::Department).unwrap();
    let keys: Vec<CellKey> = r.cells().map(|(k, _)| k).collect();
    let nonzero = [
        (applications::NEW, applications::NATURAL_PERSON),
        (applications::NEW, applications::TOTAL_COLUMN),
        (applications::GRANTED, applications::NATURAL_PERSON),
        (applications::GRANTED, applications::TOTAL_COLUMN),
        (applications::RESULTS_TOTAL, applications::NATURAL_PERSON),
        (applications::RESULTS_TOTAL, applications::TOTAL_COLUMN),
        (reviews::ADMINISTRATIVE_REVIEW, reviews::UPHELD),
        (reviews::ADMINISTRATIVE_REVIEW, reviews::TOTAL_COLUMN),
    ];
    for k in keys {
        let cell = if k.column == proactive::PROCUREMENT_AMOUNT_2019 {
            Cell::from_str(&format!("{base}万元")).unwrap()
        } else if k.table == TableId::Proactive
            || nonzero.contains(&(k.row.as_str(), k.column.as_str()))
        {
            Cell::int(base)
        } else {
            Cell::int(0)
        };
        *r.cell_mut(&k).unwrap() = cell;
    }
    fs::write(dir.join(file), toml::to_string(&r).unwrap()).unwrap();
}

/// The error codes `xxgk check --format json` gives for a file.
fn error_codes(path: &Path) -> Vec<String> {
    let out = xxgk()
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_folder_of_reports_sums_into_a_model_that_checks_and_renders() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    fs::create_dir_all(reports.join("districts")).unwrap();
    write_report(&reports, "a.toml", "青禾县水利局", 2024, 1);
    write_report(&reports, "b.toml", "青禾县教育局", 2024, 2);
    write_report(
        &reports.join("districts"),
        "c.toml",
        "青禾县东城区人民政府",
        2024,
        4,
    );
    fs::write(reports.join("notes.xlsx"), "not a report").unwrap();
    let out = reports.join("city.toml");
    xxgk()
        .arg("sum")
        .arg(&reports)
        .args(["--agency", "青禾县人民政府", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr(predicates::str::contains("已汇总 3 份报告"))
        .stderr(predicates::str::contains(
            "notes.xlsx：不是 xxgk 读取的文件类型",
        ))
        .stderr(predicates::str::contains(
            "200 个单元格中 200 个为各报告之和",
        ));
    let sum = load(&out);
    assert_eq!(sum.meta.agency, "青禾县人民政府");
    assert_eq!(sum.meta.kind, BodyKind::Government);
    assert_eq!(sum.meta.format, FormatVersion::V2021);
    // Each cell is the sum of the three reports' cells: 1 + 2 + 4, or 0.
    let a = load(&reports.join("a.toml"));
    for (key, cell) in sum.cells() {
        let want = if a.cell(&key) == Some(&Cell::int(1)) {
            7
        } else {
            0
        };
        assert_eq!(cell, &Cell::int(want), "{key}");
    }
    assert_eq!(sum.cell(&new_np()), Some(&Cell::int(7)));
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("# 由 xxgk sum 汇总：2024 年度 3 份报告")
    );
    // The result is a report like any: no error (the tables add up), and it renders.
    assert_eq!(error_codes(&out), Vec::<String>::new());
    xxgk()
        .arg("render")
        .arg(&out)
        .args(["--to", "txt"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "青禾县人民政府2024年政府信息公开工作年度报告",
        ));
    // Run again into the same folder: the output is not read as a report.
    xxgk()
        .arg("sum")
        .arg(&reports)
        .args(["--agency", "青禾县人民政府", "--force", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "city.toml：这是本次的输出文件，不汇总",
        ));
    assert_eq!(load(&out), sum);
    // Without --force the existing file is kept.
    xxgk()
        .arg("sum")
        .arg(&reports)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("已存在；如需覆盖请加 --force"));
}

#[test]
fn what_cannot_be_summed_is_listed_and_the_exit_code_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_report(d, "a.toml", "青禾县水利局", 2024, 1);
    write_report(d, "b.toml", "青禾县教育局", 2024, 2);
    // The same body again, a 2024 report in the 2019 format, a blank cell.
    write_report(d, "a2.toml", "青禾县 水利局", 2024, 5);
    write_report(d, "old.toml", "青禾县民政局", 2020, 1);
    let old = fs::read_to_string(d.join("old.toml"))
        .unwrap()
        .replace("year = 2020", "year = 2024");
    fs::write(d.join("old.toml"), old).unwrap();
    let b = fs::read_to_string(d.join("b.toml")).unwrap();
    fs::write(
        d.join("b.toml"),
        b.replacen("\"自然人\" = 2", "\"自然人\" = \"/\"", 1),
    )
    .unwrap();
    fs::write(d.join("empty.txt"), "").unwrap();
    let out = d.join("sum.json");
    xxgk()
        .current_dir(d)
        .args([
            "sum",
            "a.toml",
            "b.toml",
            "a2.toml",
            "old.toml",
            "empty.txt",
            "-o",
            "sum.json",
        ])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("已汇总 2 份报告"))
        .stderr(predicates::str::contains(
            "a2.toml（青禾县 水利局 2024 年度报告）：与 a.toml 是同一机关同一年度的报告，只计一次",
        ))
        .stderr(predicates::str::contains(
            "old.toml（青禾县民政局 2024 年度报告）：表格不是该年度应使用的 2021 年格式",
        ))
        .stderr(predicates::str::contains("无法读取 1 个文件"))
        .stderr(predicates::str::contains(
            "表三“一、本年新收政府信息公开申请数量”行“自然人”列：b.toml 填的是“/”",
        ));
    let sum = load(&out);
    assert_eq!(sum.cell(&new_np()), Some(&Cell::Blank));
    let total = CellKey::new(
        TableId::Applications,
        applications::NEW,
        applications::TOTAL_COLUMN,
    );
    assert_eq!(sum.cell(&total), Some(&Cell::int(3)));
}

#[test]
fn reports_of_several_years_need_a_year() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_report(d, "a.toml", "青禾县水利局", 2024, 1);
    write_report(d, "b.toml", "青禾县水利局", 2023, 1);
    xxgk()
        .arg("sum")
        .arg(d)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("报告不是同一年度的"))
        .stderr(predicates::str::contains("--year 2024"));
    xxgk()
        .arg("sum")
        .arg(d)
        .args(["--year", "2023"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("[meta]"))
        .stderr(predicates::str::contains(
            "a.toml（青禾县水利局 2024 年度报告）：不是 2023 年度的报告",
        ));
}

/// A cell of an expected CSV in 元 where it is money, as a number; `None` blank.
fn expected_value(value: &str, unit: &str) -> Option<Decimal> {
    if value.is_empty() {
        return None;
    }
    let v = Decimal::from_str(value).unwrap();
    Some(if unit == "万元" {
        v * Decimal::from(10_000)
    } else {
        v
    })
}

/// A cell of the sum in 元 where it is money; `None` blank.
fn sum_value(cell: &Cell, key: &CellKey, version: FormatVersion) -> Option<Decimal> {
    let n = cell.number()?;
    let label_unit = match key.official(version).unwrap().1.kind {
        xxgk_model::schema::ValueKind::Amount { unit } => unit,
        _ => None,
    };
    Some(match n.unit.or(label_unit) {
        Some(MoneyUnit::Wan) => n.value * Decimal::from(10_000),
        _ => n.value,
    })
}

/// Pairs of corpus reports of one year and format version.
const PAIRS: &[(&str, &str)] = &[
    ("huaian-gov-2024.txt", "pingtan-2024.txt"),
    ("hongze-2024.txt", "huaian-gov-2024.txt"),
    ("pingtan-2023.txt", "shuyang-fgj-2023.html"),
    ("hongze-2023.txt", "pingtan-2023.txt"),
    ("shanghai-office-2019.txt", "pingtan-2019.docx"),
];

#[test]
#[ignore = "needs the corpus (XXGK_CORPUS)"]
fn each_cell_of_the_sum_of_two_corpus_reports_is_the_sum_of_their_cells() {
    let corpus = corpus();
    let dir = tempfile::tempdir().unwrap();
    let mut clean_pairs = Vec::new();
    for (a, b) in PAIRS {
        let out = dir.path().join(format!("{a}+{b}.toml"));
        let run = xxgk()
            .arg("sum")
            .arg(corpus.join(a))
            .arg(corpus.join(b))
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains("已汇总 2 份报告"), "{a} + {b}: {stderr}");
        let sum = load(&out);
        let version = sum.meta.format;
        let expected = |name: &str| {
            let stem = crate::stem(name);
            let path = corpus.join("expected").join(format!("{stem}.csv"));
            parse_long_csv(&fs::read_to_string(path).unwrap()).unwrap()
        };
        let (ea, eb) = (expected(a), expected(b));
        let mut summed = 0;
        for key in xxgk_model::official_keys(version) {
            let value = |records: &[xxgk_model::long::LongRecord]| {
                let r = records.iter().find(|r| r.key == *key).unwrap();
                expected_value(&r.value, &r.unit)
            };
            let want = value(&ea).zip(value(&eb)).map(|(x, y)| x + y);
            let got = sum_value(sum.cell(key).unwrap(), key, version);
            assert_eq!(got, want, "{a} + {b}: {key}");
            summed += usize::from(want.is_some());
        }
        // Not a vacuous pass: real reports leave some cells blank (shuyang its
        // legal-person columns), but many are summed.
        assert!(summed >= 50, "{a} + {b}: {summed}");
        // Where neither report has an error in its tables, neither has the sum.
        let table_errors = |codes: Vec<String>| -> Vec<String> {
            codes
                .into_iter()
                .filter(|c| c.starts_with('T') || c.starts_with('C'))
                .collect()
        };
        let clean = table_errors(error_codes(&corpus.join(a))).is_empty()
            && table_errors(error_codes(&corpus.join(b))).is_empty();
        if clean {
            assert_eq!(error_codes(&out), Vec::<String>::new(), "{a} + {b}");
            clean_pairs.push(format!("{a} + {b}"));
        }
    }
    // Every pair but the one with hongze-2023 (T401 in table 四, INDEX.md).
    assert_eq!(clean_pairs.len(), PAIRS.len() - 1, "{clean_pairs:?}");
}

/// A table the file prints but the importer cannot read leaves its cells blank in
/// the sum, said as not read (not as missing from the report).
#[test]
fn cells_of_a_table_not_read_are_said_to_be_unread() {
    let out = xxgk()
        .arg("sum")
        .arg(crate::fixture("layout-blank-columns-2024.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("（政府部门）；表三未能完整读出"),
        "{stderr}"
    );
    let line = |row: &str| {
        stderr
            .lines()
            .find(|l| l.contains(&format!("表三“{row}”行“自然人”列")))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(line(applications::NEW).ends_with("未能读出"), "{stderr}");
    assert!(!stderr.contains("未印出"), "{stderr}");
    let sum: Report = toml::from_slice(&out.stdout).unwrap();
    assert_eq!(sum.cell(&new_np()), Some(&Cell::Blank));
}

/// Rows and columns outside the official layout are listed with their sums,
/// apart: the official cells and the file written hold none of them.
#[test]
fn local_rows_and_subtotal_columns_are_listed_apart() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (file, agency, v) in [("a.toml", "青禾县水利局", 1), ("b.toml", "青禾县教育局", 2)]
    {
        write_report(d, file, agency, 2024, v);
        let mut r = load(&d.join(file));
        r.table_mut(TableId::Proactive).unwrap().set(
            "第二十条第（一）项/其他主动公开文件",
            proactive::ISSUED,
            Cell::int(v * 10),
        );
        r.table_mut(TableId::Applications).unwrap().set(
            applications::NEW,
            applications::ORGANISATIONS,
            Cell::int(0),
        );
        fs::write(d.join(file), toml::to_string(&r).unwrap()).unwrap();
    }
    xxgk()
        .current_dir(d)
        .args(["sum", "a.toml", "b.toml", "-o", "sum.toml"])
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "表二“第二十条第（一）项/其他主动公开文件”行，统一格式之外的行或列（a.toml、b.toml 印出）：“本年制发件数” 30",
        ))
        .stderr(predicates::str::contains(
            "表三“一、本年新收政府信息公开申请数量”行，小计列（a.toml、b.toml 印出）：“法人或其他组织” 0",
        ));
    let sum = load(&d.join("sum.toml"));
    assert_eq!(sum.extra_cells().count(), 0);
    assert_eq!(sum.cell(&new_np()), Some(&Cell::int(3)));
}
