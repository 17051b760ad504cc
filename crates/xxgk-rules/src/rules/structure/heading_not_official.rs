//! S003 heading-not-official: a section heading not in the official wording, or no
//! heading at all. Differences in white space and in half-width versus full-width
//! punctuation are tolerated.

use xxgk_model::{FormatVersion, Pointer, Report, SectionId};

use crate::context::Context;
use crate::labels::normalise;
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "S003",
    name: "heading-not-official",
    severity: Severity::Warning,
    summary: "某部分的标题不是统一格式的表述，或没有标题",
    explanation: include_str!("heading_not_official.md"),
    check,
};

/// The 2019 reports print heading 五 in one of two wordings; no 2019 template was
/// read to say which is official, so both are accepted there.
const PROBLEMS_2019: &str = "五、政府信息公开工作存在的主要问题及改进情况";

fn accepted(version: FormatVersion, id: SectionId, heading: &str) -> bool {
    let official = version.spec().heading(id);
    let heading = normalise(heading);
    heading == normalise(official)
        || version == FormatVersion::V2019
            && id == SectionId::Problems
            && heading == normalise(PROBLEMS_2019)
}

fn check(report: &Report, cx: &mut Context<'_>) {
    let version = report.meta.format;
    for id in SectionId::ALL {
        let Some(section) = report.sections.get(id) else {
            continue;
        };
        let official = version.spec().heading(id);
        match section.heading() {
            Some(h) if accepted(version, id, h) => {}
            Some(h) => {
                cx.report(
                    Location::at(Pointer::heading(id)),
                    format!("第{}部分标题“{h}”不是统一格式的表述", id.numeral()),
                )
                .help(format!("改为“{official}”"));
            }
            None => {
                cx.report(
                    Location::section(id),
                    format!("第{}部分没有标题", id.numeral()),
                )
                .help(format!("加上标题“{official}”"));
            }
        }
    }
}
