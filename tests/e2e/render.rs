//! `xxgk render` turns model files into text, Markdown, HTML and Word, writes files
//! atomically without replacing them unless asked, and refuses what cannot work.

use std::fs;
use std::path::PathBuf;

use predicates::str::contains;

use crate::{root, xxgk};

fn example(name: &str) -> PathBuf {
    root().join("examples").join(name)
}

const EXAMPLES: [&str; 2] = ["qinghe-gov-2025.toml", "qinghe-water-2020.toml"];

/// Whether bytes are a zip package holding a Word body.
fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && bytes.windows(17).any(|w| w == b"word/document.xml")
}

#[test]
fn text_formats_go_to_stdout() {
    for name in EXAMPLES {
        let title = if name.contains("gov") {
            "青禾县人民政府2025年政府信息公开工作年度报告"
        } else {
            "青禾县水利局2020年政府信息公开工作年度报告"
        };
        let txt = xxgk()
            .arg("render")
            .arg(example(name))
            .args(["--to", "txt"])
            .assert()
            .success();
        let out = String::from_utf8(txt.get_output().stdout.clone()).unwrap();
        assert!(out.starts_with(&format!("{title}\n")));
        assert!(out.contains("\n三、本年度办理结果\t（一）予以公开\t"));
        let md = xxgk()
            .arg("render")
            .arg(example(name))
            .args(["--to", "md"])
            .assert()
            .success();
        assert!(
            String::from_utf8_lossy(&md.get_output().stdout).starts_with(&format!("# {title}\n"))
        );
        xxgk()
            .arg("render")
            .arg(example(name))
            .args(["--to", "html"])
            .assert()
            .success()
            .stdout(predicates::str::starts_with(
                "<!doctype html>\n<html lang=\"zh-CN\">",
            ))
            .stdout(contains(format!("<title>{title}</title>")));
        xxgk()
            .arg("render")
            .arg(example(name))
            .args(["--to", "html", "--fragment"])
            .assert()
            .success()
            .stdout(predicates::str::starts_with(
                "<article class=\"xxgk-report\"",
            ));
    }
}

#[test]
fn expanded_text_fills_merged_positions() {
    xxgk()
        .arg("render")
        .arg(example(EXAMPLES[0]))
        .args(["--to", "txt", "--expand-merged"])
        .assert()
        .success()
        .stdout(contains("\n第二十条第（一）项\t\t\t\n"))
        .stdout(contains("\n\t（三）不予公开\t1.属于国家秘密\t"));
}

#[test]
fn word_files_are_written_with_o_or_next_to_the_input() {
    let dir = tempfile::tempdir().unwrap();
    for name in EXAMPLES {
        let out = dir.path().join(name.replace(".toml", "-o.docx"));
        xxgk()
            .arg("render")
            .arg(example(name))
            .args(["--to", "docx", "-o"])
            .arg(&out)
            .assert()
            .success()
            .stdout("")
            .stderr(contains("已写入"));
        assert!(is_docx(&fs::read(&out).unwrap()));

        let input = dir.path().join(name);
        fs::copy(example(name), &input).unwrap();
        xxgk()
            .arg("render")
            .arg(&input)
            .args(["--to", "docx"])
            .assert()
            .success();
        let next_to = input.with_extension("docx");
        let first = fs::read(&next_to).unwrap();
        assert!(is_docx(&first));
        // Rendering again gives the same bytes.
        xxgk()
            .arg("render")
            .arg(&input)
            .args(["--to", "docx", "--force"])
            .assert()
            .success();
        assert_eq!(fs::read(&next_to).unwrap(), first);
    }
}

#[test]
fn existing_files_are_kept_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    fs::write(&out, "edited by hand").unwrap();
    xxgk()
        .arg("render")
        .arg(example(EXAMPLES[1]))
        .args(["--to", "html", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("已存在"));
    assert_eq!(fs::read_to_string(&out).unwrap(), "edited by hand");
    xxgk()
        .arg("render")
        .arg(example(EXAMPLES[1]))
        .args(["--to", "html", "--force", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("<!doctype html>")
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn word_goes_to_stdout_only_when_asked_and_not_to_a_terminal() {
    // Through a pipe (as here) `-o -` is allowed.
    let assert = xxgk()
        .arg("render")
        .arg(example(EXAMPLES[0]))
        .args(["--to", "docx", "-o", "-"])
        .assert()
        .success();
    assert!(is_docx(&assert.get_output().stdout));
}

#[test]
fn options_of_another_format_are_refused() {
    xxgk()
        .arg("render")
        .arg(example(EXAMPLES[0]))
        .args(["--to", "txt", "--fragment"])
        .assert()
        .code(2)
        .stderr(contains("--fragment"));
    xxgk()
        .arg("render")
        .arg(example(EXAMPLES[0]))
        .args(["--to", "html", "--expand-merged"])
        .assert()
        .code(2)
        .stderr(contains("--expand-merged"));
}

#[test]
fn bad_input_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    fs::write(&bad, "[meta]\nagency = 1\n").unwrap();
    xxgk()
        .arg("render")
        .arg(&bad)
        .args(["--to", "txt"])
        .assert()
        .code(2)
        .stderr(contains("bad.toml"));
    xxgk()
        .arg("render")
        .arg(dir.path().join("missing.toml"))
        .args(["--to", "md"])
        .assert()
        .code(2)
        .stderr(contains("missing.toml"));
    // Writing over the input is refused before anything is read.
    xxgk()
        .arg("render")
        .arg(&bad)
        .args(["--to", "html", "--force", "-o"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(contains("输出文件与输入文件相同"));
    assert_eq!(fs::read_to_string(&bad).unwrap(), "[meta]\nagency = 1\n");
}
