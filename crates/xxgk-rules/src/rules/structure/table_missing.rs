//! S002 table-missing: a table section printed without its table.

use xxgk_model::{Report, SectionId};

use crate::context::Context;
use crate::labels::section_name;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "S002",
    name: "table-missing",
    severity: Severity::Error,
    summary: "第二、三、四部分有标题或文字，却没有统一格式的表格（或表格是空的）",
    explanation: include_str!("table_missing.md"),
    check,
};

fn check(report: &Report, cx: &mut Context<'_>) {
    for id in SectionId::ALL {
        let Some(table_id) = id.table() else {
            continue;
        };
        let Some(section) = report.sections.table_section(table_id) else {
            continue;
        };
        // A table the file prints but its reader could not read is table-unread.
        if cx.unread.contains(&table_id) {
            continue;
        }
        let message = match &section.table {
            None => format!("{}没有表{}", section_name(report, id), table_id.numeral()),
            Some(t) if t.is_empty() => {
                format!(
                    "{}的表{}没有任何数据",
                    section_name(report, id),
                    table_id.numeral()
                )
            }
            Some(_) => continue,
        };
        cx.report(Location::section(id), message).help(format!(
            "按统一格式印出表{}的全部行列并填写数字（没有发生的填 0）；表格不要以图片形式发布。",
            table_id.numeral()
        ));
    }
}
