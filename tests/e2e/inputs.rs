//! `xxgk check` and `xxgk render` read any input `xxgk import` reads: a report
//! checks the same whether it is a model file or the page, text or Word file it is
//! published as; diagnostics and import notes point at lines (or Word cells) of the
//! user's file; `--year/--kind/--agency` and `--previous` work as for import.

use std::path::{Path, PathBuf};
use xxgk_import::NoteCode;

use assert_cmd::Command;
use predicates::prelude::PredicateBooleanExt as _;
use predicates::str::contains;
use serde_json::Value;

use crate::positions::{FileText, json_positions_exist, printed_lines_are_the_files};
use crate::{fixture, root, tag};

fn xxgk() -> Command {
    let mut cmd = crate::xxgk();
    cmd.current_dir(root());
    cmd
}

fn example(name: &str) -> PathBuf {
    root().join("examples").join(name)
}

/// Runs `xxgk check` with arguments; returns stdout after asserting the exit code.
fn check(args: &[&std::ffi::OsStr], code: i32) -> String {
    let out = xxgk().arg("check").args(args).assert().code(code);
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn check_json(path: &Path, extra: &[&str], code: i32) -> Value {
    let mut args = vec![path.as_os_str(), "--format".as_ref(), "json".as_ref()];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    serde_json::from_str(&check(&args, code)).unwrap()
}

/// The diagnostics as `code severity message`, in order.
fn findings(v: &Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {} {}", d["code"], d["severity"], d["message"]))
        .collect()
}

#[test]
fn the_examples_check_the_same_in_every_form_they_are_published_in() {
    let dir = tempfile::tempdir().unwrap();
    for (name, code) in [("qinghe-water-2020.toml", 1), ("qinghe-gov-2025.toml", 0)] {
        let model = check_json(&example(name), &[], code);
        assert_eq!(model["input"], "toml");
        for (to, input) in [
            ("txt", "text"),
            ("md", "text"),
            ("html", "html"),
            ("docx", "docx"),
        ] {
            let published = dir.path().join(format!("{name}.{to}"));
            xxgk()
                .arg("render")
                .arg(example(name))
                .args(["--to", to, "-o"])
                .arg(&published)
                .assert()
                .success();
            let v = check_json(&published, &[], code);
            assert_eq!(v["input"], input, "{to}");
            assert_eq!(findings(&v), findings(&model), "{name} as {to}");
            assert_eq!(v["report"], model["report"], "{name} as {to}");
            // Every finding with a place in the report points into the file.
            let file = FileText::read(&published);
            let located = json_positions_exist(&v, &file, None);
            assert!(located >= findings(&v).len().min(1), "{name} as {to}");
            let text = check(&[published.as_os_str()], code);
            let path = published.display().to_string();
            assert_eq!(
                printed_lines_are_the_files(&text, &path, &file),
                text.matches("    --> ").count(),
                "{text}"
            );
        }
    }
}

#[test]
fn imported_text_shows_the_notes_that_bear_on_the_findings_and_counts_the_rest() {
    let path = fixture("pdf-wrapped-2024.txt");
    let name = path.display().to_string();
    // The fixture's （七）总计 is one short of its parts in two columns: errors.
    let out = check(&[path.as_os_str()], 1);
    assert!(
        out.starts_with(&format!(
            "{name}：青禾县人民政府 2024 年度报告（2021 年格式，人民政府；从文本导入）\n"
        )),
        "{out}"
    );
    assert!(
        out.contains("错误[T302] 表三“自然人”列：（七）总计 29"),
        "{out}"
    );
    // The seal's debris is listed with its position; page footers and `1、` read
    // as `1.` are counted, not listed.
    let stray = tag(NoteCode::StrayText);
    assert!(out.contains(&format!("\n导入说明\n  说明{stray} 删除段落中的零散文字（疑为印章或图层残留）：“禾”\n    --> {name}:12:1\n")), "{out}");
    assert!(
        !out.contains(&format!("说明{}", tag(NoteCode::PageFooter))),
        "{out}"
    );
    assert!(
        !out.contains(&format!("说明{}", tag(NoteCode::LabelVariant))),
        "{out}"
    );
    let summary = out.lines().last().unwrap();
    assert_eq!(
        summary,
        "共 3 个错误，1 个警告，0 条提示；导入说明 1 条（另有 7 条读取时的容错未列出，加 --notes 显示）"
    );
    let file = FileText::read(&path);
    let arrows = out.matches("    --> ").count();
    assert!(arrows >= 5, "{out}");
    assert_eq!(printed_lines_are_the_files(&out, &name, &file), arrows);

    let all = check(&[path.as_os_str(), "--notes".as_ref()], 1);
    assert!(
        all.contains(&format!("  说明{} ", tag(NoteCode::PageFooter))),
        "{all}"
    );
    assert!(
        all.contains(&format!("  说明{} ", tag(NoteCode::LabelVariant))),
        "{all}"
    );
    assert!(all.ends_with("；导入说明 8 条\n"), "{all}");
    printed_lines_are_the_files(&all, &name, &file);

    // JSON lists every note, with whether the text output shows it by default.
    let v = check_json(&path, &[], 1);
    let notes = v["import_notes"].as_array().unwrap();
    assert_eq!(notes.len(), 8);
    for n in notes {
        assert_eq!(n["document"], "current");
        let significant = n["code"] == NoteCode::StrayText.as_str();
        assert_eq!(n["significant"], significant, "{n}");
        assert!(n["source"].is_object() && n["message"].is_string(), "{n}");
        assert!(n.get("pointer").is_some(), "{n}");
    }
    assert!(json_positions_exist(&v, &file, None) > 10);
}

#[test]
fn overrides_apply_to_published_reports_and_are_refused_for_model_files() {
    let v = check_json(&fixture("clean-2025.txt"), &[], 0);
    assert_eq!(v["report"]["year"], 2025);
    // Said to be a government's 2024 report, it is late: its signature is dated
    // 2026-01-20.
    let v = check_json(
        &fixture("clean-2025.txt"),
        &[
            "--year",
            "2024",
            "--kind",
            "government",
            "--agency",
            "青禾县人民政府",
        ],
        1,
    );
    assert_eq!(v["report"]["year"], 2024);
    assert_eq!(v["report"]["kind"], "government");
    assert_eq!(v["report"]["agency"], "青禾县人民政府");
    let late = findings(&v);
    assert!(
        late.iter()
            .any(|f| f
                .starts_with("\"D001\" \"error\" \"发布日期 2026-01-20 晚于公布期限 2025-03-31")),
        "{late:#?}"
    );
    xxgk()
        .args(["check", "examples/qinghe-gov-2025.toml", "--year", "2024"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("是模型文件").and(contains("--year")));
    xxgk()
        .args([
            "render",
            "examples/qinghe-gov-2025.toml",
            "--to",
            "txt",
            "--kind",
            "other",
        ])
        .assert()
        .code(2)
        .stderr(contains("是模型文件"));
}

#[test]
fn last_years_report_may_be_a_published_file_and_its_places_are_shown_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("qinghe-gov-2025.toml")).unwrap();
    let mut previous: xxgk_model::Report = toml::from_str(&text).unwrap();
    previous.meta.year = 2024;
    previous.meta.title = Some("青禾县人民政府2024年政府信息公开工作年度报告".into());
    let key = |column: &str| {
        xxgk_model::CellKey::new(
            xxgk_model::schema::TableId::Applications,
            xxgk_model::schema::applications::CARRIED_OUT,
            column,
        )
    };
    // Last year carried nothing over, although this year says 3 were carried in.
    let carried_out: Vec<xxgk_model::CellKey> = previous
        .cells()
        .map(|(k, _)| k)
        .filter(|k| {
            k.table == xxgk_model::schema::TableId::Applications
                && k.row == xxgk_model::schema::applications::CARRIED_OUT
        })
        .collect();
    for k in carried_out {
        *previous.cell_mut(&k).unwrap() = xxgk_model::Cell::int(0);
    }
    let model = dir.path().join("previous.json");
    std::fs::write(&model, serde_json::to_string(&previous).unwrap()).unwrap();
    let page = dir.path().join("previous.html");
    xxgk()
        .arg("render")
        .arg(&model)
        .args(["--to", "html", "-o"])
        .arg(&page)
        .assert()
        .success();
    let v = check_json(
        &example("qinghe-gov-2025.toml"),
        &["--previous", page.to_str().unwrap()],
        0,
    );
    assert_eq!(v["previous"]["input"], "html");
    let carried: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "X002")
        .collect();
    assert_eq!(carried.len(), 2, "{v:#}");
    let last_year = &carried[0]["related"][0]["location"];
    assert_eq!(last_year["document"], "previous");
    assert_eq!(last_year["pointer"], key("自然人").json_pointer().as_str());
    assert_eq!(last_year["source"]["kind"], "text", "{v:#}");
    let current = FileText::read(&example("qinghe-gov-2025.toml"));
    let previous_file = FileText::read(&page);
    assert!(json_positions_exist(&v, &current, Some(&previous_file)) >= 2);
    let out = check(
        &[
            example("qinghe-gov-2025.toml").as_os_str(),
            "--previous".as_ref(),
            page.as_os_str(),
        ],
        0,
    );
    let shown = format!(
        "      - 上年报告 2024 年度报告“四、结转下年度继续办理”行“自然人”列：0（{}:",
        page.display()
    );
    assert!(out.contains(&shown), "{out}");
}

#[test]
fn render_reads_published_reports_and_says_how_on_stderr() {
    let out = xxgk()
        .arg("render")
        .arg(fixture("pdf-wrapped-2024.txt"))
        .args(["--to", "md"])
        .assert()
        .success()
        .stderr(contains(format!("导入说明{}", tag(NoteCode::PageFooter))));
    let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        md.starts_with(
            "# 青禾县人民政府2024 年政府信息公开工作年度报告
"
        ),
        "{md}"
    );
    // Rendering the page back out and checking it gives the report's findings.
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("report.docx");
    xxgk()
        .arg("render")
        .arg(fixture("clean-2025.txt"))
        .args(["--to", "docx", "-o"])
        .arg(&docx)
        .assert()
        .success();
    let from_text = check_json(&fixture("clean-2025.txt"), &[], 0);
    let from_word = check_json(&docx, &[], 0);
    assert_eq!(findings(&from_word), findings(&from_text));
}

/// An imported file's outputs: the JSON adds `input`, `previous` and
/// `import_notes` to the documented form (docs/diagnostics.md), and the text shows
/// the notes on the places the findings name.
#[test]
fn outputs_of_an_imported_file_have_the_documented_form() {
    let path = "crates/xxgk-import/tests/fixtures/subtotal-rows.txt";
    let json = check(&["--format".as_ref(), "json".as_ref(), path.as_ref()], 0);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["input"], "text");
    assert!(v["previous"].is_null());
    let notes = v["import_notes"].as_array().unwrap();
    assert!(!notes.is_empty());
    for n in notes {
        let keys: Vec<&str> = n.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "document",
                "code",
                "message",
                "significant",
                "source",
                "pointer"
            ]
        );
    }
    insta::assert_snapshot!("imported_json", json);
    let text = check(&[path.as_ref()], 0);
    assert!(
        text.contains(&format!(
            "\n导入说明\n  说明{} ",
            tag(NoteCode::ShapeSubtotalRow)
        )),
        "{text}"
    );
    insta::assert_snapshot!("imported_text", text);
}

#[test]
fn a_file_that_is_not_a_report_is_refused_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notice.html");
    std::fs::write(
        &path,
        "<html><body><p>会议通知</p><p>请各单位于周五前报送材料。</p></body></html>",
    )
    .unwrap();
    for cmd in [&["check"][..], &["render", "--to", "txt"][..]] {
        xxgk()
            .args(cmd)
            .arg(&path)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains("notice.html").and(contains("不是政府信息公开工作年度报告")));
    }
    // Last year's report is named as such when it cannot be read.
    xxgk()
        .args(["check", "examples/qinghe-gov-2025.toml", "--previous"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains("上年报告无法读取").and(contains("notice.html")));
}
