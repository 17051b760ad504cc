use xxgk_model::{BodyKind, Report};

use super::words::{Syntax, edits, explain, nearest};
use super::*;

/// A blank 2025 report as TOML, the way a preparer starts.
fn blank() -> String {
    toml::to_string(&Report::blank("某某县水利局", 2025, BodyKind::Department).unwrap()).unwrap()
}

fn toml_err(text: &str) -> ModelFileError {
    from_toml(text).unwrap_err()
}

fn line_of(text: &str, needle: &str) -> u32 {
    let i = text.find(needle).unwrap();
    u32::try_from(text[..i].matches('\n').count() + 1).unwrap()
}

#[test]
fn a_body_block_after_an_empty_body_names_both_lines() {
    let base = blank().replacen("body = []", "body = []\n", 1);
    let text = format!("{base}\n[[sections.overview.body]]\nparagraph = \"2025年，我局……\"\n");
    let e = toml_err(&text);
    let first = line_of(&text, "body = []");
    assert_eq!(e.line, Some(line_of(&text, "[[sections.overview.body]]")));
    assert_eq!(e.column, Some(21));
    assert!(
        e.problem
            .contains(&format!("第 {first} 行已写了 body = []")),
        "{e}"
    );
    assert!(
        e.help
            .as_deref()
            .unwrap()
            .contains(&format!("删去第 {first} 行")),
        "{e}"
    );
    assert_eq!(e.detail, "duplicate key");
}

#[test]
fn a_table_header_written_again_points_to_the_first() {
    let text = format!("{}\n[meta]\npublished = 2026-01-20\n", blank());
    let e = toml_err(&text);
    assert_eq!(e.line, Some(line_of(&text, "published")).map(|l| l - 1));
    assert!(
        e.problem
            .contains("表头 [meta] 重复：第 1 行已有同一个表头"),
        "{e}"
    );
    assert!(
        e.help.as_deref().unwrap().contains("移到第 1 行的表头下"),
        "{e}"
    );

    let header = "[sections.applications.table.\"一、本年新收政府信息公开申请数量\"]";
    let text = format!("{}\n{header}\n\"自然人\" = 3\n", blank());
    let e = toml_err(&text);
    let first = line_of(&text, header);
    assert!(
        e.problem.contains(&format!("第 {first} 行已有同一个表头")),
        "{e}"
    );
}

#[test]
fn a_key_written_twice_names_the_first_line() {
    let text = blank().replacen("year = 2025\n", "year = 2025\nyear = 2024\n", 1);
    let e = toml_err(&text);
    assert_eq!(e.line, Some(line_of(&text, "year = 2024")));
    assert!(
        e.problem.contains("键“year”重复：第 3 行已有 year = 2025"),
        "{e}"
    );
    assert!(e.help.as_deref().unwrap().contains("[meta]"), "{e}");
}

#[test]
fn an_unquoted_amount_says_to_quote_it() {
    let text = blank().replacen(
        "\"本年收费金额（单位：万元）\" = \"\"",
        "\"本年收费金额（单位：万元）\" = 1520.36",
        1,
    );
    let e = toml_err(&text);
    assert_eq!(e.line, Some(line_of(&text, "1520.36")));
    assert!(e.problem.contains("小数 1520.36 没有加引号"), "{e}");
    assert!(e.help.as_deref().unwrap().contains("\"1520.36\""), "{e}");
}

#[test]
fn syntax_errors_of_hand_editing_are_said_with_their_fix() {
    let cell = "\"自然人\" = \"\"";
    for (written, problem, help) in [
        ("\"自然人\" = 三", "文字没有加引号", "不能写成汉字"),
        ("\"自然人\" = \"3", "引号不成对", "英文双引号"),
        ("\"自然人\" ＝ 3", "缺少等号", "全角 ＝ 不算"),
        ("自然人 = 3", "必须加英文双引号", "\"自然人\" = 3"),
        ("\"自然人\" =", "等号后面缺少值", "空白单元格写 \"\""),
        ("\"自然人\" = 012", "数字或日期的写法不对", "不写前导 0"),
    ] {
        let text = blank().replacen(cell, written, 1);
        let e = toml_err(&text);
        assert_eq!(e.line, Some(line_of(&text, written)), "{written}: {e}");
        assert!(e.problem.contains(problem), "{written}: {e}");
        assert!(e.help.as_deref().unwrap().contains(help), "{written}: {e}");
    }
}

#[test]
fn data_errors_name_the_allowed_values_and_near_misses() {
    let cases = [
        (
            blank().replacen("kind = \"department\"", "kind = \"departmnet\"", 1),
            "取值“departmnet”不在可选范围内",
            "是否应为 \"department\"？可选的值：government、department、other",
        ),
        (
            blank().replacen("year = 2025", "year = 2025\npublish = 2026-01-20", 1),
            "不认识的键“publish”",
            "是否应为 published？",
        ),
        (
            blank().replacen("year = 2025", "year = \"2025\"", 1),
            "类型不对：这里应为整数，写的是文字“2025”",
            "去掉引号",
        ),
        (
            blank().replacen("agency = \"某某县水利局\"\n", "", 1),
            "缺少必填的“agency”",
            "agency = \"某某县水利局\"",
        ),
        (
            blank().replacen(
                "body = []",
                "[[sections.overview.body]]\nparagrph = \"甲\"",
                1,
            ),
            "正文块中不认识的“paragrph”",
            "paragraph = \"……\"",
        ),
        (
            format!("{}\n[sections.foo]\nheading = \"甲\"\n", blank()),
            "不认识的键“foo”",
            "overview、proactive",
        ),
        (
            blank().replacen(
                "year = 2025",
                "year = 2025\npublished = \"2026年1月20日\"",
                1,
            ),
            "“2026年1月20日”不是日期",
            "",
        ),
    ];
    for (text, problem, help) in cases {
        let e = toml_err(&text);
        assert!(e.line.is_some(), "{e}");
        assert!(e.problem.contains(problem), "{e}");
        let shown = e.to_string();
        assert!(shown.contains(help), "{shown}");
    }
}

#[test]
fn json_errors_have_their_line_and_chinese_column() {
    let json = serde_json::to_string_pretty(
        &Report::blank("某某县水利局", 2025, BodyKind::Department).unwrap(),
    )
    .unwrap();
    let text = json.replacen(
        "\"agency\": \"某某县水利局\",",
        "\"agency\": \"某某县水利局\",,",
        1,
    );
    let e = from_json(&text).unwrap_err();
    assert_eq!(e.line, Some(3));
    // The second comma, counted in characters (serde_json counts bytes).
    assert_eq!(e.column, Some(24), "{e}");
    assert!(e.problem.contains("带英文双引号的键"), "{e}");
    assert!(e.help.as_deref().unwrap().contains("多写了一个逗号"), "{e}");

    let text = json.replacen("\"year\": 2025", "\"year\": \"2025\"", 1);
    let e = from_json(&text).unwrap_err();
    assert!(e.problem.contains("应为整数"), "{e}");

    let e = from_json("{\"meta\": {\"agency\": \"某\",}}").unwrap_err();
    assert!(e.problem.contains("多余的逗号"), "{e}");
    let e = from_json("{\"meta\": {").unwrap_err();
    assert!(e.problem.contains("文件在中途结束"), "{e}");
}

#[test]
fn unknown_parser_wordings_keep_the_original_in_parentheses() {
    let (problem, help) = explain("something new", Syntax::Toml);
    assert_eq!(problem, "这里的 TOML 写法有误（解析器原文：something new）");
    assert!(help.is_some());
}

#[test]
fn a_file_that_is_not_utf8_names_the_line() {
    let bytes: Vec<u8> = [&b"[meta]\nagency = \""[..], &[0xc4, 0xe3], b"\"\n"].concat();
    let e = utf8_error(&bytes, std::str::from_utf8(&bytes).unwrap_err());
    assert_eq!(e.line, Some(2));
    assert!(e.problem.contains("UTF-8"));
}

#[test]
fn near_misses_are_at_most_two_edits_away() {
    assert_eq!(edits("publish", "published"), 2);
    assert_eq!(
        nearest("publish", &["agency", "published"]),
        Some("published")
    );
    assert_eq!(nearest("foo", &["overview", "other"]), None);
}
