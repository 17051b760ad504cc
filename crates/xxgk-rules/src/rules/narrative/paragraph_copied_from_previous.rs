//! N007 paragraph-copied-from-previous: with last year's report given, a paragraph
//! that is last year's word for word, or nearly (in a section not already reported
//! as a whole by N006).

use xxgk_model::Report;

use crate::context::Context;
use crate::copies::{paragraph_copied, section_copied};
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "N007",
    name: "paragraph-copied-from-previous",
    severity: Severity::Info,
    summary: "某段文字与上一年度报告的一段相同或基本相同",
    explanation: include_str!("paragraph_copied_from_previous.md"),
    check,
};

fn check(_report: &Report, cx: &mut Context<'_>) {
    let all = cx.copies();
    for c in all {
        if !paragraph_copied(c) || section_copied(all, c.section).is_some() {
            continue;
        }
        let how = if c.identical {
            "与上一年度报告的一段完全相同".to_owned()
        } else {
            format!("{}% 的文字与上一年度报告相同", c.percent())
        };
        let finding = cx.report(
            Location::at(c.pointer.clone()),
            format!("第{}部分“{}”：{how}", c.section.numeral(), c.quote),
        );
        finding.help("核对这段文字是否反映了本年度的情况；沿用往年表述的，请按本年度实际更新。");
        if let Some((source, words)) = &c.source {
            finding.related(
                format!("“{words}”"),
                Location::at(source.clone()).in_previous(),
            );
        }
    }
}
