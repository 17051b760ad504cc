//! R003 section-empty: section 一 or 五 printed without content (nothing, or only
//! “无”), or section 六 printed with nothing under its heading.

use xxgk_model::{Report, SectionId};

use crate::context::Context;
use crate::labels::{section_name, section_text};
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "R003",
    name: "section-empty",
    severity: Severity::Warning,
    summary: "第一、五部分没有内容或只写“无”，第六部分标题下没有任何文字",
    explanation: include_str!("section_empty.md"),
    check,
};

/// Text that says nothing: empty, or “无” with punctuation.
fn says_nothing(text: &str) -> bool {
    let core: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !"。.，,；;：:、".contains(*c))
        .collect();
    core.is_empty() || core == "无"
}

fn check(report: &Report, cx: &mut Context<'_>) {
    for id in [SectionId::Overview, SectionId::Problems, SectionId::Other] {
        if report.sections.get(id).is_none() {
            continue;
        }
        let text = section_text(report, id).unwrap_or_default();
        // Section 六 may say 无 when there is nothing else to report (before 2021).
        let empty = if id == SectionId::Other {
            text.trim().is_empty()
        } else {
            says_nothing(&text)
        };
        if !empty {
            continue;
        }
        let name = section_name(report, id);
        let message = if text.trim().is_empty() {
            format!("{name}没有内容")
        } else {
            format!("{name}只写了“{}”", text.trim())
        };
        let help = match id {
            SectionId::Overview => {
                "按统一格式从主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面综述全年工作。"
            }
            SectionId::Problems => {
                "写明本年度政府信息公开工作存在的主要问题和改进情况（条例第五十条第四项），并说明上年度问题的整改情况。"
            }
            _ => {
                "写明其他需要报告的事项；没有的写“无”（2021 年度起还应说明信息处理费的收取情况）。"
            }
        };
        cx.report(Location::section(id), message).help(help);
    }
}
