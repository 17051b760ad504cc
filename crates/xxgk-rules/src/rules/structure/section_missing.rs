//! S001 section-missing: one of the six sections is absent.

use xxgk_model::{Report, SectionId};

use crate::context::Context;
use crate::labels::section_name;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "S001",
    name: "section-missing",
    severity: Severity::Error,
    summary: "年度报告缺少统一格式六个部分中的某一部分",
    explanation: include_str!("section_missing.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    for id in SectionId::ALL {
        // A section the reader could not tell apart is sections-unread's.
        if report.sections.get(id).is_some() || cx.unfound.contains(&id) {
            continue;
        }
        let heading = report.spec().heading(id);
        let help = if id.table().is_some() {
            format!("补上“{heading}”及其表格；没有发生相关情况的，也应保留本部分，表格各项填 0。")
        } else {
            format!("补上“{heading}”；没有需要报告的内容的，也应保留标题并写明“无”。")
        };
        cx.report(
            Location::section(id),
            format!("缺少{}", section_name(report, id)),
        )
        .help(help);
    }
}
