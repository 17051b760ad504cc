//! S004 sections-out-of-order: the sections are not printed in the order 一 to 六.

use xxgk_model::{Pointer, Report, SectionId};

use crate::context::Context;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "S004",
    name: "sections-out-of-order",
    severity: Severity::Warning,
    summary: "各部分的先后顺序与统一格式不同",
    explanation: include_str!("sections_out_of_order.md"),
    check,
};

fn numerals(ids: &[SectionId]) -> String {
    ids.iter()
        .map(|s| s.numeral())
        .collect::<Vec<_>>()
        .join("、")
}

fn check(report: &Report, cx: &mut Context<'_>) {
    let printed = report.published_order();
    let mut official = printed.clone();
    official.sort();
    official.dedup();
    if printed == official {
        return;
    }
    cx.report(
        Location::at(Pointer::order()),
        format!(
            "各部分的顺序为 {}，统一格式的顺序为 {}",
            numerals(&printed),
            numerals(&official)
        ),
    )
    .help("按统一格式的顺序排列：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。");
}
