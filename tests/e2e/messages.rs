//! Every message a user sees is Chinese (issue 15): a set of errors and warnings
//! is provoked and no output holds an English sentence. The system's own words
//! may follow in parentheses (`（os error 2）`), and names of commands, options,
//! files and keys are ASCII by nature; a run of three English words outside
//! parentheses is a sentence.

use std::fs;
use std::path::Path;

use crate::{root, xxgk};

/// The first run of three or more English words outside parentheses, if any.
fn english_sentence(text: &str) -> Option<String> {
    let mut outside = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    // Words in a run are separated by spaces only: a Chinese character or
    // punctuation between two words (`government、department`) ends the run.
    for segment in outside.split(|c: char| !c.is_ascii() || c == '\n') {
        let mut run: Vec<&str> = Vec::new();
        for token in segment.split(' ') {
            let word = token.trim_end_matches([',', '.', ':', ';']);
            if word.len() >= 2 && word.chars().all(|c| c.is_ascii_alphabetic()) {
                run.push(word);
                if run.len() >= 3 {
                    return Some(run.join(" "));
                }
            } else {
                run.clear();
            }
        }
    }
    None
}

#[test]
fn the_detector_finds_english_and_passes_chinese() {
    assert_eq!(
        english_sentence("错误：无法读取 a.toml: No such file or directory (os error 2)")
            .as_deref(),
        Some("No such file")
    );
    assert!(english_sentence("TOML parse error at line 308, column 21").is_some());
    assert!(english_sentence("1520.36 is not exact: write amounts as strings").is_some());
    assert_eq!(
        english_sentence("错误：无法读取 a.toml：文件或目录不存在（os error 2）"),
        None
    );
    assert_eq!(
        english_sentence("请用 xxgk export --csv 分别导出；运行 xxgk check - < 报告.txt"),
        None
    );
}

/// A file in `dir` with `text`.
fn file(dir: &Path, name: &str, text: &str) -> String {
    fs::write(dir.join(name), text).unwrap();
    name.to_owned()
}

#[test]
fn no_message_of_a_set_of_provoked_errors_is_english() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let models = files(d);
    let runs = runs(&models);
    let mut failures = Vec::new();
    for run in &runs {
        let out = xxgk().current_dir(d).args(run).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = if out.stdout.starts_with(b"PK") {
            String::new()
        } else {
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        assert!(
            !stderr.trim().is_empty() || out.status.success(),
            "{run:?} failed without a word"
        );
        // Every provoked model-file error has its own Chinese wording: the
        // parser's words are for wordings not seen yet.
        if stderr.contains("解析器原文") {
            failures.push(format!("xxgk {}: untranslated: {stderr}", run.join(" ")));
        }
        for (stream, text) in [("stderr", stderr.as_ref()), ("stdout", stdout.as_str())] {
            if let Some(english) = english_sentence(text) {
                failures.push(format!(
                    "xxgk {}: {stream}: “{english}” in\n{text}",
                    run.join(" ")
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(runs.len() > 40);
}

/// Fills a folder with the files the provoked errors read: broken model files,
/// configurations, files that are no report; returns the model files.
fn files(d: &Path) -> Vec<String> {
    let gov = root().join("examples/qinghe-gov-2025.toml");
    let water = root().join("examples/qinghe-water-2020.toml");
    fs::copy(&gov, d.join("gov.toml")).unwrap();
    fs::copy(&water, d.join("water.toml")).unwrap();
    let blank = {
        xxgk()
            .current_dir(d)
            .args([
                "init",
                "--year",
                "2025",
                "--agency",
                "某某局",
                "--kind",
                "department",
            ])
            .assert()
            .success();
        fs::read_to_string(d.join("某某局-2025.toml")).unwrap()
    };
    let edited = |from: &str, to: &str| blank.replacen(from, to, 1);
    let cell = "\"自然人\" = \"\"";
    let models = [
        file(
            d,
            "dup-meta.toml",
            &format!("{blank}\n[meta]\npublished = 2026-01-20\n"),
        ),
        file(
            d,
            "dup-body.toml",
            &edited(
                "# [[sections.overview.body]]",
                "body = []\n[[sections.overview.body]]",
            ),
        ),
        file(
            d,
            "dup-key.toml",
            &edited("year = 2025", "year = 2025\nyear = 2024"),
        ),
        file(
            d,
            "float.toml",
            &edited(
                "\"本年收费金额（单位：万元）\" = \"\"",
                "\"本年收费金额（单位：万元）\" = 1520.36",
            ),
        ),
        file(d, "unquoted.toml", &edited(cell, "\"自然人\" = 三")),
        file(d, "open-quote.toml", &edited(cell, "\"自然人\" = \"3")),
        file(d, "no-value.toml", &edited(cell, "\"自然人\" =")),
        file(d, "bare-key.toml", &edited(cell, "自然人 = 3")),
        file(
            d,
            "kind.toml",
            &edited("kind = \"department\"", "kind = \"dept\""),
        ),
        file(
            d,
            "field.toml",
            &edited("year = 2025", "year = 2025\npublish = 2026-01-20"),
        ),
        file(d, "type.toml", &edited("year = 2025", "year = \"2025\"")),
        file(d, "missing.toml", &edited("agency = \"某某局\"\n", "")),
        file(
            d,
            "date.toml",
            &edited("year = 2025", "year = 2025\npublished = 2026-13-45"),
        ),
        file(
            d,
            "block.toml",
            &edited(
                "# [[sections.overview.body]]\n# paragraph",
                "[[sections.overview.body]]\nparagrph",
            ),
        ),
        file(d, "broken.json", "{\"meta\": {\"agency\": \"某\",}}"),
        file(d, "short.json", "{\"meta\": {"),
        file(d, "cfg-syntax.toml", "[rules\n"),
        file(d, "cfg-rule.toml", "[rules]\nS999 = \"off\"\n"),
        file(d, "not-a-report.txt", "今天天气很好。\n"),
    ];
    fs::write(d.join("old.doc"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest").unwrap();
    fs::write(d.join("broken.docx"), b"PK\x03\x04broken").unwrap();
    let two = xxgk()
        .args(["export", "--csv"])
        .arg(&gov)
        .arg(&water)
        .output()
        .unwrap();
    fs::write(d.join("two.csv"), two.stdout).unwrap();
    fs::create_dir(d.join("a-directory")).unwrap();

    models.to_vec()
}

/// The command lines run in the folder [`files`] fills.
fn runs(models: &[String]) -> Vec<Vec<String>> {
    let mut runs: Vec<Vec<String>> = Vec::new();
    let args = |a: &[&str]| a.iter().map(|s| (*s).to_owned()).collect::<Vec<String>>();
    for m in &models[..16] {
        runs.push(args(&["check", m]));
    }
    runs.extend([
        args(&["check", "gov.toml", "--config", "cfg-syntax.toml"]),
        args(&["check", "gov.toml", "--config", "cfg-rule.toml"]),
        args(&["check", "gov.toml", "--config", "nowhere.toml"]),
        args(&["check", "not-a-report.txt"]),
        args(&["check", "old.doc"]),
        args(&["check", "broken.docx"]),
        args(&["check", "two.csv"]),
        args(&["check", "nowhere.toml"]),
        args(&["check", "a-directory"]),
        args(&["check", "gov.toml", "--previous", "nowhere.html"]),
        args(&["check", "gov.toml", "--year", "2024"]),
        args(&[
            "init",
            "--year",
            "2025",
            "--agency",
            "某",
            "--kind",
            "other",
            "-o",
            "/nonexistent/dir/x.toml",
        ]),
        args(&[
            "init", "--year", "2025", "--agency", "某", "--kind", "other", "-o", "k.yaml",
        ]),
        args(&[
            "init",
            "--year",
            "2025",
            "--agency",
            "某某局",
            "--kind",
            "department",
        ]),
        args(&[
            "init", "--year", "2015", "--agency", "某", "--kind", "other",
        ]),
        args(&["render", "gov.toml", "--to", "docx", "-o", "out.html"]),
        args(&["render", "gov.toml", "--to", "md", "-o", "gov.toml"]),
        args(&["render", "gov.toml"]),
        args(&["render", "gov.toml", "--to", "txt", "--fragment"]),
        args(&["import", "gov.toml", "-o", "x.yaml"]),
        args(&["import", "a-directory"]),
        args(&["export", "gov.toml"]),
        args(&["explain", "T999"]),
        args(&["chekc", "gov.toml"]),
        args(&["frobnicate"]),
        args(&["check", "gov.toml", "--fromat", "json"]),
        args(&["check", "gov.toml", "--format", "xml"]),
        args(&["check", "gov.toml", "--year", "abc"]),
        args(&["check"]),
        args(&["help", "nope"]),
    ]);
    runs
}
