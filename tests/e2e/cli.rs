//! The command line as a first-time user meets it (issue 15): `xxgk help`,
//! suggestions for mistyped options, `-` for standard input, output names that
//! say what they hold, status messages on standard error, `--version`.

use std::fs;
use xxgk_import::NoteCode;

use predicates::prelude::*;
use predicates::str::contains;

use crate::{root, tag, xxgk};

const GOV: &str = "examples/qinghe-gov-2025.toml";

#[test]
fn help_is_a_command_too() {
    let top = xxgk().arg("--help").output().unwrap();
    let help = xxgk().arg("help").output().unwrap();
    assert!(help.status.success());
    assert_eq!(help.stdout, top.stdout);
    let check = xxgk().args(["check", "--help"]).output().unwrap();
    let help_check = xxgk().args(["help", "check"]).output().unwrap();
    assert_eq!(help_check.stdout, check.stdout);
    xxgk()
        .args(["help", "chekc"])
        .assert()
        .code(2)
        .stderr(contains("没有命令“chekc”，是否要用 check？"));
}

#[test]
fn mistyped_options_and_values_get_a_suggestion() {
    xxgk()
        .current_dir(root())
        .args(["check", GOV, "--fromat", "json"])
        .assert()
        .code(2)
        .stderr(contains("不认识的参数“--fromat”，是否要用 --format？"));
    xxgk()
        .current_dir(root())
        .args(["render", GOV, "--to", "htm"])
        .assert()
        .code(2)
        .stderr(contains("“htm”无效，是否要用 html？"));
}

#[test]
fn the_kinds_are_described_one_a_line_in_init_help() {
    let out = xxgk().args(["init", "--help"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("机关类别。可选："), "{text}");
    assert!(
        text.contains("government：人民政府，次年 3 月 31 日前公布"),
        "{text}"
    );
    assert!(text.contains("other：其他机关"), "{text}");
    assert!(!text.contains("other（可选"), "{text}");
    for command in ["check", "import"] {
        let out = xxgk().args([command, "--help"]).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("PDF 文件（需 pdftotext）"),
            "{command}: {text}"
        );
        assert!(text.contains("“-”为标准输入"), "{command}: {text}");
    }
}

#[test]
fn a_dash_reads_standard_input() {
    let model = fs::read(root().join(GOV)).unwrap();
    let from_file = xxgk()
        .current_dir(root())
        .args(["check", GOV])
        .output()
        .unwrap();
    let from_stdin = xxgk()
        .args(["check", "-"])
        .write_stdin(model.clone())
        .output()
        .unwrap();
    assert_eq!(from_stdin.status.code(), Some(0));
    let text = String::from_utf8(from_stdin.stdout).unwrap();
    assert!(
        text.starts_with("标准输入：青禾县人民政府 2025 年度报告"),
        "{text}"
    );
    assert_eq!(
        text.replacen("标准输入", GOV, 1),
        String::from_utf8(from_file.stdout).unwrap()
    );
    let rendered = xxgk()
        .args(["render", "-", "--to", "txt"])
        .write_stdin(model.clone())
        .output()
        .unwrap();
    assert!(rendered.status.success());
    // A published report through a pipe, and the CSV of it.
    let csv = xxgk()
        .args(["export", "--csv", "-"])
        .write_stdin(rendered.stdout)
        .output()
        .unwrap();
    assert!(csv.status.success());
    assert!(
        String::from_utf8(csv.stdout)
            .unwrap()
            .starts_with("table,row,column,value,unit\n")
    );
    xxgk()
        .args(["render", "-", "--to", "docx"])
        .write_stdin(model)
        .assert()
        .code(2)
        .stderr(contains(
            "从标准输入读取时，请用 -o 指定 Word 文件的输出路径",
        ));
}

#[test]
fn standard_input_is_read_to_a_limit() {
    let big = vec![b' '; 64 * 1024 * 1024 + 1];
    xxgk()
        .args(["check", "-"])
        .write_stdin(big)
        .assert()
        .code(2)
        .stderr(contains("标准输入超过 64 MiB"));
}

#[test]
fn model_files_are_written_only_under_their_own_names() {
    let dir = tempfile::tempdir().unwrap();
    xxgk()
        .current_dir(dir.path())
        .args([
            "init",
            "--year",
            "2025",
            "--agency",
            "某某局",
            "--kind",
            "other",
            "-o",
            "k.yaml",
        ])
        .assert()
        .code(2)
        .stderr(contains("k.yaml 的扩展名不是 .toml 或 .json").and(contains("k.toml")));
    assert!(!dir.path().join("k.yaml").exists());
    xxgk()
        .current_dir(dir.path())
        .args([
            "init",
            "--year",
            "2025",
            "--agency",
            "某某局",
            "--kind",
            "other",
            "-o",
            "K.JSON",
        ])
        .assert()
        .success();
    assert!(
        fs::read_to_string(dir.path().join("K.JSON"))
            .unwrap()
            .starts_with('{')
    );
    xxgk()
        .arg("import")
        .arg(root().join(GOV))
        .arg("-o")
        .arg(dir.path().join("x.yaml"))
        .assert()
        .code(2)
        .stderr(contains("x.yaml 的扩展名不是 .toml 或 .json"));
}

#[test]
fn render_takes_the_format_from_the_output_name_and_warns_of_a_mismatch() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("r.md");
    xxgk()
        .arg("render")
        .arg(root().join(GOV))
        .arg("-o")
        .arg(&md)
        .assert()
        .success()
        .stdout("")
        .stderr(contains("已写入"));
    assert!(fs::read_to_string(&md).unwrap().starts_with("# "));

    let html = dir.path().join("out.html");
    xxgk()
        .arg("render")
        .arg(root().join(GOV))
        .args(["--to", "docx", "-o"])
        .arg(&html)
        .assert()
        .success()
        .stderr(contains("警告：输出文件").and(contains("扩展名表示 html，但 --to 是 docx")));
    assert!(fs::read(&html).unwrap().starts_with(b"PK"));

    xxgk()
        .arg("render")
        .arg(root().join(GOV))
        .assert()
        .code(2)
        .stderr(contains("请用 --to 指定输出格式"));
}

#[test]
fn the_same_file_refusal_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("r.md");
    fs::write(&input, "# 某某县水利局2025年政府信息公开工作年度报告\n").unwrap();
    xxgk()
        .arg("render")
        .arg(&input)
        .args(["--to", "md", "-o"])
        .arg(&input)
        .assert()
        .code(2)
        .stderr(contains("输出文件与输入文件相同").and(contains("请用 -o 指定另一个输出文件")));
}

#[test]
fn export_lists_the_notes_that_matter_and_counts_the_rest() {
    let fixture = crate::fixture("pdf-wrapped-2024.txt");
    let some = xxgk()
        .args(["export", "--csv"])
        .arg(&fixture)
        .output()
        .unwrap();
    let all = xxgk()
        .args(["export", "--csv", "--notes"])
        .arg(&fixture)
        .output()
        .unwrap();
    let some = String::from_utf8(some.stderr).unwrap();
    let all = String::from_utf8(all.stderr).unwrap();
    let hidden = some
        .lines()
        .find_map(|l| {
            l.strip_prefix("另有 ")?
                .split_once(" 条导入说明")?
                .0
                .parse::<usize>()
                .ok()
        })
        .unwrap_or_else(|| panic!("no count of hidden notes in\n{some}"));
    let notes = |s: &str| s.lines().filter(|l| l.contains("导入说明[")).count();
    assert!(hidden > 0);
    assert_eq!(notes(&some) + hidden, notes(&all), "{some}\n---\n{all}");
    assert!(!some.contains(&tag(NoteCode::LabelVariant)), "{some}");
    assert!(all.contains(&tag(NoteCode::LabelVariant)), "{all}");
}

#[test]
fn the_version_names_the_formats_and_the_rule_set() {
    let out = xxgk().arg("--version").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(&format!("xxgk {}\n", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
    assert!(
        text.contains("国办公开办函〔2019〕60号") && text.contains("国办公开办函〔2021〕30号"),
        "{text}"
    );
    let rules = xxgk().arg("rules").output().unwrap();
    let count = String::from_utf8(rules.stdout)
        .unwrap()
        .lines()
        .filter(|l| {
            l.len() > 4 && l.as_bytes()[0].is_ascii_uppercase() && l.as_bytes()[1].is_ascii_digit()
        })
        .count();
    assert!(
        text.contains(&format!("检查规则：{count} 条，规则集 ")),
        "{text}"
    );
}
