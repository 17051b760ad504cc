//! `xxgk check` on every real report of the corpus, as published (text, HTML page,
//! Word file): the table and structure findings ../shared/corpus/INDEX.md lists
//! for each are drawn, no error the report does not contain is, and every position
//! printed points at a line (or Word cell or paragraph) of that file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use xxgk_import::NoteCode;

use serde_json::Value;
use xxgk_model::long::parse_long_csv;

use crate::positions::{FileText, json_positions_exist, printed_lines_are_the_files};
use crate::{corpus, xxgk};

/// What INDEX.md says of a report's tables and structure (its narrative defects
/// belong to the narrative rules, whose findings are warnings).
struct Expected {
    /// The file, under the corpus directory.
    file: &'static str,
    /// Every error, by code, in the order reported: exactly these.
    errors: &'static [&'static str],
    /// The warnings about cells, tables and structure (codes C, S, T), in order:
    /// exactly these.
    table_warnings: &'static [&'static str],
    /// The other warnings, in order: exactly these. The narrative ones (N) are
    /// those INDEX.md lists; the content ones (R002: a people's government's
    /// report that does not state its 工作考核、社会评议和责任追究结果) were read
    /// against each report's text.
    other_warnings: &'static [&'static str],
    /// Import notes INDEX.md implies (a label read as another wording, a typo, a
    /// single （六） row): present.
    notes: &'static [NoteCode],
}

const SHUYANG: Expected = Expected {
    file: "",
    errors: &[],
    // Blank legal-person columns; the heading of section 五.
    table_warnings: &["C001", "S003"],
    other_warnings: &[],
    // Table 二 prints 规范性文件 for 行政规范性文件.
    notes: &[NoteCode::LabelWording],
};

/// A report with nothing wrong in its tables and structure (pingtan's 管委会
/// reports as a government's: R002).
const CLEAN: Expected = Expected {
    file: "",
    errors: &[],
    table_warnings: &[],
    other_warnings: &["R002"],
    notes: &[],
};

const EXPECTED: &[Expected] = &[
    Expected {
        file: "bengbu-2020.txt",
        // No section 四 at all.
        errors: &["S001"],
        // Headings 一 and 三 not in the official wording.
        table_warnings: &["S003", "S003"],
        // Text beside table 三; a total whose parts add up to more; 暂无制定…规范性文件
        // beside 1 in table 二.
        other_warnings: &["N001", "N002", "N003"],
        // Column 商业企业 printed as 企业.
        notes: &[NoteCode::LabelWording],
    },
    Expected {
        file: "hongze-2023.txt",
        // 行政复议 and 复议后起诉: 总计 0 beside results that are not 0.
        errors: &["T401", "T401"],
        // （六）其他处理 printed as one row in a 2021-format report.
        table_warnings: &["S007"],
        other_warnings: &["R002"],
        notes: &[NoteCode::LabelTypo, NoteCode::ShapeSubtotalRow],
    },
    Expected {
        file: "hongze-2024.txt",
        errors: &[],
        table_warnings: &["S007"],
        other_warnings: &["R002"],
        notes: &[NoteCode::ShapeSubtotalRow],
    },
    Expected {
        file: "huaian-gov-2024.txt",
        ..CLEAN
    },
    Expected {
        file: "pingtan-2023.txt",
        ..CLEAN
    },
    Expected {
        file: "pingtan-2024.txt",
        ..CLEAN
    },
    Expected {
        file: "shanghai-office-2019.txt",
        errors: &[],
        // Blank cells in table 三 (the 总计 column of the result rows among them)
        // and in table 四.
        table_warnings: &["C001", "C001"],
        // 予以公开及部分公开 258 and 无法提供 265 are single cells, not the totals.
        other_warnings: &["N003", "N003"],
        notes: &[],
    },
    Expected {
        file: "shuyang-fgj-2023.txt",
        ..SHUYANG
    },
    Expected {
        file: "shuyang-fgj-2023.html",
        ..SHUYANG
    },
    Expected {
        file: "shuyang-fgj-2023.docx",
        ..SHUYANG
    },
    Expected {
        file: "pingtan-2019.html",
        ..CLEAN
    },
    Expected {
        file: "pingtan-2019.docx",
        ..CLEAN
    },
];

/// Every report file of the corpus (text, HTML, Word), so that none is left out.
fn corpus_files() -> BTreeSet<String> {
    std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            Path::new(n)
                .extension()
                .is_some_and(|e| e == "txt" || e == "html" || e == "docx")
        })
        .collect()
}

fn check_json(path: &Path, extra: &[&str]) -> Value {
    let out = xxgk()
        .arg("check")
        .arg(path)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let code = out.status.code();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(code, Some(0 | 1)), "{}: {stderr}", path.display());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = v["summary"]["errors"].as_u64().unwrap();
    assert_eq!(code == Some(1), errors > 0, "{}: exit code", path.display());
    v
}

fn diagnostics<'a>(v: &'a Value, severity: &str) -> Vec<&'a Value> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == severity)
        .collect()
}

fn codes<'a>(ds: &[&'a Value]) -> Vec<&'a str> {
    ds.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

/// The cell keys (`table row column`) a diagnostic names: its place and the
/// related places.
fn cells(d: &Value) -> BTreeSet<String> {
    std::iter::once(&d["location"])
        .chain(
            d["related"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| &r["location"]),
        )
        .filter(|l| l["key"].is_object())
        .map(|l| {
            format!(
                "{} {} {}",
                l["key"]["table"], l["key"]["row"], l["key"]["column"]
            )
        })
        .collect()
}

fn listing(v: &Value) -> String {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {} {}", d["code"], d["severity"], d["message"]))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn every_corpus_report_draws_the_findings_index_md_lists_and_no_false_error() {
    let listed: BTreeSet<String> = EXPECTED.iter().map(|e| e.file.to_owned()).collect();
    assert_eq!(
        listed,
        corpus_files(),
        "every corpus report has its expectations here"
    );
    let dir = corpus();
    for e in EXPECTED {
        let v = check_json(&dir.join(e.file), &[]);
        let all = listing(&v);
        assert_eq!(
            codes(&diagnostics(&v, "error")),
            e.errors,
            "{}:\n{all}",
            e.file
        );
        let warnings = diagnostics(&v, "warning");
        let table: Vec<&str> = codes(&warnings)
            .into_iter()
            .filter(|c| c.starts_with(['C', 'S', 'T']))
            .collect();
        assert_eq!(table, e.table_warnings, "{}:\n{all}", e.file);
        let other: Vec<&str> = codes(&warnings)
            .into_iter()
            .filter(|c| !c.starts_with(['C', 'S', 'T']))
            .collect();
        assert_eq!(other, e.other_warnings, "{}:\n{all}", e.file);
        let notes: Vec<&str> = v["import_notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["code"].as_str().unwrap())
            .collect();
        for code in e.notes {
            assert!(
                notes.contains(&code.as_str()),
                "{}: no note {code}: {notes:?}",
                e.file
            );
        }
    }
}

/// The places INDEX.md names are the places the findings name.
#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn the_findings_name_the_places_index_md_describes() {
    let dir = corpus();
    let pointers = |v: &Value, code: &str| -> Vec<String> {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == code)
            .map(|d| d["location"]["pointer"].as_str().unwrap().to_owned())
            .collect()
    };
    let v = check_json(&dir.join("bengbu-2020.txt"), &[]);
    assert_eq!(pointers(&v, "S001"), ["/sections/reviews"]);
    assert_eq!(
        pointers(&v, "S003"),
        [
            "/sections/overview/heading",
            "/sections/applications/heading"
        ]
    );
    let v = check_json(&dir.join("hongze-2023.txt"), &[]);
    let errors: Vec<&str> = diagnostics(&v, "error")
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        errors,
        [
            "表四“行政复议”：总计 0，但结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11",
            "表四“行政诉讼/复议后起诉”：总计 0，但结果维持 5 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 5",
        ]
    );
    for file in [
        "shuyang-fgj-2023.txt",
        "shuyang-fgj-2023.html",
        "shuyang-fgj-2023.docx",
    ] {
        let v = check_json(&dir.join(file), &[]);
        assert_eq!(
            pointers(&v, "S003"),
            ["/sections/problems/heading"],
            "{file}"
        );
        // The blank cells are exactly the cells the expected CSV leaves empty.
        assert_eq!(
            blank_cells(&v),
            expected_blanks("shuyang-fgj-2023"),
            "{file}"
        );
    }
    let v = check_json(&dir.join("shanghai-office-2019.txt"), &[]);
    let blanks = blank_cells(&v);
    assert_eq!(blanks, expected_blanks("shanghai-office-2019"));
    // The 总计 column of table 三 is blank in every result row but （七）.
    let totals = blanks
        .iter()
        .filter(|c| c.starts_with("\"三\" \"三、本年度办理结果/") && c.ends_with(" \"总计\""))
        .count();
    assert_eq!(totals, 19, "{blanks:#?}");
}

/// The cells the blank-cell findings name.
fn blank_cells(v: &Value) -> BTreeSet<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "C001")
        .flat_map(cells)
        .collect()
}

/// The cells `expected/<stem>.csv` leaves empty, keyed as [`cells`] keys them.
fn expected_blanks(stem: &str) -> BTreeSet<String> {
    let path = corpus().join("expected").join(format!("{stem}.csv"));
    let records = parse_long_csv(&std::fs::read_to_string(path).unwrap()).unwrap();
    records
        .iter()
        .filter(|r| r.value.is_empty())
        .map(|r| {
            format!(
                "\"{}\" \"{}\" \"{}\"",
                r.key.table.numeral(),
                r.key.row,
                r.key.column
            )
        })
        .collect()
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn pingtan_2024_against_its_2023_report_carries_over_but_the_document_stock_does_not() {
    let dir = corpus();
    let previous = dir.join("pingtan-2023.txt");
    let v = check_json(
        &dir.join("pingtan-2024.txt"),
        &["--previous", previous.to_str().unwrap()],
    );
    assert_eq!(v["previous"]["input"], "text");
    assert!(diagnostics(&v, "error").is_empty(), "{}", listing(&v));
    let cross: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with('X'))
        .collect();
    // 上年结转 2024 = 结转下年度 2023 in every column (no X002); 规章 stays 0; 行政规范性文件
    // does not roll forward: 470 + 62 − 33 = 499, not 440.
    let messages: Vec<&str> = cross
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        ["表二“行政规范性文件”：现行有效件数 440，但上年 470 + 本年制发 62 − 本年废止 33 = 499"]
    );
    assert_eq!(cross[0]["code"], "X003");
    // Last year's figure is shown where last year's file prints it.
    let last_year: Vec<&Value> = cross[0]["related"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["location"]["document"] == "previous")
        .collect();
    assert!(!last_year.is_empty());
    let current = FileText::read(&dir.join("pingtan-2024.txt"));
    let previous_file = FileText::read(&previous);
    for r in &last_year {
        assert_eq!(r["location"]["source"]["kind"], "text", "{r}");
    }
    assert!(json_positions_exist(&v, &current, Some(&previous_file)) > 0);
}

/// Two years of one body: the paragraphs of section 一 that 2024 keeps from 2023
/// are reported with the share copied, each pointing at last year's paragraph in
/// last year's file.
#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn hongze_2024_against_its_2023_report_keeps_two_paragraphs() {
    let dir = corpus();
    let previous = dir.join("hongze-2023.txt");
    let v = check_json(
        &dir.join("hongze-2024.txt"),
        &["--previous", previous.to_str().unwrap()],
    );
    let copied: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "N007")
        .collect();
    assert_eq!(copied.len(), 2, "{}", listing(&v));
    for d in &copied {
        assert_eq!(d["severity"], "info");
        assert!(d["message"].as_str().unwrap().contains('%'));
        let last_year = &d["related"][0]["location"];
        assert_eq!(last_year["document"], "previous");
        assert_eq!(last_year["source"]["kind"], "text", "{d}");
    }
    let current = FileText::read(&dir.join("hongze-2024.txt"));
    let previous_file = FileText::read(&previous);
    assert!(json_positions_exist(&v, &current, Some(&previous_file)) > 0);
}

/// For each corpus file, every position `xxgk check` reports (JSON) exists in the
/// file, and in the text output (with `--notes`, so every note is printed) every
/// line printed under a position is that line of the file as decoded, with the
/// marker under the column; for Word files, the position is a paragraph or cell
/// of the document and its text is what is printed.
#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn check_on_each_corpus_file_points_at_lines_of_that_file() {
    let dir = corpus();
    for name in corpus_files() {
        let path: PathBuf = dir.join(&name);
        let file = FileText::read(&path);
        let v = check_json(&path, &["--notes"]);
        let located = json_positions_exist(&v, &file, None);
        // Every diagnostic about a part the report prints has a position.
        for d in v["diagnostics"].as_array().unwrap() {
            let pointer = d["location"]["pointer"].as_str().unwrap();
            let absent = d["code"] == "S001";
            assert!(
                absent || !d["location"]["source"].is_null(),
                "{name}: {pointer} has no position"
            );
        }
        let out = xxgk()
            .arg("check")
            .arg(&path)
            .arg("--notes")
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let shown = printed_lines_are_the_files(&text, &path.display().to_string(), &file);
        assert_eq!(shown, text.matches("    --> ").count(), "{name}:\n{text}");
        assert!(located >= shown, "{name}");
    }
}
