//! `docs/rules.md`, generated from the registry so that it cannot go stale.

use std::fmt::Write;

use crate::registry::{RULES, Rule};

/// The headings every explanation has, in this order.
pub const HEADINGS: [&str; 5] = ["检查内容", "原因", "示例", "正确写法", "依据"];

const INTRO: &str = "\
# xxgk 检查规则

<!-- 本文件由规则表生成，请勿手工修改。重新生成：
     cargo run -q -p xxgk-cli -- rules --markdown > docs/rules.md -->

`xxgk check` 按下列规则检查年度报告。每条规则有固定的代码（如 `T301`，永不改作他用）和描述问题的英文名称（如
`applications-unbalanced`），二者都可用于 `xxgk explain` 和配置文件。

级别：**错误**——依报告本身即可证明有误，或按统一格式的定义必然有误，应当改正；**警告**——很可能有误，但可能有正当理由，需要人工核实；
**提示**——值得注意，不一定需要改正。`xxgk check` 发现错误时退出码为 1。

报告年度不明时（导入时从标题、统计期限都读不出年度，记为 0，并有导入说明），与年度有关的检查——公布期限、
统计期限、格式版本、信息处理费的说明、上年报告的年度（D001–D003、S005、S006、R001、X001）——不进行；
请用 `--year` 指定年度后再检查。

## 配置

`xxgk check --config 文件` 读取 TOML 配置：

```toml
# 关闭规则或改变级别：键为规则代码或名称，值为 \"off\"、\"error\"、\"warning\"、\"info\"
[rules]
S004 = \"off\"
heading-not-official = \"info\"

# 本地公布期限（报告年度次年的“月-日”），只能早于条例第四十九条的期限
[deadlines]
department = \"01-25\"   # 政府部门，条例规定为 1月31日
government = \"02-20\"   # 人民政府，条例规定为 3月31日
other = \"01-31\"        # 其他机关，条例未直接规定，默认按 3月31日
```

配置有误（未知的规则、取值或期限）时，`xxgk check` 报告出错的配置项并以退出码 2 结束。

## 规则一览

";

/// The whole of `docs/rules.md`.
pub fn markdown() -> String {
    let mut out = String::from(INTRO);
    out.push_str("| 代码 | 名称 | 类别 | 默认级别 | 检查内容 |\n|---|---|---|---|---|\n");
    for rule in RULES {
        let _ = writeln!(
            out,
            "| [{code}](#{anchor}) | `{name}` | {category} | {severity} | {summary} |",
            code = rule.code,
            anchor = anchor(rule),
            name = rule.name,
            category = rule.category(),
            severity = rule.severity.label(),
            summary = rule.summary,
        );
    }
    for rule in RULES {
        out.push('\n');
        out.push_str(&section(rule));
    }
    out
}

/// The Markdown heading anchor of a rule's section (`s001-section-missing`).
fn anchor(rule: &Rule) -> String {
    format!("{}-{}", rule.code.to_ascii_lowercase(), rule.name)
}

/// One rule's section: heading, facts, then its explanation with headings one level
/// down.
pub fn section(rule: &Rule) -> String {
    let mut out = format!(
        "## {} {}\n\n{}\n\n类别：{}；默认级别：{}。\n",
        rule.code,
        rule.name,
        rule.summary,
        rule.category(),
        rule.severity.label()
    );
    for line in rule.explanation.trim_end().lines() {
        out.push('\n');
        if let Some(heading) = line.strip_prefix("## ") {
            out.push_str("### ");
            out.push_str(heading);
        } else {
            out.push_str(line);
        }
    }
    out.push('\n');
    out
}
