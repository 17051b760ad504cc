//! No input makes the importer panic, and every report it returns serialises and
//! loads back unchanged.
//!
//! Case counts come from `XXGK_FUZZ_CASES` (CI sets 10000; the default keeps a
//! local run short). The corpus variant mutates the real reports and needs the
//! corpus.

use std::path::PathBuf;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use xxgk_import::{ImportOptions, import};

fn cases() -> u32 {
    std::env::var("XXGK_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Imports and, when a report comes back and `round_trip`, checks it survives its
/// own model file.
fn import_ok(bytes: &[u8], name: &str, round_trip: bool) {
    let options = ImportOptions::default().file_name(name.to_owned());
    if let Ok(imported) = import(bytes, &options)
        && round_trip
    {
        let text = toml::to_string(&imported.report).expect("an imported report serialises");
        let back: xxgk_model::Report = toml::from_str(&text).expect("and loads back");
        assert_eq!(back, imported.report);
    }
}

/// Pieces reports are made of, so that random text reaches deep into the interpreter.
const PIECES: &[&str] = &[
    "\t",
    "\n",
    "\r\n",
    " ",
    "　",
    "|",
    "---",
    "- 1 -",
    "。",
    "，",
    "：",
    "、",
    "（",
    "）",
    "(",
    ")",
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "第二十条第（一）项",
    "第二十条第（九）项",
    "信息内容",
    "本年制发件数",
    "本年新制作数量",
    "本年增/减",
    "本年收费金额（单位：万元）",
    "规章",
    "行政规范性文件",
    "规范性文件",
    "行政许可",
    "政府集中采购",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "企业",
    "其他",
    "总计",
    "小计",
    "一、本年新收政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（三）不予公开",
    "1.属于国家秘密",
    "2、重复申请",
    "（六）其他处理",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
    "行政复议",
    "行政诉讼",
    "未经复议直接起诉",
    "复议后起诉",
    "结果维持",
    "尚未审结",
    "0",
    "12",
    "１２",
    "1,234",
    "34.5 万",
    "251000元",
    "/",
    "—",
    "-3",
    "无",
    "99999999999999999999999999999999",
    "某某县水利局2025年政府信息公开工作年度报告",
    "统计期限自2024年1月1日至2024年12月31日",
    "发布日期：2020-01-31",
    "2024年1月17日",
    "某某县人民政府",
    "<table><tr><td rowspan=2>",
    "</td><td colspan=3>",
    "</tr>",
    "<p>",
    "&nbsp;",
];

fn report_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..200).prop_map(|v| v.concat())
}

#[test]
fn arbitrary_bytes_never_panic() {
    runner(cases())
        .run(&proptest::collection::vec(any::<u8>(), 0..2048), |bytes| {
            import_ok(&bytes, "input.txt", true);
            Ok(())
        })
        .unwrap();
}

#[test]
fn text_made_of_report_pieces_never_panics() {
    runner(cases())
        .run(&report_text(), |text| {
            import_ok(text.as_bytes(), "input.txt", true);
            Ok(())
        })
        .unwrap();
}

/// One edit of a file's text.
#[derive(Debug, Clone)]
enum Edit {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    DeleteChars(usize, usize),
    Insert(usize, &'static str),
    Byte(usize, u8),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        any::<usize>().prop_map(Edit::DeleteLine),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (any::<usize>(), 0usize..40).prop_map(|(a, n)| Edit::DeleteChars(a, n)),
        (any::<usize>(), proptest::sample::select(PIECES)).prop_map(|(a, p)| Edit::Insert(a, p)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Edit::Byte(a, b)),
    ];
    proptest::collection::vec(edit, 1..12)
}

/// The byte range of line `i` (modulo the number of lines), line end included.
fn line_range(text: &str, i: usize) -> std::ops::Range<usize> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(at, _)| at + 1))
        .filter(|at| *at < text.len())
        .collect();
    if starts.is_empty() {
        return 0..0;
    }
    let k = i % starts.len();
    starts[k]..starts.get(k + 1).copied().unwrap_or(text.len())
}

/// The char boundary at or before byte `at` (modulo the length).
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(bytes: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(bytes).into_owned();
    let mut raw: Option<Vec<u8>> = None;
    for e in edits {
        match e {
            Edit::DeleteLine(i) => {
                let r = line_range(&text, *i);
                text.replace_range(r, "");
            }
            Edit::DuplicateLine(i) => {
                let r = line_range(&text, *i);
                let line = text[r.clone()].to_owned();
                text.insert_str(r.start, &line);
            }
            Edit::SwapLines(a, b) => {
                let (ra, rb) = (line_range(&text, *a), line_range(&text, *b));
                let (first, second) = if ra.start <= rb.start {
                    (ra, rb)
                } else {
                    (rb, ra)
                };
                if first.end <= second.start {
                    let (x, y) = (
                        text[first.clone()].to_owned(),
                        text[second.clone()].to_owned(),
                    );
                    text.replace_range(second, &x);
                    text.replace_range(first, &y);
                }
            }
            Edit::DeleteChars(at, count) => {
                let start = boundary(&text, *at);
                let end = boundary(&text, (start + count).min(text.len()));
                if start <= end {
                    text.replace_range(start..end, "");
                }
            }
            Edit::Insert(at, piece) => {
                let at = boundary(&text, *at);
                text.insert_str(at, piece);
            }
            Edit::Byte(at, b) => {
                let mut bytes = raw.take().unwrap_or_else(|| text.clone().into_bytes());
                if !bytes.is_empty() {
                    let i = at % bytes.len();
                    bytes[i] = *b;
                }
                raw = Some(bytes);
            }
        }
    }
    raw.unwrap_or_else(|| text.into_bytes())
}

fn mutate_files(files: &[(String, Vec<u8>)], cases: u32, round_trip: bool) {
    let strategy = (0..files.len(), edits());
    runner(cases)
        .run(&strategy, |(i, edits)| {
            let (name, bytes) = &files[i];
            import_ok(&apply(bytes, &edits), name, round_trip);
            Ok(())
        })
        .unwrap();
}

/// The files (not folders) of a folder, by name.
fn files_in(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            p.is_file().then(|| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                )
            })
        })
        .collect()
}

#[test]
fn mutated_fixtures_never_panic() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = files_in(&dir);
    files.extend(files_in(&dir.join("fe")));
    assert!(files.len() >= 10);
    mutate_files(&files, cases() / 4, true);
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn mutated_corpus_files_never_panic() {
    let dir = PathBuf::from(std::env::var_os("XXGK_CORPUS").expect("set XXGK_CORPUS"));
    let dir = if dir.is_relative() {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(dir)
    } else {
        dir
    };
    let files: Vec<(String, Vec<u8>)> = files_in(&dir)
        .into_iter()
        .filter(|(n, _)| n != "INDEX.md")
        .collect();
    assert!(files.len() >= 10);
    // The round trip is proved on the fixtures; here the point is the variety.
    mutate_files(&files, cases(), false);
}
