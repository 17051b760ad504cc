//! The parsers' and serde's messages said in Chinese, each with its fix.

/// Which parser spoke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Syntax {
    /// A TOML file.
    Toml,
    /// A JSON file.
    Json,
}

/// What is wrong, and how to fix it.
pub(super) type Said = (String, Option<String>);

/// A problem with its fix.
pub(super) fn said(problem: impl Into<String>, help: impl Into<String>) -> Said {
    (problem.into(), Some(help.into()))
}

/// A parser's or serde's message in Chinese, with the fix.
pub(super) fn explain(message: &str, syntax: Syntax) -> Said {
    if let Some(s) = serde_data(message) {
        return s;
    }
    let known = match syntax {
        Syntax::Toml => toml_syntax(message),
        Syntax::Json => json_syntax(message),
    };
    if let Some(s) = known {
        return s;
    }
    // Messages the model itself raises are Chinese already, the fix after 改正.
    if !message.is_ascii() {
        return match message.split_once("。改正：") {
            Some((problem, help)) => said(problem, help),
            None => (message.to_owned(), None),
        };
    }
    let what = match syntax {
        Syntax::Toml => "TOML",
        Syntax::Json => "JSON",
    };
    said(
        format!("这里的 {what} 写法有误（解析器原文：{message}）"),
        "对照 xxgk init 生成的文件检查这一行：数字直接写，文字写在英文双引号内，表头写成 [名称]",
    )
}

/// The first `` `name` `` of a message, and what follows it.
fn ticked(s: &str) -> Option<(&str, &str)> {
    let start = s.find('`')? + 1;
    let len = s[start..].find('`')?;
    Some((&s[start..start + len], &s[start + len + 1..]))
}

/// Every `` `name` `` of a message, in order.
fn all_ticked(mut s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    while let Some((name, rest)) = ticked(s) {
        out.push(name);
        s = rest;
    }
    out
}

/// Errors serde raises while building the report from well-formed TOML or JSON.
fn serde_data(message: &str) -> Option<Said> {
    if let Some(rest) = message.strip_prefix("missing field ") {
        let (field, _) = ticked(rest)?;
        let example = match field {
            "agency" => "agency = \"某某县水利局\"",
            "year" => "year = 2025",
            "kind" => "kind = \"department\"",
            "format" => "format = \"2021\"",
            "start" => "start = \"2025-01-01\"",
            "end" => "end = \"2025-12-31\"",
            _ => "",
        };
        let help = if example.is_empty() {
            format!("补上 {field}（各字段见 docs/model.md）")
        } else {
            format!("在这个表中补上一行 {example}")
        };
        return Some(said(format!("缺少必填的“{field}”"), help));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, allowed) = ticked(rest)?;
        let allowed = all_ticked(allowed);
        let mut help = if allowed.is_empty() {
            "删去这一行（这里不能写任何键）".to_owned()
        } else {
            format!("这里可写的键：{}", allowed.join("、"))
        };
        if let Some(near) = nearest(field, &allowed) {
            help = format!("是否应为 {near}？{help}");
        }
        return Some(said(format!("不认识的键“{field}”"), help));
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, allowed) = ticked(rest)?;
        let allowed = all_ticked(allowed);
        if allowed == ["heading", "paragraph"] {
            return Some(said(
                format!("正文块中不认识的“{value}”"),
                "每个 [[…body]] 块写一行 paragraph = \"……\"（段落）或 heading = \"……\"（小标题）",
            ));
        }
        let mut help = format!("可选的值：{}", allowed.join("、"));
        if let Some(near) = nearest(value, &allowed) {
            help = format!("是否应为 \"{near}\"？{help}");
        }
        return Some(said(format!("取值“{value}”不在可选范围内"), help));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ")?;
        let found = value_words(found);
        let expected = expected_words(expected);
        let help = if found.starts_with("文字“") && expected == "整数" {
            "去掉引号，直接写数字".to_owned()
        } else {
            format!("这里应写{expected}")
        };
        return Some(said(
            format!("类型不对：这里应为{expected}，写的是{found}"),
            help,
        ));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ")?;
        return Some(said(
            format!("取值不对：写的是{}", value_words(found)),
            format!("这里应写{}", expected_words(expected)),
        ));
    }
    if message.starts_with("invalid length ") {
        return Some(said(
            "个数不对",
            "正文块（[[…body]]）每块只写一行 paragraph 或 heading；数组的元素个数请对照 docs/model.md",
        ));
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        let (field, _) = ticked(rest)?;
        return Some(said(
            format!("键“{field}”重复"),
            "同一个键在一个表中只能写一次：删去其中一处",
        ));
    }
    None
}

/// What serde says it found, in words (`string "2025"`, ``integer `5` ``).
fn value_words(found: &str) -> String {
    let quoted = |s: &str| {
        s.trim_matches(|c| c == '"' || c == '`')
            .trim_end_matches(" as i128")
            .trim_end_matches('`')
            .to_owned()
    };
    if let Some(s) = found.strip_prefix("string ") {
        return format!("文字“{}”", quoted(s));
    }
    if let Some(s) = found.strip_prefix("integer ") {
        return format!("整数 {}", quoted(s));
    }
    if let Some(s) = found.strip_prefix("floating point ") {
        return format!("小数 {}", quoted(s));
    }
    if let Some(s) = found.strip_prefix("boolean ") {
        return format!("真假值 {}", quoted(s));
    }
    match found {
        "map" => "表（{…} 或 [表头]）".to_owned(),
        "sequence" => "数组 […]".to_owned(),
        "unit value" | "null" => "空值".to_owned(),
        "newtype struct" | "unit variant" | "newtype variant" | "tuple variant"
        | "struct variant" => "结构".to_owned(),
        other => format!("“{other}”"),
    }
}

/// What serde says it expected, in words (the model's own `expecting` texts are
/// Chinese already).
fn expected_words(expected: &str) -> String {
    let e = expected.trim();
    if !e.is_ascii() {
        return e.to_owned();
    }
    if [
        "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "usize",
    ]
    .contains(&e)
    {
        return "整数".to_owned();
    }
    if e == "a string" || e == "string" || e == "a borrowed string" {
        return "带英文双引号的文字".to_owned();
    }
    if e.starts_with("a sequence") {
        return "数组 […]".to_owned();
    }
    if e.starts_with("struct ") || e == "a map" || e.starts_with("map") {
        return "表（[表头] 下的若干行 键 = 值）".to_owned();
    }
    if e.starts_with("enum ") {
        return "规定的取值之一".to_owned();
    }
    if e == "a boolean" {
        return "true 或 false".to_owned();
    }
    format!("规定的写法（{e}）")
}

/// The allowed name closest to a misspelt one: at most two edits away.
pub(super) fn nearest<'a>(name: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|a| (edits(name, a), *a))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

/// Edit distance (insertions, deletions, substitutions) between two short names.
pub(super) fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// TOML syntax errors by `toml_parser`'s description (the part of its message
/// before `, expected …`): the problem and the fix.
const TOML_SYNTAX: &[(&[&str], &str, &str)] = &[
    (
        &[
            "invalid basic string",
            "invalid literal string",
            "invalid string",
            "missing opening quote",
        ],
        "引号不成对：文字缺少开头或结尾的英文双引号 \"",
        "文字前后各写一个英文双引号 \"（中文引号“”不算）",
    ),
    (
        &[
            "invalid multi-line basic string",
            "invalid multi-line literal string",
        ],
        "多行文字缺少结尾的三个引号 \"\"\"",
        "在文字末尾补上 \"\"\"",
    ),
    (
        &[
            "key with no value",
            "missing assignment between key-value pairs",
        ],
        "键后面缺少等号和值",
        "写成 \"键\" = 值，等号用英文半角 =（全角 ＝ 不算）",
    ),
    (
        &["invalid unquoted key", "unquoted keys cannot be empty"],
        "键中有中文、空格或标点，必须加英文双引号",
        "写成 \"自然人\" = 3 这样，键的前后各有一个英文双引号",
    ),
    (
        &["missing value", "missing value for key"],
        "等号后面缺少值",
        "写上值：数字直接写，文字加英文双引号，空白单元格写 \"\"",
    ),
    (
        &[
            "unclosed table",
            "unclosed array table",
            "invalid table",
            "missing table open",
        ],
        "表头不完整：缺少 [ 或 ]",
        "表头独占一行，写成 [名称] 或 [[名称]]，方括号用英文半角",
    ),
    (
        &[
            "unclosed array",
            "missing comma between array elements",
            "extra comma in array",
            "missing array opening",
            "unexpected `=` in array",
        ],
        "数组 […] 写法有误",
        "数组写成 [\"甲\", \"乙\"]：方括号成对，元素之间用英文逗号",
    ),
    (
        &[
            "unclosed inline table",
            "missing inline table opening",
            "missing key for inline table element",
            "invalid inline table element",
            "extra comma in inline table",
            "missing comma between key-value pairs",
        ],
        "行内表 {…} 写法有误",
        "写成 { 键 = 值, 键 = 值 }：花括号成对，各项之间用英文逗号",
    ),
    (
        &[
            "unexpected content",
            "unexpected key or value",
            "unexpected content between comment and newline",
            "extra assignment between key-value pairs",
            "extra `=`",
            "invalid key-value pair",
        ],
        "这一行有多余的内容",
        "每行只写一个 键 = 值；说明文字写在 # 之后（注释）",
    ),
    (
        &["invalid key"],
        "键的写法不对",
        "键写成 \"名称\"（加英文双引号）",
    ),
    (
        &[
            "invalid date",
            "invalid time",
            "invalid datetime",
            "invalid date-time",
            "invalid offset",
        ],
        "日期写法不对",
        "日期写成 2026-01-20（年-月-日，月份 01 至 12，日期不超过当月天数）",
    ),
    (
        &[
            "unexpected leading zero",
            "redundant numeric sign",
            "redundant integer number prefix",
            "unexpected sign",
            "`_` may only go between digits",
            "integers with a radix cannot be signed",
            "radix must be lowercase",
            "invalid integer number",
            "invalid float",
            "invalid exponent",
            "invalid fraction",
            "invalid mantissa",
            "invalid hexadecimal number",
            "invalid octal number",
            "invalid binary number",
            "invalid boolean",
            "invalid value",
        ],
        "数字或日期的写法不对",
        "数字直接写（如 12，不写前导 0 和千分位逗号）；小数和金额写成带引号的文字，如 \"1520.36\"；日期写成 2026-01-20",
    ),
    (
        &[
            "carriage return must be followed by newline",
            "invalid comment character",
        ],
        "这一行有无法识别的控制字符",
        "删去这一行中看不见的特殊字符，或重新输入这一行",
    ),
    (
        &["missing escaped value", "too few unicode value digits"],
        "文字中的反斜杠 \\ 写法有误",
        "反斜杠本身写成 \\\\，或把文字写在单引号 '…' 内",
    ),
    (
        &["integer number overflowed", "u64 value was too large"],
        "数字太大",
        "核对这个数字；确实如此的，写成带引号的文字",
    ),
    (
        &[
            "recursion limit",
            "cannot recurse further; max recursion depth met",
        ],
        "嵌套层数过多",
        "模型文件只有 [meta]、[sections.…] 这样几层，请对照 xxgk init 生成的文件",
    ),
    (
        &[
            "keys cannot be multi-line literal strings",
            "keys cannot be multi-line basic strings",
        ],
        "键不能写成多行文字",
        "键写成 \"名称\"",
    ),
];

/// TOML syntax errors (`toml_parser`'s wording: a description, then perhaps
/// `, expected …`).
pub(super) fn toml_syntax(message: &str) -> Option<Said> {
    let what = message.split(", expected").next().unwrap_or(message).trim();
    if what == "string values must be quoted" {
        return Some(said(
            "文字没有加引号",
            "文字写在英文双引号内，如 \"/\"；数字直接写，如 3（数字不能写成汉字，如“三”）",
        ));
    }
    TOML_SYNTAX
        .iter()
        .find(|(said_as, _, _)| said_as.contains(&what))
        .map(|(_, problem, help)| said(*problem, *help))
}

/// JSON syntax errors (`serde_json`'s wording).
fn json_syntax(message: &str) -> Option<Said> {
    let m = message;
    Some(if m.starts_with("EOF while parsing") {
        said(
            "文件在中途结束：缺少结尾的 } 或 ]，或引号不成对",
            "补全括号和引号；也可以改用 TOML 模型文件（xxgk init 生成），更便于手工编辑",
        )
    } else if m == "trailing comma" {
        said("多余的逗号", "删去 } 或 ] 前面的最后一个逗号")
    } else if m.starts_with("expected `,` or") {
        said("缺少逗号", "各项之间用英文逗号分隔，最后一项后面不加逗号")
    } else if m == "expected `:`" {
        said("键后缺少冒号", "写成 \"键\": 值")
    } else if m == "key must be a string" {
        said(
            "这里应是带英文双引号的键",
            "写成 \"键\": 值；若是多写了一个逗号，删去它",
        )
    } else if m == "expected value" || m == "expected ident" {
        said(
            "这里缺少值，或值的写法不对",
            "数字直接写，文字加英文双引号，空白单元格写 \"\"",
        )
    } else if m.starts_with("control character") {
        said("文字中有换行等控制字符", "文字必须写在一行内，换行写成 \\n")
    } else if m == "invalid escape" || m.starts_with("invalid unicode code point") {
        said("文字中的反斜杠 \\ 写法有误", "反斜杠本身写成 \\\\")
    } else if m == "invalid number" || m == "number out of range" {
        said(
            "数字的写法不对",
            "数字直接写（如 12）；小数和金额写成带引号的文字，如 \"1520.36\"",
        )
    } else if m == "trailing characters" {
        said("JSON 结束之后还有内容", "删去最后一个 } 之后的内容")
    } else if m == "recursion limit exceeded" {
        said("嵌套层数过多", "请对照 xxgk init -o 文件.json 生成的文件")
    } else {
        return None;
    })
}
