//! What a rule is: plain data plus the function that finds its problems.

use xxgk_model::Report;

use crate::Severity;
use crate::context::Context;

/// A rule: plain data plus the function that finds its problems.
#[derive(Debug)]
pub struct Rule {
    /// Stable code (`T301`): a category letter and a number, never reused.
    pub code: &'static str,
    /// Kebab-case name describing the problem (`applications-unbalanced`).
    pub name: &'static str,
    /// Default severity (configuration may change it).
    pub severity: Severity,
    /// One line in Chinese saying what the rule finds.
    pub summary: &'static str,
    /// The explanation in Markdown, with the headings 检查内容, 原因, 示例, 正确写法, 依据.
    pub explanation: &'static str,
    pub(crate) check: fn(&Report, &mut Context<'_>),
}

impl Rule {
    /// The category, from the code's letter (and, for tables, its first digit).
    pub fn category(&self) -> &'static str {
        let bytes = self.code.as_bytes();
        match (bytes.first(), bytes.get(1)) {
            (Some(b'S'), _) => "结构",
            (Some(b'C'), _) => "单元格",
            (Some(b'T'), Some(b'2')) => "表二",
            (Some(b'T'), Some(b'3')) => "表三",
            (Some(b'T'), Some(b'4')) => "表四",
            (Some(b'R'), _) => "法定内容",
            (Some(b'D'), _) => "日期",
            (Some(b'X'), _) => "跨年度",
            (Some(b'N'), _) => "正文",
            _ => "其他",
        }
    }
}
