//! S012 sections-unread: sections the reader could not tell apart in the file
//! (no heading found where the file seems to print one). The file may contain
//! them: this rule says so once, in place of section-missing for each.

use xxgk_model::{Pointer, Report, SectionId};

use crate::context::Context;
use crate::registry::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "S012",
    name: "sections-unread",
    severity: Severity::Warning,
    summary: "未能从文件中分出某些部分（找不到其标题），这些部分是否齐全没有核对",
    explanation: include_str!("sections_unread.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    let unfound: Vec<SectionId> = SectionId::ALL
        .into_iter()
        .filter(|id| cx.unfound.contains(id) && report.sections.get(*id).is_none())
        .collect();
    if unfound.is_empty() {
        return;
    }
    let names: Vec<String> = unfound
        .iter()
        .map(|id| {
            let heading = report.spec().heading(*id);
            format!("“{heading}”")
        })
        .collect();
    let message = if unfound.len() == SectionId::ALL.len() {
        "未能从文件中找到任何一个部分的标题（见导入说明），无法分出六个部分，各部分是否印出没有核对"
            .to_owned()
    } else {
        format!(
            "未能从文件中分出{}（没有找到单独成行的标题，见导入说明），这些部分是否印出没有核对",
            names.join("、")
        )
    };
    cx.report(Location::at(Pointer::root().child("sections")), message).help(
        "这是读取文件时的缺漏，不一定是报告的问题：请对照原文件核对，或改用保留换行的网页原文（HTML）、Word 文件重新检查。",
    );
}
